"""Every document comes out the same from the window and from the CLI: both call the one
export service (``desktop.services.exports``); the text of each file is compared."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QFileDialog, QMessageBox

from db.uow import Database
from desktop.services import seating
from desktop.services.course import set_course_fields
from desktop.services.events import find_session
from desktop.ui.screens.base import ScreenContext
from tests.closeday_sim import simulate_day

SESSION = "臺北場次"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.fixture
def quiet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Message boxes the export actions show afterwards, answered without a person."""
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: None)


@pytest.mark.parametrize("document", ["signin", "attendance", "certificates", "badges"])
def test_close_of_day_documents_match(
    qtbot, demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path, document: str
) -> None:
    from desktop.ui.screens.documents import DocumentsScreen

    simulate_day(demo_db)
    code, _, err = run_cli(
        "--db", demo_db_path, "pdf", document, "--session", SESSION, "--out", tmp_path / "cli.pdf"
    )
    assert code == 0, err
    screen = DocumentsScreen(ScreenContext(db=demo_db, operator="organiser"))
    qtbot.addWidget(screen)
    screen.set_session(find_session(demo_db, SESSION))
    screen.document.setCurrentIndex(screen.document.findData(document))
    screen.start_build("none", tmp_path / "window.pdf")
    qtbot.waitUntil(lambda: screen.last_result is not None, timeout=30000)
    # certificates: the window's batch reprints the serials the CLI issued
    assert pdf_text(tmp_path / "window.pdf") == pdf_text(tmp_path / "cli.pdf")


def test_portal_file_matches(
    qtbot, demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path, quiet
) -> None:
    from desktop.ui.screens.documents import DocumentsScreen

    sim = simulate_day(demo_db)
    set_course_fields(demo_db, sim.session_id, event_fields={"course_code": "1234567"})
    code, _, err = run_cli(
        "--db", demo_db_path, "export", "hours", "--session", SESSION, "--layout", "opened",
        "--out", tmp_path / "cli.csv",
    )  # fmt: skip
    assert code == 1, err  # some rows cannot be written (no ID): reported, the rest written
    screen = DocumentsScreen(ScreenContext(db=demo_db, operator="organiser"))
    qtbot.addWidget(screen)
    screen.set_session(find_session(demo_db, SESSION))
    assert "已寫入" in screen.write_portal_file("opened", "demo", tmp_path / "window.csv")
    assert (tmp_path / "window.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()


def test_agenda_report_matches_and_names_the_course(
    qtbot, demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path, monkeypatch
) -> None:
    from desktop.ui.screens.agenda import AgendaScreen

    simulate_day(demo_db)
    code, _, err = run_cli(
        "--db", demo_db_path, "agenda", "--session", SESSION,
        "--pdf", tmp_path / "cli.pdf", "--csv", tmp_path / "cli.csv",
    )  # fmt: skip
    assert code == 0, err
    screen = AgendaScreen(ScreenContext(db=demo_db, operator="organiser"))
    qtbot.addWidget(screen)
    screen.set_session(find_session(demo_db, SESSION))
    for name, chosen in (("window.pdf", "PDF (*.pdf)"), ("window.csv", "CSV (*.csv)")):
        monkeypatch.setattr(
            QFileDialog, "getSaveFileName", lambda *a, n=name, c=chosen: (str(tmp_path / n), c)
        )
        screen.export_report()
    window = pdf_text(tmp_path / "window.pdf")
    assert window == pdf_text(tmp_path / "cli.pdf")
    assert "參與式預算實務應用培訓班" in window.replace(" ", "")  # the drift: it lacked the course
    assert (tmp_path / "window.csv").read_bytes() == (tmp_path / "cli.csv").read_bytes()


@pytest.mark.parametrize("kind", ["tents", "rosters", "overview"])
def test_tables_pdfs_match(
    qtbot, demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path, kind: str
) -> None:
    from desktop.ui.screens.tables import TablesScreen

    session = find_session(demo_db, SESSION)
    seating.assign(demo_db, session.id)
    code, _, err = run_cli(
        "--db", demo_db_path, "tables", "pdf", kind, "--session", SESSION,
        "--out", tmp_path / "cli.pdf",
    )  # fmt: skip
    assert code == 0, err
    screen = TablesScreen(ScreenContext(db=demo_db))
    qtbot.addWidget(screen)
    screen.set_session(session)
    screen.save_pdf(kind, str(tmp_path / "window.pdf"))
    assert pdf_text(tmp_path / "window.pdf") == pdf_text(tmp_path / "cli.pdf")


def test_group_reports_match(
    qtbot, demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path, quiet
) -> None:
    from desktop.ui.screens.group_reports import GroupReportsScreen

    code, _, err = run_cli(
        "--db", demo_db_path, "reports", "export", "--session", SESSION,
        "--out", tmp_path / "cli.pdf",
    )  # fmt: skip
    assert code == 0, err
    screen = GroupReportsScreen(ScreenContext(db=demo_db, operator="organiser"))
    qtbot.addWidget(screen)
    screen.set_session(find_session(demo_db, SESSION))
    screen.export_to(tmp_path / "window.pdf")
    # the cover says when it was compiled (to the minute): everything else is compared
    cli, window = (
        re.sub(r"彙整時間：[^\n]*", "", pdf_text(tmp_path / f"{n}.pdf")) for n in ("cli", "window")
    )
    assert window == cli and "小組討論成果彙整" in window


def test_admitted_list_matches(
    qtbot, demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path
) -> None:
    from desktop.ui.screens.roster import RosterScreen

    code, _, err = run_cli(
        "--db", demo_db_path, "admitted-list", "--session", SESSION, "--out", tmp_path / "cli.pdf"
    )
    assert code == 0, err
    screen = RosterScreen(ScreenContext(db=demo_db, operator="organiser"))
    qtbot.addWidget(screen)
    screen.set_session(find_session(demo_db, SESSION))
    assert screen.export_admitted(tmp_path / "window.pdf") == 40
    assert pdf_text(tmp_path / "window.pdf") == pdf_text(tmp_path / "cli.pdf")
