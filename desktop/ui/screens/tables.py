"""分桌: the session's tables side by side — size, leader and same-agency conflicts at a glance;
drag people between tables (or pick a person and a table and press 移到所選桌), pin and unpin,
choose a table's leader, undo and redo; run the plan, apply a template, switch seating on
arrival, print tent cards and rosters.

The tables are one model painted as cards (``desktop.ui.seating_models``), the chosen table's
people and the unseated two list models: a 1,250-table day builds no widget per table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.services import seating, table_setup
from desktop.services.events import SessionInfo
from desktop.services.seatview import SeatingView, SeatMember, TableView
from desktop.ui.messages import error_text
from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.seating_models import PeopleModel, TableCardDelegate, TablesModel


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
        self.view: SeatingView | None = None
        self.picked: int | None = None  # the person last chosen in either people list
        self.undo_stack = QUndoStack(self)

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

        self.tables_model = TablesModel()
        self.tables_model.dropped.connect(self.move_person)
        self.delegate = TableCardDelegate()
        self.table_view = QListView()
        self.table_view.setObjectName("tablesGrid")
        self.table_view.setModel(self.tables_model)
        self.table_view.setItemDelegate(self.delegate)
        self.table_view.setViewMode(QListView.ViewMode.IconMode)
        self.table_view.setMovement(QListView.Movement.Static)
        self.table_view.setFlow(QListView.Flow.LeftToRight)
        self.table_view.setWrapping(True)
        self.table_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.table_view.setUniformItemSizes(True)
        self.table_view.setSpacing(2)
        self.table_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table_view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.table_view.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.table_view.setDropIndicatorShown(True)
        self.table_view.selectionModel().currentChanged.connect(self._show_members)
        self.table_view.viewport().installEventFilter(self)

        self.members_model = PeopleModel()
        self.members_view = self._people_view(self.members_model, "tablesMembers")
        self.members_label = QLabel()
        self.unseated_model = PeopleModel()
        self.unseated_view = self._people_view(self.unseated_model, "tablesUnseated")
        self.unseated_label = QLabel()
        self.move_button = QPushButton(self.tr("移到所選桌"))
        self.move_button.setToolTip(self.tr("把選取的人移到左邊選取的那一桌"))
        self.move_button.clicked.connect(self.move_picked)
        self.unseat_button = QPushButton(self.tr("移出"))
        self.unseat_button.setToolTip(self.tr("取消選取的人的座位"))
        self.unseat_button.clicked.connect(self.unseat_picked)
        self.leader_button = QPushButton(self.tr("設為桌長"))
        self.leader_button.setToolTip(self.tr("選取的人擔任左邊選取那一桌的桌長，並坐在該桌"))
        self.leader_button.clicked.connect(self.make_leader)

        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.members_label)
        column.addWidget(self.members_view, 1)
        buttons = QHBoxLayout()
        for button in (self.move_button, self.unseat_button, self.leader_button):
            buttons.addWidget(button)
        column.addLayout(buttons)
        column.addWidget(self.unseated_label)
        column.addWidget(self.unseated_view, 1)
        split = QSplitter()
        split.addWidget(self.table_view)
        split.addWidget(side)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        split.setSizes([800, 280])
        # The lists take the height that is left: their preferred heights would put the page
        # in a scroll area at 1366×768 (the wrapped summary asks height for its width).
        split.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Ignored)

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
        layout.addWidget(split, 1)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The cards follow the grid's width: as many columns as fit, filling it."""
        viewport = self.table_view.viewport()
        if watched is viewport and event.type() == QEvent.Type.Resize:
            if self.delegate.fit_columns(viewport.width(), self.table_view.spacing()):
                self.table_view.doItemsLayout()
        return super().eventFilter(watched, event)

    def _people_view(self, model: PeopleModel, name: str) -> QListView:
        view = QListView()
        view.setObjectName(name)
        view.setModel(model)
        view.setUniformItemSizes(True)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        view.setDefaultDropAction(Qt.DropAction.CopyAction)
        model.dropped.connect(self.move_person)

        def picked(current: QModelIndex, _previous: QModelIndex) -> None:
            if current.isValid():
                self.picked = int(current.data(Qt.ItemDataRole.UserRole))

        view.selectionModel().currentChanged.connect(picked)
        return view

    def title(self) -> str:
        return self.tr("分桌")

    # ------------------------------------------------------------ showing

    def show_session(self, session: SessionInfo | None) -> None:
        if self.view is None or session is None or self.view.session_id != session.id:
            self.undo_stack.clear()
        if session is None:
            self.view = None
            self.tables_model.set_tables(())
            self.members_model.set_people((), None)
            self.unseated_model.set_people((), None)
            self.summary.setText(self.tr("尚無場次。"))
            return
        self._fill(seating.show(self.context.db, session.id))

    def _fill(self, view: SeatingView) -> None:
        self.view = view
        self.arrival_box.blockSignals(True)
        self.arrival_box.setChecked(view.on_arrival)
        self.arrival_box.blockSignals(False)
        shown = self.current_table()
        self.delegate.member_lines = max((max(t.size, t.capacity) for t in view.tables), default=7)
        self.tables_model.set_tables(view.tables)
        row = next(
            (i for i, t in enumerate(view.tables) if shown and t.id == shown.id),
            0 if view.tables else -1,
        )
        if row >= 0:
            self.table_view.setCurrentIndex(self.tables_model.index(row))
        self._show_members()
        self.unseated_model.set_people(view.unseated, None)
        self.unseated_label.setText(self.tr("<b>未分桌</b>　{n} 人").format(n=len(view.unseated)))
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

    def current_table(self) -> TableView | None:
        index = self.table_view.currentIndex()
        if not index.isValid() or index.row() >= len(self.tables_model.tables):
            return None
        return self.tables_model.tables[index.row()]

    def _show_members(self) -> None:
        table = self.current_table()
        self.members_model.set_people(table.members if table else (), table.id if table else None)
        self.members_label.setText(
            str(self.tables_model.data(self.table_view.currentIndex())) if table else ""
        )

    # ------------------------------------------------------------ actions

    def run(self, action: Callable[[], object]) -> bool:
        """Call a service; show its refusal instead of failing; refresh either way (from the
        seating the action returns when it returns one: 自動分桌 need not read it twice)."""
        try:
            result = action()
            self.message.setText("")
        except seating.SeatingError as exc:
            self.message.setText(f"⚠ {error_text(exc)}")
            self.refresh()
            return False
        if isinstance(result, SeatingView):
            self._fill(result)
        else:
            self.refresh()
        return True

    def _push(self, text: str, do: Callable[[], None], undo: Callable[[], None]) -> bool:
        if not self.run(do):
            return False
        self.undo_stack.push(_Command(self, text, do, undo))
        return True

    def _actor(self) -> str:
        return self.context.operator

    def _find(self, registration_id: int) -> tuple[SeatMember, int | None] | None:
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

    def move_picked(self) -> bool:
        """The keyboard's way to move someone: the picked person to the chosen table."""
        table = self.current_table()
        if self.picked is None or table is None:
            self.message.setText(self.tr("請先選取一個人和一桌"))
            return False
        return self.move_person(self.picked, table.id)

    def unseat_picked(self) -> bool:
        return self.picked is not None and self.move_person(self.picked, None)

    def make_leader(self) -> bool:
        table = self.current_table()
        if self.picked is None or table is None:
            self.message.setText(self.tr("請先選取一個人和一桌"))
            return False
        db, actor, registration_id = self.context.db, self._actor(), self.picked
        return self._snapshot_command(
            self.tr("設定桌長"),
            lambda: table_setup.update_table(
                db, table.id, leader_registration_id=registration_id, actor=actor
            ),
        )

    def toggle_pin(self) -> bool:
        found = self._find(self.picked) if self.picked is not None else None
        if found is None or found[1] is None:
            self.message.setText(self.tr("請先選取一位已分桌的人"))
            return False
        member = found[0]
        db, actor, pinned = self.context.db, self._actor(), not member.pinned
        text = self.tr("釘選 {name}") if pinned else self.tr("取消釘選 {name}")
        return self._push(
            text.format(name=member.name),
            lambda: seating.set_pinned(db, member.registration_id, pinned, actor=actor),
            lambda: seating.set_pinned(db, member.registration_id, not pinned, actor=actor),
        )

    def _snapshot_command(self, text: str, action: Callable[[], object]) -> bool:
        """Plans and templates change many rows: undo restores the session's snapshot."""
        if self.session is None:
            return False
        db, session_id, actor = self.context.db, self.session.id, self._actor()
        before = table_setup.snapshot(db, session_id)
        if not self.run(action):
            return False
        after = table_setup.snapshot(db, session_id)
        self.undo_stack.push(
            _Command(
                self,
                text,
                lambda: table_setup.restore(db, session_id, after, actor=actor),
                lambda: table_setup.restore(db, session_id, before, actor=actor),
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
            lambda: seating.assign(db, session_id, on_arrival=on_arrival, actor=actor).view,
        )

    def apply_template(self) -> bool:
        if self.session is None:
            return False
        db, session_id, actor = self.context.db, self.session.id, self._actor()
        count, capacity = self.count_spin.value(), self.capacity_spin.value()
        return self._snapshot_command(
            self.tr("套用範本"),
            lambda: table_setup.apply_template(db, session_id, count, capacity, actor=actor),
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
                self,
                names[kind],
                str(paths.proposed_file(f"{names[kind]}-{self.session.name}", ".pdf")),
                "PDF (*.pdf)",
            )
            if not path:
                return None
        target = Path(path)
        exports.tables_pdf(self.context.db, self.session.id, kind, target, overwrite=True)
        self.message.setText(self.tr("已儲存：{path}").format(path=target))
        return target
