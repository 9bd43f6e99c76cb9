"""``workshop-desk self-test``: prove an installed or frozen app works, offscreen.

It builds a fresh demo database in a temporary data folder (migrations applied, demo event
created), builds the main window, visits every screen, and reports each step. Used by CI on
the frozen build, and by staff to check a laptop before the day.
"""

from __future__ import annotations

import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Step = dict[str, Any]


def _step(steps: list[Step], name: str, action: Callable[[], str]) -> bool:
    started = time.perf_counter()
    try:
        detail = action()
        ok = True
    except Exception as exc:  # a self-test reports failures instead of crashing
        detail, ok = f"{type(exc).__name__}: {exc}", False
    steps.append({"name": name, "ok": ok, "detail": detail,
                  "seconds": round(time.perf_counter() - started, 3)})
    return ok


def run_self_test(db_target: str | None = None) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="workshop-desk-selftest-") as folder:
        target = Path(db_target) if db_target else Path(folder) / "selftest.sqlite3"
        state: dict[str, Any] = {}

        def open_demo() -> str:
            from desktop.app import open_demo_database
            from desktop.services.events import list_events

            state["db"] = open_demo_database(target)
            sessions = [s for e in list_events(state["db"]) for s in e.sessions]
            return f"{len(sessions)} sessions in {target.name}"

        def build_window() -> str:
            from desktop.ui.main_window import MainWindow
            from desktop.ui.qtapp import ensure_app
            from desktop.ui.screens import ScreenContext

            state["app"] = ensure_app()
            state["window"] = MainWindow(ScreenContext(db=state["db"]), str(target))
            state["window"].show()
            state["app"].processEvents()
            return f"{len(state['window'].screens)} screens"

        def visit_screens() -> str:
            window = state["window"]
            for index in range(len(window.screens)):
                window.show_screen(index)
                state["app"].processEvents()
            for index in range(window.session_picker.count()):
                window.session_picker.setCurrentIndex(index)
                state["app"].processEvents()
            return ", ".join(screen.title() for screen in window.screens)

        if _step(steps, "database", open_demo) and _step(steps, "window", build_window):
            _step(steps, "screens", visit_screens)
        if "window" in state:
            state["window"].close()
        if "db" in state:
            state["db"].dispose()
    return {"ok": all(s["ok"] for s in steps), "steps": steps}
