"""``workshop-desk self-test``: prove an installed or frozen app works, offscreen.

It builds a fresh demo database in a temporary data folder (migrations applied, demo event
created), builds the main window, visits every screen, and reports each step. It also checks
that every shipped resource is there (font, migrations, translations, demo data, icon, style),
that the English catalogue loads, that QtMultimedia has a working backend (the webcam needs the
FFmpeg plugin), and that a PDF with the embedded font can be written. Then it does what users
do, through the same code the window and the CLI use: shows that PDF through QtPdf (the
certificate preview) and prints it to a PDF printer (列印), opens a tiny PB vote, serves a table
leader's report and the vote page on loopback, counts the vote with pabutools (greedy and equal
shares), backs up the database and checks the copy, and imports a small CSV. Each step that
fails says why; the modules a step needs are what a frozen build can miss. Used by CI on the
frozen build, and by staff to check a laptop before the day.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication

    from db.uow import Database
    from desktop.services.events import SessionInfo
    from desktop.ui.main_window import MainWindow

Step = dict[str, Any]

# The small vote: one proposal per table (title, cost as typed), and the ballots cast.
VOTE_PROPOSALS = (("社區共融公園", "60萬"), ("公車站遮雨棚", "15萬"), ("巷弄照明改善", "20萬"))
VOTE_BUDGET = 800_000
VOTE_BALLOTS = ((1, 2), (1,), (2, 3), (1, 3))
# The registrations file of the import step (made-up people, no ID numbers).
IMPORT_CSV = (
    "姓名,服務機關,職稱,電子郵件,聯絡電話\n"
    "自測甲,臺北市政府研考會,科員,selftest-a@example.gov.tw,0912000001\n"
    "自測乙,新北市政府主計處,專員,selftest-b@example.gov.tw,0912000002\n"
)

# What the app reads at run time, relative to resources/ (the migrations live in db/).
REQUIRED_RESOURCES = (
    ("fonts", "ukai-tw.ttf"),
    ("icons", "app.png"),
    ("style.qss",),
    ("demo", "seed_event.json"),
    ("demo", "roster_pools.json"),
)


def _step(steps: list[Step], name: str, action: Callable[[], str]) -> bool:
    started = time.perf_counter()
    try:
        detail = action()
        ok = True
    except Exception as exc:  # a self-test reports failures instead of crashing
        detail, ok = f"{type(exc).__name__}: {exc}", False
    steps.append(
        {
            "name": name,
            "ok": ok,
            "detail": detail,
            "seconds": round(time.perf_counter() - started, 3),
        }
    )
    return ok


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def check_resources() -> str:
    from db.migrate import MIGRATIONS_DIR
    from desktop import i18n
    from desktop.paths import resource

    missing = [str(resource(*p)) for p in REQUIRED_RESOURCES if not resource(*p).is_file()]
    if not (MIGRATIONS_DIR / "env.py").is_file():
        missing.append(str(MIGRATIONS_DIR / "env.py"))
    revisions = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))
    if not revisions:
        missing.append(str(MIGRATIONS_DIR / "versions" / "*.py"))
    catalogues = []
    for language in i18n.LANGUAGES:
        if language == i18n.SOURCE_LANGUAGE:
            continue
        compiled = i18n.ensure_compiled(language)
        if compiled is None:
            missing.append(str(i18n.compiled_translation(language)))
        else:
            catalogues.append(compiled.name)
    if missing:
        raise FileNotFoundError("missing: " + ", ".join(missing))
    return f"{len(REQUIRED_RESOURCES)} files, {len(revisions)} migrations, " + ", ".join(catalogues)


def check_translations() -> str:
    """The English catalogue loads and translates a menu item of the main window."""
    from PySide6.QtCore import QTranslator

    from desktop import i18n

    translator = QTranslator()
    compiled = i18n.compiled_translation("en")
    if not translator.load(str(compiled)):
        raise RuntimeError(f"cannot load {compiled}")
    english = translator.translate("MainWindow", "開啟示範活動")
    if not english or english == "開啟示範活動":
        raise RuntimeError("English catalogue has no translation for 開啟示範活動")
    return f"en: 開啟示範活動 → {english}"


def check_multimedia() -> str:
    """QtMultimedia imports and finds a backend (FFmpeg); without one the webcam cannot work.

    Missing backend fails the step in a frozen build (the bundle is wrong) and is reported, not
    failed, when running from source (a developer machine without the plugin)."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtMultimedia import QMediaCaptureSession, QMediaDevices, QMediaFormat

    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        cameras = QMediaDevices.videoInputs()
        session = QMediaCaptureSession()
        formats = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
        del session
    finally:
        qInstallMessageHandler(previous)
    no_backend = any("No QtMultimedia backends" in m for m in messages) or not formats
    backend = next((m for m in messages if "FFmpeg version" in m), "")
    if no_backend:
        detail = "no QtMultimedia backend found (the webcam will not work)"
        if frozen():
            raise RuntimeError(detail)
        return "warning: " + detail
    name = backend.replace("Using Qt multimedia with ", "") if backend else "backend loaded"
    return f"{name}; {len(formats)} formats; {len(cameras)} cameras"


