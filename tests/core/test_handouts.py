"""Which files may be handouts (by content, not only by name) and how a download is named."""

from __future__ import annotations

import io
import zipfile
from urllib.parse import unquote

import pytest

from desktop.core import handouts as rules


def _zip(*names: str) -> io.BytesIO:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    out.seek(0)
    return out


def test_each_kind_is_told_by_its_content() -> None:
    assert rules.kind_of("講義.PDF", io.BytesIO(b"%PDF-1.7\n...")) is rules.Kind.PDF
    assert rules.kind_of("a.docx", _zip("[Content_Types].xml", "word/document.xml")) == "docx"
    assert rules.kind_of("a.pptx", _zip("[Content_Types].xml", "ppt/presentation.xml")) == "pptx"
    assert rules.kind_of("範例.zip", _zip("data.csv")) is rules.Kind.ZIP
    stream = _zip("data.csv")
    rules.kind_of("x.zip", stream)
    assert stream.tell() == 0  # left where it was found, ready to be stored


@pytest.mark.parametrize(
    ("name", "data", "code"),
    [
        ("slides.pdf", b"MZ\x90\x00 an executable", "handout_content"),
        ("slides.pptx", b"PK\x03\x04 not really a zip", "handout_content"),
        ("slides.docx", None, "handout_content"),  # a ZIP without word/document.xml
        ("old.ppt", b"\xd0\xcf\x11\xe0", "handout_kind"),
        ("setup.exe", b"MZ", "handout_kind"),
        ("notes", b"%PDF-1.4", "handout_kind"),
    ],
)
def test_a_file_whose_content_is_not_its_kind_is_refused(
    name: str, data: bytes | None, code: str
) -> None:
    stream = _zip("ppt/presentation.xml") if data is None else io.BytesIO(data)
    with pytest.raises(rules.HandoutError) as refused:
        rules.kind_of(name, stream)
    assert refused.value.code == code and name in str(refused.value)


def test_sizes_per_file_and_per_session() -> None:
    rules.check_size("a.pdf", rules.MAX_FILE, rules.MAX_SESSION - rules.MAX_FILE)
    with pytest.raises(rules.HandoutError, match="最多 50.0 MB"):
        rules.check_size("a.pdf", rules.MAX_FILE + 1, 0)
    with pytest.raises(rules.HandoutError, match="上限 200.0 MB") as full:
        rules.check_size("a.pdf", 2, rules.MAX_SESSION - 1)
    assert full.value.code == "handout_session_full"
    with pytest.raises(rules.HandoutError, match="空的"):
        rules.check_size("a.pdf", 0, 0)


def test_a_chinese_name_is_kept_whole_with_an_ascii_fallback() -> None:
    header = rules.content_disposition("第一天 講義（定稿）.pdf")
    assert header.startswith("attachment; filename=\"handout.pdf\"; filename*=UTF-8''")
    assert unquote(header.split("UTF-8''", 1)[1]) == "第一天 講義（定稿）.pdf"
    assert 'filename="Slides_v2.pptx"' in rules.content_disposition('Slides"v2.pptx')
    assert header.isascii()


def test_the_title_is_typed_or_the_name_without_its_extension() -> None:
    assert rules.clean_title("", "第一天 講義.pdf") == "第一天 講義"
    assert rules.clean_title("  課程  簡報 ", "x.pptx") == "課程 簡報"
