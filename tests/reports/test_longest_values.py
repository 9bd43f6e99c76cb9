"""Every document lays out the longest values import accepts (``MAX_CHARS``): a 60-character
name, 100-character agency and unit, 50-character title, 500-character remark — in wide CJK
and in Latin letters without a space to break at — for a dozen people seated at one table.
Before the limits, 300 characters crashed the sign-in sheet, the attendance
record and the table rosters, 1,000 the admitted list and the seating overview."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from db.models import Registration, SeatAssignment, Status, WorkshopTable
from db.uow import Database
from desktop.core.importing import MAX_CHARS
from tests.closeday_sim import simulate_day

DOCUMENTS = [
    ("pdf", "signin"),
    ("pdf", "attendance"),
    ("pdf", "certificates"),
    ("pdf", "badges"),
    ("tables", "pdf", "tents"),
    ("tables", "pdf", "rosters"),
    ("tables", "pdf", "overview"),
    ("admitted-list",),
    ("passes",),
]


def longest(demo_db: Database, letter: str) -> tuple[int, list[str]]:
    """Twelve admitted people of the simulated session get the longest values (more than one
    page holds in one table cell of the overview); everybody sits at table 1, whose leader
    gets the longest name and unit too."""
    sim = simulate_day(demo_db)
    names = []
    with demo_db.unit_of_work() as s:
        registrations = s.scalars(
            select(Registration).where(
                Registration.session_id == sim.session_id, Registration.status == Status.ADMITTED
            )
        ).all()
        first = s.scalars(
            select(WorkshopTable)
            .where(WorkshopTable.session_id == sim.session_id)
            .order_by(WorkshopTable.number)
        ).first()
        assert first is not None
        first.leader_name = letter * MAX_CHARS["name"]
        first.leader_unit = letter * MAX_CHARS["unit"]
        for i, r in enumerate(registrations[:12]):
            a = r.attendee
            a.name = f"{i:02d}" + letter * (MAX_CHARS["name"] - 2)
            a.agency, a.unit = letter * MAX_CHARS["agency"], letter * MAX_CHARS["unit"]
            a.title, r.remark = letter * MAX_CHARS["title"], letter * MAX_CHARS["remark"]
            names.append(a.name)
        for seat in s.scalars(select(SeatAssignment)):
            seat.table_id = first.id
    return sim.session_id, names


def pdf_text(path: Path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)


# Latin letters without a space wrap differently from CJK: the documents with table cells
# are built with both; the cards (badges, passes, tents) shrink or clip either alike.
@pytest.mark.parametrize(
    ("letter", "documents"), [("長", DOCUMENTS), ("W", DOCUMENTS[:2] + DOCUMENTS[5:8])]
)
def test_every_document_lays_out_the_longest_accepted_values(
    run_cli,
    demo_db: Database,
    demo_db_path: Path,
    tmp_path: Path,
    letter: str,
    documents: list[tuple[str, ...]],
) -> None:
    _, names = longest(demo_db, letter)
    for command in documents:
        target = tmp_path / ("passes" if command[0] == "passes" else f"{command[-1]}.pdf")
        code, out, err = run_cli(
            "--db", demo_db_path, *command, "--session", "臺北", "--out", target
        )
        assert code == 0, (command, err)
        text = pdf_text(target / "passes.pdf" if command[0] == "passes" else target)
        # the start of every name prints (badges clip what does not fit with an ellipsis);
        # certificates only for those with hours, one a page; tents carry only the leader
        printed = sum(name[:8] in text for name in names)
        if command[-1] == "certificates":  # some of the dozen have hours
            assert printed > 0
        elif command[-1] == "tents":
            assert letter * 10 in text
        else:
            assert printed == len(names), command
    for whole in (pdf_text(tmp_path / "admitted-list.pdf"), pdf_text(tmp_path / "rosters.pdf")):
        assert all(name in whole for name in names)  # the whole name, wrapped in its cell
    code, _, err = run_cli(
        "--db",
        demo_db_path,
        "admitted-list",
        "--session",
        "臺北",
        "--out",
        tmp_path / "admitted.xlsx",
    )
    assert code == 0, err
    sheet = load_workbook(tmp_path / "admitted.xlsx").active
    cells = {c for row in sheet.iter_rows(values_only=True) for c in row}
    assert set(names) <= cells
