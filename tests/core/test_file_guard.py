from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from desktop.core.file_guard import (
    FileKind,
    FileRejected,
    check_cell,
    check_text_bytes,
    decode_text,
    guard_import_file,
    inspect_xlsx,
)


def _xlsx(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet.append(["姓名", "服務機關"])
    for i in range(200):
        sheet.append([f"王小明{i}", "臺北市政府"])
    book.save(path)
    return path


def _code(path: Path, **kwargs) -> str:
    with pytest.raises(FileRejected) as caught:
        guard_import_file(path, **kwargs)
    assert path.name in str(caught.value)  # says where
    return caught.value.code


def test_real_workbook_and_csv_pass(tmp_path: Path) -> None:
    assert guard_import_file(_xlsx(tmp_path / "報名.xlsx")) is FileKind.XLSX
    csv = tmp_path / "報名.csv"
    csv.write_bytes("姓名,服務機關\r\n王小明,臺北市政府\r\n".encode("cp950"))
    assert guard_import_file(csv) is FileKind.CSV


def test_zip_bomb_disguised_as_xlsx_is_refused_without_inflating(tmp_path: Path) -> None:
    bomb = tmp_path / "名單.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (32 * 1024 * 1024))
    assert bomb.stat().st_size < 100_000
    assert _code(bomb) == "zip_bomb"


def test_total_uncompressed_size_limit(tmp_path: Path) -> None:
    book = _xlsx(tmp_path / "a.xlsx")
    with pytest.raises(FileRejected) as caught:
        inspect_xlsx(book, max_uncompressed=10_000)
    assert caught.value.code == "zip_bomb"


def test_zip_that_is_not_a_workbook_and_broken_zip(tmp_path: Path) -> None:
    plain = tmp_path / "renamed.xlsx"
    with zipfile.ZipFile(plain, "w") as archive:
        archive.writestr("notes.txt", "hello")
    assert _code(plain) == "not_ooxml"
    broken = tmp_path / "broken.xlsx"
    broken.write_bytes(_xlsx(tmp_path / "ok.xlsx").read_bytes()[:700])
    assert _code(broken) == "not_ooxml"


def test_encrypted_member_is_refused(tmp_path: Path) -> None:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
    data = bytearray(raw.getvalue())
    for marker in (b"PK\x03\x04", b"PK\x01\x02"):  # set the "encrypted" flag bit everywhere
        start = 0
        while (at := data.find(marker, start)) >= 0:
            flag_at = at + (6 if marker == b"PK\x03\x04" else 8)
            data[flag_at] |= 0x1
            start = at + 4
    locked = tmp_path / "locked.xlsx"
    locked.write_bytes(bytes(data))
    assert _code(locked) == "encrypted"


def test_old_xls_and_huge_and_empty_files(tmp_path: Path) -> None:
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600)
    assert _code(old) == "old_or_encrypted"
    huge = tmp_path / "huge.csv"
    with open(huge, "wb") as handle:
        handle.truncate(21 * 1024 * 1024)  # sparse: no real disk use
    assert _code(huge) == "too_large"
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert _code(empty) == "file_empty"
    assert _code(tmp_path / "missing.csv") == "file_not_found"


def test_binary_garbage_posing_as_csv(tmp_path: Path) -> None:
    garbage = tmp_path / "名單.csv"
    garbage.write_bytes(os.urandom(4096))
    assert _code(garbage) == "binary"
    png = tmp_path / "photo.csv"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + os.urandom(200))
    assert _code(png) == "binary"


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"), ("utf-16", "utf-16"), ("cp950", "cp950"),
])  # fmt: skip
def test_decode_the_encodings_offices_use(encoding: str, expected: str) -> None:
    text = "姓名,服務機關\r\n王小明,臺北市政府\r\n"
    assert decode_text(text.encode(encoding), name="a.csv") == (text, expected)


def test_broken_encoding_says_which_line(tmp_path: Path) -> None:
    data = "姓名\n王小明\n".encode() + b"\x80\x80\xff name\n"
    with pytest.raises(FileRejected) as caught:
        decode_text(data, name="名單.csv")
    assert caught.value.code == "encoding" and "名單.csv 第 3 行" in str(caught.value)


def test_ten_thousand_character_cell_is_refused_with_row_and_column() -> None:
    assert check_cell("王小明", row=2, column="姓名", name="a.csv") == "王小明"
    with pytest.raises(FileRejected) as caught:
        check_cell("王" * 10_000, row=7, column="服務機關", name="a.xlsx")
    assert caught.value.code == "cell_too_long"
    assert "a.xlsx 第 7 列「服務機關」欄" in str(caught.value) and "10,000" in str(caught.value)


@given(st.binary(max_size=2000))
@settings(max_examples=300)
def test_guards_never_raise_anything_but_file_rejected(data: bytes) -> None:
    for check in (lambda: check_text_bytes(data, name="x"), lambda: decode_text(data, name="x")):
        try:
            check()
        except FileRejected:
            pass


@given(st.binary(min_size=1, max_size=3000))
@settings(max_examples=100)
def test_guard_import_file_on_arbitrary_bytes(tmp_path_factory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "x.xlsx"
    path.write_bytes(b"PK\x03\x04" + data if data[0] % 2 else data)
    try:
        guard_import_file(path)
    except FileRejected:
        pass
