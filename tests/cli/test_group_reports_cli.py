import json
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader

from db.uow import Database
from desktop.core.group_report import Member, Proposal, ReportContent
from desktop.services import group_report_photo as photos
from desktop.services import group_reports as svc
from desktop.services.events import find_session


def fill(db: Database) -> None:
    session = find_session(db, "臺北")
    svc.save_report(
        db,
        svc.find_table(db, session.id, 1).id,
        ReportContent(
            members=(Member("王小明"), Member("陳美玲"), Member("缺席者", present=False)),
            topic="社區公園改善",
            points_for="- 居民有共識",
            points_against="- 維護費",
            proposals=(
                Proposal(
                    "共融遊具",
                    "缺無障礙遊具",
                    "龍門公園",
                    "兒童",
                    "約 30 萬",
                    {"public": "○", "legal": "△", "budget": "4"},
                    12,
                ),
                Proposal("=cmd|' /C calc'!A0", cost_text="很多"),
            ),
            feedback="講師：請估維護費",
        ),
    )
    svc.save_report(
        db,
        svc.find_table(db, session.id, 2).id,
        ReportContent(
            topic="@SUM(1)", proposals=(Proposal("圖書館延長開放", cost_text="NT$1,200,000"),)
        ),
    )


def test_export_pdf(demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path) -> None:
    fill(demo_db)
    out = tmp_path / "彙整.pdf"
    code, stdout, _ = run_cli(
        "--db", demo_db_path, "reports", "export", "--session", "台北", "--out", out, "--json"
    )
    assert code == 0
    result = json.loads(stdout)
    assert result == {
        "ok": True,
        "session": "臺北場次",
        "out": str(out),
        "format": "pdf",
        "tables": 6,
        "filled": 2,
        "proposals": 3,
        "problems": 1,
        "missing_glyphs": [],
    }
    reader = PdfReader(out)
    assert len(reader.pages) == 7  # cover + one page per table
    cover = reader.pages[0].extract_text()
    assert "小組討論成果彙整" in cover and "108年3月15日（星期五）" in cover and "林佳穎" in cover
    table1 = reader.pages[1].extract_text()
    for text in ("王小明", "社區公園改善", "共融遊具", "NT$300,000", "講師：請估維護費", "很多"):
        assert text in table1, text
    assert "缺席者" not in table1
    assert "尚未填寫" in reader.pages[3].extract_text()
    assert not list(tmp_path.glob(".reports-*"))


def test_export_xlsx_neutralises_formulas(
    demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path
) -> None:
    fill(demo_db)
    out = tmp_path / "x.xlsx"
    code, stdout, _ = run_cli(
        "--db", demo_db_path, "reports", "export", "--session", "臺北場次", "--out", out
    )
    assert code == 0 and "x.xlsx" in stdout
    book = load_workbook(out)
    tables, proposals = book["各桌"], book["提案"]
    assert tables.max_row == 7
    assert tables["F3"].value == "'@SUM(1)" and tables["F3"].data_type == "s"
    assert tables["G2"].value == "'- 居民有共識"
    rows = list(proposals.iter_rows(min_row=2, values_only=True))
    assert rows[0][:9] == (
        1,
        1,
        1,
        "共融遊具",
        "缺無障礙遊具",
        "龍門公園",
        "兒童",
        300000,
        "約 30 萬",
    )
    assert rows[1][3] == "'=cmd|' /C calc'!A0" and rows[1][7] is None
    assert rows[2][7] == 1200000


def test_show_json_and_bad_input(
    demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path
) -> None:
    fill(demo_db)
    code, stdout, _ = run_cli(
        "--db", demo_db_path, "reports", "show", "--session", "臺北", "--table", "1", "--json"
    )
    assert code == 0
    table = json.loads(stdout)["tables"][0]
    assert table["members_present"] == ["王小明", "陳美玲"]
    assert table["proposals"][0]["cost"] == 300000 and table["total_cost"] == 300000
    assert table["problems"][0]["code"] == "cost_unreadable"
    code, stdout, _ = run_cli("--db", demo_db_path, "reports", "show", "--session", "臺北")
    assert code == 0 and "提案1：共融遊具（NT$300,000，可行性 ○ △ 4，12 票）" in stdout
    code, _, err = run_cli(
        "--db", demo_db_path, "reports", "export", "--session", "高雄", "--out", tmp_path / "a.pdf"
    )
    assert code == 2 and "找不到場次「高雄」" in err
    code, _, err = run_cli(
        "--db", demo_db_path, "reports", "export", "--session", "臺北", "--out", tmp_path / "a.docx"
    )
    assert code == 2 and ".pdf or .xlsx" in err
    assert not (tmp_path / "a.pdf").exists()


def test_export_pdf_survives_a_damaged_photo_and_turns_phone_photos_upright(
    demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path
) -> None:
    import io

    from PIL import Image
    from sqlalchemy import select

    from db.models import GroupReport

    fill(demo_db)
    session = find_session(demo_db, "臺北")
    upright = Image.new("RGB", (300, 200), "white")  # stored landscape, EXIF says turn it
    exif = upright.getexif()
    exif[0x0112] = 6
    phone = io.BytesIO()
    upright.save(phone, "JPEG", exif=exif.tobytes())
    photos.attach_photo(
        demo_db, svc.find_table(demo_db, session.id, 1).id, phone.getvalue(), name="phone.jpg"
    )
    good = io.BytesIO()
    Image.effect_noise((300, 200), 60).convert("RGB").save(good, "JPEG")
    with demo_db.unit_of_work() as s:  # stored before photos were fully checked
        report = s.scalars(
            select(GroupReport).where(
                GroupReport.table_id == svc.find_table(demo_db, session.id, 2).id
            )
        ).one()
        report.photo, report.photo_name = good.getvalue()[: len(good.getvalue()) // 2], "half.jpg"
    out = tmp_path / "彙整.pdf"
    code, _, err = run_cli(
        "--db", demo_db_path, "reports", "export", "--session", "台北", "--out", out, "--json"
    )
    assert code == 0, err
    reader = PdfReader(out)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "照片「half.jpg」無法讀取" in text
    images = [img for page in reader.pages for img in page.images]
    assert len(images) == 1
    assert images[0].image.height > images[0].image.width  # portrait, as the phone showed it
