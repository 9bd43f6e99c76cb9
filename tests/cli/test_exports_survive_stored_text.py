"""Every export works with whatever is already stored (issue 26): control characters and line
separators written straight into the database (text kept before it was cleaned on entry, or
typed into the ballot), and a 5,000-character field, still give an XLSX, a PDF and a ``.pb``
that pabutools reads with exactly the projects on the ballot."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pabutools.election import parse_pabulib
from sqlalchemy import select

from db.models import GroupReport, PbProject
from db.uow import Database
from desktop.services import group_reports
from scenarios import vote_day

DIRTY_TITLE = "共融\x00遊具\x0b第二行\x1b[31m紅\u2028A\u2029B\x85C\x1cD\x1dE\x1eF"
LONG = ("參與式預算讓居民共同決定公共經費如何使用，" * 300)[:5000]


@pytest.fixture
def day(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> vote_day.VoteDay:
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "demo")
    return vote_day.prepare(demo_db)


def _store_raw(db: Database, session_id: int) -> None:
    """Bypass every entry: the report's JSON and the ballot's titles as they might be stored."""
    table = group_reports.find_table(db, session_id, 1)
    with db.unit_of_work() as s:
        report = s.scalar(select(GroupReport).where(GroupReport.table_id == table.id))
        assert report is not None
        content = dict(report.content)
        content["topic"] = "主題\x00\x1b]0;title\x07"
        content["feedback"] = LONG  # over the 2,000-character limit: stored before it existed
        content["points_for"] = "第一點\x0b第二點\x0c第三點"
        proposals = [dict(p) for p in content["proposals"]]
        proposals[0]["title"] = DIRTY_TITLE
        proposals[0]["problem"] = LONG
        content["proposals"] = proposals
        report.content = content
        for project in s.scalars(select(PbProject)):
            project.title = DIRTY_TITLE + str(project.id)


@pytest.fixture
def closed(day: vote_day.VoteDay, demo_db: Database, demo_db_path: Path, run_cli) -> tuple:  # type: ignore[no-untyped-def, type-arg]
    """The session's vote closed with 4 ballots, after the raw text was stored."""
    db = ("--db", demo_db_path)
    code, _, err = run_cli(
        *db, "vote", "open", "--session", "臺北", "--budget", "1000000", "--method", "approval"
    )
    assert code == 0, err
    _store_raw(demo_db, day.session_id)
    for voter, approve in zip(day.present, [["1", "2"], ["1"], ["3"], ["2", "4"]], strict=False):
        code, _, err = run_cli(
            *db, "vote", "ballot", "--session", "臺北", "--voter", voter, "--approve", *approve
        )
        assert code == 0, err
    assert run_cli(*db, "vote", "close", "--session", "臺北")[0] == 0
    return db


def test_the_pb_file_reads_back_with_exactly_the_ballots_projects(
    closed: tuple,
    demo_db: Database,
    run_cli,
    tmp_path: Path,  # type: ignore[no-untyped-def, type-arg]
) -> None:
    with demo_db.read() as s:
        on_ballot = len(s.scalars(select(PbProject).where(PbProject.included)).all())
    pb = tmp_path / "vote.pb"
    code, _, err = run_cli(*closed, "vote", "export", "--session", "臺北", "--out", pb)
    assert code == 0, err
    instance, profile = parse_pabulib(str(pb))
    assert len(instance) == on_ballot and len(profile) == 4
    names = {p.name for p in instance}
    assert all("\x1c" not in n and "\u2028" not in n for n in names)


def test_the_xlsx_export_succeeds_with_the_text_cleaned(
    closed: tuple,
    run_cli,
    tmp_path: Path,  # type: ignore[no-untyped-def, type-arg]
) -> None:
    xlsx = tmp_path / "reports.xlsx"
    code, out, err = run_cli(
        *closed, "reports", "export", "--session", "臺北", "--out", xlsx, "--json"
    )
    assert code == 0, err
    assert json.loads(out)["ok"] is True
    book = load_workbook(xlsx)
    titles = [row[3] for row in book["提案"].iter_rows(min_row=2, values_only=True)]
    assert "共融遊具 第二行紅 A B CDEF" in titles  # a one-line field: breaks become spaces
    tables = list(book["各桌"].iter_rows(min_row=2, values_only=True))
    assert tables[0][6] == "第一點\n第二點\n第三點"  # a multi-line field keeps its lines
    assert tables[0][10] == LONG


def test_the_pdf_prints_the_cleaned_text_and_5000_characters_across_pages(
    closed: tuple,
    run_cli,
    tmp_path: Path,  # type: ignore[no-untyped-def, type-arg]
) -> None:
    pdf = tmp_path / "reports.pdf"
    code, out, err = run_cli(*closed, "reports", "export", "--session", "臺北", "--out", pdf)
    assert code == 0, err
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], capture_output=True, check=True, text=True
    ).stdout
    assert "共融遊具 第二行紅 A B CDEF" in text and "[31m" not in text and "\x00" not in text
    # The 5,000 characters are all there, across pages (a few repeats cut by a page break).
    squeezed = "".join(text.split())
    assert squeezed.count("參與式預算讓居民共同決定公共經費如何使用") >= 2 * 230
