"""Pieces of the check-in desk: the result card and its wording, sounds, the welcome display,
and the walk-in, void and scanner self-test dialogs."""

from __future__ import annotations

import math
import struct
import time
import wave
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop import paths
from desktop.core.ids import IdProblem, id_problem, normalize_id
from desktop.core.rocdate import roc_date
from desktop.core.scaninput import ScanReport, scan_report
from desktop.core.text import mask_name
from desktop.services import checkin as service
from desktop.services import checkin_log
from desktop.services.walkins import WalkInError, WalkInResult, add_walk_in
from desktop.ui.labels import status_label
from desktop.ui.messages import error_text
from desktop.ui.tablemodel import Column, RowTableModel

translate = QCoreApplication.translate  # translate("checkin", "…"): lupdate finds the literal


# --- what the card says -------------------------------------------------------------------

GOOD, OUT, WARN, BAD, INFO = "good", "out", "warn", "bad", "info"
# A sign-out is purple, never the check-in green: staff see at a glance which way the desk
# is recording. The desk's scan frame wears the colour of its mode (MODE_KIND).
COLOURS = {
    GOOD: ("#1b7f3b", "#e7f6ec"),
    OUT: ("#6a1b9a", "#f3e8fa"),
    WARN: ("#9a6700", "#fff4d6"),
    BAD: ("#b42318", "#fde8e7"),
    INFO: ("#1f4e79", "#e8f0f8"),
}
MODE_KIND = {"in": GOOD, "out": OUT}


@dataclass(frozen=True)
class CardText:
    kind: str  # good / warn / bad / info: colour and sound
    title: str
    detail: str


def card_text(r: service.CheckInResult) -> CardText:
    who = f"{r.name}　{r.agency}" if r.name else ""
    if r.code == "ok" and r.mode == "out":
        return CardText(
            OUT,
            translate("checkin", "簽退完成"),
            translate("checkin", "{who}\n簽退時間 {time}").format(who=who, time=f"{r.at:%H:%M}"),
        )
    if r.code == "ok":
        table = (
            translate("checkin", "第 {n} 桌").format(n=r.table)
            if r.table is not None
            else translate("checkin", "未排桌")
        )
        lunch = (
            translate("checkin", "餐食：{lunch}").format(lunch=r.lunch)
            if r.lunch
            else translate("checkin", "不用餐")
        )
        title = translate("checkin", "再次入場") if r.reentry else translate("checkin", "報到成功")
        extra = translate("checkin", "（重複送出，未重複登記）") if r.replayed else ""
        return CardText(GOOD, title + extra, f"{who}\n{table}　·　{lunch}")
    if r.code == "already_checked_in":
        return CardText(
            WARN,
            translate("checkin", "已報到過"),
            translate("checkin", "{who}\n已於 {time} 在 {desk} 報到").format(
                who=who,
                time=f"{r.first_at:%H:%M}" if r.first_at else "—",
                desk=r.first_desk or translate("checkin", "（未記錄櫃台）"),
            ),
        )
    if r.code == "already_checked_out":
        return CardText(
            WARN,
            translate("checkin", "已簽退過"),
            translate("checkin", "{who}\n已於 {time} 簽退").format(
                who=who, time=f"{r.last_out_at:%H:%M}" if r.last_out_at else "—"
            ),
        )
    if r.code == "not_checked_in":
        return CardText(
            WARN,
            translate("checkin", "尚未報到"),
            translate("checkin", "{who}\n沒有報到紀錄，無法簽退").format(who=who),
        )
    if r.code == "not_admitted":
        full = translate("checkin", "名額已滿，請洽主辦單位。")
        seats = translate("checkin", "目前尚有 {n} 個空位，可按下方按鈕以現場報名錄取並報到。")
        seats = seats.format(n=r.seats_free) if r.seats_free > 0 else full
        return CardText(
            BAD,
            translate("checkin", "未錄取：{status}").format(status=status_label(r.status)),
            f"{who}\n{seats}",
        )
    if r.code == "other_session":
        when = roc_date(r.session_date, weekday=True) if r.session_date else ""
        return CardText(
            BAD,
            translate("checkin", "報名的是其他場次"),
            translate("checkin", "{who}\n報名場次：{session} {date}").format(
                who=who, session=r.session_name, date=when
            ),
        )
    if r.code == "other_event":
        return CardText(
            BAD,
            translate("checkin", "不是本活動的入場證"),
            translate("checkin", "這張 QR 碼屬於其他活動，請改用姓名搜尋。"),
        )
    if r.code == "forged":
        return CardText(
            BAD,
            translate("checkin", "入場證無效"),
            translate("checkin", "QR 碼損毀或遭竄改，請核對身分後改用姓名搜尋。"),
        )
    return CardText(
        BAD,
        translate("checkin", "無法辨識的條碼"),
        translate("checkin", "這不是研習報到台的入場證，請改用姓名搜尋。"),
    )


