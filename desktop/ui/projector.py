"""The projector window: a countdown the back row can read, the block title, the speaker note.

The window shows the frame it is given (``show_frame``): the same
``desktop.core.agenda_frame.Frame`` the agenda screen's countdown shows, worded here
(``words``), so the room and the desk never disagree. The countdown's font follows the window
size; its colour follows the alert level (normal → warning → danger → over, thresholds
configurable), and past zero it blinks. For a 小組報告 block it shows the reporting table
and its slot countdown.
"""

from __future__ import annotations

import datetime as dt
import math
import struct
import wave
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRect, Qt, QUrl, Signal
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QHideEvent,
    QKeyEvent,
    QResizeEvent,
    QScreen,
    QShowEvent,
)
from PySide6.QtWidgets import QApplication, QLabel, QVBoxLayout, QWidget

from desktop import paths
from desktop.core.agenda import RunStatus
from desktop.core.agenda_frame import Frame, QueueFrame

translate = QCoreApplication.translate  # the agenda screen's words, shared with its run page

BACKGROUND = "#000000"
COLOURS = {
    "idle": "#9e9e9e",
    "paused": "#64b5f6",
    "normal": "#ffffff",
    "warning": "#ffc107",
    "danger": "#ff1744",
    "over": "#ff1744",
}


@dataclass(frozen=True)
class ProjectorFrame:
    title: str
    countdown: str
    level: str  # idle / paused / normal / warning / danger / over
    visible: bool = True  # False in the dark half of a blink past zero
    subtitle: str = ""  # speaker, or the next block
    queue: str = ""  # "第 2 桌報告中（2/6）"
    queue_countdown: str = ""
    queue_level: str = "normal"
    message: str = ""


def hm(value: dt.datetime | None) -> str:
    return f"{value:%H:%M}" if value else ""


def frame_title(f: Frame[Any]) -> str:
    if f.phase == RunStatus.FINISHED:
        return translate("AgendaScreen", "今日議程已結束")
    return f.block.title if f.block is not None else ""


def queue_line(queue: QueueFrame) -> str:
    if queue.done:
        return translate("AgendaScreen", "各桌報告完畢")
    return translate("AgendaScreen", "{label} 報告中（{n}/{total}）").format(
        label=queue.label, n=queue.index + 1, total=queue.count
    )


def words(f: Frame[Any]) -> ProjectorFrame:
    """What the projector writes for ``f``: the speaker and the next block under the clock."""
    subtitle = f.speaker
    if f.following is not None:
        nxt = translate("AgendaScreen", "下一段 {start} {title}").format(
            start=hm(f.following.planned_start), title=f.following.title
        )
        subtitle = f"{f.speaker}　·　{nxt}" if f.speaker else nxt
    queue = f.queue
    return ProjectorFrame(
        title=frame_title(f),
        countdown=f.clock,
        level=f.level,
        visible=f.visible,
        subtitle=subtitle,
        queue=queue_line(queue) if queue else "",
        queue_countdown=queue.clock if queue else "",
        queue_level=queue.level if queue else "normal",
        message=f.message,
    )


