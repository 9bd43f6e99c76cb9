"""計時執行: the run page of the agenda screen — the countdown, the block and what comes next,
the day's pace and the overrun prompt, the report-back queue, the message to the speaker, the
blocks with planned and actual times, the projector settings. It only shows: every frame comes
from ``desktop.core.agenda_frame.frame`` (the projector draws the same frame), every command is
the agenda screen's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.agenda import RunStatus
from desktop.core.agenda_frame import EMPTY, Frame
from desktop.services.agenda_run import RunView, TimerOptions
from desktop.services.events import AgendaRow
from desktop.ui.labels import block_kind_label
from desktop.ui.projector import available_screens, frame_title, hm, queue_line
from desktop.ui.tablemodel import Column, RowTableModel, row_table_view

SCREEN_COLOURS = {
    "idle": "#757575",
    "paused": "#1565c0",
    "normal": "#1b5e20",
    "warning": "#e69500",
    "danger": "#d50000",
    "over": "#d50000",
}


def minutes_text(seconds: float) -> str:
    return QCoreApplication.translate("AgendaScreen", "{n} 分鐘").format(n=round(abs(seconds) / 60))


class RunPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
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
        self.clear_button = clear = QPushButton(self.tr("清除訊息"))
        clear.setObjectName("runMessageClear")
        clear.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message_edit, 1)
        message_row.addWidget(clear)

        # right column: blocks with planned and actual times, projector settings
        self.run_model: RowTableModel[AgendaRow] = RowTableModel(
            [
                Column(self.tr("預定"), lambda b: f"{b.planned_start:%H:%M}–{b.planned_end:%H:%M}"),
                Column(
                    self.tr("實際"),
                    lambda b: f"{hm(b.actual_start)}–{hm(b.actual_end)}" if b.actual_start else "",
                ),
                Column(self.tr("議程"), lambda b: b.title, elides=True),
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
        layout = QHBoxLayout(self)
        layout.addLayout(left, 3)
        layout.addLayout(right, 2)

    def add_controls(
        self, buttons: list[tuple[QAction, str, int, int, int]], shift: QAction, absorb: QAction
    ) -> None:
        """The run commands as buttons (no focus: keys always reach the shortcuts); the first
        is 開始／暫停／繼續, whose text follows the state."""
        made = []
        for act, text, row, col, span in buttons:
            b = QPushButton(text)
            b.setObjectName(act.objectName().replace("act", "button"))
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            b.setToolTip(act.toolTip())
            b.clicked.connect(act.trigger)
            self.control_buttons.addWidget(b, row, col, 1, span)
            made.append(b)
        self.toggle_button = made[0]
        self.shift_button.setText(self.tr("順延後續議程 (Ctrl+Shift+S)"))
        self.shift_button.clicked.connect(shift.trigger)
        self.absorb_button.setText(self.tr("由休息／午餐吸收 (Ctrl+Shift+A)"))
        self.absorb_button.clicked.connect(absorb.trigger)
        for b in (self.shift_button, self.absorb_button):
            b.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def add_queue_controls(
        self, previous: QAction, following: QAction, move: Callable[[int], None]
    ) -> None:
        for key, act, text in (
            ("previous", previous, self.tr("◀ 上一桌 ([)")),
            ("next", following, self.tr("下一桌 (]) ▶")),
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
                tb.clicked.connect(lambda _=False, d=-1 if key == "up" else 1: move(d))
            self.queue_buttons[key] = tb
            self._queue_button_row.addWidget(tb)

    # ------------------------------------------------------------------ filling
    def show_options(self, options: TimerOptions) -> None:
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

    def show_blocks(self, view: RunView) -> None:
        self.run_model.set_rows(view.rows)
        for i, row in enumerate(view.rows):
            if row.id == view.state.block_id:
                self.run_view.selectRow(i)
        queue = view.state.queue
        if queue is not None:
            self.slot_minutes.blockSignals(True)
            self.slot_minutes.setValue(queue.slot_seconds)
            self.slot_minutes.blockSignals(False)

    def selected_block(self) -> int | None:
        indexes = self.run_view.selectionModel().selectedRows()
        return self.run_model.row_at(indexes[0].row()).id if indexes else None

    def fill_screens(self) -> None:
        self.screen_picker.clear()
        for index, screen in enumerate(available_screens()):
            size = screen.geometry()
            self.screen_picker.addItem(
                f"{index + 1}: {screen.name()} {size.width()}×{size.height()}", index
            )
        if self.screen_picker.count() > 1:
            self.screen_picker.setCurrentIndex(1)  # the second screen is usually the projector

    def show_projector_state(self, shown: bool) -> None:
        """The button says what it will do, however the projector was opened or closed (F5,
        the menu, Esc or the window's close button on the projector)."""
        self.projector_button.setText(
            self.tr("關閉投影畫面 (F5)") if shown else self.tr("開啟投影畫面 (F5)")
        )

    # ------------------------------------------------------------------ the frame
    def show_nothing(self) -> None:
        self.status_label.setText("")
        self.countdown.setText("--:--")

    def show_frame(self, f: Frame[AgendaRow], queue_order: tuple[int, ...]) -> None:
        if f.phase == EMPTY:
            self.status_label.setText(self.tr("沒有議程。請先在「議程編輯」新增段落。"))
            self.countdown.setText("--:--")
            return
        block = f.block
        if f.phase == RunStatus.IDLE:
            assert block is not None
            status = self.tr("尚未開始　按 Space 從選取的段落開始；←/→ 選擇段落")
            toggle = self.tr("開始 (Space)")
            info = self.tr("預定 {start}–{end}").format(
                start=hm(block.planned_start), end=hm(block.planned_end)
            )
        elif f.phase == RunStatus.FINISHED:
            status = self.tr("已結束於 {at}　（← 可回到最後一段）").format(at=hm(f.finished_at))
            toggle = self.tr("已結束")
            info = ""
        else:
            assert block is not None
            paused = f.phase == RunStatus.PAUSED
            status = self.tr("暫停中（Space 繼續）") if paused else self.tr("進行中（Space 暫停）")
            toggle = self.tr("繼續 (Space)") if paused else self.tr("暫停 (Space)")
            extra = (
                self.tr("，已調整 {sign}{m} 分").format(
                    sign="+" if f.extra_seconds > 0 else "−", m=round(abs(f.extra_seconds) / 60)
                )
                if f.extra_seconds
                else ""
            )
            info = self.tr(
                "{kind}　{speaker}　預定 {start}–{end}　實際開始 {actual}{extra}"
            ).format(
                kind=block_kind_label(block.kind),
                speaker=block.speaker,
                start=hm(block.planned_start),
                end=hm(block.planned_end),
                actual=hm(block.actual_start),
                extra=extra,
            )
        self.status_label.setText(status)
        self.toggle_button.setText(toggle)
        self.current_title.setText(frame_title(f))
        self.countdown.setText(f.clock)
        self.countdown.setProperty("level", f.level)
        self.countdown.setStyleSheet(
            f"color: {SCREEN_COLOURS[f.level]};" if f.visible else "color: transparent;"
        )
        self.current_info.setText(info)
        following = f.following
        self.next_label.setText(
            self.tr("下一段：{start} {title}").format(
                start=hm(following.planned_start), title=following.title
            )
            if following
            else ""
        )
        self._show_day(f)
        self._show_queue(f, queue_order)

    def _show_day(self, f: Frame[Any]) -> None:
        if f.projected_end is None:
            self.day_label.setText("")
            self.overrun_box.setVisible(False)
            return
        if f.behind > 59:
            pace = self.tr("落後 {m}").format(m=minutes_text(f.behind))
        elif f.behind < -59:
            pace = self.tr("超前 {m}").format(m=minutes_text(f.behind))
        else:
            pace = self.tr("準時")
        self.day_label.setText(
            self.tr("全日進度：{pace}　預計 {end} 結束").format(pace=pace, end=hm(f.projected_end))
        )
        self.overrun_box.setVisible(f.late_by > 0)
        if f.late_by > 0:
            self.overrun_text.setText(
                self.tr(
                    "目前段落將超時，下一段會晚 {m} 開始（預計全日 {end} 結束）。要順延後續議程，"
                    "或由下一個休息／午餐吸收？"
                ).format(m=minutes_text(f.late_by), end=hm(f.projected_end))
            )

    def _show_queue(self, f: Frame[Any], order: tuple[int, ...]) -> None:
        queue = f.queue
        if queue is None:
            self.queue_box.setVisible(False)
            return
        self.queue_box.setVisible(True)
        labels = list(queue.running_order)
        if [
            self.queue_list.item(i).text().split("　")[-1] for i in range(self.queue_list.count())
        ] != labels:
            self.queue_list.clear()
            for number, label in zip(order, labels, strict=True):
                self.queue_list.addItem(label)
                self.queue_list.item(self.queue_list.count() - 1).setData(
                    Qt.ItemDataRole.UserRole, number
                )
        for i in range(self.queue_list.count()):
            item = self.queue_list.item(i)
            item.setForeground(QBrush(QColor("#9e9e9e" if i < queue.index else "#000000")))
            font = item.font()
            font.setBold(i == queue.index)
            item.setFont(font)
        line = queue_line(queue)
        self.queue_countdown.setText(f"{line}　{queue.clock}" if queue.clock else line)
