"""Check-in desk speed with 10,000 attendees in the session.

* scan: the scanner's last keystroke (Enter) → result card painted (targets: median < 30 ms,
  p99 < 100 ms). Each scan is a different person, committed with synchronous=FULL.
* counts: the live counts refresh that follows each scan (deferred, after the card).
* decode: zxing-cpp on a 1280×720 frame showing a pass (target: median < 50 ms).
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

ATTENDEES = 10_000
SCANS = 300


def _percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def checkin_screen(db):  # type: ignore[no-untyped-def]
    """The main window showing the check-in screen, chimes muted: (window, screen)."""
    from desktop.ui.main_window import MainWindow
    from desktop.ui.screens.base import ScreenContext
    from desktop.ui.screens.checkin import CheckInScreen

    window = MainWindow(ScreenContext(db=db), "bench")
    window.show()
    index = next(i for i, sc in enumerate(window.screens) if isinstance(sc, CheckInScreen))
    window.show_screen(index)
    screen: CheckInScreen = window.screens[index]
    screen.chimes.muted = True
    return window, screen


def run() -> dict[str, object]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory() as home:
        os.environ["WORKSHOP_DESK_HOME"] = home
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QImage, QPainter
        from PySide6.QtTest import QTest
        from sqlalchemy import select

        from bench.crowd import add_people
        from db.models import Event
        from desktop.app import open_demo_database
        from desktop.core.tokens import make_token
        from desktop.services import desk_search
        from desktop.services.passes import export_passes
        from desktop.ui.camera import decode_image
        from desktop.ui.qtapp import ensure_app

        app = ensure_app()
        db = open_demo_database(Path(home) / "bench.sqlite3")
        with db.read() as s:
            event = s.scalars(select(Event)).one()
            secret = event.token_secret
        session_id = 1
        reg_ids = add_people(db, session_id, ATTENDEES)
        window, screen = checkin_screen(db)
        app.processEvents()
        field = screen.scan_field
        samples, counts_samples = [], []
        codes = []
        for reg_id in reg_ids[:SCANS]:
            QTest.keyClicks(field, make_token(secret, reg_id))
            started = time.perf_counter()
            QTest.keyClick(field, Qt.Key.Key_Return)
            screen.card.repaint()
            samples.append(time.perf_counter() - started)
            codes.append(screen.last_result.code if screen.last_result else "none")
            if len(samples) % 10 == 0:
                started = time.perf_counter()
                screen._after_timer.stop()
                screen._after_action()  # the live counts refresh, run once scans pause
                counts_samples.append(time.perf_counter() - started)
        started = time.perf_counter()
        desk_search.search(db, session_id, "測試0999")
        search_s = time.perf_counter() - started
        index_started = time.perf_counter()
        search_index = desk_search.load_search_index(db, session_id)
        index_s = time.perf_counter() - index_started
        find_started = time.perf_counter()
        search_index.find("測試0999")
        find_s = time.perf_counter() - find_started

        out = Path(home) / "passes"
        passes = export_passes(db, 2, out)
        pass_image = QImage(str(passes.pngs[0]))
        frame = QImage(1280, 720, QImage.Format.Format_RGB32)
        frame.fill(Qt.GlobalColor.darkGray)
        painter = QPainter(frame)
        painter.drawImage(400, 60, pass_image.scaledToHeight(600))
        painter.end()
        decode_samples = []
        for _ in range(50):
            started = time.perf_counter()
            texts = decode_image(frame)
            decode_samples.append(time.perf_counter() - started)
        assert texts, "the pass in the frame was not decoded"
        screen.shutdown()
        window.close()
        db.dispose()

    med = statistics.median(samples) * 1000
    p99 = _percentile(samples, 99) * 1000
    dec = statistics.median(decode_samples) * 1000
    return {
        "attendees_in_session": ATTENDEES + 45,
        "scans": SCANS,
        "all_ok": all(c == "ok" for c in codes),
        "scan_to_card_median_ms": round(med, 2),
        "scan_to_card_p99_ms": round(p99, 2),
        "scan_target_median_ms": 30,
        "scan_target_p99_ms": 100,
        "scan_ratio_to_target": round(med / 30, 3),
        "scan_p99_ratio_to_target": round(p99 / 100, 3),
        "counts_refresh_median_ms": round(statistics.median(counts_samples) * 1000, 2),
        "search_cold_ms": round(search_s * 1000, 2),
        "search_index_load_ms": round(index_s * 1000, 2),
        "search_as_you_type_ms": round(find_s * 1000, 2),
        "decode_1280x720_median_ms": round(dec, 2),
        "decode_target_ms": 50,
        "decode_ratio_to_target": round(dec / 50, 3),
    }
