"""Start-up: ``workshop-desk --demo`` as a process, from its start to the main window shown
(the first event-loop turn after the window's show event), against a bare PySide6 process
showing an empty QMainWindow the same way; interleaved (target: ≤ 2× the bare window).

The window shows before the database opens; a second row times the same processes to the
window filled in (sessions listed, the first screen built with its figures), so the figure a
user reads data from is reported too, with its ratio to the same bare window."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import interleaved, row

RUNS = 9
# Both children print the wall clock at the first event-loop turn after the window was shown;
# the product also when the window has been filled in from the database.
SHOWN = """
import os, time
from PySide6.QtCore import QTimer
def _shown():
    print(time.time(), flush=True)
    os._exit(0)
"""
PRODUCT = """
from desktop import collector
collector.pause_for_startup()  # as the program's entry does, before the imports it patches
import os, time
from PySide6.QtCore import QTimer
from desktop.ui import main_window
_show_event, _attach = main_window.MainWindow.showEvent, main_window.MainWindow.attach
def showEvent(self, event):
    _show_event(self, event)
    if not self.attached:
        QTimer.singleShot(0, lambda: print(time.time(), flush=True))
def attach(self, *args):
    _attach(self, *args)
    QTimer.singleShot(0, lambda: (print(time.time(), flush=True), os._exit(0)))
main_window.MainWindow.showEvent, main_window.MainWindow.attach = showEvent, attach
import sys
from desktop.cli import run
sys.argv = ["workshop-desk", "--demo"]
run()  # the program as installed: its entry, not just ``main``
"""
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


def _child(code: str, env: dict[str, str], cwd: Path) -> list[float]:
    """Seconds from the process start to each wall clock it printed."""
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
    return [float(line) - started for line in out.strip().splitlines()]


def run() -> dict[str, object]:
    root = Path(__file__).resolve().parent.parent
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, WORKSHOP_DESK_HOME=home, QT_QPA_PLATFORM="offscreen")
        _child(PRODUCT, env, root)  # the first start builds the demo database
        _child(BARE, env, root)
        filled: list[float] = []

        def product() -> float:
            shown, filled_in = _child(PRODUCT, env, root)
            filled.append(filled_in)
            return shown

        ours, theirs = interleaved(RUNS, product, lambda: _child(BARE, env, root)[0])
    return {
        "shown": {"what": "workshop-desk --demo to main window shown vs a bare QMainWindow process"}
        | row(ours, theirs, target_ratio=2.0),
        "filled": {
            "what": "the same start to the window filled in (sessions, first screen's figures)"
        }
        | row(filled, theirs),
    }
