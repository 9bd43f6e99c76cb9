"""Agenda timer tick: one 200 ms tick (run screen + projector redraw data), target ≤ 5 ms."""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

TICKS = 500
TARGET_MS = 5.0


def run() -> dict[str, object]:
    from desktop.app import open_demo_database
    from desktop.services.events import find_session
    from desktop.ui.qtapp import ensure_app
    from desktop.ui.screens.agenda import AgendaScreen
    from desktop.ui.screens.base import ScreenContext

    app = ensure_app()
    with tempfile.TemporaryDirectory() as folder:
        db = open_demo_database(Path(folder) / "demo.sqlite3")
        now = [dt.datetime(2019, 3, 15, 11, 30)]
        screen = AgendaScreen(ScreenContext(db=db), clock=lambda: now[0])
        screen.timer.stop()
        screen.set_session(find_session(db, "臺北"))
        screen.run.run_view.selectRow(6)  # group report: countdown + queue + projector
        screen.act_toggle.trigger()
        projector = screen.open_projector(full_screen=False)
        app.processEvents()
        samples = []
        for _ in range(TICKS):
            now[0] += dt.timedelta(milliseconds=200)
            started = time.perf_counter()
            screen.tick()
            samples.append((time.perf_counter() - started) * 1000)
        projector.close()
        screen.close()
        db.dispose()
    median = statistics.median(samples)
    return {
        "ticks": TICKS,
        "median_ms": round(median, 3),
        "max_ms": round(max(samples), 3),
        "target_ms": TARGET_MS,
        "ratio_to_target": round(median / TARGET_MS, 3),
    }
