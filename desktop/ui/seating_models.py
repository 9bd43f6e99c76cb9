"""The 分桌 screen's item models and the card delegate: every table is one row of
``TablesModel`` painted as a card by ``TableCardDelegate`` and every person one row of a
``PeopleModel`` — no widget per table or per person, so 1,250 tables and 10,000 people show
as fast as six tables and forty (the view asks only for the rows it paints).

Dragging a person (``MIME``: the registration id) onto a card or a people list emits
``dropped(registration_id, table_id)``; the screen asks the seating service to move them and
refreshes the models from the database, so no model changes its own rows on a drop.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from desktop.core.text import match_key
from desktop.services.seatview import SeatMember, TableView
from desktop.ui.palette import ALERT

translate = QCoreApplication.translate
MIME = "application/x-workshop-desk-registration"
WARN = QColor(ALERT)
CONFLICT_BG = QColor("#F8D0D0")
TABLE_ROLE = Qt.ItemDataRole.UserRole + 1  # the row's TableView
LINES_ROLE = Qt.ItemDataRole.UserRole + 2  # (text, bold, conflict) per member, in order
FOOTER_ROLE = Qt.ItemDataRole.UserRole + 3  # (agency spread text, warning text)
MAX_MEMBER_LINES = 12  # a bigger table's card ends with "…另 n 人"

Index = QModelIndex | QPersistentModelIndex


def _registration(data: QMimeData) -> int | None:
    if not data.hasFormat(MIME):
        return None
    text = bytes(data.data(MIME).data()).decode()
    return int(text) if text.isdigit() else None


def member_text(m: SeatMember) -> str:
    """A person's line on a card and in a people list: pinned, conflict, name, leader, agency."""
    marks = (translate("PeopleModel", "〔釘〕") if m.pinned else "") + ("⚠ " if m.conflict else "")
    leader = translate("PeopleModel", "（桌長）") if m.is_leader else ""
    return f"{marks}{m.name}{leader}　{m.agency}"


