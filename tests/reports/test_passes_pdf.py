from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader

from desktop.reports.passes import PassRow, build_passes_pdf

FOOTER = "入場證：報到時請出示此 QR 碼"
LONG_AGENCY = "行政院農業委員會農糧署北區分署臺北辦事處暨附屬單位聯合服務中心綜合業務科"


def _row(reg_id: int, name: str, agency: str) -> PassRow:
    return PassRow(
        reg_id,
        name,
        agency,
        "",
        "參與式預算實務應用培訓班",
        "臺北場次",
        dt.date(2019, 3, 15),
        "09:00",
        "15:30",
        "國家發展委員會濟南辦公區707會議室",
        "WS1:AH5AE2YAAAACM.GAWCHYZTBBTELOAU",
    )


def _lines(pdf: bytes) -> list[tuple[str, float]]:
    found: list[tuple[str, float]] = []

    def visit(text, cm, tm, *_):
        if text.strip():
            found.append((text.strip(), tm[5] * cm[3] + cm[5]))

    PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=visit)
    return found


def test_long_names_and_agencies_stay_inside_the_card_above_the_footer() -> None:
    rows = [
        _row(1, "Maria Fernanda Gonzalez-Rodriguez de la Cruz", "國家發展委員會"),
        _row(2, "歐陽堃霖", LONG_AGENCY),
    ]
    for row in rows:
        buffer = io.BytesIO()
        build_passes_pdf([row], buffer, title="入場證")
        lines = _lines(buffer.getvalue())
        footer_y = next(y for text, y in lines if text == FOOTER)
        body = [(text, y) for text, y in lines if text != FOOTER and "頁" not in text]
        assert any("臺北場次" in text for text, _ in body)
        assert any("707會議室" in text for text, _ in body), body
        # Every line of the card is drawn above its footer line (none runs over or out).
        low = [(text, y) for text, y in body if y <= footer_y + 8]
        assert not low, (row.name, footer_y, low)


def test_png_pass_wraps_a_long_agency_instead_of_shrinking_it_to_a_thread() -> None:
    import zxingcpp
    from PIL import Image, ImageDraw

    from desktop.reports.passes import _wrap, pass_png

    agency = LONG_AGENCY
    draw = ImageDraw.Draw(Image.new("RGB", (600, 900)))
    font, lines = _wrap(draw, agency, 28, 560)
    assert len(lines) == 2 and "".join(lines) == agency and font.size >= 16
    assert _wrap(draw, "新北市三重區公所", 28, 560)[1] == ["新北市三重區公所"]
    image = Image.open(io.BytesIO(pass_png(_row(7, "歐陽堃霖", agency))))
    assert [r.text for r in zxingcpp.read_barcodes(image)] == ["WS1:AH5AE2YAAAACM.GAWCHYZTBBTELOAU"]
