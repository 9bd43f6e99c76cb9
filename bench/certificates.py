"""200 certificates through the CLI (``workshop-desk pdf certificates`` as a process, on a
session of 200 people who all checked in) against a bare reportlab script in its own process
drawing the same 200 pages' text with the same font; interleaved (target: ≤ 1.2× bare
reportlab), with the same CLI reading the same day without drawing (``cli_without_pdf_s``: the
process's cost before the first page). The office route (python-docx + LibreOffice to PDF) is
measured interleaved with the CLI where ``soffice`` is installed (target: ≥ 4× faster).

For comparison, not a target: the same 200 certificates from the window, as the organiser
prints them at the end of the day (結訓文件, 另存 PDF…, the build in its worker thread with the
event loop running), against the same bare process. The window has the data layer loaded; its
first print also parses the font, later ones do not."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.measure import interleaved, row, spread

PEOPLE = 200
RUNS = 5
OFFICE_RUNS = 3  # each office run takes ~10 s
SESSION = "臺北場次"

# The same page as the product's certificate, drawn with the canvas: same font, same strings.
BARE = """
import json, sys
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
font_file, out, pages = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
pdfmetrics.registerFont(TTFont("Main", font_file))
c = Canvas(out, pagesize=A4)
w, h = A4
for p in pages:
    c.setFont("Main", 12); c.drawRightString(w - 70, h - 70, p["serial"])
    c.setFont("Main", 34); c.drawCentredString(w / 2, h - 170, "研 習 證 明 書")
    c.setFont("Main", 30); c.drawCentredString(w / 2, h - 260, p["name"])
    c.setFont("Main", 14); c.drawCentredString(w / 2, h - 290, p["agency"])
    c.setFont("Main", 17)
    text = p["sentence"]
    for i in range(0, len(text), 26):
        c.drawString(70, h - 350 - 32 * (i // 26), text[i:i + 26])
    c.setFont("Main", 20); c.drawCentredString(w / 2, h - 500, p["hours"])
    c.setFont("Main", 17); c.drawString(70, h - 540, p["body"])
    c.setFont("Main", 18); c.drawString(70, h - 620, p["organiser"])
    c.drawString(70, h - 646, p["signer"])
    c.drawCentredString(w / 2, h - 740, p["date"])
    c.showPage()
c.save()
"""


def _database(home: Path) -> Path:
    """The demo event with the 臺北 session grown to 200 people, all asking for learning
    hours, checked in at 08:40 and signed out after the end."""
    from sqlalchemy import func, select, update

    from bench.crowd import add_people
    from db.models import Attendee, Registration
    from desktop.app import open_demo_database
    from desktop.services.checkin import check_in_registration
    from desktop.services.events import find_session

    path = home / "certificates.sqlite3"
    db = open_demo_database(path)
    session = find_session(db, SESSION)
    with db.read() as s:
        have = (
            s.scalar(
                select(func.count())
                .select_from(Registration)
                .where(Registration.session_id == session.id, Registration.status == "admitted")
            )
            or 0
        )
    add_people(db, session.id, PEOPLE - have)
    with db.read() as s:
        ids = list(s.scalars(select(Registration.id).where(Registration.session_id == session.id)))
    with db.unit_of_work() as s:
        s.execute(
            update(Attendee)
            .where(
                Attendee.id.in_(
                    select(Registration.attendee_id).where(Registration.session_id == session.id)
                )
            )
            .values(wants_hours=True)
        )
    for reg_id in ids:
        for mode, hhmm in (("in", dt.time(8, 40)), ("out", dt.time(17, 0))):
            check_in_registration(
                db, session.id, reg_id, mode=mode, now=dt.datetime.combine(session.date, hhmm)
            )
    db.dispose()
    return path


def _pages(path: Path) -> list[dict[str, str]]:
    """The text the product's certificates carry, for the bare script to draw."""
    from desktop.app import open_database
    from desktop.reports.certificates import issue_date_text
    from desktop.reports.portal_csv import hours_text
    from desktop.services.certificates import certificate_layout, certificate_sentence
    from desktop.services.events import find_session
    from desktop.services.hours import day_report

    db = open_database(path)
    report = day_report(db, find_session(db, SESSION).id)
    layout = certificate_layout(report.course)
    pages = [
        {
            "serial": f"字號：{p.certificate or '研字第1080001號'}",
            "name": p.name,
            "agency": p.agency,
            "sentence": certificate_sentence(report.course, p),
            "hours": f"研習時數：共計 {hours_text(p.hours)} 小時",
            "body": layout.body,
            "organiser": f"主辦單位：{layout.heading.organiser}",
            "signer": layout.signer,
            "date": issue_date_text(report.course.session.date),
        }
        for p in report.people
        if p.hours > 0
    ]
    db.dispose()
    return pages


def _in_the_window(database: Path, home: Path, bare: list[str], env: dict[str, str]) -> dict:
    """200 certificates from the 結訓文件 screen: a click on 另存 PDF… (the save dialog answered
    with a file name) to the screen saying the PDF was made; interleaved with the bare
    process. The first print is reported on its own (it parses the font)."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QFileDialog

    from desktop.app import open_database
    from desktop.services.events import find_session
    from desktop.ui.qtapp import ensure_app
    from desktop.ui.screens.base import ScreenContext
    from desktop.ui.screens.documents import DocumentsScreen

    ensure_app()
    db = open_database(database)
    screen = DocumentsScreen(ScreenContext(db=db, operator="bench"))
    screen.set_session(find_session(db, SESSION))
    screen.resize(1100, 700)
    screen.show()
    screen.document.setCurrentIndex(screen.document.findData("certificates"))
    target = home / "window.pdf"
    answer = QFileDialog.getSaveFileName
    QFileDialog.getSaveFileName = lambda *a, **k: (str(target), "PDF (*.pdf)")  # type: ignore[method-assign]

    def window_print() -> float:
        before = screen.last_result
        started = time.perf_counter()
        QTest.mouseClick(screen.save_button, Qt.MouseButton.LeftButton)
        while screen.last_result is before:
            QCoreApplication.processEvents()
            time.sleep(0.001)
        elapsed = time.perf_counter() - started
        assert screen.last_result is not None and screen.last_result.rows == PEOPLE
        return elapsed

    try:
        first = window_print()
        ours, theirs = interleaved(RUNS, window_print, lambda: _timed(bare, env))
    finally:
        QFileDialog.getSaveFileName = answer  # type: ignore[method-assign]
        screen.close()
        db.dispose()
    return {
        "what": f"{PEOPLE} certificates from the window (結訓文件, 另存 PDF…) vs the bare process",
        "first_print_s": round(first, 3),
    } | row(ours, theirs)


def _timed(args: list[str], env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(args, env=env, capture_output=True, text=True, timeout=600)
    if done.returncode != 0:
        raise RuntimeError(f"{args[:6]}…: {done.stderr.strip()}")
    return time.perf_counter() - started


def run() -> dict[str, object]:
    from desktop.reports.fonts import MAIN_FONT_FILE

    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        env = dict(os.environ, WORKSHOP_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        database = _database(home)
        product = [
            sys.executable,
            "-m",
            "desktop",
            "--db",
            str(database),
            "pdf",
            "certificates",
            "--session",
            SESSION,
            "--out",
            str(home / "product.pdf"),
        ]
        _timed(product, env)  # the first batch issues the serials; later ones reprint them
        pages = _pages(database)
        assert len(pages) == PEOPLE, f"{len(pages)} people with hours, expected {PEOPLE}"
        bare = [
            sys.executable,
            "-c",
            BARE,
            str(MAIN_FONT_FILE),
            str(home / "bare.pdf"),
            json.dumps(pages, ensure_ascii=False),
        ]
        # The same CLI reading the same day without drawing: what the process costs before
        # the first page (start-up, imports, the database, the day's figures).
        day_only = product[:5] + ["hours", "--session", SESSION, "--json"]
        ours, theirs, fixed = [], [], []
        for _ in range(RUNS):
            theirs.append(_timed(bare, env))
            ours.append(_timed(product, env))
            fixed.append(_timed(day_only, env))
        result = {"what": f"{PEOPLE} certificates: CLI process vs bare reportlab process"} | row(
            ours, theirs, target_ratio=1.2
        )
        result["cli_without_pdf_s"] = spread(fixed)
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        if soffice is None:
            result["office_route"] = "not measured: LibreOffice (soffice) is not installed"
        else:
            ours_again, office = interleaved(
                OFFICE_RUNS,
                lambda: _timed(product, env),
                lambda: _office_route(soffice, pages, home),
            )
            ratio = spread(office)["median"] / spread(ours_again)["median"]
            result["office_route"] = {
                "office_s": spread(office),
                "product_s": spread(ours_again),
                "product_faster_by": round(ratio, 2),
                "target_faster_by": 4.0,
                "met": ratio >= 4.0,
            }
        result["in_the_window"] = _in_the_window(database, home, bare, env)
    return result


def _office_route(soffice: str, pages: list[dict[str, str]], home: Path) -> float:
    """python-docx fills one page per certificate, LibreOffice converts it to PDF."""
    from docx import Document
    from docx.enum.text import WD_BREAK

    started = time.perf_counter()
    document = Document()
    for page in pages:
        for key in (
            "serial",
            "name",
            "agency",
            "sentence",
            "hours",
            "body",
            "organiser",
            "signer",
            "date",
        ):
            document.add_paragraph(page[key])
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
    source = home / "office.docx"
    document.save(str(source))
    subprocess.run(
        [soffice, "--headless", "--convert-to", "pdf", "--outdir", str(home), str(source)],
        check=True,
        capture_output=True,
        timeout=600,
    )
    return time.perf_counter() - started