class TablesModel(QAbstractListModel):
    """One row per table of the session, in table-number order."""

    dropped = Signal(int, object)  # registration id, table id

    def __init__(self) -> None:
        super().__init__()
        self.tables: tuple[TableView, ...] = ()

    def set_tables(self, tables: Sequence[TableView]) -> None:
        self.beginResetModel()
        self.tables = tuple(tables)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.tables)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.tables):
            return None
        table = self.tables[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # The leader is the bold line marked （桌長） below: named here too, the heading
            # was cut to 「桌長 林…」 on a card as wide as its agencies.
            return self.tr("第 {n} 桌　{size}/{cap} 人").format(
                n=table.number, size=table.size, cap=table.capacity
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            # Every line whole, for the ones a narrow card elides.
            return "\n".join([table.name, *(member_text(m) for m in table.members)])
        if role == TABLE_ROLE:
            return table
        if role == LINES_ROLE:
            return [self._line(m) for m in table.members]
        if role == FOOTER_ROLE:
            return self._footer(table)
        return None

    def _line(self, m: SeatMember) -> tuple[str, bool, bool]:
        return member_text(m), m.is_leader, m.conflict

    def _footer(self, table: TableView) -> tuple[str, str]:
        agencies = len({match_key(m.agency) for m in table.members})
        spread = self.tr("{n} 個機關").format(n=agencies)
        warnings = []
        if table.conflicts:
            names = "、".join(table.conflicts)
            warnings.append(self.tr("⚠ 同機關：{names}").format(names=names))
        if table.size > table.capacity:
            warnings.append(self.tr("⚠ 超過容量"))
        return spread, "　".join(warnings)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return parent.isValid() and _registration(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        registration_id = _registration(data)
        if registration_id is None or not parent.isValid():
            return False
        self.dropped.emit(registration_id, self.tables[parent.row()].id)
        return True


class PeopleModel(QAbstractListModel):
    """The people at one table (``table_id``), or the unseated (``table_id`` None)."""

    dropped = Signal(int, object)  # registration id, table id (None: unseated)

    def __init__(self) -> None:
        super().__init__()
        self.table_id: int | None = None
        self.people: tuple[SeatMember, ...] = ()

    def set_people(self, people: Sequence[SeatMember], table_id: int | None) -> None:
        self.beginResetModel()
        self.people, self.table_id = tuple(people), table_id
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.people)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self.people):
            return None
        m = self.people[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return member_text(m)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{m.agency} {m.unit} {m.title}"
        if role == Qt.ItemDataRole.BackgroundRole and m.conflict:
            return QBrush(CONFLICT_BG)
        if role == Qt.ItemDataRole.FontRole and m.is_leader:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.UserRole:
            return m.registration_id
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        if indexes:
            registration_id = self.people[indexes[0].row()].registration_id
            data.setData(MIME, QByteArray(str(registration_id).encode()))
        return data

    def supportedDragActions(self) -> Qt.DropAction:
        # Copy, not move: the source list must not remove the row; the refresh moves it.
        return Qt.DropAction.CopyAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return _registration(data) is not None

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        registration_id = _registration(data)
        if registration_id is None:
            return False
        self.dropped.emit(registration_id, self.table_id)
        return True


class TableCardDelegate(QStyledItemDelegate):
    """Paints a table as a card: number, size and leader; its people (the leader bold, a
    colleague of someone else at the table on red); the agency spread and any warning."""

    MIN_WIDTH = 200  # narrower, a 12-character agency name is cut short on every card

    def __init__(self) -> None:
        super().__init__()
        self.member_lines = 7  # the largest table's people, set by the screen per session
        self.width = 250  # set by ``fit_columns`` to fill the view's width

    def fit_columns(self, available: int, spacing: int) -> bool:
        """Cards as wide as fill ``available`` pixels in as many columns as fit at least
        ``MIN_WIDTH`` wide (three on a 1366-pixel laptop in either language, whatever the side
        panel's buttons take); True when the width changed."""
        columns = max(1, available // (self.MIN_WIDTH + 2 * spacing))
        width = max(self.MIN_WIDTH, available // columns - 2 * spacing - 1)
        changed, self.width = width != self.width, width
        return changed

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.height() + 2
        return QSize(self.width, (min(self.member_lines, MAX_MEMBER_LINES) + 2) * line + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        lines: list[tuple[str, bool, bool]] = index.data(LINES_ROLE)
        spread, warning = index.data(FOOTER_ROLE)
        painter.save()
        card = option.rect.adjusted(3, 3, -3, -3)
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.fillRect(card, palette.base())
        if selected:
            border = QPen(palette.highlight().color(), 3)
        elif warning:
            border = QPen(WARN, 2)
        else:
            border = QPen(palette.mid().color(), 1)
        painter.setPen(border)
        painter.drawRect(card)
        metrics = option.fontMetrics
        step = metrics.height() + 2
        inner = card.adjusted(7, 5, -7, -5)
        bold = QFont(option.font)
        bold.setBold(True)

        def text(y: int, value: str, font: QFont, colour: QColor) -> None:
            painter.setFont(font)
            painter.setPen(colour)
            row = QRect(inner.left(), y, inner.width(), step)
            shown = painter.fontMetrics().elidedText(
                value, Qt.TextElideMode.ElideRight, row.width()
            )
            painter.drawText(row, Qt.AlignmentFlag.AlignVCenter, shown)

        ink = palette.text().color()
        y = inner.top()
        text(y, str(index.data(Qt.ItemDataRole.DisplayRole)), bold, ink)
        y += step
        room = min(self.member_lines, MAX_MEMBER_LINES)
        shown = lines if len(lines) <= room else lines[: room - 1]
        for value, leader, conflict in shown:
            if conflict:
                painter.fillRect(QRect(inner.left(), y, inner.width(), step), CONFLICT_BG)
            text(y, value, bold if leader else option.font, WARN if conflict else ink)
            y += step
        if len(shown) < len(lines):
            more = self.tr("…另 {n} 人").format(n=len(lines) - len(shown))
            text(y, more, option.font, ink)
        footer = inner.bottom() - step + 1
        text(
            footer,
            f"{spread}　{warning}" if warning else spread,
            option.font,
            WARN if warning else palette.placeholderText().color(),
        )
        painter.restore()