def check_pdf(target: Path) -> str:
    """A small PDF through the shared document base, with the Kai font embedded."""
    from reportlab.platypus import Paragraph

    from desktop.reports.pdfdoc import build_pdf, style, title_style

    build_pdf(
        [
            Paragraph("研習報到台 自我測試", title_style()),
            Paragraph("臺北場次　報到　簽到表　學習時數", style("body", 12)),
        ],
        title="自我測試",
        target=target,
    )
    data = target.read_bytes()
    if not data.startswith(b"%PDF"):
        raise RuntimeError(f"{target.name} is not a PDF")
    if b"/FontFile2" not in data:
        raise RuntimeError(f"{target.name} does not embed its TrueType font")
    from reportlab.lib import rl_accel

    # reportlab loads its C accelerators by a name in a string (an installer misses them
    # unless told); without them every line of every paper is measured in pure Python.
    if rl_accel.instanceStringWidthTTF.__module__ != "_rl_accel":
        raise RuntimeError("reportlab's C accelerators (_rl_accel) are missing")
    return f"{len(data)} bytes, font embedded, accelerated"


def ink_fraction(image: Any) -> float:
    """Share of the pixels of a ``QImage`` that are not near white once laid on white paper
    (QtPdf renders a page's background transparent): 0 for a blank page."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter

    paper = QImage(image.size(), QImage.Format.Format_Grayscale8)
    paper.fill(Qt.GlobalColor.white)
    painter = QPainter(paper)
    painter.drawImage(0, 0, image)
    painter.end()
    width, stride = paper.width(), paper.bytesPerLine()
    data = bytes(paper.constBits())
    inked = sum(
        sum(1 for value in data[row * stride : row * stride + width] if value < 200)
        for row in range(paper.height())
    )
    return inked / max(1, width * paper.height())


def check_pdf_view(source: Path) -> str:
    """The certificate preview's QtPdf rendering of ``source`` shows ink."""
    from desktop.ui.screens.document_parts import render_pdf_page

    image = render_pdf_page(source.read_bytes(), 400).toImage()
    if image.isNull():
        raise RuntimeError(f"QtPdf rendered nothing for {source.name}")
    ink = ink_fraction(image)
    if ink < 0.001:
        raise RuntimeError(f"QtPdf rendered {source.name} as a blank page")
    return f"{image.width()}×{image.height()} px, {ink:.1%} ink"


