from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from db.uow import Database
from desktop.reports.admitted_list import write_admitted_list
from desktop.services.events import list_events
from desktop.services.roster import RosterRow, list_roster


def _row(i: int, name: str) -> RosterRow:
    return RosterRow(
        i,
        i,
        1,
        "臺北場次",
        name,
        "臺北市政府",
        "研考科",
        "科員",
        "a@x.tw",
        "0912345678",
        "F13110****",
        True,
        True,
        "admitted",
        i,
        "葷",
        None,
        False,
    )


def test_formula_cells_are_neutralised_in_the_xlsx(demo_db: Database, tmp_path: Path) -> None:
    from openpyxl import load_workbook

    event = list_events(demo_db)[0]
    target = tmp_path / "list.xlsx"
    write_admitted_list(target, event, event.sessions[0], [_row(1, "=1+1"), _row(2, "王小明")])
    values = [c for row in load_workbook(target).active.iter_rows(values_only=True) for c in row]
    assert "'=1+1" in values and "=1+1" not in values and "王小明" in values


def test_pdf_and_xlsx_have_no_ids_or_phones(demo_db: Database, tmp_path: Path) -> None:
    event = list_events(demo_db)[0]
    session = event.sessions[0]
    admitted = [r for r in list_roster(demo_db, session.id) if r.status == "admitted"]
    pdf = tmp_path / "list.pdf"
    assert write_admitted_list(pdf, event, session, admitted) == 40
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "上課名單" in text and "108年3月15日" in text and admitted[0].name in text
    assert admitted[-1].agency in text and "第 1 / 2 頁" in text
    for r in admitted:
        assert r.phone not in text and r.email not in text
        assert not r.id_mask or r.id_mask[:6] not in text

    xlsx = tmp_path / "list.xlsx"
    rows = [_row(1, '=HYPERLINK("http://x")'), _row(2, "王小明")]
    write_admitted_list(xlsx, event, session, rows, mask_names=False)
    sheet = load_workbook(xlsx).active
    values = [[c.value for c in row] for row in sheet.iter_rows()]
    assert values[2] == ["序號", "姓名", "服務機關", "單位", "職稱"]
    assert values[3][1] == '\'=HYPERLINK("http://x")' and values[4][1] == "王小明"
    flat = str(values)
    assert "0912345678" not in flat and "F13110" not in flat

    write_admitted_list(xlsx, event, session, rows[1:], mask_names=True)
    assert load_workbook(xlsx).active["B4"].value == "王○明"
