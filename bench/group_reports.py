"""Saving a group report as it is typed (target: 50 ms — it runs in the GUI thread every
0.4 s while a leader types), and compiling a 6-table session into a PDF (target: 2 s)."""

from __future__ import annotations

import datetime as dt
import io
import statistics
import tempfile
import time
from pathlib import Path

from desktop.app import open_demo_database
from desktop.core.group_report import Member, Proposal, ReportContent
from desktop.reports.group_reports_pdf import write_pdf
from desktop.services import group_report_compile as compiled
from desktop.services import group_reports as svc
from desktop.services.events import find_session


def _content(i: int) -> ReportContent:
    return ReportContent(
        members=tuple(Member(f"成員{k}", "某機關", None, True) for k in range(7)),
        topic="社區公園改善" + "改" * (i % 50),
        points_for="\n".join(f"- 正面觀點 {k}" for k in range(5)),
        points_against="\n".join(f"- 反面觀點 {k}" for k in range(5)),
        proposals=tuple(
            Proposal(f"提案{k}", "問題" * 20, "地點", "受益對象", "約 30 萬", {"public": "○"}, k)
            for k in range(3)
        ),
        feedback="講師回饋" * 30,
    )


def run() -> dict[str, object]:
    with tempfile.TemporaryDirectory() as folder:
        db = open_demo_database(Path(folder) / "demo.sqlite3")
        session = find_session(db, "臺北")
        tables = svc.list_tables(db, session.id)
        start = dt.datetime(2019, 3, 15, 10, 0)
        saves = []
        for i in range(60):
            t0 = time.perf_counter()
            svc.save_report(
                db,
                tables[0].id,
                _content(i),
                author="桌長",
                now=start + dt.timedelta(seconds=i * 10),
            )
            saves.append(time.perf_counter() - t0)
        for t in tables[1:]:
            svc.save_report(db, t.id, _content(3), author="桌長")
        pdfs = []
        for _ in range(5):
            t0 = time.perf_counter()
            write_pdf(compiled.compile_session(db, session.id), io.BytesIO())
            pdfs.append(time.perf_counter() - t0)
        db.dispose()
    save, pdf = statistics.median(saves), statistics.median(pdfs)
    return {
        "save_median_ms": round(save * 1000, 2),
        "save_target_ms": 50,
        "save_ratio_to_target": round(save / 0.05, 3),
        "pdf_median_s": round(pdf, 3),
        "pdf_target_s": 2.0,
        "pdf_ratio_to_target": round(pdf / 2.0, 3),
    }
