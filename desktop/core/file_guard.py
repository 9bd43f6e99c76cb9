"""Checks an imported file must pass before any parser reads it (hostile or broken input).

The importer calls, in this order::

    kind = guard_import_file(path)          # size, type sniffing, zip-bomb and garbage checks
    text, encoding = decode_text(raw, name=path.name)   # CSV only: UTF-8/BOM, UTF-16, Big5
    value = check_cell(value, row=r, column="姓名", name=path.name)   # per cell, length limit

Each raises ``FileRejected`` naming an outcome of ``desktop.core.outcomes.files`` whose
sentence says what and where (file, row, column), so the importer can show it and leave the
database untouched.

XLSX files are ZIP packages. ``inspect_xlsx`` reads only the ZIP directory (nothing is
decompressed): it refuses a file that is not an OOXML package, is encrypted, has absurdly many
members, or declares an absurd uncompressed size or compression ratio (a zip bomb). Python's
``zipfile`` stops decompressing a member at its declared size (and fails its CRC), so the
declared sizes checked here are the sizes a parser such as openpyxl can actually be made to
inflate.
"""

from __future__ import annotations

import codecs
import re
import zipfile
from enum import StrEnum
from itertools import islice
from pathlib import Path

from desktop.core.outcomes import files
from desktop.core.problems import CodedError

MAX_IMPORT_BYTES = 20 * 1024 * 1024  # a 10,000-row registration sheet is ~1–2 MB
# A 10,000-row sheet of 20 columns is ~15 MB of XML with inline strings (~6 MB with shared
# strings); openpyxl parses about 28,000 cells a second (measured), so what it is given is
# bounded here.
MAX_XLSX_UNCOMPRESSED = 64 * 1024 * 1024
MAX_XML_ELEMENTS = 250_000  # a part without cells (styles, workbook): ~100–20,000 in real files
MAX_XLSX_CELLS = 150_000  # 10,000 people × 15 answers: parsed in ~5 s of CPU at most
MAX_COMPRESSION_RATIO = 200  # worksheet XML compresses ~5–30×; bombs compress ~1000×
RATIO_APPLIES_ABOVE = 1024 * 1024  # tiny members may compress oddly; only big ones matter
MAX_ZIP_MEMBERS = 2_000
MAX_CELL_CHARS = 1_000  # no name, agency or remark needs more; 10,000-character cells are refused
MAX_DATA_ROWS = 10_000  # a training day's export is hundreds of rows; the bench imports 10,000
MAX_SHEET_ROWS = 50_000  # rows read, blank ones included, before a file is refused
MAX_COLUMNS = 100  # a form of 12–40 questions; 5 million columns took minutes
_CELL_TAG = re.compile(rb"<(?:\w+:)?c[\s/>]")
_STRING_TAG = re.compile(rb"<(?:\w+:)?si[\s/>]")
_SNIFF_BYTES = 64 * 1024
_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls, or a password-protected .xlsx
_ALLOWED_CONTROLS = set(b"\t\n\r\f")


