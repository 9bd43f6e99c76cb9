"""The compiled group report carries the PB vote's results page (PDF) and sheet (XLSX)."""

from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from db.uow import Database
from desktop.core.vote import Method, Rules
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from desktop.services.exports import group_reports
from scenarios import vote_day


def _closed_vote(db: Database) -> int:
    day = vote_day.prepare(db)
    svc.open_vote(db, day.session_id, Rules(Method.BASKET, 1_000_000))
    for rid, approvals in zip(
        day.present, [[1, 2], [1], [3, 4], [4, 5, 2], [5], [2, 4]], strict=False
    ):
        assert ballots.cast_paper_ballot(db, day.session_id, rid, approvals).ok
    svc.close_vote(db, day.session_id)
    return day.session_id


def test_pdf_has_the_results_page_after_close(demo_db: Database, tmp_path: Path) -> None:
    session_id = _closed_vote(demo_db)
    pdf = group_reports(demo_db, session_id, tmp_path / "reports.pdf").path
    last = PdfReader(pdf).pages[-1].extract_text().replace(" ", "")
    assert "參與式預算投票結果" in last
    assert "投票6張／已報到12人" in last
    assert "預算籃" in last and "票數優先法" in last and "平等份額法" in last and "貪婪" not in last
    assert "長者共餐廚房" in last and "NT$1,000,000" in last


def test_no_results_page_while_the_vote_is_open(demo_db: Database, tmp_path: Path) -> None:
    day = vote_day.prepare(demo_db)
    svc.open_vote(demo_db, day.session_id, Rules(Method.APPROVAL, 1_000_000))
    pdf = group_reports(demo_db, day.session_id, tmp_path / "reports.pdf").path
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "投票結果" not in text.replace(" ", "")


def test_xlsx_has_a_results_sheet(demo_db: Database, tmp_path: Path) -> None:
    session_id = _closed_vote(demo_db)
    xlsx = group_reports(demo_db, session_id, tmp_path / "reports.xlsx").path
    sheet = load_workbook(xlsx)["投票結果"]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    assert rows[1][:2] == ["預算(NT$)", 1000000] and rows[2][:2] == ["投票張數", 6]
    by_id = {r[0]: r for r in rows[6:]}
    assert by_id[2][4] == 3 and by_id[4][4] == 3 and by_id[3][4] == 1
