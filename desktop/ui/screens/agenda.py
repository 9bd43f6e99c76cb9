"""議程: edit the session's blocks (``agenda_editor``), then run the day on a big countdown
(``agenda_run`` shows it; keyboard first). This screen holds the two pages, the run commands
with their shortcuts and menus, and the tick.

The run tab keeps a ``RunView`` snapshot from the service; every action goes through the
service (which writes the state and actual times at once) and replaces the snapshot. The
200 ms tick only reads the snapshot and the clock, so it never touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QFileDialog, QLabel, QMenuBar, QMessageBox, QTabWidget, QVBoxLayout

from desktop import paths
from desktop.core import agenda as rules
from desktop.core.agenda import AgendaError, RunStatus
from desktop.core.agenda_frame import EMPTY, frame
from desktop.services import agenda_run as service
from desktop.services.agenda import AgendaInputError
from desktop.services.agenda_run import RunView, TimerOptions
from desktop.services.events import SessionInfo
from desktop.ui.messages import error_text
from desktop.ui.projector import Chime, ProjectorWindow, available_screens
from desktop.ui.screens.agenda_editor import AgendaEditor
from desktop.ui.screens.agenda_run import RunPanel, minutes_text
from desktop.ui.screens.base import Screen, ScreenContext

Clock = Callable[[], dt.datetime]
TICK_MS = 200


class AgendaScreen(Screen):
    action = "agenda.edit"

    def __init__(self, context: ScreenContext, clock: Clock = dt.datetime.now) -> None:
        super().__init__(context)
        self.setObjectName("agenda")
        self.clock = clock
        self.view: RunView | None = None
        self.projector: ProjectorWindow | None = None
        self.chime = Chime()
        self._last_level = ""

        self.menu_bar = QMenuBar()
        self.menu_bar.setObjectName("agendaMenu")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agendaTabs")
        self.feedback = QLabel()
        self.feedback.setObjectName("agendaFeedback")
        self.editor = AgendaEditor(context, lambda: self.clock(), self.feedback.setText)
        self.editor.changed.connect(self.reload)
        self.run = RunPanel()
        self.tabs.addTab(self.editor, self.tr("議程編輯"))
        self.tabs.addTab(self.run, self.tr("計時執行"))
        self._build_actions()
        self._wire_run_page()
        self.tabs.setCurrentIndex(1)
        layout = QVBoxLayout(self)
        layout.setMenuBar(self.menu_bar)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.feedback)

        self.timer = QTimer(self)
        self.timer.setInterval(TICK_MS)
        self.timer.timeout.connect(self.tick)
        self.timer.start()

    def title(self) -> str:
        return self.tr("議程")

    def _build_actions(self) -> None:
        """Every run command is a QAction with its shortcut, listed in the screen's menus."""

        def action(text: str, keys: list[str], slot: Callable[[], None], name: str) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setToolTip(self.tr("{action}（{keys}）").format(action=text, keys=" / ".join(keys)))
            act.triggered.connect(slot)
            self.addAction(act)
            return act

        self.act_toggle = action(self.tr("開始／暫停／繼續"), ["Space"], self.toggle, "actToggle")
        self.act_next = action(self.tr("下一段"), ["Right"], self.next_block, "actNext")
        self.act_previous = action(self.tr("上一段"), ["Left"], self.previous_block, "actPrevious")
        self.act_plus1 = action(
            self.tr("延長 1 分鐘"), ["Up", "+"], lambda: self.adjust(60), "actPlus1"
        )
        self.act_minus1 = action(
            self.tr("縮短 1 分鐘"), ["Down", "-"], lambda: self.adjust(-60), "actMinus1"
        )
        self.act_plus5 = action(
            self.tr("延長 5 分鐘"), ["Shift+Up", "PgUp"], lambda: self.adjust(300), "actPlus5"
        )
        self.act_minus5 = action(
            self.tr("縮短 5 分鐘"), ["Shift+Down", "PgDown"], lambda: self.adjust(-300), "actMinus5"
        )
        self.act_shift = action(
            self.tr("順延後續議程"), ["Ctrl+Shift+S"], lambda: self.replan("shift"), "actShift"
        )
        self.act_absorb = action(
            self.tr("由休息／午餐吸收延誤"),
            ["Ctrl+Shift+A"],
            lambda: self.replan("absorb"),
            "actAbsorb",
        )
        self.act_queue_next = action(self.tr("下一桌報告"), ["]"], self.queue_next, "actQueueNext")
        self.act_queue_previous = action(
            self.tr("上一桌報告"), ["["], self.queue_previous, "actQueuePrevious"
        )
        self.act_message = action(
            self.tr("輸入給講者的訊息"), ["Ctrl+M"], self._focus_message, "actMessage"
        )
        self.act_clear_message = action(
            self.tr("清除訊息"), ["Ctrl+Shift+M"], self.clear_message, "actClearMessage"
        )
        self.act_projector = action(
            self.tr("開啟／關閉投影畫面"), ["F5"], self.toggle_projector, "actProjector"
        )
        self.act_report = action(
            self.tr("匯出預定與實際時間…"), ["Ctrl+E"], self.export_report, "actReport"
        )
        self.act_reset = action(
            self.tr("重設計時（清除實際時間）…"), [], self.reset_run, "actReset"
        )
        self.run_actions = [
            self.act_toggle,
            self.act_next,
            self.act_previous,
            self.act_plus1,
            self.act_minus1,
            self.act_plus5,
            self.act_minus5,
            self.act_shift,
            self.act_absorb,
            self.act_queue_next,
            self.act_queue_previous,
            self.act_clear_message,
            self.act_projector,
        ]
        self.tabs.currentChanged.connect(lambda _index: self._scope_run_keys())
        self._scope_run_keys()

        timer_menu = self.menu_bar.addMenu(self.tr("計時(&T)"))
        for act in (
            self.act_toggle,
            self.act_previous,
            self.act_next,
            None,
            self.act_plus1,
            self.act_minus1,
            self.act_plus5,
            self.act_minus5,
            None,
            self.act_shift,
            self.act_absorb,
            None,
            self.act_reset,
        ):
            timer_menu.addSeparator() if act is None else timer_menu.addAction(act)
        report_menu = self.menu_bar.addMenu(self.tr("小組報告(&G)"))
        report_menu.addAction(self.act_queue_previous)
        report_menu.addAction(self.act_queue_next)
        projector_menu = self.menu_bar.addMenu(self.tr("投影(&P)"))
        for act in (self.act_projector, self.act_message, self.act_clear_message):
            projector_menu.addAction(act)
        self.menu_bar.addAction(self.act_report)

        self.run.add_controls(
            [
                (self.act_toggle, self.tr("開始 (Space)"), 0, 1, 2),
                (self.act_previous, self.tr("◀ 上一段 (←)"), 0, 0, 1),
                (self.act_next, self.tr("下一段 (→) ▶"), 0, 3, 1),
                (self.act_minus5, self.tr("−5 分"), 1, 0, 1),
                (self.act_minus1, self.tr("−1 分 (↓)"), 1, 1, 1),
                (self.act_plus1, self.tr("+1 分 (↑)"), 1, 2, 1),
                (self.act_plus5, self.tr("+5 分"), 1, 3, 1),
            ],
            self.act_shift,
            self.act_absorb,
        )
        self.run.add_queue_controls(self.act_queue_previous, self.act_queue_next, self.queue_move)
        self.run.show_projector_state(False)
        self.run.projector_button.clicked.connect(self.act_projector.trigger)

    def _wire_run_page(self) -> None:
        run = self.run
        run.slot_minutes.editingFinished.connect(self._on_slot_changed)
        run.message_edit.returnPressed.connect(self.send_message)
        run.clear_button.clicked.connect(self.clear_message)
        for widget in (run.warning_minutes, run.danger_minutes):
            widget.editingFinished.connect(self._on_options_changed)
        run.chime_box.toggled.connect(lambda _on: self._on_options_changed())

    def _scope_run_keys(self) -> None:
        """On the 計時執行 tab the run keys belong to the whole window: whatever has focus (the
        navigation, the session picker, a spin box) Space, F5 and ↑/↓ run the timer instead of
        switching screens or sessions. Shortcuts of a hidden screen never fire, so other
        screens keep their keys. On the 議程編輯 tab they stay inside the screen."""
        running = self.tabs.currentIndex() == 1
        context = (
            Qt.ShortcutContext.WindowShortcut
            if running
            else Qt.ShortcutContext.WidgetWithChildrenShortcut
        )
        for act in self.run_actions:
            act.setShortcutContext(context)

    # ------------------------------------------------------------------ loading
    def show_session(self, session: SessionInfo | None) -> None:
        self.view = None
        self._last_level = ""
        self.editor.show_session(session)
        if session is None:
            self.run.run_model.set_rows(())
            self.tick()
            return
        self.reload()

    def reload(self) -> None:
        """Read the blocks and the stored run state again (also what a restart does)."""
        if self.session is None:
            return
        self._set_view(service.load_run(self.context.db, self.session.id))
        self.run.show_options(self.view.options if self.view else TimerOptions())
        self.run.fill_screens()

    def _set_view(self, view: RunView) -> None:
        self.view = view
        self.editor.show_plan(view.rows)
        self.run.show_blocks(view)
        self.tick()

    # ------------------------------------------------------------------ actions
    def _act(self, name: str, call: Callable[[int], RunView]) -> None:
        """Run ``call`` with the shown session's id and show the run it leaves."""
        if self.session is None:
            return
        try:
            self._set_view(call(self.session.id))
            self.feedback.setText("")
        except (AgendaError, AgendaInputError) as exc:
            self.feedback.setText(error_text(exc))

    def toggle(self) -> None:
        state = self.view.state if self.view else None
        start_at = self.run.selected_block() if state and state.status is RunStatus.IDLE else None
        self._act(
            "toggle",
            lambda session_id: service.toggle(
                self.context.db,
                session_id,
                self.clock(),
                actor=self.context.operator,
                block_id=start_at,
            ),
        )

    def next_block(self) -> None:
        if self.view and self.view.state.status is RunStatus.IDLE:
            self._move_selection(1)
            return
        self._act(
            "next",
            lambda session_id: service.next_block(
                self.context.db, session_id, self.clock(), actor=self.context.operator
            ),
        )

    def previous_block(self) -> None:
        if self.view and self.view.state.status is RunStatus.IDLE:
            self._move_selection(-1)
            return
        self._act(
            "previous",
            lambda session_id: service.previous_block(
                self.context.db, session_id, self.clock(), actor=self.context.operator
            ),
        )
        view = self.view
        undone = view.state.undone if view else None
        if view is not None and undone is not None:
            row = view.row(undone.block_id) if undone.block_id is not None else None
            what = row.title if row else self.tr("議程結束")
            self.feedback.setText(
                self.tr(
                    "已回到上一段。按錯了？{s} 秒內按 → 可恢復「{title}」及其實際開始時間。"
                ).format(s=rules.REDO_SECONDS, title=what)
            )

    def _move_selection(self, offset: int) -> None:
        """Before the day starts, the arrows pick the block that Space will start."""
        rows = self.run.run_model.rowCount()
        if not rows:
            return
        indexes = self.run.run_view.selectionModel().selectedRows()
        here = indexes[0].row() if indexes else -1
        self.run.run_view.selectRow(max(0, min(rows - 1, here + offset)))
        self.tick()

    def adjust(self, seconds: int) -> None:
        self._act(
            "adjust",
            lambda session_id: service.adjust(
                self.context.db, session_id, seconds, self.clock(), actor=self.context.operator
            ),
        )

    def replan(self, mode: str) -> None:
        if self.session is None:
            return
        try:
            view, result = service.replan(
                self.context.db, self.session.id, mode, self.clock(), actor=self.context.operator
            )
        except (AgendaError, AgendaInputError) as exc:
            self.feedback.setText(error_text(exc))
            return
        self._set_view(view)
        if mode == "absorb" and result.absorbed_by is not None:
            row = view.row(result.absorbed_by)
            extra = (
                self.tr("，另有 {m} 由後續議程順延").format(
                    m=minutes_text(result.unabsorbed.total_seconds())
                )
                if result.unabsorbed
                else ""
            )
            self.feedback.setText(
                self.tr("已由「{title}」吸收延誤{extra}。").format(
                    title=row.title if row else "", extra=extra
                )
            )
        else:
            self.feedback.setText(self.tr("已順延後續 {n} 個段落。").format(n=len(result.times)))

    def queue_next(self) -> None:
        self._act(
            "queue_next",
            lambda session_id: service.queue_next(
                self.context.db, session_id, self.clock(), actor=self.context.operator
            ),
        )

    def queue_previous(self) -> None:
        self._act(
            "queue_previous",
            lambda session_id: service.queue_previous(
                self.context.db, session_id, self.clock(), actor=self.context.operator
            ),
        )

    def queue_move(self, offset: int) -> None:
        item = self.run.queue_list.currentItem()
        if item is None or self.view is None or self.view.state.queue is None:
            return
        table = int(item.data(Qt.ItemDataRole.UserRole))
        self._act(
            "queue_move",
            lambda session_id: service.queue_move(
                self.context.db,
                session_id,
                table,
                offset,
                self.clock(),
                actor=self.context.operator,
            ),
        )
        for i in range(self.run.queue_list.count()):
            if int(self.run.queue_list.item(i).data(Qt.ItemDataRole.UserRole)) == table:
                self.run.queue_list.setCurrentRow(i)

    def _on_slot_changed(self) -> None:
        if self.view is None or self.view.state.queue is None:
            return
        if self.run.slot_minutes.value() != self.view.state.queue.slot_seconds:
            seconds = self.run.slot_minutes.value()
            self._act(
                "queue_slot",
                lambda session_id: service.queue_set_slot(
                    self.context.db,
                    session_id,
                    seconds,
                    self.clock(),
                    actor=self.context.operator,
                ),
            )

    def send_message(self) -> None:
        text = self.run.message_edit.text()
        self._act(
            "message",
            lambda session_id: service.set_message(
                self.context.db, session_id, text, self.clock(), actor=self.context.operator
            ),
        )
        self.setFocus()

    def clear_message(self) -> None:
        self.run.message_edit.clear()
        self.send_message()

    def _focus_message(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.run.message_edit.setFocus()
        self.run.message_edit.selectAll()

    def _on_options_changed(self) -> None:
        if self.session is None:
            return
        options = TimerOptions(
            self.run.warning_minutes.value() * 60,
            self.run.danger_minutes.value() * 60,
            self.run.chime_box.isChecked(),
        )
        try:
            service.save_options(
                self.context.db,
                self.session.id,
                options,
                actor=self.context.operator,
                now=self.clock(),
            )
        except AgendaInputError as exc:
            self.feedback.setText(error_text(exc))
            return
        if self.view is not None:
            from dataclasses import replace

            self.view = replace(self.view, options=options)
        self.tick()

    def reset_run(self) -> None:
        if self.session is None:
            return
        answer = QMessageBox.question(
            self, self.tr("重設計時"), self.tr("清除本場次所有段落的實際開始／結束時間與計時狀態？")
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._act(
                "reset",
                lambda session_id: service.reset_run(
                    self.context.db, session_id, self.clock(), actor=self.context.operator
                ),
            )

    def export_report(self) -> None:
        if self.session is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("匯出預定與實際時間"),
            str(paths.proposed_file(f"議程-{self.session.name}", ".pdf")),
            self.tr("PDF (*.pdf);;CSV (*.csv)"),
        )
        if not path:
            return
        from pathlib import Path

        from desktop.services import exports

        target = Path(path)
        fmt = "csv" if target.suffix.lower() == ".csv" or "CSV" in chosen else "pdf"
        target = target.with_suffix(f".{fmt}")
        exports.agenda_report(self.context.db, self.session.id, target, fmt, overwrite=True)
        self.feedback.setText(self.tr("已匯出：{path}").format(path=str(target)))

    # ------------------------------------------------------------------ projector
    def toggle_projector(self) -> None:
        if self.projector is not None and self.projector.isVisible():
            self.projector.close()
            return
        self.open_projector(full_screen=True)

    def open_projector(self, *, full_screen: bool = True) -> ProjectorWindow:
        if self.projector is None:
            self.projector = ProjectorWindow()
            self.projector.addActions(self.run_actions)
            self.projector.shown_changed.connect(self.run.show_projector_state)
        screens = available_screens()
        index = self.run.screen_picker.currentData()
        screen = screens[index] if isinstance(index, int) and index < len(screens) else None
        # On the desk's only screen full screen would hide the desk: a window (F11 in it).
        self.projector.show_on(screen, full_screen=full_screen and len(screens) > 1)
        self.tick()
        return self.projector

    # ------------------------------------------------------------------ tick
    def tick(self) -> None:
        """Read the snapshot and the clock; the run page and the projector show one frame."""
        view = self.view
        if view is None:
            self.run.show_nothing()
            return
        now = self.clock()
        shown = frame(
            view.state,
            view.rows,
            view.timing(now),
            view.queue(now),
            selected=self.run.selected_block(),
            warning_seconds=view.options.warning_seconds,
            danger_seconds=view.options.danger_seconds,
        )
        queue = view.state.queue
        self.run.show_frame(shown, queue.order if queue else ())
        if shown.phase == EMPTY:
            return
        if self.projector is not None and self.projector.isVisible():
            self.projector.show_frame(shown)
        level = shown.level
        if level != self._last_level:
            if (
                level in ("warning", "danger", "over")
                and view.options.chime
                and self._last_level not in ("", "paused")
            ):
                self.chime.play()
            self._last_level = level

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.projector is not None:
            self.projector.close()
        super().closeEvent(event)
