"""The closed questionnaire on the projector: the response rate, then one bar per scale item —
the five answers stacked (非常滿意 on the left, in green, to 非常不滿意 in red) — with the mean
on 5. Open answers are not projected (they may name people; they are in the PDF).

Keys: F or F11 full screen, Esc leaves full screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QFont, QKeyEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from desktop.core.survey import SCALE_LABELS, Kind
from desktop.services.survey import SurveyState
from desktop.ui.labels import scale_label

NAVY = QColor("#1f3b57")
# 非常滿意 … 非常不滿意
ANSWER_COLOURS = tuple(QColor(c) for c in ("#1b7f3b", "#6bbf59", "#c9c9c9", "#f08c3a", "#c1121f"))


class SurveyProjector(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("surveyProjector")
        self.setWindowTitle(self.tr("課後問卷結果"))
        self.setStyleSheet("background:white")
        self.state: SurveyState | None = None
        self.setMinimumSize(960, 600)

    def set_state(self, state: SurveyState) -> None:
        self.state = state
        self.update()

    def rate_text(self) -> str:
        state = self.state
        if state is None:
            return ""
        rate = state.response_rate
        return self.tr("回收 {r} 份／報到 {c} 人（{p}）").format(
            r=state.responses, c=state.checked_in, p=f"{rate:.0%}" if rate is not None else "—"
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        state = self.state
        if state is None:
            return
        scales = [r for r in state.results if r.item.kind == Kind.SCALE]
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width, height = self.width(), self.height()
        margin, head, legend = 24.0, 70.0, 40.0
        font = QFont(self.font())
        font.setPixelSize(30)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(NAVY)
        painter.drawText(
            QRectF(margin, 0, width - 2 * margin, head),
            Qt.AlignmentFlag.AlignVCenter,
            self.tr("課後問卷結果　{rate}").format(rate=self.rate_text()),
        )
        font.setBold(False)
        font.setPixelSize(18)
        painter.setFont(font)
        x = margin
        for label, colour in zip(SCALE_LABELS, ANSWER_COLOURS, strict=True):
            painter.fillRect(QRectF(x, head + 10, 20, 20), colour)
            painter.setPen(NAVY)
            painter.drawText(
                QRectF(x + 26, head, 140, legend), Qt.AlignmentFlag.AlignVCenter, scale_label(label)
            )
            x += 150
        top = head + legend + 10
        row = min(64.0, (height - top - margin) / max(len(scales), 1))
        name_w, mean_w = width * 0.32, 110.0
        bar_x, bar_w = margin + name_w, width - 2 * margin - name_w - mean_w
        font.setPixelSize(int(min(24, row * 0.42)))
        painter.setFont(font)
        for n, result in enumerate(scales):
            y = top + n * row
            painter.setPen(NAVY)
            painter.drawText(
                QRectF(margin, y, name_w - 10, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.TextFlag.TextWordWrap,
                result.item.text,
            )
            total = sum(result.counts)
            left = bar_x
            for count, colour in zip(result.counts, ANSWER_COLOURS, strict=True):
                if not total or not count:
                    continue
                part = bar_w * count / total
                painter.fillRect(QRectF(left, y + row * 0.18, part, row * 0.64), colour)
                painter.setPen(QColor("white"))
                painter.drawText(
                    QRectF(left, y, part, row), Qt.AlignmentFlag.AlignCenter, str(count)
                )
                left += part
            painter.setPen(NAVY)
            mean = "—" if result.mean is None else f"{result.mean:.2f}"
            painter.drawText(
                QRectF(bar_x + bar_w, y, mean_w, row),
                Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight,
                mean,
            )
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_F, Qt.Key.Key_F11):
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)
