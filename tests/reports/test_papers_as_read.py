"""Papers read as a training office reads them: text extracted from the real PDFs (pypdf and
pdftotext), one defect per test (issue 17)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from db.models import Attendee
from desktop.reports.linebreak import CANNOT_END, CANNOT_START
from desktop.services.course import set_course_fields
from desktop.services.documents import check_glyphs
from desktop.services.exports import close_of_day
from desktop.services.hours import CloseDayError
from desktop.services.walkins import add_walk_in
from tests.closeday_sim import simulate_day

CFF_COLLECTION = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
TRUETYPE_COLLECTION = Path("/usr/share/fonts/truetype/arphic/ukai.ttc")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")


def pages(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def pdftotext(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, encoding="utf-8", check=True
    ).stdout


def rename(db, registration_id: int, name: str) -> None:
    from db.models import Registration

    with db.unit_of_work() as s:
        reg = s.get_one(Registration, registration_id)
        s.get_one(Attendee, reg.attendee_id).name = name


# ------------------------------------------------------------------------- certificates


def test_completion_wording_only_for_full_attendance(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    out = tmp_path / "c.pdf"
    close_of_day(demo_db, sim.session_id, "certificates", out)
    texts = {
        name: page
        for page in pages(out)
        for name in (sim.names["full"], sim.names["late"], sim.names["early"])
        if name in page
    }
    assert "研習期滿" in texts[sim.names["full"]] and "全程參與" in texts[sim.names["full"]]
    for partial in ("late", "early"):
        text = texts[sim.names[partial]]
        assert "研習期滿" not in text and "全程參與" not in text
        assert re.search(r"研習，計\s*\d+(\.5)?\s*小時", text.replace("\n", "")), text


def test_both_sentences_are_configurable(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    set_course_fields(
        demo_db,
        sim.session_id,
        settings={
            "full_text": "{name}全程完成{course}。",
            "partial_text": "{name}參加{hours}小時。",
        },
    )
    out = tmp_path / "c.pdf"
    close_of_day(demo_db, sim.session_id, "certificates", out)
    text = "".join(pages(out)).replace("\n", "")
    assert f"{sim.names['full']}全程完成" in text and f"{sim.names['late']}參加" in text
    with pytest.raises(CloseDayError, match="未知欄位"):
        set_course_fields(demo_db, sim.session_id, settings={"full_text": "{nmae} 研習期滿"})


def test_no_line_starts_with_closing_or_ends_with_opening_punctuation(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    # Names and an organiser of many lengths move every break point of the sentence.
    for length in range(2, 12):
        rename(demo_db, sim.roles["full"], "林" * length)
        set_course_fields(
            demo_db, sim.session_id, event_fields={"organiser": "國家發展委員會" + "綜" * length}
        )
        out = tmp_path / f"c{length}.pdf"
        close_of_day(demo_db, sim.session_id, "certificates", out)
        for line in pdftotext(out).splitlines():
            line = line.strip()
            if line:
                assert line[0] not in CANNOT_START, line
                assert line[-1] not in CANNOT_END, line


def test_the_organiser_line_starts_where_the_body_does(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    out = tmp_path / "c.pdf"
    close_of_day(demo_db, sim.session_id, "certificates", out)
    starts = {}

    def visit(text, cm, tm, font, size):
        if text.strip() and text.strip()[0] in "主特":
            starts.setdefault(text.strip()[:4], round(tm[4], 1))

    PdfReader(out).pages[0].extract_text(visitor_text=visit)
    # the closing sentence 特頒此證 has a two-character indent: the body's edge is 34 pt left
    assert starts["主辦單位"] == pytest.approx(starts["特頒此證"] - 34, abs=0.5)


# ------------------------------------------------------------------------- glyphs


def test_characters_outside_the_bmp_extract_as_themselves(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    rename(demo_db, sim.roles["full"], "林𡘙霖")
    for document in ("certificates", "attendance", "signin"):
        out = tmp_path / f"{document}.pdf"
        close_of_day(demo_db, sim.session_id, document, out)
        assert "林𡘙霖" in pdftotext(out)
        assert "林𡘙霖" in "".join(pages(out))


def test_the_glyph_check_reports_exactly_the_text_drawn(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    add_walk_in(demo_db, sim.session_id, name="王𠀋明", agency="測試機關", unit="資訊−室")
    # the walk-in is on the sign-in sheet with the unit; certificates print neither
    signin = close_of_day(demo_db, sim.session_id, "signin", tmp_path / "s.pdf")
    assert {(g.missing, g.unresolved) for g in signin.missing_glyphs} == {("𠀋", "𠀋"), ("−", "−")}
    assert any("王𠀋明" in g.text for g in signin.missing_glyphs)
    certificates = close_of_day(demo_db, sim.session_id, "certificates", tmp_path / "c.pdf")
    assert certificates.missing_glyphs == ()  # no hours, not printed: nothing to report
    assert check_glyphs(demo_db, sim.session_id, "certificates") == ()
    assert {g.missing for g in check_glyphs(demo_db, sim.session_id, "signin")} == {"𠀋", "−"}


@pytest.mark.parametrize(
    "command",
    [
        ("admitted-list", "--out", "{dir}/list.pdf"),
        ("tables", "pdf", "rosters", "--out", "{dir}/rosters.pdf"),
        ("agenda", "--pdf", "{dir}/agenda.pdf"),
        ("passes", "--out", "{dir}/passes"),
        ("pdf", "signin", "--out", "{dir}/signin.pdf"),
    ],
)
def test_every_document_reports_missing_glyphs_in_one_shape(
    demo_db, demo_db_path, run_cli, tmp_path, command
) -> None:
    from desktop.services.agenda import BlockInput, add_block
    from desktop.services.events import find_session

    session = find_session(demo_db, "臺北")
    from db.models import Registration, Status

    with demo_db.unit_of_work() as s:
        reg = s.scalars(
            select(Registration)
            .where(Registration.session_id == session.id, Registration.status == Status.ADMITTED)
            .order_by(Registration.queue)
        ).first()
        s.get_one(Attendee, reg.attendee_id).name = "王𠀋明"
    import datetime as dt

    add_block(demo_db, session.id, BlockInput("𠀋與−的講題", "talk", dt.time(16), dt.time(17)))
    if command[0] == "tables":
        run_cli("--db", demo_db_path, "tables", "assign", "--session", "臺北")
    args = [a.format(dir=tmp_path) for a in command]
    code, out, err = run_cli("--db", demo_db_path, *args, "--session", "臺北", "--json")
    assert code == 0, err
    problems = json.loads(out)["missing_glyphs"]
    assert problems and all(set(p) == {"text", "missing", "unresolved"} for p in problems)
    assert "𠀋" in "".join(p["unresolved"] for p in problems)


def test_a_cff_fallback_font_is_refused_and_a_truetype_face_in_a_collection_is_used(
    demo_db, tmp_path
) -> None:
    sim = simulate_day(demo_db)
    if not CFF_COLLECTION.is_file() or not TRUETYPE_COLLECTION.is_file():
        pytest.skip("fonts-noto-cjk and fonts-arphic-ukai are needed (install-system-deps)")
    with pytest.raises(CloseDayError, match="PostScript"):
        set_course_fields(demo_db, sim.session_id, settings={"fallback_font": str(CFF_COLLECTION)})
    course = set_course_fields(
        demo_db, sim.session_id, settings={"fallback_font": str(TRUETYPE_COLLECTION)}
    )
    assert course.fallback_font() is not None
    out = tmp_path / "c.pdf"
    close_of_day(demo_db, sim.session_id, "certificates", out)  # no "unexpected error"
    assert sim.names["full"] in "".join(pages(out))


def test_a_fallback_font_draws_what_the_main_font_lacks(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    rename(demo_db, sim.roles["full"], "林−霖")
    set_course_fields(demo_db, sim.session_id, settings={"fallback_font": str(DEJAVU)})
    result = close_of_day(demo_db, sim.session_id, "attendance", tmp_path / "a.pdf")
    assert [(g.missing, g.unresolved) for g in result.missing_glyphs] == [("−", "")]
    assert "林−霖" in "".join(pages(tmp_path / "a.pdf"))


# ------------------------------------------------------------------------- sign-in sheet


def test_every_sign_in_page_names_course_session_and_date_and_ends_with_blank_rows(
    demo_db, tmp_path
) -> None:
    sim = simulate_day(demo_db)
    out = tmp_path / "s.pdf"
    result = close_of_day(demo_db, sim.session_id, "signin", out)
    texts = pages(out)
    assert len(texts) >= 2
    for text in texts:
        assert "參與式預算實務應用培訓班" in text and "臺北場次" in text
        assert "108年3月15日（星期五）" in text
    numbers = [int(n) for n in re.findall(r"(?<![\d:])(\d{1,3})(?![\d:年月日])", texts[-1])]
    assert result.rows + 5 in numbers  # five numbered blank rows for walk-ins
    assert result.rows + 6 not in numbers


def test_agencies_sort_with_tai_variants_as_one(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    for name, agency in (("甲一", "臺北市政府"), ("乙二", "台北市政府"), ("丙三", "臺北市政府")):
        add_walk_in(demo_db, sim.session_id, name=name, agency=agency)
    out = tmp_path / "s.pdf"
    close_of_day(demo_db, sim.session_id, "signin", out)
    text = "".join(pages(out))
    positions = sorted(text.index(n) for n in ("甲一", "乙二", "丙三"))
    between = text[positions[0] : positions[-1]]
    assert "市政府" in between and not re.search(r"[^北]政府", between.replace("市政府", ""))


# ------------------------------------------------------------------------- attendance record


def test_attendance_header_shows_announced_and_actual_times(demo_db, tmp_path) -> None:
    sim = simulate_day(demo_db)
    out = tmp_path / "a.pdf"
    close_of_day(demo_db, sim.session_id, "attendance", out)
    first = pages(out)[0]
    assert re.search(r"公告上課時間 09:\d\d–15:30", first)
    assert re.search(r"實際上課時間 09:\d\d–15:40", first)
