import datetime as dt
from io import BytesIO
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader

from desktop.core.outcomes import portal
from desktop.reports.docparts import Cancelled
from desktop.reports.portal_csv import (
    FULL_HEADER,
    OPENED_HEADER,
    PortalCourse,
    PortalPerson,
    build,
    course_problems,
    encode,
    not_big5,
)
from desktop.services.course import set_course_fields
from desktop.services.documents import check_glyphs
from desktop.services.exports import close_of_day
from tests.closeday_sim import simulate_day


def fonts_embedded(reader: PdfReader) -> dict[str, bool]:
    return {
        str(f["/BaseFont"]): "/FontFile2" in f["/FontDescriptor"]
        if "/FontDescriptor" in f
        else "/DescendantFonts" not in f and False
        for page in reader.pages
        for f in (ref.get_object() for ref in page["/Resources"]["/Font"].values())
    }


def text_of(path: Path) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


@pytest.mark.parametrize("document", ["signin", "attendance", "certificates", "badges"])
def test_every_document_has_the_names_and_the_embedded_font(demo_db, tmp_path, document) -> None:
    sim = simulate_day(demo_db)
    out = tmp_path / f"{document}.pdf"
    result = close_of_day(demo_db, sim.session_id, document, out)
    reader = PdfReader(out)
    text = text_of(out)
    fonts = fonts_embedded(reader)
    assert fonts and all(fonts.values()), fonts
    footer = f"第 1 / {len(reader.pages)} 頁"
    if document == "certificates":  # each certificate is a page of its own: no page numbers
        assert "頁" not in reader.pages[0].extract_text()
    else:
        assert footer in reader.pages[0].extract_text()
    for role in ("full", "late", "early"):  # 堃 喆 峯 print (and extract) on every document
        assert sim.names[role] in text
    assert result.missing_glyphs == ()
    if document == "signin":
        assert "108年3月15日（星期五）" in text and "簽到表" in text
        for column in ("序號", "機關", "單位", "職稱", "姓名", "簽到", "簽退", "備註", "桌號"):
            assert column in text
        assert "F13" not in text  # no ID numbers on paper
    if document == "attendance":
        assert "10:40" in text and "15:42" in text  # the late arrival's times
        assert "未簽退" in text and "遲到" in text
    if document == "certificates":
        assert len(reader.pages) == result.rows  # one per page
        assert sim.names["no_out"] not in text  # 0 hours: no certificate
        assert "共計 5 小時" in text and "共計 4 小時" in text and "中華民國" in text
        assert result.serials and result.serials[0] in text
    if document == "badges":
        assert len(reader.pages) == -(-result.rows // 8)


def test_reprinted_certificates_keep_their_serials(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    first = close_of_day(demo_db, sim.session_id, "certificates", tmp_path / "a.pdf")
    again = close_of_day(demo_db, sim.session_id, "certificates", tmp_path / "b.pdf")
    assert first.serials == again.serials


def test_seal_and_signature_images_are_placed(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    seal = tmp_path / "seal.png"
    Image.new("RGB", (200, 200), (200, 20, 20)).save(seal)
    set_course_fields(
        demo_db,
        sim.session_id,
        images={"seal_image": str(seal)},
        settings={"signer": "主任委員 王○○"},
    )
    out = tmp_path / "c.pdf"
    close_of_day(demo_db, sim.session_id, "certificates", out)
    page = PdfReader(out).pages[0]
    assert "主任委員 王○○" in page.extract_text()
    assert len(page.images) == 1


def test_cancel_leaves_nothing_and_issues_nothing(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    out = tmp_path / "cancelled.pdf"
    out.write_bytes(b"%PDF-1.4 yesterday's batch")  # a cancelled build leaves it as it was
    seen = []

    def progress(done: int, total: int) -> bool:
        seen.append(done)
        return done < 3

    with pytest.raises(Cancelled):
        close_of_day(demo_db, sim.session_id, "certificates", out, progress=progress)
    assert out.read_bytes() == b"%PDF-1.4 yesterday's batch"
    assert list(tmp_path.glob(".*.partial")) == []  # no temporary file left
    assert seen[:3] == [1, 2, 3]
    from sqlalchemy import func, select

    from db.models import Certificate

    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Certificate)) == 0


def test_glyph_check_reports_characters_the_font_lacks(demo_db, tmp_path) -> None:
    from desktop.services.walkins import add_walk_in

    sim = simulate_day(demo_db)
    add_walk_in(demo_db, sim.session_id, name="王𠀀明", agency="測試機關")
    problems = check_glyphs(demo_db, sim.session_id, "signin")
    assert [(p.text, p.missing) for p in problems] == [("王𠀀明", "𠀀")]


COURSE = PortalCourse(
    name="參與式預算實務應用培訓班",
    course_code="=cmd",
    category_code="345",
    city_code="10",
    term="1",
    degree_credit="6",
    learning_mode="2",
    start=dt.datetime(2019, 3, 15, 9),
    end=dt.datetime(2019, 3, 15, 15, 30),
    actual_start=dt.datetime(2019, 3, 15, 9, 5),
    actual_end=dt.datetime(2019, 3, 15, 15, 40),
)


def test_portal_csv_layouts_headers_big5_and_problem_rows() -> None:
    people = [
        PortalPerson(1, "王小明", "F131104093", 5.0, "研字第1080001號", "全勤"),
        PortalPerson(2, "林堃霖", "W100000001", 5.0, "", "全勤"),
        PortalPerson(3, "陳大文", None, 3.5, "", "遲到"),
        PortalPerson(4, "李四", "A123456788", 3.5, "", "遲到"),
        PortalPerson(5, "@SUM(A1)", "O198765438", 3.5, "", "早退"),
    ]
    full = build(COURSE, people, "full")
    data = encode(full)
    lines = data.decode("cp950").splitlines()
    assert lines[0] == ",".join(FULL_HEADER) and len(FULL_HEADER) == 25
    assert lines[1].split(",") == [
        "F131104093",
        "參與式預算實務應用培訓班",
        "108-03-15",
        "09:00:00",
        "108-03-15",
        "15:30:00",
        "王小明",
        "6",
        "345",
        "10",
        "1",
        "5",
        "1",
        "",
        "研字第1080001號",
        "全勤",
        "",
        "2",
        "0",
        "5",
        "'=cmd",
        "108-03-15",
        "09:05:00",
        "108-03-15",
        "15:40:00",
    ]
    assert "'@SUM(A1)" in lines[2] and ",3.5," in lines[2]
    assert [(p.row, p.code) for p in full.problems] == [
        (2, "not_big5"),
        (3, "id_missing"),
        (4, "id_invalid"),
    ]
    opened = build(COURSE, people[:1], "opened")
    opened_lines = encode(opened).decode("cp950").splitlines()
    assert opened_lines[0] == ",".join(OPENED_HEADER) and len(OPENED_HEADER) == 17
    assert opened_lines[1].split(",")[:5] == ["'=cmd", "1", "F131104093", "王小明", "通過"]
    assert not_big5("林堃霖温綉媖犇喆峯") == "堃温綉媖犇喆峯"


@pytest.mark.parametrize("layout", ["full", "opened"])
def test_every_course_field_the_portal_file_checks_has_its_declared_outcomes(layout) -> None:
    """The course problems are built per field (``missing_<field>``, ``not_big5_<field>``):
    each field they can name has both outcomes declared in the portal domain, so a field
    added to the check cannot go unworded."""
    from dataclasses import replace

    fields = {
        "course_name": "name",
        "course_code": "course_code",
        "category_code": "category_code",
        "city_code": "city_code",
        "term": "term",
    }
    assert set(fields) == set(portal.MISSING) == set(portal.NOT_BIG5)
    empty = replace(COURSE, **{attr: "" for attr in fields.values()})
    missing = course_problems(empty, layout)
    assert missing and all(p.outcome is portal.MISSING[p.code[len("missing_") :]] for p in missing)
    foreign = replace(COURSE, **{attr: "堃" for attr in fields.values()})
    not_big5_problems = course_problems(foreign, layout)
    assert [p.code for p in not_big5_problems] == [f"not_big5_{key}" for key in fields]
    assert all(
        p.outcome is portal.WORDS.outcomes[p.code] and p.params == {"chars": "堃"}
        for p in not_big5_problems
    )


def test_pdf_in_memory_target() -> None:
    from desktop.reports.docparts import Heading
    from desktop.reports.signin_sheet import SignInRow, build_signin_sheet

    buffer = BytesIO()
    heading = Heading(
        "課",
        "臺北場次",
        dt.date(2019, 3, 15),
        dt.time(9),
        dt.time(15, 30),
        "707會議室",
        "國家發展委員會",
    )
    build_signin_sheet(heading, [SignInRow("機關", "單位", "科員", "高峯銘", 3)], buffer)
    assert "高峯銘" in PdfReader(BytesIO(buffer.getvalue())).pages[0].extract_text()


def test_badge_qr_decodes_to_the_pass_token() -> None:
    import zxingcpp

    from desktop.core.tokens import make_token, parse_token
    from desktop.reports.badges import qr_image

    token = make_token(b"k" * 32, 1234)
    reader = qr_image(token)
    found = zxingcpp.read_barcodes(reader._image, formats=zxingcpp.BarcodeFormat.QRCode)
    assert [f.text for f in found] == [token]
    assert parse_token(b"k" * 32, found[0].text).registration_id == 1234


def test_signin_sheet_sorted_by_table(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    out = tmp_path / "t.pdf"
    close_of_day(demo_db, sim.session_id, "signin", out, order="table")
    text = text_of(out)
    assert "桌號" in text
    # the first data rows are at table 1, the last at table 6
    from desktop.services.hours import day_report, sort_people

    ordered = sort_people(day_report(demo_db, sim.session_id).people, "table")
    assert ordered[0].table == 1 and ordered[-1].table == 6
    assert text.index(ordered[0].name) < text.index(ordered[-1].name)


def test_a_certificate_with_seal_signature_and_long_texts_stays_on_one_page(
    demo_db, tmp_path
) -> None:
    sim = simulate_day(demo_db)
    seal = tmp_path / "seal.png"
    Image.new("RGB", (400, 400), (200, 20, 20)).save(seal)
    signature = tmp_path / "sign.png"
    Image.new("RGB", (600, 200), (20, 20, 200)).save(signature)
    set_course_fields(
        demo_db,
        sim.session_id,
        event_fields={"organiser": "高雄市政府研究發展考核委員會綜合規劃組第一科"},
        images={"seal_image": str(seal), "signature_image": str(signature)},
        settings={"signer": "主任委員 王○○", "body": "特頒此證，以資證明。" * 6},
    )
    out = tmp_path / "c.pdf"
    result = close_of_day(demo_db, sim.session_id, "certificates", out)
    reader = PdfReader(out)
    assert len(reader.pages) == result.rows
    for number in (0, len(reader.pages) - 1):
        text = reader.pages[number].extract_text()
        assert "中華民國" in text and "研習證明書" in text.replace(" ", "")
        assert len(reader.pages[number].images) == 2


def test_new_serials_follow_the_printed_order(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    for order in ("agency", "table"):
        out = tmp_path / f"{order}.pdf"
        result = close_of_day(demo_db, sim.session_id, "certificates", out, order=order)
        if order == "agency":
            assert result.serials == tuple(sorted(result.serials))  # 0001, 0002, ... in print
        pages = [page.extract_text() for page in PdfReader(out).pages]
        assert all(serial in page for serial, page in zip(result.serials, pages, strict=True))


def test_sign_in_rows_grow_so_long_agencies_and_titles_stay_inside_the_grid(monkeypatch) -> None:
    from reportlab.platypus import Paragraph

    from desktop.reports import signin_sheet
    from desktop.reports.docparts import Heading

    made = []

    class Recording(signin_sheet.Table):
        def __init__(self, data, **kwargs):
            made.append((data, kwargs))
            super().__init__(data, **kwargs)

    monkeypatch.setattr(signin_sheet, "Table", Recording)
    head = Heading(
        "課程",
        "臺北場次",
        dt.date(2019, 3, 15),
        dt.time(9),
        dt.time(15, 30),
        "會議室",
        "國家發展委員會",
    )
    rows = [
        signin_sheet.SignInRow(
            "行政院農業委員會農業試驗所嘉義農業試驗分所植物保護研究室",
            "綜合規劃組第一科暨資訊管理小組",
            "約聘研究員兼任專案管理師",
            "歐陽媖媖",
            3,
        ),
        signin_sheet.SignInRow("國家發展委員會", "綜合規劃處", "科長", "林堃霖", 1),
    ]
    signin_sheet.build_signin_sheet(head, rows, BytesIO())
    data, kwargs = made[0]
    heights = kwargs["rowHeights"]
    widths = kwargs["colWidths"]
    for row, height in zip(data[3:], heights[3:], strict=True):  # below the title rows
        for cell, width in zip(row, widths, strict=True):
            if isinstance(cell, Paragraph):
                assert cell.wrap(width - 4, 1000)[1] + 6 <= height + 0.01
    assert heights[4] == signin_sheet.ROW_HEIGHT  # short rows keep the signature height


def test_badge_agency_and_unit_stay_clear_of_the_table_line() -> None:
    from desktop.core.tokens import make_token
    from desktop.reports.badges import BadgeRow, build_badges
    from desktop.reports.docparts import Heading

    head = Heading(
        "課程",
        "臺北場次",
        dt.date(2019, 3, 15),
        dt.time(9),
        dt.time(15, 30),
        "會議室",
        "國家發展委員會",
    )
    row = BadgeRow(
        "張簡温喆",
        "新北市政府原住民族行政局經濟發展科與社會福利科聯合辦公室",
        "綜合規劃組第一科暨資訊管理小組",
        4,
        make_token(b"k" * 32, 7),
    )
    out = BytesIO()
    build_badges(head, [row], out)
    lines: list[tuple[str, float, float]] = []  # text, baseline y, font size

    def visit(text, cm, tm, font, size):
        if text.strip():
            lines.append((text.strip(), tm[5] * cm[3] + cm[5], size * tm[3] * cm[3]))

    PdfReader(out).pages[0].extract_text(visitor_text=visit)
    table = next(y for text, y, _ in lines if "桌" in text)
    table_top = table + 15 * 0.9
    words = [(text, y) for text, y, _ in lines if "科" in text or "小組" in text or "室" in text]
    assert words
    for text, y in words:
        assert y - 3 > table_top, (text, y, table_top)  # a descender's room above 第 4 桌


def test_portal_file_writes_an_id_number_once() -> None:
    people = [
        PortalPerson(1, "王小明", "F131104093", 5, "研字第1080001號", "全勤"),
        PortalPerson(2, "王小明", "F131104093", 5, "研字第1080002號", "全勤"),
        PortalPerson(3, "陳大文", "W100000001", 4, "", "早退"),
    ]
    portal = build(COURSE, people, "full")
    assert [r[0] for r in portal.rows] == ["F131104093", "W100000001"]
    assert [(p.row, p.code) for p in portal.problems] == [(2, "id_duplicate")]
    assert "第 1 列" in portal.problems[0].detail