class ResultCard(QFrame):
    """The big colour-coded answer to the last scan."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("resultCard")
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setMinimumHeight(200)
        self.title_label = QLabel()
        self.title_label.setObjectName("resultTitle")
        self.title_label.setWordWrap(True)
        self.detail_label = QLabel()
        self.detail_label.setObjectName("resultDetail")
        self.detail_label.setWordWrap(True)
        self.admit_button = QPushButton(self.tr("以現場報名錄取並報到"))
        self.undo_button = QPushButton(self.tr("復原這筆 (Ctrl+Z)"))
        for button in (self.admit_button, self.undo_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.hide()
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.admit_button)
        buttons.addWidget(self.undo_button)
        self.detail_label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.addWidget(self.title_label)
        layout.addSpacing(10)
        layout.addWidget(self.detail_label, 1)
        layout.addLayout(buttons)
        self.kind = INFO
        self._styled = ""
        self.show_text(
            CardText(
                INFO,
                self.tr("請掃描入場證"),
                self.tr("掃描器可直接掃；找不到入場證時，在右方輸入姓名、機關或電話末碼搜尋。"),
            )
        )

    def show_text(self, text: CardText, *, admit: bool = False, undo: bool = False) -> None:
        if text.kind != self._styled:
            self._apply_style(text.kind)  # re-styling costs ~10 ms: only when the colour changes
        self.kind = text.kind
        self.title_label.setText(text.title)
        first, _, rest = text.detail.partition("\n")
        self.detail_label.setText(
            f"<div style='font-size:30px; font-weight:bold'>{escape(first)}</div>"
            f"<div style='margin-top:8px'>{escape(rest).replace(chr(10), '<br>')}</div>"
        )
        self.admit_button.setVisible(admit)
        self.undo_button.setVisible(undo)

    def _apply_style(self, kind: str) -> None:
        fg, bg = COLOURS[kind]
        self.setStyleSheet(
            f"#resultCard {{ background:{bg}; border:4px solid {fg}; border-radius:12px; }}"
            f"#resultTitle {{ color:{fg}; font-size:34px; font-weight:bold; }}"
            f"#resultDetail {{ color:#222; font-size:22px; }}"
        )
        self._styled = kind


# --- sounds -------------------------------------------------------------------------------

TONES = {
    GOOD: ((880, 0.09), (1320, 0.12)),
    OUT: ((1320, 0.09), (880, 0.12)),
    WARN: ((660, 0.12), (660, 0.12)),
    BAD: ((220, 0.35),),
    INFO: ((520, 0.1),),
}


def _write_tone(path, notes) -> None:  # type: ignore[no-untyped-def]
    rate = 22050
    frames = bytearray()
    for freq, seconds in notes:
        n = int(rate * seconds)
        for i in range(n):
            fade = min(1.0, i / 200, (n - i) / 200)
            frames += struct.pack("<h", int(12000 * fade * math.sin(2 * math.pi * freq * i / rate)))
        frames += b"\x00\x00" * int(rate * 0.04)
    with wave.open(str(path), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(bytes(frames))


class Chimes(QObject):
    """A distinct sound per kind of result; mutable. Falls back to the system beep."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.muted = False
        self._effects: dict[str, object] = {}

    def play(self, kind: str) -> None:
        if self.muted:
            return
        effect = self._effects.get(kind)
        if effect is None:
            try:
                from PySide6.QtMultimedia import QSoundEffect

                folder = paths.data_dir() / "sounds"
                folder.mkdir(exist_ok=True)
                path = folder / f"{kind}.wav"
                if not path.exists():
                    _write_tone(path, TONES[kind])
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(path)))
                self._effects[kind] = effect
            except Exception:
                QApplication.beep()
                return
        effect.play()  # type: ignore[attr-defined]


