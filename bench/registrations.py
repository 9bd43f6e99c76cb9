"""Registrations: import 10,000 rows as the 名單 dialog runs it (its own code path: load the
file, preview the plan, 匯入, confirm the admission changes in their dialog, write the plan)
against a bare parse of the same file (the csv module; openpyxl for the XLSX variant) plus a
bare sqlite3 executemany of the same rows, interleaved, on a fresh demo database each import
(target: ≤ 2× the baseline); and search a 10,000-person roster (target < 50 ms)."""

from __future__ import annotations

import datetime as dt
import random
import statistics
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.uow import Database

ROWS = 10_000
IMPORT_RUNS = 3
SEARCH_QUERIES = ("台北", "陳", "5678", "民政局 科", "user0999", "臺中市政府", "zzz")


def _export(path: Path) -> Path:
    """A 10,000-row export in the form's shape: every fifth row a defect of some kind."""
    import csv

    from desktop.core.ids import LETTER_VALUES, make_id

    rng = random.Random(7)
    surnames, given = (
        "陳林黃張李王吳劉蔡楊許鄭謝郭洪",
        ["志明", "淑芬", "雅婷", "冠宇", "怡君", "家豪", "峯銘", "喆瑋"],
    )
    agencies = [
        f"{c}{k}"
        for c in ("臺北市", "台中市", "臺南市", "高雄市", "新北市")
        for k in ("政府民政局", "政府社會局", "中正區公所", "北區區公所", "政府主計處")
    ] * 8
    agencies = [f"{a}{i}" for i, a in enumerate(agencies)]
    sessions = ["臺北場次（108年3月15日）", "台南場次(108年3月29日)", "臺中場次（108年4月12日）"]
    start = dt.datetime(2019, 2, 21, 9)
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        w = csv.writer(f)
        w.writerow(
            [
                "時間戳記",
                "姓名",
                "服務機關",
                "單位",
                "職稱",
                "電子郵件",
                "聯絡電話",
                "身分證字號",
                "報名場次",
                "用餐",
                "是否需要公務人員終身學習時數",
                "備註",
            ]
        )
        for i in range(ROWS):
            at = start + dt.timedelta(minutes=3 * i)
            half = "上午" if at.hour < 12 else "下午"
            stamp = f"{at:%Y/%m/%d} {half} {(at.hour % 12) or 12:02d}:{at:%M:%S}"
            id_number = make_id(rng.choice(sorted(LETTER_VALUES)), rng.choice("12"), f"{i:07d}")
            phone = f"09{rng.randrange(10**8):08d}"
            if i % 5 == 1:
                phone = phone[1:]  # lost its leading zero
            name = rng.choice(surnames) + rng.choice(given) + str(i)
            w.writerow(
                [
                    stamp,
                    name,
                    rng.choice(agencies),
                    "研考科",
                    "科員",
                    f"user{i:05d}@mail.example.gov.tw",
                    phone,
                    id_number if i % 7 else "",
                    rng.choice(sessions),
                    "葷",
                    "是",
                    "",
                ]
            )
    return path


def _xlsx(export: Path, target: Path) -> Path:
    """The same rows as an XLSX workbook (the form's other export format)."""
    import csv

    from openpyxl import Workbook

    book = Workbook(write_only=True)
    sheet = book.create_sheet()
    with export.open(encoding="utf-8-sig", newline="") as f:
        for record in csv.reader(f):
            sheet.append(record)
    book.save(target)
    return target


def _parse(export: Path) -> list[list[object]]:
    """The bare parse: the csv module, or openpyxl's read-only reader for XLSX."""
    if export.suffix == ".xlsx":
        from openpyxl import load_workbook

        book = load_workbook(export, read_only=True)
        rows = [list(r) for r in book.worksheets[0].iter_rows(values_only=True)][1:]
        book.close()
        return rows
    import csv

    with export.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))[1:]