class ProjectorWindow(QWidget):
    shown_changed = Signal(bool)  # opened (True) or closed/hidden (False), however it happened

    def __init__(self) -> None:
        super().__init__(None, Qt.WindowType.Window)
        self.setObjectName("projector")
        # Said in the title because a window on the desk's only screen must say how to get it
        # full screen (a mirrored projector) and back.
        self.setWindowTitle(self.tr("投影計時（F11 全螢幕，Esc 離開全螢幕）"))
        self.setStyleSheet(f"#projector {{ background: {BACKGROUND}; }}")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.level = "idle"
        self.frame: ProjectorFrame | None = None
        self.title = self._label("projectorTitle")
        self.countdown = self._label("projectorCountdown")
        self.queue = self._label("projectorQueue")
        self.queue_countdown = self._label("projectorQueueCountdown")
        self.subtitle = self._label("projectorSubtitle")
        self.message = self._label("projectorMessage")
        self.message.setStyleSheet("color: #000; background: #ffeb3b; border-radius: 12px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 16, 24, 16)
        layout.addWidget(self.title)
        layout.addWidget(self.countdown, 5)
        layout.addWidget(self.queue)
        layout.addWidget(self.queue_countdown, 2)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.message)
        self.resize(1024, 576)
        self._fit()

    def _label(self, name: str) -> QLabel:
        label = QLabel()
        label.setObjectName(name)
        label.setTextFormat(Qt.TextFormat.PlainText)  # agenda titles come from imported files
        label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        label.setWordWrap(name != "projectorCountdown")
        label.setStyleSheet("color: #ffffff;")
        return label

    # ------------------------------------------------------------------ showing
    def show_frame(self, shown: Frame[Any]) -> None:
        frame = words(shown)
        relayout = (
            self.frame is None
            or len(frame.countdown) != len(self.frame.countdown)
            or (bool(frame.queue) != bool(self.frame.queue))
            or (bool(frame.message) != bool(self.frame.message))
        )
        self.frame = frame
        self.level = frame.level
        self.title.setText(frame.title)
        self.countdown.setText(frame.countdown)
        colour = COLOURS.get(frame.level, "#ffffff") if frame.visible else BACKGROUND
        self.countdown.setProperty("level", frame.level)
        self.countdown.setStyleSheet(f"color: {colour};")
        self.subtitle.setText(frame.subtitle)
        self.queue.setText(frame.queue)
        self.queue.setVisible(bool(frame.queue))
        self.queue_countdown.setText(frame.queue_countdown)
        self.queue_countdown.setVisible(bool(frame.queue_countdown))
        self.queue_countdown.setStyleSheet(f"color: {COLOURS.get(frame.queue_level, '#fff')};")
        self.message.setText(frame.message)
        self.message.setVisible(bool(frame.message))
        if relayout:
            self._fit()

    def countdown_colour(self) -> str:
        """The colour the countdown is drawn in now (the background while blinking off)."""
        return self.countdown.styleSheet().removeprefix("color: ").rstrip(";")

    # ------------------------------------------------------------------ sizing
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Scale every font with the window: the countdown fills most of the width."""
        width, height = max(320, self.width()), max(200, self.height())
        digits = max(5, len(self.countdown.text()))
        share = 0.42 if not self.queue.isVisibleTo(self) else 0.30
        countdown_px = int(min(height * share, width * 0.92 / (digits * 0.6)))
        self._font(self.countdown, countdown_px, bold=True)
        self._font(self.title, int(min(height * 0.075, width * 0.045)), bold=True)
        self._font(self.queue, int(height * 0.06), bold=True)
        self._font(
            self.queue_countdown, int(min(height * 0.14, width * 0.9 / (digits * 0.6))), bold=True
        )
        self._font(self.subtitle, int(height * 0.045))
        self._font(self.message, int(height * 0.06), bold=True)

    @staticmethod
    def _font(label: QLabel, pixels: int, *, bold: bool = False) -> None:
        font = QFont(label.font())
        font.setPixelSize(max(8, pixels))
        font.setBold(bold)
        if label.objectName() in ("projectorCountdown", "projectorQueueCountdown"):
            font.setStyleHint(QFont.StyleHint.Monospace)
            font.setFamilies(["DejaVu Sans Mono", "Consolas", "Menlo", "monospace"])
        label.setFont(font)

    def countdown_pixel_size(self) -> int:
        return self.countdown.font().pixelSize()

    # ------------------------------------------------------------------ placing
    def show_on(self, screen: QScreen | None, *, full_screen: bool = True) -> None:
        """Show on ``screen`` (the projector): full screen, or as a window two thirds its size
        (on the desk's only screen, so the desk stays in sight)."""
        if screen is not None:
            self.setScreen(screen)
        if full_screen:
            self.go_full_screen()
        else:
            self.setGeometry(self.windowed_geometry())
            self.show()

    def go_full_screen(self) -> None:
        self.setGeometry(self.screen().geometry())
        self.showFullScreen()

    def leave_full_screen(self) -> None:
        self.showNormal()
        self.setGeometry(self.windowed_geometry())

    def windowed_geometry(self) -> QRect:
        """Two thirds of the screen's room, centred: never the whole screen, so leaving full
        screen is seen at once."""
        room = self.screen().availableGeometry()
        placed = QRect(0, 0, room.width() * 2 // 3, room.height() * 2 // 3)
        placed.moveCenter(room.center())
        return placed

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.shown_changed.emit(True)

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.shown_changed.emit(False)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.leave_full_screen() if self.isFullScreen() else self.close()
            return
        if event.key() == Qt.Key.Key_F11:
            self.leave_full_screen() if self.isFullScreen() else self.go_full_screen()
            return
        super().keyPressEvent(event)


def available_screens() -> list[QScreen]:
    return list(QGuiApplication.screens())


# ---------------------------------------------------------------------- chime


def chime_file() -> Path:
    """The chime WAV: shipped in resources/sounds, or generated into the data folder."""
    shipped = paths.resource("sounds", "chime.wav")
    if shipped.exists():
        return shipped
    target = paths.data_dir() / "chime.wav"
    if not target.exists():
        write_chime(target)
    return target


def write_chime(target: Path, rate: int = 22050) -> None:
    """A soft two-tone chime (E6 then C6, 0.7 s, fading), 16-bit mono."""
    frames = bytearray()
    for freq, length in ((1318.5, 0.3), (1046.5, 0.4)):
        count = int(rate * length)
        for i in range(count):
            fade = (1 - i / count) ** 2
            value = 0.35 * fade * math.sin(2 * math.pi * freq * i / rate)
            frames += struct.pack("<h", int(value * 32767))
    target.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(target), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))


class Chime(QObject):
    """Plays the chime with QtMultimedia when it is there; otherwise the system beep."""

    def __init__(self) -> None:
        super().__init__()
        self.played = 0
        self._effect = None
        try:
            from PySide6.QtMultimedia import QSoundEffect

            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(chime_file())))
            effect.setVolume(0.8)
            self._effect = effect
        except Exception:  # no multimedia backend: fall back to the beep
            self._effect = None

    def play(self) -> None:
        self.played += 1
        if self._effect is not None:
            self._effect.play()
        else:
            QApplication.beep()