# --- welcome display ----------------------------------------------------------------------


class WelcomeWindow(QWidget):
    """For a second screen facing the queue: 「歡迎 王○明 · 第 3 桌」 (masked name)."""

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window | Qt.WindowType.WindowDoesNotAcceptFocus)
        self.setObjectName("welcomeWindow")
        self.setWindowTitle(translate("checkin", "歡迎畫面"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setStyleSheet("background:#1f4e79; color:white;")
        self.label = QLabel(translate("checkin", "歡迎光臨"))
        self.label.setObjectName("welcomeText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("font-size:64px; font-weight:bold;")
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        self.resize(900, 400)
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setInterval(8000)
        self._idle.timeout.connect(lambda: self.label.setText(translate("checkin", "歡迎光臨")))

    def welcome(self, name: str, table: int | None) -> None:
        text = translate("checkin", "歡迎 {name}").format(name=mask_name(name))
        if table is not None:
            text += translate("checkin", " · 第 {n} 桌").format(n=table)
        self.label.setText(text)
        self._idle.start()

    def show_on_second_screen(self) -> None:
        screens = QGuiApplication.screens()
        if len(screens) > 1:
            self.setGeometry(screens[1].geometry())
            self.showFullScreen()
        else:
            self.show()


# --- walk-in dialog -----------------------------------------------------------------------


class WalkInDialog(QDialog):
    """現場報名: the few fields needed; the ID only when the person wants learning hours."""

    def __init__(
        self, db: Database, session_id: int, actor: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("walkInDialog")
        self.setWindowTitle(self.tr("現場報名"))
        self.db, self.session_id, self.actor = db, session_id, actor
        self.result_value: WalkInResult | None = None
        self._warned_for: tuple[bool, str] | None = None
        self.name = QLineEdit()
        self.agency = QLineEdit()
        self.title_field = QLineEdit()
        self.phone = QLineEdit()
        self.wants_hours = QCheckBox(self.tr("需要公務人員終身學習時數"))
        self.id_number = QLineEdit()
        self.id_number.setEnabled(False)
        self.id_number.setPlaceholderText(self.tr("需要時數才填"))
        self.wants_hours.toggled.connect(self.id_number.setEnabled)
        self.lunch = QComboBox()
        self.lunch.addItems(["葷", "素", ""])
        self.lunch.setItemText(2, self.tr("不用餐"))
        self.capacity_label = QLabel()
        self.capacity_label.setObjectName("capacityWarning")
        self.capacity_label.setWordWrap(True)
        self.error = QLabel()
        self.error.setStyleSheet("color:#b42318;")
        self.error.setWordWrap(True)
        self.setMinimumWidth(420)
        form = QFormLayout()
        form.addRow(self.tr("姓名"), self.name)
        form.addRow(self.tr("服務機關"), self.agency)
        form.addRow(self.tr("職稱"), self.title_field)
        form.addRow(self.tr("聯絡電話"), self.phone)
        form.addRow("", self.wants_hours)
        form.addRow(self.tr("身分證字號"), self.id_number)
        form.addRow(self.tr("用餐"), self.lunch)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("加入並報到"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.capacity_label)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        taken, capacity = service.session_seats(db, session_id)
        self.over = taken + 1 > capacity
        if self.over:
            self.capacity_label.setText(
                self.tr(
                    "⚠ 名額已滿：已錄取與現場報名共 {taken} 人，名額 {capacity}。"
                    "加入後將超過名額 {over} 人。"
                ).format(taken=taken, capacity=capacity, over=taken + 1 - capacity)
            )
            self.capacity_label.setStyleSheet("color:#b42318; font-weight:bold;")
        else:
            self.capacity_label.setText(
                self.tr("名額：已用 {taken} / {capacity}").format(taken=taken, capacity=capacity)
            )

    def id_warning(self) -> str:
        """What is wrong with the ID of a person who wants hours ("" when nothing is). The
        person is standing at the desk: this is the moment to get it right."""
        if not self.wants_hours.isChecked():
            return ""
        problem = id_problem(self.id_number.text())
        if problem is None:
            return ""
        again = self.tr("確定照此加入請再按一次「加入並報到」（之後由主辦單位補正）。")
        if problem == IdProblem.MISSING:
            return self.tr("需要時數須填身分證字號，否則無法登錄時數。") + again
        if problem == IdProblem.BAD_FORMAT:
            return self.tr("身分證字號格式不對（1 個英文字母加 9 碼），請再核對。") + again
        return self.tr("身分證字號檢查碼不符，可能打錯一碼，請再核對。") + again

    def submit(self) -> None:
        warning = self.id_warning()
        typed = (self.wants_hours.isChecked(), normalize_id(self.id_number.text()))
        if warning and self._warned_for != typed:
            self._warned_for = typed  # the same input, confirmed by a second click, is added
            self._say(warning)
            self.id_number.setFocus()
            return
        try:
            self.result_value = add_walk_in(
                self.db,
                self.session_id,
                name=self.name.text(),
                agency=self.agency.text(),
                title=self.title_field.text(),
                phone=self.phone.text(),
                wants_hours=self.wants_hours.isChecked(),
                id_number=self.id_number.text() or None,
                lunch=("葷", "素", "")[self.lunch.currentIndex()],
                actor=self.actor,
            )
        except (WalkInError, ValueError) as exc:
            self._say(error_text(exc))
            return
        self.accept()

    def _say(self, text: str) -> None:
        """Show ``text`` under the fields; a warning that wraps to three lines grows the dialog
        (word-wrapped labels are not part of a layout's minimum size) instead of squashing
        every field."""
        self.error.setText(text)
        needed = self.layout().totalHeightForWidth(self.width())
        self.setMinimumHeight(needed)
        if self.height() < needed:
            self.resize(self.width(), needed)


# --- void dialog --------------------------------------------------------------------------


class VoidDialog(QDialog):
    """作廢報到紀錄: pick an earlier check-in or sign-out and give the reason."""

    def __init__(
        self, db: Database, session_id: int, desk: str, operator: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voidDialog")
        self.setWindowTitle(self.tr("作廢報到紀錄"))
        self.resize(720, 480)
        self.db, self.desk, self.operator = db, desk, operator
        self.voided: checkin_log.VoidResult | None = None
        rows = [
            r
            for r in checkin_log.list_log(db, session_id)
            if r.action in ("in", "out") and not r.voided
        ]
        self.model: RowTableModel[checkin_log.LogRow] = RowTableModel(
            [
                Column(self.tr("時間"), lambda r: f"{r.at:%H:%M:%S}"),
                Column(
                    self.tr("動作"),
                    lambda r: self.tr("報到") if r.action == "in" else self.tr("簽退"),
                ),
                Column(self.tr("姓名"), lambda r: r.name),
                Column(self.tr("服務機關"), lambda r: r.agency),
                Column(self.tr("櫃台"), lambda r: r.desk),
                Column(self.tr("方式"), lambda r: self.method_label(r.method)),
            ]
        )
        self.model.set_rows(rows)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(self.tr("作廢原因（必填），例如：刷錯人、重複刷卡"))
        self.error = QLabel()
        self.error.setStyleSheet("color:#b42318;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("作廢"))
        self.ok_button.setEnabled(False)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        self.reason.textChanged.connect(self._update)
        self.view.selectionModel().selectionChanged.connect(self._update)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("紀錄不會被刪除：作廢會新增一筆作廢紀錄並註明原因。")))
        layout.addWidget(self.view, 1)
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def method_label(self, method: str) -> str:
        """How the row was recorded, in words (the log stores a code)."""
        labels = {
            "scanner": self.tr("掃描器"),
            "camera": self.tr("攝影機"),
            "typed": self.tr("手動輸入"),
            "search": self.tr("搜尋"),
            "list": self.tr("未到名單"),
            "walk_in": self.tr("現場報名"),
            "admit": self.tr("現場錄取"),
            "cli": self.tr("命令列"),
            "cli-search": self.tr("命令列搜尋"),
        }
        return labels.get(method, method)

    def selected(self) -> checkin_log.LogRow | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _update(self, *_args: object) -> None:
        self.ok_button.setEnabled(self.selected() is not None and bool(self.reason.text().strip()))

    def submit(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            self.voided = checkin_log.void(
                self.db, row.id, self.reason.text(), desk=self.desk, operator=self.operator
            )
        except service.CheckInError as exc:
            self.error.setText(error_text(exc))
            return
        self.accept()


# --- scanner self-test --------------------------------------------------------------------

TEST_CODE = "WS1:SCANNER.TEST0123456789"


class ScannerTestDialog(QDialog):
    """Scan the test code: the app reports the characters, the ending and the speed."""

    reported = Signal(object)  # ScanReport

    def __init__(
        self,
        parent: QWidget | None = None,
        clock=time.monotonic,  # type: ignore[no-untyped-def]
        is_pass: Callable[[str], bool] = lambda _text: False,
    ) -> None:
        """``is_pass``: the text is a genuine pass of this event (read whole and right)."""
        super().__init__(parent)
        self.setObjectName("scannerTestDialog")
        self.is_pass = is_pass
        self.setWindowTitle(self.tr("掃描器測試"))
        self.clock = clock
        self.chars: list[str] = []
        self.times: list[float] = []
        self.report: ScanReport | None = None
        from desktop.reports.passes import qr_png

        picture = QLabel()
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(TEST_CODE, box=6))
        picture.setPixmap(pixmap)
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.field = QLineEdit()
        self.field.setObjectName("scannerTestField")
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.setPlaceholderText(self.tr("用掃描器掃上方的測試碼（或印出的入場證）"))
        self.field.installEventFilter(self)
        self.result = QLabel(self.tr("等待掃描…"))
        self.result.setObjectName("scannerTestResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self._timeout = QTimer(self)
        self._timeout.setSingleShot(True)
        self._timeout.setInterval(300)
        self._timeout.timeout.connect(lambda: self._finish("none"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("測試碼：{code}").format(code=TEST_CODE)))
        layout.addWidget(picture)
        layout.addWidget(self.field)
        layout.addWidget(self.result)
        layout.addWidget(buttons)
        self.field.setFocus()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if obj is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._finish("enter")
                return True
            if event.key() == Qt.Key.Key_Tab:
                self._finish("tab")
                return True
            if event.text() and event.text().isprintable():
                if not self.chars:
                    self.field.clear()
                self.chars.append(event.text())
                self.times.append(self.clock())
                self._timeout.start()
        return super().eventFilter(obj, event)

    def _finish(self, ending: str) -> None:
        self._timeout.stop()
        if not self.chars:
            return
        self.report = scan_report("".join(self.chars), self.times, ending, TEST_CODE)
        self.chars, self.times = [], []
        r = self.report
        endings = {
            "enter": self.tr("Enter"),
            "tab": self.tr("Tab"),
            "none": self.tr("沒有結尾字元（以逾時判斷）"),
        }
        lines = [
            self.tr("收到 {n} 個字元：{text}").format(n=len(r.text), text=r.text),
            self.tr("結尾：{ending}").format(ending=endings[r.ending]),
            self.tr("速度：平均每字 {mean} ms，最慢 {top} ms（每秒 {cps} 字）").format(
                mean=r.mean_gap_ms, top=r.max_gap_ms, cps=r.chars_per_second
            ),
        ]
        if r.matches:
            lines.append(self.tr("✔ 內容正確"))
        elif self.is_pass(r.text):
            lines.append(self.tr("✔ 這是本活動的入場證，內容完整正確"))
        elif r.caps_changed:
            lines.append(self.tr("⚠ 大小寫不同（大寫鎖定？）：報到時會自動轉大寫，仍可使用"))
        else:
            lines.append(self.tr("✘ 內容與測試碼不同：請檢查掃描器的鍵盤配置或輸入法"))
        lines.append(
            self.tr("✔ 速度像掃描器，可自動辨識")
            if r.looks_like_scanner
            else self.tr("⚠ 速度像手動輸入：掃描器太慢時，請把游標放在掃描欄再掃")
        )
        self.result.setText("\n".join(lines))
        self.reported.emit(r)