def check_print(source: Path, target: Path) -> str:
    """列印's path (``print_pdf_file``) onto a PDF printer; the printed file has the pages."""
    from PySide6.QtPdf import QPdfDocument
    from PySide6.QtPrintSupport import QPrinter

    from desktop.ui.screens.document_parts import print_pdf_file

    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(target))
    sent = print_pdf_file(source, printer)
    if sent < 1:
        raise RuntimeError("the PDF printer took no page")
    document = QPdfDocument()
    try:
        document.load(str(target))
        pages = document.pageCount()
    finally:
        document.close()
    if pages != sent:
        raise RuntimeError(f"sent {sent} pages to the printer, {target.name} has {pages}")
    return f"{pages} page(s), {target.stat().st_size} bytes"


def open_small_vote(db: Database, session: SessionInfo) -> str:
    """A report with a proposal at each of three tables, checked-in voters, the vote open and
    their paper ballots cast: what the desk does before the room votes."""
    import datetime as dt

    from desktop.core.group_report import Proposal, ReportContent
    from desktop.core.status import Status
    from desktop.core.vote import Method, Rules
    from desktop.services import group_reports, seating, vote, vote_ballots
    from desktop.services.checkin import check_in_registration
    from desktop.services.roster import list_roster

    at = dt.datetime.combine(session.date, session.start_time)
    seating.assign(db, session.id, now=at)  # the vote page lists voters by table
    voters = [r.registration_id for r in list_roster(db, session.id) if r.status == Status.ADMITTED]
    voters = voters[: len(VOTE_BALLOTS)]
    for registration_id in voters:
        checked = check_in_registration(db, session.id, registration_id, now=at)
        if not checked.ok:
            raise RuntimeError(f"check-in refused: {checked.code}")
    for number, (title, cost) in enumerate(VOTE_PROPOSALS, start=1):
        table = group_reports.find_table(db, session.id, number)
        content = ReportContent(
            topic="自我測試", proposals=(Proposal(title=title, cost_text=cost),)
        )
        group_reports.save_report(db, table.id, content, author="self-test", now=at)
    state = vote.open_vote(db, session.id, Rules(Method.APPROVAL, VOTE_BUDGET), now=at)
    for registration_id, approvals in zip(voters, VOTE_BALLOTS, strict=True):
        cast = vote_ballots.cast_paper_ballot(db, session.id, registration_id, approvals)
        if not cast.ok:
            raise RuntimeError(f"paper ballot refused: {cast.result}")
    return f"{len(state.on_ballot)} projects, {len(voters)} ballots"


def check_venue_server(db: Database, session: SessionInfo) -> str:
    """The venue server on loopback (any free port): a table leader's ``report.json``, then an
    attendee who signs in on the room page with their room code and opens the ballot; then it
    stops."""
    import datetime as dt
    import http.cookiejar
    import json
    import urllib.error
    import urllib.request

    from desktop.core.status import Status
    from desktop.server.app import create_app
    from desktop.server.runner import VenueServer
    from desktop.services import room
    from desktop.services.checkin import check_in_registration
    from desktop.services.roster import list_roster
    from desktop.services.venue import issue_secrets

    # An attendee who has not voted on paper (a paper ballot is final against the web page).
    seated = [r for r in list_roster(db, session.id) if r.status == Status.ADMITTED]
    attendee = seated[len(VOTE_BALLOTS)].registration_id
    at = dt.datetime.combine(session.date, session.start_time)
    if not check_in_registration(db, session.id, attendee, now=at).ok:
        raise RuntimeError("the attendee's check-in was refused")
    code = room.show_code(db, session.id, str(attendee), actor="self-test").code

    server = VenueServer(create_app(db, session), "127.0.0.1", 0)
    server.start()
    try:
        table = issue_secrets(db, session.id, actor="self-test")[0]
        phone = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        sign_in = urllib.request.Request(
            server.address + "me/api/sign-in",
            data=json.dumps({"code": code}).encode("utf-8"),
            headers={"Content-Type": "application/json", "Origin": server.address.rstrip("/")},
        )
        # (what is asked, shown as, what the answer must hold): the report as the leader's
        # phone reads it, the sign-in, the ballot of the signed-in attendee.
        steps = (
            (server.address + f"t/{table.code}/{table.secret}/report.json", "/t", '"revision"'),
            (sign_in, "/me/api/sign-in", '"ok":true'),
            (server.address + "vote", "/vote", 'id="ballot"'),
        )
        answers = []
        for request, shown, marker in steps:  # never the table's secret or the room code
            try:
                with phone.open(request, timeout=10) as answer:
                    body = answer.read().decode("utf-8")
            except urllib.error.HTTPError as exc:
                raise RuntimeError(f"{shown} answered {exc.code}") from None
            if marker not in body:
                raise RuntimeError(f"{shown} answered a page without {marker}")
            answers.append(f"{shown} {len(body)} chars")
    finally:
        server.stop()
    if server.running:
        raise RuntimeError("the venue server did not stop")
    return f"port {server.port}: " + ", ".join(answers)


