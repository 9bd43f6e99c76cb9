"""The result card: what the desk answers a scan, in colour and words."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
)

from desktop.core.outcomes import checkin as checkin_words
from desktop.core.rocdate import roc_date
from desktop.services import checkin as service
from desktop.ui.labels import status_label
from desktop.ui.messages import word
from desktop.ui.palette import ALERT

translate = QCoreApplication.translate  # translate("checkin", "…"): lupdate finds the literal


GOOD, OUT, WARN, BAD, INFO = "good", "out", "warn", "bad", "info"
# A sign-out is purple, never the check-in green: staff see at a glance which way the desk
# is recording. The desk's scan frame wears the colour of its mode (MODE_KIND).
COLOURS = {
    GOOD: ("#1b7f3b", "#e7f6ec"),
    OUT: ("#6a1b9a", "#f3e8fa"),
    WARN: ("#9a6700", "#fff4d6"),
    BAD: (ALERT, "#fde8e7"),
    INFO: ("#1f4e79", "#e8f0f8"),
}
MODE_KIND = {"in": GOOD, "out": OUT}


@dataclass(frozen=True)
class CardText:
    kind: str  # good / warn / bad / info: colour and sound
    title: str
    detail: str


def outcome_title(code: str) -> str:
    """An attempt's outcome in a few words: the card's title, the log's result (a code the
    desk does not know, from a newer version's log, reads as an unreadable code)."""
    return word(checkin_words.WORDS.outcomes.get(code, checkin_words.INVALID_CODE))


def card_text(r: service.CheckInResult) -> CardText:
    who = f"{r.name}　{r.agency}" if r.name else ""
    if r.code == "ok" and r.mode == "out":
        return CardText(
            OUT,
            word(r.outcome),
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
        extra = translate("checkin", "（重複送出，未重複登記）") if r.replayed else ""
        return CardText(GOOD, word(r.outcome) + extra, f"{who}\n{table}　·　{lunch}")
    if r.code == "already_checked_in":
        return CardText(
            WARN,
            word(r.outcome),
            translate("checkin", "{who}\n已於 {time} 在 {desk} 報到").format(
                who=who,
                time=f"{r.first_at:%H:%M}" if r.first_at else "—",
                desk=r.first_desk or translate("checkin", "（未記錄櫃台）"),
            ),
        )
    if r.code == "already_checked_out":
        return CardText(
            WARN,
            word(r.outcome),
            translate("checkin", "{who}\n已於 {time} 簽退").format(
                who=who, time=f"{r.last_out_at:%H:%M}" if r.last_out_at else "—"
            ),
        )
    if r.code == "not_checked_in":
        return CardText(
            WARN,
            word(r.outcome),
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
            word(r.outcome),
            translate("checkin", "{who}\n報名場次：{session} {date}").format(
                who=who, session=r.session_name, date=when
            ),
        )
    if r.code == "other_event":
        return CardText(
            BAD,
            word(r.outcome),
            translate("checkin", "這張 QR 碼屬於其他活動，請改用姓名搜尋。"),
        )
    if r.code == "forged":
        return CardText(
            BAD,
            word(r.outcome),
            translate("checkin", "請核對持證人的身分後，改用姓名搜尋。"),
        )
    return CardText(
        BAD,
        outcome_title(r.code),
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
                self.tr("掃描器可直接掃；找不到入場證時，在下方的搜尋欄輸入姓名、機關或電話末碼。"),
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
