"""分桌: the session's tables side by side — size, leader and same-agency conflicts at a glance;
drag people between tables, pin and unpin, undo and redo; run the plan, apply a template,
switch seating on arrival, print tent cards and rosters."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.services import seating
from desktop.services.events import SessionInfo
from desktop.ui.messages import error_text
from desktop.ui.screens.base import Screen, ScreenContext

MIME = "application/x-workshop-desk-registration"
CONFLICT_BG = QColor("#F8D0D0")
COLUMNS = 3


class MemberList(QListWidget):
    """A table's people; dropping someone here asks the screen to move them (the list itself
    is rebuilt from the database afterwards)."""

    dropped = Signal(int, object)  # registration id, table id (None: unseated)

    def __init__(self, table_id: int | None) -> None:
        super().__init__()
        self.table_id = table_id
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME]

    def mimeData(self, items) -> QMimeData:  # type: ignore[no-untyped-def]  # noqa: N802
        data = QMimeData()
        if items:
            data.setData(MIME, str(items[0].data(Qt.ItemDataRole.UserRole)).encode())
        return data

    def dragEnterEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if event.mimeData().hasFormat(MIME):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if not event.mimeData().hasFormat(MIME):
            event.ignore()
            return
        registration_id = int(bytes(event.mimeData().data(MIME)).decode())
        event.setDropAction(Qt.DropAction.CopyAction)  # the source list must not delete it
        event.accept()
        self.dropped.emit(registration_id, self.table_id)


class TableCard(QFrame):
    def __init__(self, title: str, table_id: int | None) -> None:
        super().__init__()
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(title)
        self.heading.setWordWrap(True)
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #B00020;")
        self.members = MemberList(table_id)
        self.members.setMinimumHeight(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.heading)
        layout.addWidget(self.warning)
        layout.addWidget(self.members, 1)


class _Command(QUndoCommand):
    """One service call: done once before it is pushed, then undone and redone on request."""

    def __init__(
        self, screen: TablesScreen, text: str, redo: Callable[[], None], undo: Callable[[], None]
    ) -> None:
        super().__init__(text)
        self.screen = screen
        self._redo, self._undo = redo, undo
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.screen.run(self._redo)

    def undo(self) -> None:
        self.screen.run(self._undo)


class TablesScreen(Screen):
    action = "tables.edit"

    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.setObjectName("tables")
        self.view: seating.SeatingView | None = None
        self.undo_stack = QUndoStack(self)
        self.cards: dict[int | None, TableCard] = {}

        self.assign_button = QPushButton(self.tr("自動分桌"))
        self.assign_button.setObjectName("tablesAssign")
        self.assign_button.clicked.connect(self.assign)
        self.count_spin = QSpinBox()
        self.count_spin.setRange(1, 500)
        self.count_spin.setValue(6)
        self.capacity_spin = QSpinBox()
        self.capacity_spin.setRange(1, 100)
        self.capacity_spin.setValue(7)
        self.template_button = QPushButton(self.tr("套用範本"))
        self.template_button.clicked.connect(self.apply_template)
        self.arrival_box = QCheckBox(self.tr("報到時分桌"))
        self.arrival_box.setToolTip(self.tr("開啟後，報到時才依已到場者安排桌次"))
        self.arrival_box.toggled.connect(self._on_arrival_toggled)
        self.pin_button = QPushButton(self.tr("釘選／取消釘選"))
        self.pin_button.clicked.connect(self.toggle_pin)
        self.undo_button = QPushButton(self.tr("復原"))
        self.undo_button.clicked.connect(self.undo_stack.undo)
        self.redo_button = QPushButton(self.tr("重做"))
        self.redo_button.clicked.connect(self.undo_stack.redo)
        self.undo_stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.undo_stack.canRedoChanged.connect(self.redo_button.setEnabled)
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        self.print_buttons = []
        for kind, label in (
            ("tents", self.tr("列印桌牌")),
            ("rosters", self.tr("各桌名單")),
            ("overview", self.tr("分桌總覽")),
        ):
            button = QPushButton(label)
            button.clicked.connect(lambda _=False, k=kind: self.save_pdf(k))
            self.print_buttons.append(button)

        bar = QHBoxLayout()
        bar.addWidget(self.assign_button)
        bar.addSpacing(12)
        bar.addWidget(self.count_spin)
        bar.addWidget(QLabel(self.tr("桌 ×")))
        bar.addWidget(self.capacity_spin)
        bar.addWidget(QLabel(self.tr("人")))
        bar.addWidget(self.template_button)
        bar.addSpacing(12)
        bar.addWidget(self.arrival_box)
        bar.addWidget(self.pin_button)
        bar.addWidget(self.undo_button)
        bar.addWidget(self.redo_button)
        bar.addStretch(1)

        self.summary = QLabel()
        self.summary.setObjectName("tablesSummary")
        self.summary.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("tablesMessage")
        self.message.setWordWrap(True)
        self.grid_host = QWidget()
        self.grid = QGridLayout(self.grid_host)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_host)
        # The printouts sit beside the summary, not at the end of the toolbar: one row of
        # every control was wider than a 1366-pixel laptop in English.
        texts = QVBoxLayout()
        texts.addWidget(self.summary)
        texts.addWidget(self.message)
        second = QHBoxLayout()
        second.addLayout(texts, 1)
        for button in self.print_buttons:
            second.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addLayout(second)
        layout.addWidget(scroll, 1)

    def title(self) -> str:
        return self.tr("分桌")

    # ------------------------------------------------------------ showing

    def show_session(self, session: SessionInfo | None) -> None:
        if self.view is None or session is None or self.view.session_id != session.id:
            self.undo_stack.clear()
        if session is None:
            self.view = None
            self._clear_grid()
            self.summary.setText(self.tr("尚無場次。"))
            return
        self.view = seating.show(self.context.db, session.id)
        self.arrival_box.blockSignals(True)
        self.arrival_box.setChecked(self.view.on_arrival)
        self.arrival_box.blockSignals(False)
        self._fill(self.view)

    def _clear_grid(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().setParent(None)
                item.widget().deleteLater()
        self.cards = {}

    def _fill(self, view: seating.SeatingView) -> None:
        self._clear_grid()
        for index, table in enumerate(view.tables):
            card = TableCard("", table.id)
            over = table.size > table.capacity
            leader = table.leader_name or self.tr("（未定）")
            card.heading.setText(
                self.tr("<b>第 {n} 桌</b>　桌長 {leader}　<b>{size}/{cap}</b> 人").format(
                    n=table.number, leader=leader, size=table.size, cap=table.capacity
                )
            )
            warnings = []
            if table.conflicts:
                names = "、".join(table.conflicts)
                warnings.append(self.tr("⚠ 同機關：{names}").format(names=names))
            if over:
                warnings.append(self.tr("⚠ 超過容量"))
            card.warning.setText("　".join(warnings))
            card.warning.setVisible(bool(warnings))
            if warnings:
                card.setStyleSheet("TableCard { border: 2px solid #B00020; }")
            for member in table.members:
                card.members.addItem(self._item(member))
            self._wire(card)
            self.grid.addWidget(card, index // COLUMNS, index % COLUMNS)
        unseated = TableCard(self.tr("<b>未分桌</b>　{n} 人").format(n=len(view.unseated)), None)
        unseated.warning.setVisible(False)
        for member in view.unseated:
            unseated.members.addItem(self._item(member))
        self._wire(unseated)
        rows = (len(view.tables) + COLUMNS - 1) // COLUMNS
        self.grid.addWidget(unseated, rows, 0, 1, COLUMNS)
        sizes = [t.size for t in view.tables]
        text = self.tr("{tables} 桌，已分桌 {seated} 人，未分桌 {unseated} 人").format(
            tables=len(view.tables), seated=sum(sizes), unseated=len(view.unseated)
        )
        if sizes:
            text += self.tr("，每桌 {low}–{high} 人").format(low=min(sizes), high=max(sizes))
        if view.unmet:
            text += "<br>" + "<br>".join(f"⚠ {u.message}" for u in view.unmet[:8])
        else:
            text += self.tr("<br>✓ 各桌人數平均，沒有同機關同桌")
        self.summary.setText(text)

    def _wire(self, card: TableCard) -> None:
        card.members.dropped.connect(self.move_person)
        self.cards[card.members.table_id] = card

    def _item(self, member: seating.SeatMember) -> QListWidgetItem:
        marks = (self.tr("〔釘〕") if member.pinned else "") + ("⚠ " if member.conflict else "")
        leader = self.tr("（桌長）") if member.is_leader else ""
        item = QListWidgetItem(f"{marks}{member.name}{leader}　{member.agency}")
        item.setData(Qt.ItemDataRole.UserRole, member.registration_id)
        item.setToolTip(f"{member.agency} {member.unit} {member.title}")
        if member.conflict:
            item.setBackground(QBrush(CONFLICT_BG))
        if member.is_leader:
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
        return item

    # ------------------------------------------------------------ actions

    def run(self, action: Callable[[], None]) -> bool:
        """Call a service; show its refusal instead of failing; refresh either way."""
        try:
            action()
            self.message.setText("")
            ok = True
        except seating.SeatingError as exc:
            self.message.setText(f"⚠ {error_text(exc)}")
            ok = False
        self.refresh()
        return ok

    def _push(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> bool:
        if not self.run(do):
            return False
        self.undo_stack.push(_Command(self, text, do, undo))
        return True

    def _actor(self) -> str:
        return self.context.operator

    def _find(self, registration_id: int) -> tuple[seating.SeatMember, int | None] | None:
        if self.view is None:
            return None
        for table in self.view.tables:
            for member in table.members:
                if member.registration_id == registration_id:
                    return member, table.id
        for member in self.view.unseated:
            if member.registration_id == registration_id:
                return member, None
        return None

    def move_person(self, registration_id: int, table_id: int | None) -> bool:
        found = self._find(registration_id)
        if found is None:
            return False
        member, old_table = found
        if old_table == table_id:
            return False
        db, actor = self.context.db, self._actor()

        def do() -> None:
            seating.move_person(db, registration_id, table_id, pinned=True, actor=actor)

        def undo() -> None:
            seating.move_person(db, registration_id, old_table, pinned=member.pinned, actor=actor)

        return self._push(self.tr("移動 {name}").format(name=member.name), do, undo)

    def selected_registration(self) -> int | None:
        for card in self.cards.values():
            items = card.members.selectedItems()
            if items:
                return int(items[0].data(Qt.ItemDataRole.UserRole))
        return None

    def toggle_pin(self) -> bool:
        registration_id = self.selected_registration()
        found = self._find(registration_id) if registration_id is not None else None
        if found is None or found[1] is None:
            self.message.setText(self.tr("請先選取一位已分桌的人"))
            return False
        db, actor, pinned = self.context.db, self._actor(), not found[0].pinned
        return self._push(
            self.tr("釘選 {name}") if pinned else self.tr("取消釘選 {name}"),
            lambda: seating.set_pinned(db, registration_id, pinned, actor=actor),
            lambda: seating.set_pinned(db, registration_id, not pinned, actor=actor),
        )

    def _snapshot_command(self, text: str, action: Callable[[], None]) -> bool:
        """Plans and templates change many rows: undo restores the session's snapshot."""
        if self.session is None:
            return False
        db, session_id, actor = self.context.db, self.session.id, self._actor()
        before = seating.snapshot(db, session_id)
        if not self.run(action):
            return False
        after = seating.snapshot(db, session_id)
        self.undo_stack.push(
            _Command(
                self,
                text,
                lambda: seating.restore(db, session_id, after, actor=actor),
                lambda: seating.restore(db, session_id, before, actor=actor),
            )
        )
        return True

    def assign(self) -> bool:
        if self.session is None:
            return False
        db, session_id, actor = self.context.db, self.session.id, self._actor()
        on_arrival = self.arrival_box.isChecked()
        return self._snapshot_command(
            self.tr("自動分桌"),
            lambda: seating.assign(db, session_id, on_arrival=on_arrival, actor=actor),
        )

    def apply_template(self) -> bool:
        if self.session is None:
            return False
        db, session_id, actor = self.context.db, self.session.id, self._actor()
        count, capacity = self.count_spin.value(), self.capacity_spin.value()
        return self._snapshot_command(
            self.tr("套用範本"),
            lambda: seating.apply_template(db, session_id, count, capacity, actor=actor),
        )

    def _on_arrival_toggled(self, enabled: bool) -> None:
        if self.session is not None:
            seating.set_on_arrival(self.context.db, self.session.id, enabled, actor=self._actor())
            self.refresh()

    def save_pdf(self, kind: str, path: str | None = None) -> Path | None:
        from desktop.services import exports

        if self.session is None or self.view is None or not self.view.tables:
            return None
        names = {
            "tents": self.tr("桌牌"),
            "rosters": self.tr("各桌名單"),
            "overview": self.tr("分桌總覽"),
        }
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self, names[kind], f"{names[kind]}-{self.session.name}.pdf", "PDF (*.pdf)"
            )
            if not path:
                return None
        target = Path(path)
        exports.tables_pdf(self.context.db, self.session.id, kind, target, overwrite=True)
        self.message.setText(self.tr("已儲存：{path}").format(path=target))
        return target