def count_small_vote(db: Database, session: SessionInfo) -> str:
    """Close the vote: pabutools counts it (greedy and equal shares)."""
    from desktop.services import vote

    result = vote.close_vote(db, session.id).result
    if result is None or result.ballots != len(VOTE_BALLOTS):
        raise RuntimeError(f"the closed vote counted {result and result.ballots} ballots")
    if not result.greedy or not result.equal_shares:
        raise RuntimeError(
            f"nothing funded: greedy {result.greedy}, equal shares {result.equal_shares}"
        )
    return f"greedy {list(result.greedy)}, equal shares {list(result.equal_shares)}"


def check_backup(database: Path, target: Path) -> str:
    """A backup of the database, then the copy checked as a restore would check it."""
    from desktop.services.backup import backup_to, validate_backup

    info = backup_to(database, target)
    validate_backup(target)
    return f"{info.bytes} bytes, integrity ok"


def check_restore(backup_file: Path, target: Path) -> str:
    """The backup restored over a database file as 還原 does it (the file kept aside, then
    swapped), and the restored file opening with its sessions."""
    import shutil

    from desktop.app import open_database
    from desktop.services.backup import restore
    from desktop.services.events import all_sessions

    shutil.copyfile(backup_file, target)  # a file to restore over, as the desk has one
    result = restore(target, backup_file)
    if result.previous_copy is None or not result.previous_copy.exists():
        raise RuntimeError("the file restored over was not kept aside")
    db = open_database(target)
    try:
        sessions = all_sessions(db)
    finally:
        db.dispose()
    if not sessions:
        raise RuntimeError("the restored database holds no session")
    return f"{len(sessions)} sessions, the previous file kept as {result.previous_copy.name}"


def check_import(db: Database, session: SessionInfo, csv_file: Path) -> str:
    """A small registrations CSV: read, planned, written; its people are on the roster."""
    from desktop.services import importing
    from desktop.services.roster import list_roster

    csv_file.write_text(IMPORT_CSV, encoding="utf-8")
    table = importing.read_registration_file(csv_file)
    planned = importing.plan_import(db, table, session_id=session.id)
    summary = importing.apply_import(
        db, planned, actor="self-test", expected=planned.summary.status_changes
    )
    expected = IMPORT_CSV.count("\n") - 1
    names = {r.name for r in list_roster(db, session.id)}
    imported = sum(name in names for name in ("自測甲", "自測乙"))
    if summary.imported != expected or imported != expected:
        problems = "; ".join(p.text() for p in summary.problems())
        raise RuntimeError(
            f"imported {summary.imported} of {expected} rows, {imported} on the roster {problems}"
        )
    return f"{summary.imported} rows imported"


