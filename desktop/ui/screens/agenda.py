"""議程: edit the session's blocks, then run the day on a big countdown (keyboard first).

The run tab keeps a ``RunView`` snapshot from the service; every action goes through the
service (which writes the state and actual times at once) and replaces the snapshot. The
200 ms tick only reads the snapshot and the clock, so it never touches the database.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTime, QTimer
from PySide6.QtGui import QAction, QBrush, QColor, QFont, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QMenuBar,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QTimeEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from db.models import BlockKind
from desktop.core import agenda as rules
from desktop.core.agenda import AgendaError, RunStatus, format_clock
from desktop.services import agenda as service
from desktop.services.agenda import AgendaInputError, BlockInput, RunView, TimerOptions
from desktop.services.events import AgendaRow, SessionInfo
from desktop.ui.labels import block_kind_label, yes_no
from desktop.ui.messages import error_text
from desktop.ui.projector import Chime, ProjectorFrame, ProjectorWindow, available_screens
from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.tablemodel import Column, RowTableModel, row_table_view

Clock = Callable[[], dt.datetime]
TICK_MS = 200


def _hm(value: dt.datetime | None) -> str:
    return f"{value:%H:%M}" if value else ""


def _minutes(seconds: float) -> str:
    return QCoreApplication.translate("AgendaScreen", "{n} 分鐘").format(n=round(abs(seconds) / 60))


class BlockDialog(QDialog):
    """Add or edit one block; validation messages stay in the dialog until fixed."""

    def __init__(self, parent: QWidget, data: BlockInput | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agendaBlockDialog")
        self.setWindowTitle(self.tr("議程段落"))
        self.title = QLineEdit()
        self.title.setObjectName("blockTitle")
        self.kind = QComboBox()
        self.kind.setObjectName("blockKind")
        for kind in BlockKind:
            self.kind.addItem(block_kind_label(kind.value), kind.value)
        self.start = QTimeEdit()
        self.start.setObjectName("blockStart")
        self.end = QTimeEdit()
        self.end.setObjectName("blockEnd")
        for edit in (self.start, self.end):
            edit.setDisplayFormat("HH:mm")
        self.speaker = QLineEdit()
        self.speaker.setObjectName("blockSpeaker")
        self.description = QPlainTextEdit()
        self.description.setObjectName("blockDescription")
        self.description.setMaximumHeight(80)
        self.counts = QCheckBox(self.tr("計入學習時數"))
        self.counts.setObjectName("blockCounts")
        self.errors = QLabel()
        self.errors.setObjectName("blockErrors")
        self.errors.setStyleSheet("color: #c62828;")
        self.errors.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(self.tr("標題"), self.title)
        form.addRow(self.tr("類型"), self.kind)
        times = QHBoxLayout()
        times.addWidget(self.start)
        times.addWidget(QLabel("–"))
        times.addWidget(self.end)
        form.addRow(self.tr("時間"), times)
        form.addRow(self.tr("主講人"), self.speaker)
        form.addRow(self.tr("說明"), self.description)
        form.addRow("", self.counts)
        form.addRow(self.errors)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        data = data or BlockInput("", "talk", dt.time(9, 0), dt.time(10, 0))
        self.title.setText(data.title)
        self.kind.setCurrentIndex(max(0, self.kind.findData(data.kind)))
        self.start.setTime(QTime(data.start.hour, data.start.minute))
        self.end.setTime(QTime(data.end.hour, data.end.minute))
        self.speaker.setText(data.speaker)
        self.description.setPlainText(data.description)
        self.counts.setChecked(data.counts_for_hours)
        # check-in, breaks and lunch are not class time: changing the kind suggests the flag
        self.kind.currentIndexChanged.connect(
            lambda _i: self.counts.setChecked(
                self.kind.currentData() not in ("check_in", "break", "lunch")
            )
        )

    def value(self) -> BlockInput:
        start, end = self.start.time(), self.end.time()
        return BlockInput(
            title=self.title.text(),
            kind=str(self.kind.currentData()),
            start=dt.time(start.hour(), start.minute()),
            end=dt.time(end.hour(), end.minute()),
            speaker=self.speaker.text(),
            description=self.description.toPlainText(),
            counts_for_hours=self.counts.isChecked(),
        )

    def _on_ok(self) -> None:
        problems = service.validate_block(self.value())
        self.errors.setText("\n".join(error_text(p) for p in problems))
        if not problems:
            self.accept()


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
        self._issue_rows: set[int] = set()

        self.menu_bar = QMenuBar()
        self.menu_bar.setObjectName("agendaMenu")
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agendaTabs")
        self.tabs.addTab(self._build_editor(), self.tr("議程編輯"))
        self.tabs.addTab(self._build_run(), self.tr("計時執行"))
        self._build_actions()
        self.tabs.setCurrentIndex(1)
        self.feedback = QLabel()
        self.feedback.setObjectName("agendaFeedback")
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

    # ================================================================== editor
    def _build_editor(self) -> QWidget:
        page = QWidget()
        self.editor_model: RowTableModel[AgendaRow] = RowTableModel(
            [
                Column(self.tr("時間"), lambda b: f"{b.planned_start:%H:%M}–{b.planned_end:%H:%M}"),
                Column(
                    self.tr("分鐘"),
                    lambda b: round((b.planned_end - b.planned_start).total_seconds() / 60),
                    align_right=True,
                ),
                Column(self.tr("議程"), lambda b: b.title),
                Column(self.tr("類型"), lambda b: block_kind_label(b.kind)),
                Column(self.tr("主講人"), lambda b: b.speaker),
                Column(self.tr("計入時數"), lambda b: yes_no(b.counts_for_hours)),
                Column(self.tr("提醒"), lambda b: "⚠" if b.id in self._issue_rows else ""),
            ]
        )
        self.editor_view = row_table_view(self.editor_model, "agendaEditorTable", single=True)
        self.editor_view.doubleClicked.connect(lambda _i: self.edit_block())
        self.issues = QLabel()
        self.issues.setObjectName("agendaIssues")
        self.issues.setWordWrap(True)
        self.issues.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        buttons = QHBoxLayout()
        for text, slot, name in (
            (self.tr("新增…"), self.add_block, "agendaAdd"),
            (self.tr("編輯…"), self.edit_block, "agendaEdit"),
            (self.tr("刪除"), self.delete_block, "agendaDelete"),
            (self.tr("上移"), lambda: self.move_block(-1), "agendaUp"),
            (self.tr("下移"), lambda: self.move_block(1), "agendaDown"),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(page)
        layout.addLayout(buttons)
        layout.addWidget(self.editor_view, 1)
        layout.addWidget(self.issues)
        return page

    def _selected_editor_row(self) -> AgendaRow | None:
        indexes = self.editor_view.selectionModel().selectedRows()
        return self.editor_model.row_at(indexes[0].row()) if indexes else None

    def add_block(self) -> None:
        if self.session is None:
            return
        dialog = BlockDialog(self)
        rows = self.view.rows if self.view else ()
        if rows:
            last = rows[-1]
            dialog.start.setTime(QTime(last.planned_end.hour, last.planned_end.minute))
            dialog.end.setTime(QTime(last.planned_end.hour, last.planned_end.minute).addSecs(1800))
        if dialog.exec():
            self._edit(
                lambda: service.add_block(
                    self.context.db,
                    self.session.id,
                    dialog.value(),
                    actor=self.context.operator,
                    now=self.clock(),
                )
            )

    def edit_block(self) -> None:
        row = self._selected_editor_row()
        if row is None:
            return
        detail = service.get_block(self.context.db, row.id)
        dialog = BlockDialog(self, detail.as_input())
        if dialog.exec():
            self._edit(
                lambda: service.update_block(
                    self.context.db,
                    row.id,
                    dialog.value(),
                    actor=self.context.operator,
                    now=self.clock(),
                )
            )

    def delete_block(self) -> None:
        row = self._selected_editor_row()
        if row is None:
            return
        answer = QMessageBox.question(
            self, self.tr("刪除段落"), self.tr("刪除「{title}」？").format(title=row.title)
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._edit(
                lambda: service.delete_block(
                    self.context.db, row.id, actor=self.context.operator, now=self.clock()
                )
            )

    def move_block(self, offset: int) -> None:
        row = self._selected_editor_row()
        if row is None:
            return
        self._edit(
            lambda: service.move_block(
                self.context.db, row.id, offset, actor=self.context.operator, now=self.clock()
            )
        )
        for i in range(self.editor_model.rowCount()):
            if self.editor_model.row_at(i).id == row.id:
                self.editor_view.selectRow(i)

    def _edit(self, action: Callable[[], object]) -> None:
        try:
            action()
        except AgendaInputError as exc:
            self.feedback.setText(error_text(exc))
            return
        self.reload()

    def _show_plan(self, rows: tuple[AgendaRow, ...]) -> None:
        issues = service.plan_issues(rows)
        self._issue_rows = {i.block_id for i in issues}
        self.editor_model.set_rows(rows)
        if issues:
            lines = "<br>".join("⚠ " + _escape(service.describe_issue(i, rows)) for i in issues)
            self.issues.setText(f"<span style='color:#b26a00'>{lines}</span>")
        else:
            self.issues.setText(self.tr("議程時間連續，沒有重疊或空檔。"))

    # ================================================================== run
    def _build_run(self) -> QWidget:
        page = QWidget()
        self.status_label = QLabel()
        self.status_label.setObjectName("runStatus")
        self.current_title = QLabel()
        self.current_title.setObjectName("runTitle")
        self.current_title.setWordWrap(True)
        self.current_title.setStyleSheet("font-size: 22px; font-weight: bold;")
        self.countdown = QLabel("--:--")
        self.countdown.setObjectName("runCountdown")
        self.countdown.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = QFont()
        font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
        font.setPixelSize(96)
        font.setBold(True)
        self.countdown.setFont(font)
        self.current_info = QLabel()
        self.current_info.setObjectName("runInfo")
        self.current_info.setWordWrap(True)
        self.next_label = QLabel()
        self.next_label.setObjectName("runNext")
        self.next_label.setWordWrap(True)
        self.day_label = QLabel()
        self.day_label.setObjectName("runDay")
        self.day_label.setWordWrap(True)

        self.overrun_box = QGroupBox(self.tr("進度落後"))
        self.overrun_box.setObjectName("runOverrun")
        self.overrun_text = QLabel()
        self.overrun_text.setWordWrap(True)
        self.shift_button = QPushButton()
        self.shift_button.setObjectName("runShift")
        self.absorb_button = QPushButton()
        self.absorb_button.setObjectName("runAbsorb")
        box = QVBoxLayout(self.overrun_box)
        box.addWidget(self.overrun_text)
        row = QHBoxLayout()
        row.addWidget(self.shift_button)
        row.addWidget(self.absorb_button)
        box.addLayout(row)
        self.overrun_box.setVisible(False)

        # buttons (no focus: keys always reach the shortcuts)
        self.control_buttons = QGridLayout()

        # report-back queue
        self.queue_box = QGroupBox(self.tr("小組報告順序"))
        self.queue_box.setObjectName("runQueue")
        self.queue_list = QListWidget()
        self.queue_list.setObjectName("runQueueList")
        self.queue_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.queue_list.setFlow(QListView.Flow.LeftToRight)
        self.queue_list.setWrapping(True)
        self.queue_list.setSpacing(4)
        self.queue_list.setMaximumHeight(40)
        self.queue_countdown = QLabel()
        self.queue_countdown.setObjectName("runQueueCountdown")
        self.queue_countdown.setStyleSheet("font-size: 28px; font-weight: bold;")
        self.slot_minutes = QSpinBox()
        self.slot_minutes.setObjectName("runSlotSeconds")
        self.slot_minutes.setRange(10, 3600)
        self.slot_minutes.setSingleStep(30)
        self.slot_minutes.setSuffix(self.tr(" 秒/桌"))
        self.slot_minutes.editingFinished.connect(self._on_slot_changed)
        queue_buttons = QHBoxLayout()
        self.queue_buttons: dict[str, QToolButton] = {}
        qlayout = QVBoxLayout(self.queue_box)
        qlayout.addWidget(self.queue_countdown)
        qlayout.addWidget(self.queue_list)
        qlayout.addLayout(queue_buttons)
        qlayout.addWidget(self.slot_minutes)
        self._queue_button_row = queue_buttons
        self.queue_box.setVisible(False)

        # message to the speaker
        self.message_edit = QLineEdit()
        self.message_edit.setObjectName("runMessage")
        self.message_edit.setPlaceholderText(self.tr("給講者的訊息（顯示在投影幕），Enter 送出"))
        self.message_edit.returnPressed.connect(self.send_message)
        clear = QPushButton(self.tr("清除訊息"))
        clear.setObjectName("runMessageClear")
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        clear.clicked.connect(self.clear_message)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message_edit, 1)
        message_row.addWidget(clear)

        # right column: blocks with planned and actual times, projector settings
        self.run_model: RowTableModel[AgendaRow] = RowTableModel(
            [
                Column(self.tr("預定"), lambda b: f"{b.planned_start:%H:%M}–{b.planned_end:%H:%M}"),
                Column(
                    self.tr("實際"),
                    lambda b: (
                        f"{_hm(b.actual_start)}–{_hm(b.actual_end)}" if b.actual_start else ""
                    ),
                ),
                Column(self.tr("議程"), lambda b: b.title),
            ]
        )
        self.run_view = row_table_view(self.run_model, "runTable", single=True)
        self.run_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.run_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.run_view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        span = self.run_view.fontMetrics().horizontalAdvance("88:88–88:88") + 16  # never "09:…"
        self.run_view.setColumnWidth(0, span)
        self.run_view.setColumnWidth(1, span)

        projector_box = QGroupBox(self.tr("投影"))
        projector_box.setObjectName("runProjectorBox")
        self.screen_picker = QComboBox()
        self.screen_picker.setObjectName("projectorScreen")
        self.projector_button = QPushButton()
        self.projector_button.setObjectName("projectorButton")
        self.projector_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.warning_minutes = QSpinBox()
        self.warning_minutes.setObjectName("warningMinutes")
        self.warning_minutes.setRange(0, 60)
        self.warning_minutes.setSuffix(self.tr(" 分鐘"))
        self.danger_minutes = QSpinBox()
        self.danger_minutes.setObjectName("dangerMinutes")
        self.danger_minutes.setRange(0, 60)
        self.danger_minutes.setSuffix(self.tr(" 分鐘"))
        self.chime_box = QCheckBox(self.tr("提示音"))
        self.chime_box.setObjectName("chime")
        for widget in (self.warning_minutes, self.danger_minutes):
            widget.editingFinished.connect(self._on_options_changed)
        self.chime_box.toggled.connect(lambda _on: self._on_options_changed())
        pform = QFormLayout(projector_box)
        pform.addRow(self.tr("螢幕"), self.screen_picker)
        pform.addRow(self.projector_button)
        pform.addRow(self.tr("黃燈（剩餘）"), self.warning_minutes)
        pform.addRow(self.tr("紅燈（剩餘）"), self.danger_minutes)
        pform.addRow(self.chime_box)

        left = QVBoxLayout()
        left.addWidget(self.status_label)
        left.addWidget(self.current_title)
        left.addWidget(self.countdown, 1)
        left.addWidget(self.current_info)
        left.addWidget(self.next_label)
        left.addWidget(self.day_label)
        left.addWidget(self.overrun_box)
        left.addLayout(self.control_buttons)
        left.addWidget(self.queue_box)
        left.addLayout(message_row)
        right = QVBoxLayout()
        right.addWidget(self.run_view, 1)
        right.addWidget(projector_box)
        layout = QHBoxLayout(page)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)
        return page

    def _build_actions(self) -> None:
        """Every run command is a QAction with its shortcut, listed in the screen's menus."""

        def action(text: str, keys: list[str], slot: Callable[[], None], name: str) -> QAction:
            act = QAction(text, self)
            act.setObjectName(name)
            act.setShortcuts([QKeySequence(k) for k in keys])
            act.setToolTip(f"{text}（{' / '.join(keys)}）")
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

        def button(act: QAction, text: str, row: int, col: int, span: int = 1) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(act.objectName().replace("act", "button"))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setToolTip(act.toolTip())
            b.clicked.connect(act.trigger)
            self.control_buttons.addWidget(b, row, col, 1, span)
            return b

        self.toggle_button = button(self.act_toggle, self.tr("開始 (Space)"), 0, 1, 2)
        button(self.act_previous, self.tr("◀ 上一段 (←)"), 0, 0)
        button(self.act_next, self.tr("下一段 (→) ▶"), 0, 3)
        button(self.act_minus5, self.tr("−5 分"), 1, 0)
        button(self.act_minus1, self.tr("−1 分 (↓)"), 1, 1)
        button(self.act_plus1, self.tr("+1 分 (↑)"), 1, 2)
        button(self.act_plus5, self.tr("+5 分"), 1, 3)
        self.shift_button.setText(self.tr("順延後續議程 (Ctrl+Shift+S)"))
        self.shift_button.clicked.connect(self.act_shift.trigger)
        self.absorb_button.setText(self.tr("由休息／午餐吸收 (Ctrl+Shift+A)"))
        self.absorb_button.clicked.connect(self.act_absorb.trigger)
        for b in (self.shift_button, self.absorb_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for key, act, text in (
            ("previous", self.act_queue_previous, self.tr("◀ 上一桌 ([)")),
            ("next", self.act_queue_next, self.tr("下一桌 (]) ▶")),
            ("up", None, self.tr("提前")),
            ("down", None, self.tr("延後")),
        ):
            tb = QToolButton()
            tb.setText(text)
            tb.setObjectName(f"queue_{key}")
            tb.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if act is not None:
                tb.setToolTip(act.toolTip())
                tb.clicked.connect(act.trigger)
            else:
                tb.clicked.connect(lambda _=False, d=-1 if key == "up" else 1: self.queue_move(d))
            self.queue_buttons[key] = tb
            self._queue_button_row.addWidget(tb)
        self._show_projector_state(False)
        self.projector_button.clicked.connect(self.act_projector.trigger)

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
        if session is None:
            self.editor_model.set_rows(())
            self.run_model.set_rows(())
            self.issues.setText(self.tr("尚無場次。"))
            self.tick()
            return
        self.reload()

    def reload(self) -> None:
        """Read the blocks and the stored run state again (also what a restart does)."""
        if self.session is None:
            return
        self._set_view(service.load_run(self.context.db, self.session.id))
        options = self.view.options if self.view else TimerOptions()
        for widget, value in (
            (self.warning_minutes, options.warning_seconds // 60),
            (self.danger_minutes, options.danger_seconds // 60),
        ):
            widget.blockSignals(True)
            widget.setValue(value)
            widget.blockSignals(False)
        self.chime_box.blockSignals(True)
        self.chime_box.setChecked(options.chime)
        self.chime_box.blockSignals(False)
        self._fill_screens()

    def _set_view(self, view: RunView) -> None:
        self.view = view
        self._show_plan(view.rows)
        self.run_model.set_rows(view.rows)
        current = view.state.block_id
        for i, row in enumerate(view.rows):
            if row.id == current:
                self.run_view.selectRow(i)
        queue = view.state.queue
        if queue is not None:
            self.slot_minutes.blockSignals(True)
            self.slot_minutes.setValue(queue.slot_seconds)
            self.slot_minutes.blockSignals(False)
        self.tick()

    def _fill_screens(self) -> None:
        self.screen_picker.clear()
        for index, screen in enumerate(available_screens()):
            size = screen.geometry()
            self.screen_picker.addItem(
                f"{index + 1}: {screen.name()} {size.width()}×{size.height()}", index
            )
        if self.screen_picker.count() > 1:
            self.screen_picker.setCurrentIndex(1)  # the second screen is usually the projector

    # ------------------------------------------------------------------ actions
    def _act(self, name: str, call: Callable[[], RunView]) -> None:
        if self.session is None:
            return
        try:
            self._set_view(call())
            self.feedback.setText("")
        except (AgendaError, AgendaInputError) as exc:
            self.feedback.setText(error_text(exc))

    def _selected_run_block(self) -> int | None:
        indexes = self.run_view.selectionModel().selectedRows()
        return self.run_model.row_at(indexes[0].row()).id if indexes else None

    def toggle(self) -> None:
        state = self.view.state if self.view else None
        start_at = self._selected_run_block() if state and state.status is RunStatus.IDLE else None
        self._act(
            "toggle",
            lambda: service.toggle(
                self.context.db,
                self.session.id,
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
            lambda: service.next_block(
                self.context.db, self.session.id, self.clock(), actor=self.context.operator
            ),
        )

    def previous_block(self) -> None:
        if self.view and self.view.state.status is RunStatus.IDLE:
            self._move_selection(-1)
            return
        self._act(
            "previous",
            lambda: service.previous_block(
                self.context.db, self.session.id, self.clock(), actor=self.context.operator
            ),
        )
        undone = self.view.state.undone if self.view else None
        if undone is not None:
            row = self.view.row(undone.block_id) if undone.block_id is not None else None
            what = row.title if row else self.tr("議程結束")
            self.feedback.setText(
                self.tr(
                    "已回到上一段。按錯了？{s} 秒內按 → 可恢復「{title}」及其實際開始時間。"
                ).format(s=rules.REDO_SECONDS, title=what)
            )

    def _move_selection(self, offset: int) -> None:
        """Before the day starts, the arrows pick the block that Space will start."""
        rows = self.run_model.rowCount()
        if not rows:
            return
        indexes = self.run_view.selectionModel().selectedRows()
        here = indexes[0].row() if indexes else -1
        self.run_view.selectRow(max(0, min(rows - 1, here + offset)))
        self.tick()

    def adjust(self, seconds: int) -> None:
        self._act(
            "adjust",
            lambda: service.adjust(
                self.context.db, self.session.id, seconds, self.clock(), actor=self.context.operator
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
                    m=_minutes(result.unabsorbed.total_seconds())
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
            lambda: service.queue_next(
                self.context.db, self.session.id, self.clock(), actor=self.context.operator
            ),
        )

    def queue_previous(self) -> None:
        self._act(
            "queue_previous",
            lambda: service.queue_previous(
                self.context.db, self.session.id, self.clock(), actor=self.context.operator
            ),
        )

    def queue_move(self, offset: int) -> None:
        item = self.queue_list.currentItem()
        if item is None or self.view is None or self.view.state.queue is None:
            return
        table = int(item.data(Qt.ItemDataRole.UserRole))
        self._act(
            "queue_move",
            lambda: service.queue_move(
                self.context.db,
                self.session.id,
                table,
                offset,
                self.clock(),
                actor=self.context.operator,
            ),
        )
        for i in range(self.queue_list.count()):
            if int(self.queue_list.item(i).data(Qt.ItemDataRole.UserRole)) == table:
                self.queue_list.setCurrentRow(i)

    def _on_slot_changed(self) -> None:
        if self.view is None or self.view.state.queue is None:
            return
        if self.slot_minutes.value() != self.view.state.queue.slot_seconds:
            seconds = self.slot_minutes.value()
            self._act(
                "queue_slot",
                lambda: service.queue_set_slot(
                    self.context.db,
                    self.session.id,
                    seconds,
                    self.clock(),
                    actor=self.context.operator,
                ),
            )

    def send_message(self) -> None:
        text = self.message_edit.text()
        self._act(
            "message",
            lambda: service.set_message(
                self.context.db, self.session.id, text, self.clock(), actor=self.context.operator
            ),
        )
        self.setFocus()

    def clear_message(self) -> None:
        self.message_edit.clear()
        self.send_message()

    def _focus_message(self) -> None:
        self.tabs.setCurrentIndex(1)
        self.message_edit.setFocus()
        self.message_edit.selectAll()

    def _on_options_changed(self) -> None:
        if self.session is None:
            return
        options = TimerOptions(
            self.warning_minutes.value() * 60,
            self.danger_minutes.value() * 60,
            self.chime_box.isChecked(),
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
                lambda: service.reset_run(
                    self.context.db, self.session.id, self.clock(), actor=self.context.operator
                ),
            )

    def export_report(self) -> None:
        if self.session is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("匯出預定與實際時間"),
            f"議程-{self.session.name}.pdf",
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

    def _show_projector_state(self, shown: bool) -> None:
        """The button says what it will do, however the projector was opened or closed (F5,
        the menu, Esc or the window's close button on the projector)."""
        self.projector_button.setText(
            self.tr("關閉投影畫面 (F5)") if shown else self.tr("開啟投影畫面 (F5)")
        )

    def open_projector(self, *, full_screen: bool = True) -> ProjectorWindow:
        if self.projector is None:
            self.projector = ProjectorWindow()
            self.projector.addActions(self.run_actions)
            self.projector.shown_changed.connect(self._show_projector_state)
        screens = available_screens()
        index = self.screen_picker.currentData()
        screen = screens[index] if isinstance(index, int) and index < len(screens) else None
        self.projector.show_on(screen, full_screen=full_screen)
        self.tick()
        return self.projector

    # ------------------------------------------------------------------ tick
    def tick(self) -> None:
        """Read the snapshot and the clock; update the countdown, labels and projector."""
        view = self.view
        now = self.clock()
        if view is None or not view.rows:
            self.status_label.setText(
                self.tr("沒有議程。請先在「議程編輯」新增段落。") if view is not None else ""
            )
            self.countdown.setText("--:--")
            return
        t = view.timing(now)
        options = view.options
        state = view.state
        if t.status is RunStatus.IDLE:
            selected = view.row(self._selected_run_block()) or view.rows[0]
            level = "idle"
            clock_text = format_clock(
                (selected.planned_end - selected.planned_start).total_seconds()
            )
            title = selected.title
            self.status_label.setText(self.tr("尚未開始　按 Space 從選取的段落開始；←/→ 選擇段落"))
            self.toggle_button.setText(self.tr("開始 (Space)"))
            info = self.tr("預定 {start}–{end}").format(
                start=_hm(selected.planned_start), end=_hm(selected.planned_end)
            )
            following = None
        elif t.status is RunStatus.FINISHED:
            level = "idle"
            clock_text = "0:00"
            title = self.tr("今日議程已結束")
            self.status_label.setText(
                self.tr("已結束於 {at}　（← 可回到最後一段）").format(at=_hm(state.finished_at))
            )
            self.toggle_button.setText(self.tr("已結束"))
            info = ""
            following = None
        else:
            current = view.row(state.block_id)
            assert current is not None and t.current is not None
            level = rules.alert_level(
                t.remaining, options.warning_seconds, options.danger_seconds
            ).value
            if t.status is RunStatus.PAUSED:
                level = "paused"
            clock_text = format_clock(t.remaining)
            title = current.title
            paused = t.status is RunStatus.PAUSED
            self.status_label.setText(
                self.tr("暫停中（Space 繼續）") if paused else self.tr("進行中（Space 暫停）")
            )
            self.toggle_button.setText(
                self.tr("繼續 (Space)") if paused else self.tr("暫停 (Space)")
            )
            extra = (
                self.tr("，已調整 {sign}{m} 分").format(
                    sign="+" if state.extra_seconds > 0 else "−",
                    m=round(abs(state.extra_seconds) / 60),
                )
                if state.extra_seconds
                else ""
            )
            info = self.tr(
                "{kind}　{speaker}　預定 {start}–{end}　實際開始 {actual}{extra}"
            ).format(
                kind=block_kind_label(current.kind),
                speaker=current.speaker,
                start=_hm(current.planned_start),
                end=_hm(current.planned_end),
                actual=_hm(current.actual_start),
                extra=extra,
            )
            following = view.row(t.following.id) if t.following else None
        self.current_title.setText(title)
        self.countdown.setText(clock_text)
        visible = rules.flash_on(t.remaining) if level == "over" else True
        self.countdown.setProperty("level", level)
        self.countdown.setStyleSheet(
            f"color: {_SCREEN_COLOURS[level]};" if visible else "color: transparent;"
        )
        self.current_info.setText(info)
        self.next_label.setText(
            self.tr("下一段：{start} {title}").format(
                start=_hm(following.planned_start), title=following.title
            )
            if following
            else ""
        )
        self._show_day(t)
        queue_line, queue_clock, queue_level = self._show_queue(view, now)
        self._update_projector(
            title,
            clock_text,
            level,
            visible,
            following,
            queue_line,
            queue_clock,
            queue_level,
            state.message,
            current_speaker(view),
        )
        if level != self._last_level:
            if (
                level in ("warning", "danger", "over")
                and options.chime
                and self._last_level not in ("", "paused")
            ):
                self.chime.play()
            self._last_level = level

    def _show_day(self, t: rules.Timing) -> None:
        if t.projected_end is None:
            self.day_label.setText("")
            self.overrun_box.setVisible(False)
            return
        if t.behind > 59:
            pace = self.tr("落後 {m}").format(m=_minutes(t.behind))
        elif t.behind < -59:
            pace = self.tr("超前 {m}").format(m=_minutes(t.behind))
        else:
            pace = self.tr("準時")
        self.day_label.setText(
            self.tr("全日進度：{pace}　預計 {end} 結束").format(pace=pace, end=_hm(t.projected_end))
        )
        late = (
            t.status in (RunStatus.RUNNING, RunStatus.PAUSED)
            and t.next_delay >= 60
            and t.following is not None
        )
        self.overrun_box.setVisible(late)
        if late:
            self.overrun_text.setText(
                self.tr(
                    "目前段落將超時，下一段會晚 {m} 開始（預計全日 {end} 結束）。要順延後續議程，"
                    "或由下一個休息／午餐吸收？"
                ).format(m=_minutes(t.next_delay), end=_hm(t.projected_end))
            )

    def _show_queue(self, view: RunView, now: dt.datetime) -> tuple[str, str, str]:
        status = view.queue(now)
        if status is None:
            self.queue_box.setVisible(False)
            return "", "", "normal"
        self.queue_box.setVisible(True)
        labels = list(status.running_order)
        if [
            self.queue_list.item(i).text().split("　")[-1] for i in range(self.queue_list.count())
        ] != labels:
            self.queue_list.clear()
            queue = view.state.queue
            assert queue is not None
            for number, label in zip(queue.order, labels, strict=True):
                self.queue_list.addItem(label)
                self.queue_list.item(self.queue_list.count() - 1).setData(
                    Qt.ItemDataRole.UserRole, number
                )
        for i in range(self.queue_list.count()):
            item = self.queue_list.item(i)
            item.setForeground(QBrush(QColor("#9e9e9e" if i < status.index else "#000000")))
            font = item.font()
            font.setBold(i == status.index)
            item.setFont(font)
        if status.done:
            self.queue_countdown.setText(self.tr("各桌報告完畢"))
            return self.tr("各桌報告完畢"), "", "normal"
        level = rules.alert_level(status.slot_remaining, min(60, status.slot_seconds / 3), 15)
        line = self.tr("{label} 報告中（{n}/{total}）").format(
            label=status.label, n=status.index + 1, total=status.count
        )
        clock_text = format_clock(status.slot_remaining)
        self.queue_countdown.setText(f"{line}　{clock_text}")
        return line, clock_text, level.value

    def _update_projector(
        self,
        title: str,
        clock_text: str,
        level: str,
        visible: bool,
        following: AgendaRow | None,
        queue_line: str,
        queue_clock: str,
        queue_level: str,
        message: str,
        speaker: str,
    ) -> None:
        if self.projector is None or not self.projector.isVisible():
            return
        subtitle = speaker
        if following is not None:
            nxt = self.tr("下一段 {start} {title}").format(
                start=_hm(following.planned_start), title=following.title
            )
            subtitle = f"{speaker}　·　{nxt}" if speaker else nxt
        self.projector.show_frame(
            ProjectorFrame(
                title=title,
                countdown=clock_text,
                level=level,
                visible=visible,
                subtitle=subtitle,
                queue=queue_line,
                queue_countdown=queue_clock,
                queue_level=queue_level,
                message=message,
            )
        )

    def closeEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        if self.projector is not None:
            self.projector.close()
        super().closeEvent(event)


def current_speaker(view: RunView) -> str:
    row = (
        view.row(view.state.block_id)
        if view.state.status in (RunStatus.RUNNING, RunStatus.PAUSED)
        else None
    )
    return row.speaker if row else ""


_SCREEN_COLOURS = {
    "idle": "#757575",
    "paused": "#1565c0",
    "normal": "#1b5e20",
    "warning": "#e69500",
    "danger": "#d50000",
    "over": "#d50000",
}


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
