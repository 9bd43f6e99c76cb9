"""A keyboard-wedge scanner in tests: keys typed one at a time to whatever has the focus, at
a scanner's pace on the desk's key clock.

The desk tells a scanner from a person by the time between keys (``MAX_GAP``, 50 ms). Read
from the real clock, a busy test machine (the suite runs on every core) sometimes leaves more
than that between two simulated keys, and the desk rightly takes the half-typed code for a
scan of its own. The screen's ``key_clock`` is therefore a scanner's: 3 ms per key."""

from __future__ import annotations

import itertools
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

SCANNER_KEY_SECONDS = 0.003


def scanner_clock() -> Callable[[], float]:
    ticks = itertools.count(start=1000.0, step=SCANNER_KEY_SECONDS)
    return lambda: next(ticks)


def scan(qtbot, code: str, ending: str = "enter") -> None:
    """Type ``code`` key by key (each key goes to whatever has the focus now), then Enter,
    Tab or nothing."""
    for char in code:
        qtbot.keyClicks(QApplication.focusWidget(), char)
    if ending == "enter":
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    elif ending == "tab":
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