class FileKind(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"


class FileRejected(CodedError):
    """The file (or one cell of it) cannot be imported; nothing was read into the database."""


def guard_import_file(path: Path, *, max_bytes: int = MAX_IMPORT_BYTES) -> FileKind:
    """Decide from the content (not the name) whether ``path`` is an XLSX or a text file, and
    refuse it if it is too large, a zip bomb, not an Excel package, or binary garbage."""
    path = Path(path)
    name = path.name
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise FileRejected(files.FILE_NOT_FOUND, file=name) from None
    if size == 0:
        raise FileRejected(files.FILE_EMPTY, file=name)
    if size > max_bytes:
        raise FileRejected(
            files.TOO_LARGE,
            file=name,
            size=f"{size / 1048576:.1f}",
            limit=f"{max_bytes / 1048576:.0f}",
        )
    with open(path, "rb") as handle:
        head = handle.read(_SNIFF_BYTES)
    if head.startswith(_ZIP_MAGIC):
        inspect_xlsx(path)
        return FileKind.XLSX
    if head.startswith(_OLE_MAGIC):
        raise FileRejected(files.OLD_OR_ENCRYPTED, file=name)
    check_text_bytes(head, name=name)
    return FileKind.CSV


def inspect_xlsx(
    path: Path,
    *,
    max_uncompressed: int = MAX_XLSX_UNCOMPRESSED,
    max_ratio: float = MAX_COMPRESSION_RATIO,
    max_members: int = MAX_ZIP_MEMBERS,
) -> None:
    """Refuse an XLSX that is not an OOXML package, is encrypted, or is a zip bomb."""
    name = Path(path).name
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise FileRejected(files.NOT_OOXML, file=name) from None
    names = {m.filename for m in members}
    if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
        raise FileRejected(files.NOT_OOXML, file=name)
    if len(members) > max_members:
        raise FileRejected(files.TOO_MANY_PARTS, file=name, count=len(members))
    total = 0
    for member in members:
        if member.flag_bits & 0x1:
            raise FileRejected(files.ENCRYPTED, file=name)
        total += member.file_size
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > RATIO_APPLIES_ABOVE and ratio > max_ratio:
            raise FileRejected(files.ZIP_BOMB, file=name, part=member.filename, ratio=round(ratio))
    if total > max_uncompressed:
        raise FileRejected(files.ZIP_BOMB, file=name, uncompressed=total)
    _count_cells(path, members)


def _count_cells(path: Path, members: list[zipfile.ZipInfo]) -> None:
    """Refuse a workbook whose parts hold more than a registration export can, before
    openpyxl parses them (it spends ~30 µs on each cell): a fast byte scan of every XML part
    counts the cells of sheets, the shared strings, and the elements of any other part."""
    name = Path(path).name
    with zipfile.ZipFile(path) as archive:
        for member in members:
            part = member.filename
            if not part.endswith((".xml", ".rels")):
                continue
            try:
                data = archive.read(member)
            except (zipfile.BadZipFile, OSError, EOFError, ValueError, RuntimeError) as exc:
                raise FileRejected(
                    files.DAMAGED_PART,
                    file=name,
                    part=part,
                    detail=exc,
                ) from None
            for tag, outcome in (
                (_CELL_TAG, files.TOO_MANY_CELLS),
                (_STRING_TAG, files.TOO_MANY_STRINGS),
            ):
                if any(True for _ in islice(tag.finditer(data), MAX_XLSX_CELLS, None)):
                    raise FileRejected(
                        outcome,
                        file=name,
                        part=part,
                        limit=f"{MAX_XLSX_CELLS:,}",
                    )
            if not _CELL_TAG.search(data) and data.count(b"<") > MAX_XML_ELEMENTS:
                raise FileRejected(
                    files.TOO_MANY_ELEMENTS,
                    file=name,
                    part=part,
                    limit=f"{MAX_XML_ELEMENTS:,}",
                )


def check_text_bytes(data: bytes, *, name: str = "") -> None:
    """Refuse binary garbage (an image, an executable, a renamed archive) posing as CSV."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return  # UTF-16 text is full of NUL bytes by design
    sample = data[:_SNIFF_BYTES]
    if not sample:
        return
    controls = sum(1 for b in sample if (b < 0x20 and b not in _ALLOWED_CONTROLS) or b == 0x7F)
    # A few stray control characters (a bell, a colour escape) are cleaned at import, also
    # in a small file; binary data is full of them.
    if b"\x00" in sample or controls > max(8, len(sample) * 0.005):
        raise FileRejected(files.BINARY, file=name)


def decode_text(data: bytes, *, name: str = "") -> tuple[str, str]:
    """Decode a CSV the way Taiwanese offices save them: UTF-8 (with or without BOM, Google
    Forms), UTF-16 with BOM (Excel "Unicode text"), or Big5/CP950 (Excel "CSV"). Returns
    ``(text, encoding)``; anything else is refused rather than guessed into mojibake."""
    check_text_bytes(data, name=name)
    if data.startswith(codecs.BOM_UTF8):
        candidates = ["utf-8-sig"]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8", "cp950", "big5hkscs"]
    first_failure: UnicodeDecodeError | None = None
    for encoding in candidates:
        try:
            return data.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            first_failure = first_failure or exc  # UTF-8 is the likely intent: report its place
    assert first_failure is not None
    line = data[: first_failure.start].count(b"\n") + 1
    raise FileRejected(files.ENCODING, file=name, line=line)


def check_cell(
    value: str, *, row: int, column: str, name: str = "", limit: int = MAX_CELL_CHARS
) -> str:
    """Refuse an absurdly long cell, saying where it is; returns the value unchanged."""
    if len(value) > limit:
        raise FileRejected(
            files.CELL_TOO_LONG,
            file=name,
            row=row,
            column=column,
            length=f"{len(value):,}",
            limit=f"{limit:,}",
        )
    return value
