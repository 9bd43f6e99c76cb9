"""A read-only table model over frozen row dataclasses, with columns declared once."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

Row = TypeVar("Row")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Column(Generic[Row]):
    header: str
    value: Callable[[Row], Any]
    align_right: bool = False
    colour: Callable[[Row], str | None] | None = None  # the text's colour ("#B00020"), if any
    # Long free text (agency, a title, a problem): the column may be narrower than its text,
    # elided, with the whole text on hover (the convention tests/ui/fits.py checks).
    elides: bool = False


class RowTableModel(QAbstractTableModel, Generic[Row]):
    ROW_ROLE = Qt.ItemDataRole.UserRole + 1

    def __init__(self, columns: Sequence[Column[Row]], parent: Any = None) -> None:
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: tuple[Row, ...] = ()

    def set_rows(self, rows: Sequence[Row]) -> None:
        self.beginResetModel()
        self._rows = tuple(rows)
        self.endResetModel()

    def remove_sorted(self, key: Callable[[Row], Any], values: Iterable[Any]) -> None:
        """Take out the rows whose ``key`` is one of ``values``, the rows being sorted by
        ``key``. Each on its own: the view keeps its scroll position and the other rows (a
        reset would re-lay out every row); each is found by bisection, so taking one out costs
        the same at 50,000 rows as at 40."""
        for value in sorted(values, reverse=True):
            at = bisect_left(self._rows, value, key=key)
            if at < len(self._rows) and key(self._rows[at]) == value:
                self.beginRemoveRows(QModelIndex(), at, at)
                self._rows = self._rows[:at] + self._rows[at + 1 :]
                self.endRemoveRows()

    def row_at(self, row: int) -> Row:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = column.value(row)
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.ToolTipRole and column.elides:
            value = column.value(row)
            return None if value is None else str(value)
        if role == Qt.ItemDataRole.ForegroundRole and column.colour is not None:
            colour = column.colour(row)
            return None if colour is None else QColor(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and column.align_right:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == self.ROW_ROLE:
            return row
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self._columns[section].header
        return None


def row_table_view(model: RowTableModel[Any], name: str, *, single: bool = False) -> QTableView:
    """A read-only list view of ``model``: whole rows selected, zebra rows, columns sized to
    their content with the last one stretched. ``single``: one row at a time."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    if single:
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view