def _bare(export: Path, target: Path) -> float:
    """Parse the file and insert its rows with one bare sqlite3 executemany."""
    import sqlite3

    started = time.perf_counter()
    rows = _parse(export)
    connection = sqlite3.connect(target)
    connection.execute("PRAGMA journal_mode=WAL")
    connection.execute(
        "CREATE TABLE people (stamp, name, agency, unit, title, email, phone,"
        " id_number, session, meal, hours, remark)"
    )
    connection.executemany("INSERT INTO people VALUES (?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    connection.commit()
    connection.close()
    return time.perf_counter() - started


def _as_the_dialog(db: Database, export: Path) -> float:
    """The 名單 dialog's 匯入: load the file (read, map, preview = the plan), 匯入, confirm the
    status changes the admission rule makes (the confirmation dialog answered as it opens,
    inside its own event loop), write the plan. Returns the seconds it took."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.services.events import list_events
    from desktop.ui.screens.base import ScreenContext
    from desktop.ui.screens.import_dialog import ImportDialog
    from desktop.ui.screens.status_changes import StatusChangesDialog

    def confirm() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, StatusChangesDialog):
            dialog.accept()
        else:
            QTimer.singleShot(1, confirm)

    dialog = ImportDialog(ScreenContext(db=db), list(list_events(db)[0].sessions))
    started = time.perf_counter()
    assert dialog.load(export)
    QTimer.singleShot(0, confirm)
    committed = dialog.commit()
    elapsed = time.perf_counter() - started
    assert committed is not None and committed.imported == ROWS, committed
    dialog.deleteLater()
    QApplication.processEvents()
    return elapsed


def run() -> dict[str, object]:
    from bench.measure import interleaved, row
    from desktop.app import open_database
    from desktop.services.demo import build_demo
    from desktop.services.importing import read_registration_file, run_import
    from desktop.ui.qtapp import ensure_app

    ensure_app()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        csv_export = _export(root / "export.csv")
        results: dict[str, object] = {"rows": ROWS}
        runs = iter(range(10_000))
        db: Database | None = None
        for export in (csv_export, _xlsx(csv_export, root / "export.xlsx")):

            def product(export: Path = export) -> float:
                nonlocal db
                if db is not None:
                    db.dispose()
                db = open_database(root / f"bench{next(runs)}.sqlite3")
                build_demo(db)
                return _as_the_dialog(db, export)

            def baseline(export: Path = export) -> float:
                return _bare(export, root / f"bare{next(runs)}.sqlite3")

            ours, theirs = interleaved(IMPORT_RUNS, product, baseline)
            results[f"import_{export.suffix[1:]}_as_the_dialog_runs_it"] = {
                "what": "dialog: read + preview (the plan) + 匯入 + confirm vs "
                f"{'openpyxl' if export.suffix == '.xlsx' else 'csv'} parse + bare SQLite insert"
            } | row(ours, theirs, target_ratio=2.0)
        assert db is not None
        started = time.perf_counter()
        again = run_import(db, read_registration_file(export))
        reimport = time.perf_counter() - started
        assert again.imported == 0 and again.unchanged == ROWS

        ensure_app()
        from desktop.ui.screens.base import ScreenContext
        from desktop.ui.screens.roster import RosterScreen

        screen = RosterScreen(ScreenContext(db=db))
        screen.set_session(None)
        screen.session_filter.setCurrentIndex(0)
        total = len(screen._all)
        search_times = []
        for _ in range(5):
            for query in SEARCH_QUERIES:
                started = time.perf_counter()
                screen.search.setText(query)  # filter + model reset, as typing does
                search_times.append(time.perf_counter() - started)
                screen.search.setText("")
        db.dispose()
    search = statistics.median(search_times)
    return results | {
        "reimport_same_file_s": round(reimport, 3),
        "roster_size": total,
        "search_median_ms": round(search * 1000, 2),
        "search_max_ms": round(max(search_times) * 1000, 2),
        "search_target_ms": 50.0,
        "search_ratio_to_target": round(search * 1000 / 50.0, 3),
    }