def run_self_test(db_target: str | None = None) -> dict[str, Any]:
    """Run every step; ``db_target`` (the global ``--db``) is the database the window shows.
    The steps that write (vote, import) never touch it: they use the self-test's own demo."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="workshop-desk-selftest-") as folder:
        run = _SelfTestRun(Path(folder), db_target)
        run.window_steps()
        run.document_steps()
        run.user_action_steps()
        run.close()
    return {"ok": all(s["ok"] for s in run.steps), "steps": run.steps}


class _SelfTestRun:
    """The steps of one self-test, in a throwaway folder, and what they opened so far (a step
    whose prerequisite failed is not run: its failure would only repeat the first one)."""

    def __init__(self, work: Path, db_target: str | None) -> None:
        self.work = work
        self.own = work / "selftest.sqlite3"  # the self-test's demo database, deleted afterwards
        self.target = Path(db_target) if db_target else self.own
        self.steps: list[Step] = []
        self.db: Database | None = None  # the database the window shows
        self.own_db: Database | None = None  # the one the user actions write to
        self.app: QApplication | None = None
        self.window: MainWindow | None = None

    def step(self, name: str, action: Callable[[], str]) -> bool:
        return _step(self.steps, name, action)

    def window_steps(self) -> None:
        self.step("resources", check_resources)
        if self.step("database", self.open_demo) and self.step("window", self.build_window):
            self.step("screens", self.visit_screens)
        if self.app is not None:
            self.step("translations", check_translations)
            self.step("multimedia", check_multimedia)

    def document_steps(self) -> None:
        pdf = self.work / "selftest.pdf"
        if self.step("pdf", lambda: check_pdf(pdf)) and self.app is not None:
            self.step("pdf view", lambda: check_pdf_view(pdf))
            self.step("print", lambda: check_print(pdf, self.work / "printed.pdf"))

    def user_action_steps(self) -> None:
        from desktop.services.events import all_sessions

        if self.target == self.own and self.db is not None:
            self.own_db = self.db
        elif self.db is not None:
            self.step("own database", self.open_own_demo)
        db = self.own_db
        if db is None:
            return
        session = all_sessions(db)[0]
        if self.step("vote", lambda: open_small_vote(db, session)):
            self.step("server", lambda: check_venue_server(db, session))
            self.step("count", lambda: count_small_vote(db, session))
        backup = self.work / "backup.sqlite3"
        if self.step("backup", lambda: check_backup(self.own, backup)):
            self.step("restore", lambda: check_restore(backup, self.work / "restored.sqlite3"))
        self.step("import", lambda: check_import(db, session, self.work / "registrations.csv"))

    def close(self) -> None:
        if self.window is not None:
            self.window.close()
            # Deleted, not only hidden: a caller that goes on (the CLI run in-process) must not
            # keep a window that its signal connections hold alive.
            self.window.deleteLater()
        for db in (self.db, self.own_db):
            if db is not None:
                db.dispose()

    def open_demo(self) -> str:
        from desktop.app import open_demo_database
        from desktop.services.events import all_sessions

        self.db = open_demo_database(self.target)
        sessions = all_sessions(self.db)
        return f"{len(sessions)} sessions in {self.target.name}"

    def open_own_demo(self) -> str:
        from desktop.app import open_demo_database

        self.own_db = open_demo_database(self.own)
        return f"the user actions run on {self.own.name}, not on {self.target.name}"

    def build_window(self) -> str:
        from desktop.ui.main_window import MainWindow
        from desktop.ui.qtapp import ensure_app
        from desktop.ui.screens.base import ScreenContext

        assert self.db is not None  # run after open_demo succeeded
        self.app = ensure_app()
        self.window = MainWindow(ScreenContext(db=self.db), str(self.target))
        self.window.show()
        self.app.processEvents()
        return f"{len(self.window.screens)} screens"

    def visit_screens(self) -> str:
        assert self.app is not None and self.window is not None  # after build_window
        window = self.window
        for index in range(len(window.screens)):
            # Straight to each screen: organiser-only ones would ask for the passphrase.
            window.stack.setCurrentIndex(index)
            self.app.processEvents()
        for index in range(window.session_picker.count()):
            window.session_picker.setCurrentIndex(index)
            self.app.processEvents()
        return ", ".join(screen.title() for screen in window.screens)
