from pathlib import Path

from pypdf import PdfReader
from reportlab.platypus import PageBreak, Paragraph

from desktop.reports.fonts import missing_glyphs
from desktop.reports.pdfdoc import build_pdf, title_style


def test_pdf_embeds_only_the_bundled_font_and_numbers_pages(tmp_path: Path) -> None:
    target = tmp_path / "x.pdf"
    build_pdf(
        [
            Paragraph("林堃霖 陳喆瑋 高峯銘", title_style()),
            PageBreak(),
            Paragraph("二", title_style()),
        ],
        title="測試",
        target=target,
    )
    reader = PdfReader(target)
    assert "林堃霖" in reader.pages[0].extract_text()
    assert "第 2 / 2 頁" in reader.pages[1].extract_text()
    fonts = {
        str(f["/BaseFont"]): "/FontFile2" in f["/FontDescriptor"]
        if "/FontDescriptor" in f
        else False
        for page in reader.pages
        for f in (ref.get_object() for ref in page["/Resources"]["/Font"].values())
    }
    assert fonts and all(fonts.values()), fonts  # every font embedded, no Helvetica


def test_rare_name_characters_are_covered() -> None:
    assert missing_glyphs("堃喆峯温綉媖犇") == ""
    assert missing_glyphs("王𠀀明") == "𠀀"
