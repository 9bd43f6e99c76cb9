"""The PB vote on the projector: while open, the vote's address as a QR and the turnout —
nothing about how the votes stand, so the screen cannot sway anyone; once closed, the results:
votes per proposal as bars (most votes first), the budget line, and the sets funded by the
greedy rule and by the Method of Equal Shares side by side.

It re-reads the vote every ``POLL_MS``. Keys: F or F11 full screen, Esc leaves full screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent, QPen, QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStackedLayout, QVBoxLayout, QWidget

from db.uow import Database
from desktop.core.group_report import format_cost
from desktop.core.vote import VoteState, VoteStatus
from desktop.reports.qr import qr_png
from desktop.reports.vote_page import ranked
from desktop.services import vote as svc
from desktop.ui.palette import BUDGET_LINE
from desktop.ui.report_html import html_text

NAVY = QColor("#1f3b57")
BAR = QColor("#4a7fb0")
FUNDED = QColor("#1b4332")


class ResultsChart(QWidget):
    """Bars of votes (most first), the budget line, and both rules' funded marks."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("voteResultsChart")
        self.state: VoteState | None = None
        self.setMinimumSize(900, 420)

    def set_state(self, state: VoteState) -> None:
        self.state = state
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        state = self.state
        if state is None or state.result is None:
            return
        result = state.result
        projects = ranked(state, result)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height()
        head = 40
        row = min(56.0, (height - head - 10) / max(len(projects), 1))
        name_w, cost_w, mark_w = width * 0.30, width * 0.17, width * 0.1
        bar_x = name_w + cost_w
        bar_w = width - bar_x - 2 * mark_w - 60
        most = max(result.votes.values(), default=0) or 1
        font = QFont(self.font())
        font.setPixelSize(int(min(26, row * 0.45)))
        painter.setFont(font)
        painter.setPen(NAVY)
        painter.drawText(
            QRectF(bar_x + 10, 0, bar_w, head), Qt.AlignmentFlag.AlignVCenter, self.tr("票數")
        )
        painter.setPen(QColor(BUDGET_LINE))
        painter.drawText(
            QRectF(0, 0, bar_x, head),
            Qt.AlignmentFlag.AlignVCenter,
            self.tr("紅線：預算 {b}（依票數累加經費）").format(b=format_cost(state.budget)),
        )
        painter.drawText(
            QRectF(width - 2 * mark_w, 0, mark_w, head),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("票數優先法"),
        )
        painter.drawText(
            QRectF(width - mark_w, 0, mark_w, head),
            Qt.AlignmentFlag.AlignCenter,
            self.tr("平等份額法"),
        )
        running, line_drawn = 0, False
        for n, p in enumerate(projects):
            top = head + n * row
            running += p.cost
            if not line_drawn and running > state.budget:
                line_drawn = True
                painter.setPen(QPen(QColor(BUDGET_LINE), 4))
                painter.drawLine(0, int(top), width, int(top))
            painter.setPen(QColor("#1c2430"))
            box = QRectF(0, top, name_w - 10, row)
            painter.drawText(box, Qt.AlignmentFlag.AlignVCenter, f"{p.id}. {p.title}")
            painter.drawText(
                QRectF(name_w, top, cost_w - 10, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                format_cost(p.cost),
            )
            votes = result.votes.get(p.id, 0)
            length = bar_w * votes / most
            painter.fillRect(
                QRectF(bar_x + 10, top + row * 0.2, length, row * 0.6),
                NAVY if p.id in result.greedy else BAR,
            )
            painter.drawText(
                QRectF(bar_x + 16 + length, top, 60, row), Qt.AlignmentFlag.AlignVCenter, str(votes)
            )
            painter.setPen(FUNDED)
            for column, funded in ((2, result.greedy), (1, result.equal_shares)):
                if p.id in funded:
                    painter.drawText(
                        QRectF(width - column * mark_w, top, mark_w, row),
                        Qt.AlignmentFlag.AlignCenter,
                        "●",
                    )
        painter.end()


class VoteProjector(QWidget):
    POLL_MS = 2000

    def __init__(
        self, db: Database, session_id: int, vote_url: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("voteProjector")
        self.setWindowTitle(self.tr("投票投影"))
        self.setStyleSheet("background:white")
        self.db = db
        self.session_id = session_id
        self.vote_url = vote_url
        self.title = QLabel()
        self.title.setObjectName("voteProjectorTitle")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setStyleSheet("font-size:40px;font-weight:bold;color:#1f3b57")
        # open: QR and turnout
        self.qr = QLabel()
        self.qr.setObjectName("voteQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address = QLabel(vote_url)
        self.address.setTextFormat(Qt.TextFormat.PlainText)
        self.address.setObjectName("voteAddress")
        self.address.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.address.setStyleSheet("font-size:30px;color:#1c2430")
        self.turnout = QLabel()
        self.turnout.setObjectName("voteTurnout")
        self.turnout.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.turnout.setStyleSheet("font-size:56px;font-weight:bold;color:#1b4332")
        live = QWidget()
        live_layout = QHBoxLayout(live)
        live_layout.addWidget(self.qr, 1)
        side = QVBoxLayout()
        side.addStretch(1)
        side.addWidget(self.turnout)
        side.addWidget(self.address)
        side.addStretch(1)
        live_layout.addLayout(side, 1)
        # closed: the chart and both funded sets
        self.chart = ResultsChart()
        self.summary = QLabel()
        self.summary.setObjectName("voteSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)  # built with html_text
        self.summary.setStyleSheet("font-size:22px;color:#1c2430")
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.addWidget(self.chart, 1)
        results_layout.addWidget(self.summary)
        self.pages = QStackedLayout()
        self.pages.addWidget(live)
        self.pages.addWidget(results)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 40, 20)
        layout.addWidget(self.title)
        layout.addLayout(self.pages, 1)
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(vote_url, box=12))
        self.qr.setPixmap(pixmap)
        self.resize(1280, 720)
        self.refresh()
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self.refresh)
        self._poll.start()

    def refresh(self) -> None:
        state = svc.vote_state(self.db, self.session_id)
        if state.status == VoteStatus.CLOSED and state.result is not None:
            self.title.setText(self.tr("參與式預算投票結果（{n} 票）").format(n=state.ballots))
            self.chart.set_state(state)
            lines = []
            for label, funded in (
                (self.tr("票數優先法"), state.result.greedy),
                (self.tr("平等份額法"), state.result.equal_shares),
            ):
                chosen = [p for p in state.on_ballot if p.id in funded]
                names = "、".join(f"{p.id}. {html_text(p.title)}" for p in chosen) or self.tr(
                    "（無）"
                )
                lines.append(
                    self.tr("<b>{rule}</b>：{names}　合計 {spent}／預算 {budget}").format(
                        rule=label,
                        names=names,
                        spent=format_cost(sum(p.cost for p in chosen)),
                        budget=format_cost(state.budget),
                    )
                )
            self.summary.setText("<br>".join(lines))
            self.pages.setCurrentIndex(1)
            return
        self.title.setText(
            self.tr("參與式預算投票：請用手機掃描 QR")
            if state.status == VoteStatus.OPEN
            else self.tr("參與式預算投票尚未開始")
        )
        self.turnout.setText(
            self.tr("已投票 {b}／已報到 {c}").format(b=state.ballots, c=state.checked_in)
        )
        self.pages.setCurrentIndex(0)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_F, Qt.Key.Key_F11):
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)
