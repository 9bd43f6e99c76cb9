"""A distinct sound per kind of result at the desk."""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import (
    QApplication,
)

from desktop import paths
from desktop.ui.checkin.card import BAD, GOOD, INFO, OUT, WARN

if TYPE_CHECKING:  # QtMultimedia is imported when a sound first plays: its backend may be missing
    from PySide6.QtMultimedia import QSoundEffect

TONES = {
    GOOD: ((880, 0.09), (1320, 0.12)),
    OUT: ((1320, 0.09), (880, 0.12)),
    WARN: ((660, 0.12), (660, 0.12)),
    BAD: ((220, 0.35),),
    INFO: ((520, 0.1),),
}


def _write_tone(path: Path, notes: tuple[tuple[int, float], ...]) -> None:
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
        self._effects: dict[str, QSoundEffect] = {}

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
        effect.play()
