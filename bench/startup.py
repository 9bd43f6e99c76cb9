"""Start-up: ``workshop-desk --demo`` as a process, from its start to the main window shown
(the first event-loop turn after the window's show event), against a bare PySide6 process
showing an empty QMainWindow the same way; interleaved (target: ≤ 2× the bare window)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import interleaved, row

RUNS = 9
# Both children print the wall clock at the first event-loop turn after the window was shown.
SHOWN = """
import os, time
from PySide6.QtCore import QTimer
def _shown():
    print(time.time(), flush=True)
    os._exit(0)
"""
PRODUCT = (
    SHOWN
    + """
from desktop.ui import main_window
_show_event = main_window.MainWindow.showEvent
def showEvent(self, event):
    _show_event(self, event)
    QTimer.singleShot(0, _shown)
main_window.MainWindow.showEvent = showEvent
from desktop.cli import main
main(["--demo"])
"""
)
BARE = (
    SHOWN
    + """
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([])
window = QMainWindow()
window.show()
QTimer.singleShot(0, _shown)
app.exec()
"""
)


def _child(code: str, env: dict[str, str], cwd: Path) -> float:
    started = time.time()
    out = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
        timeout=120,
    ).stdout
    return float(out.strip().splitlines()[-1]) - started


def run() -> dict[str, object]:
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, WORKSHOP_DESK_HOME=home, QT_QPA_PLATFORM="offscreen")
        _child(PRODUCT, env, root)  # the first start builds the demo database
        _child(BARE, env, root)
        ours, theirs = interleaved(
            RUNS, lambda: _child(PRODUCT, env, root), lambda: _child(BARE, env, root)
        )
    return {
        "what": "workshop-desk --demo to main window shown vs a bare QMainWindow process"
    } | row(ours, theirs, target_ratio=2.0)
