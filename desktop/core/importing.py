"""Reading an online registration form's export (CSV or XLSX) into checked rows.

What real exports carry (DOMAIN.md): UTF-8 with or without BOM, Big5/CP950 from older Excel,
XLSX cells where phone numbers lost their leading zero or time stamps became dates, 台 for 臺,
full-width letters and digits, stray (also full-width) spaces, blank rows, the same person
twice. This module turns a file into ``RawTable`` (headers + cell values, with the row numbers
the organiser sees in a spreadsheet: the header is row 1), recognises the columns from their
Chinese headers (``guess_mapping``); ``desktop.core.import_rows`` checks each row
(``parse_rows``), reporting every problem with its row number and column name. No database,
no Qt.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from desktop.core.file_guard import (
    MAX_CELL_CHARS,
    MAX_COLUMNS,
    MAX_DATA_ROWS,
    MAX_SHEET_ROWS,
    FileKind,
    FileRejected,
    decode_text,
    guard_import_file,
)
from desktop.core.outcomes import files, importing
from desktop.core.problems import QT_TRANSLATE_NOOP, CodedError, Outcome
from desktop.core.text import clean, match_key

Cell = TypeVar("Cell")  # a record's cell: text from a CSV, a value from a sheet

# --- fields ---------------------------------------------------------------------------------

TIMESTAMP = "timestamp"
NAME = "name"
AGENCY = "agency"
UNIT = "unit"
TITLE = "title"
EMAIL = "email"
PHONE = "phone"
ID_NUMBER = "id_number"
SESSION = "session"
LUNCH = "lunch"
WANTS_HOURS = "wants_hours"
REMARK = "remark"

FIELDS = (
    TIMESTAMP,
    NAME,
    AGENCY,
    UNIT,
    TITLE,
    EMAIL,
    PHONE,
    ID_NUMBER,
    SESSION,
    LUNCH,
    WANTS_HOURS,
    REMARK,
)

# The fields' names (a column without a header, a refusal naming the field); the window
# translates the same entries (``desktop.ui.messages.field_label``).
FIELD_LABELS = {
    TIMESTAMP: QT_TRANSLATE_NOOP("vocabulary", "時間戳記"),
    NAME: QT_TRANSLATE_NOOP("vocabulary", "姓名"),
    AGENCY: QT_TRANSLATE_NOOP("vocabulary", "服務機關"),
    UNIT: QT_TRANSLATE_NOOP("vocabulary", "單位"),
    TITLE: QT_TRANSLATE_NOOP("vocabulary", "職稱"),
    EMAIL: QT_TRANSLATE_NOOP("vocabulary", "電子郵件"),
    PHONE: QT_TRANSLATE_NOOP("vocabulary", "聯絡電話"),
    ID_NUMBER: QT_TRANSLATE_NOOP("vocabulary", "身分證字號"),
    SESSION: QT_TRANSLATE_NOOP("vocabulary", "報名場次"),
    LUNCH: QT_TRANSLATE_NOOP("vocabulary", "用餐"),
    WANTS_HOURS: QT_TRANSLATE_NOOP("vocabulary", "終身學習時數"),
    REMARK: QT_TRANSLATE_NOOP("vocabulary", "備註"),
}

# The longest value import accepts per stored field (longer: the row is refused, naming row
# and column). Every document is laid out and tested with these lengths, and they fit the
# database columns on every engine. The longest real names (with an indigenous or foreign
# name in Latin letters) stay under 40 characters, agency and unit names under 60.
MAX_CHARS = {NAME: 60, AGENCY: 100, UNIT: 100, TITLE: 50, EMAIL: 254, PHONE: 40, REMARK: 500}


def over_limit(fld: str, value: str) -> int | None:
    """The limit ``value`` is longer than for field ``fld`` (import, walk-ins and edits alike),
    or None when it fits."""
    limit = MAX_CHARS.get(fld, MAX_CELL_CHARS)
    return limit if len(value) > limit else None


# Header words, tried in this order: the first field whose word the header contains wins, so
# the more specific words come first (服務機關 before 單位, 學習時數 before anything else).
_HEADER_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (
        TIMESTAMP,
        (
            "時間戳記",
            "時間標記",
            "timestamp",
            "填表時間",
            "報名時間",
            "填答時間",
            "提交時間",
            "送出時間",
        ),
    ),
    (WANTS_HOURS, ("終身學習", "學習時數", "研習時數", "時數", "learninghours", "hours")),
    (ID_NUMBER, ("身分證", "身份證", "統一證號", "居留證", "idnumber", "nationalid")),
    (EMAIL, ("電子郵件", "電子信箱", "郵件信箱", "email", "e-mail", "mail", "信箱")),
    (PHONE, ("聯絡電話", "電話", "手機", "行動電話", "phone", "mobile", "tel")),
    (SESSION, ("報名場次", "場次", "梯次", "session")),
    (LUNCH, ("用餐", "餐點", "葷素", "午餐", "飲食", "lunch", "meal")),
    (REMARK, ("備註", "其他", "意見", "remark", "note", "comment")),
    (
        AGENCY,
        ("服務機關", "機關名稱", "機關", "服務單位", "agency", "organization", "organisation"),
    ),
    (TITLE, ("職稱", "職務", "職位", "jobtitle", "title", "position")),
    (UNIT, ("單位", "科室", "部門", "處室", "unit", "department", "division")),
    (NAME, ("姓名", "名字", "中文姓名", "name")),
)

_BRACKETS = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕")

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
XLSX_SUFFIXES = {".xlsx", ".xlsm"}


class ImportFileError(CodedError):
    """The file cannot be imported at all; the message is one line saying why."""


# --- reading --------------------------------------------------------------------------------


@dataclass(frozen=True)
class RawTable:
    source: str  # file name, for messages
    headers: tuple[str, ...]
    rows: tuple[tuple[object, ...], ...]  # cell values, padded to len(headers)
    row_numbers: tuple[int, ...]  # spreadsheet row numbers (header = 1)
    encoding: str  # "utf-8-sig", "utf-8", "cp950", ... or "xlsx"


def read_table(path: Path | str) -> RawTable:
    """Read a CSV or XLSX export. Raises ``ImportFileError`` for anything unreadable.

    ``file_guard`` looks at the file first (size, zip bombs, binary garbage, encrypted or old
    workbooks), deciding from the content whether it is a workbook or text.
    """
    path = Path(path)
    if path.is_dir():
        raise ImportFileError(importing.IS_FOLDER, file=path.name)
    try:
        kind = guard_import_file(path)
        data = path.read_bytes()
        if kind is FileKind.XLSX:
            return _read_xlsx(path.name, data)
        suffix = path.suffix.lower()
        if suffix not in CSV_SUFFIXES | XLSX_SUFFIXES:
            raise ImportFileError(importing.UNSUPPORTED_TYPE, file=path.name, suffix=suffix)
        if not data.strip(b" \t\r\n\xef\xbb\xbf"):
            raise ImportFileError(files.FILE_EMPTY, file=path.name)
        return _read_csv(path.name, data)
    except FileRejected as exc:
        raise ImportFileError(exc.outcome, **exc.params) from exc


def _read_csv(name: str, data: bytes) -> RawTable:
    text, encoding = decode_text(data, name=name)
    control = sum(1 for c in text[:4000] if unicodedata.category(c) == "Cc" and c not in "\r\n\t")
    if control > 10 or "\ufffd" in text[:4000] and text[:4000].count("\ufffd") > 10:
        raise ImportFileError(importing.GARBLED, file=name)
    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",\t;")
    except csv.Error:
        dialect = csv.excel
    records: list[list[str]] = []
    numbers: list[int] = []
    reader = csv.reader(io.StringIO(text, newline=""), dialect)
    try:
        for record in reader:
            records.append(_bounded(name, len(records) + 1, record))
            numbers.append(len(records))
    except csv.Error as exc:
        raise ImportFileError(
            importing.BAD_CSV, file=name, row=len(records) + 1, detail=exc
        ) from exc
    return _table(name, records, numbers, encoding)


def _bounded(name: str, number: int, record: Sequence[Cell]) -> list[Cell]:
    """Record ``number`` cut to ``MAX_COLUMNS`` (empty cells past it are dropped); a file past
    the row or column limits is refused while it is read, before anything else works on its
    records (five million columns would take minutes to look at)."""
    if number > MAX_SHEET_ROWS:
        raise ImportFileError(importing.TOO_MANY_ROWS, file=name, limit=f"{MAX_SHEET_ROWS:,}")
    if len(record) > MAX_COLUMNS and any(v not in (None, "") for v in record[MAX_COLUMNS:]):
        raise ImportFileError(importing.TOO_MANY_COLUMNS, file=name, row=number, limit=MAX_COLUMNS)
    return list(record[:MAX_COLUMNS])


def _read_xlsx(name: str, data: bytes) -> RawTable:
    """The first sheet's cells. ``file_guard`` has bounded the parts' sizes and the number of
    cells; a part that is broken inside ends in the import's own one-line message."""
    from openpyxl import load_workbook

    records: list[list[object]] = []
    numbers: list[int] = []
    try:
        # openpyxl warns about what it skips (styles, extensions) on stderr, several lines
        # around the import's one line; nothing it skips matters to the cell values.
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            if not workbook.worksheets:
                raise ImportFileError(importing.NO_WORKSHEET, file=name)
            sheet = workbook.worksheets[0]
            # The declared size (<dimension>) may lie: openpyxl would pad every row to it.
            sheet.reset_dimensions()
            rows = sheet.iter_rows(max_col=MAX_COLUMNS + 1, values_only=True)
            for number, row in enumerate(rows, start=1):
                records.append(_bounded(name, number, row))
                numbers.append(number)
            _fill_merged_cells(records, _merged_ranges(sheet))
        finally:
            workbook.close()
    except ImportFileError:
        raise
    except Exception as exc:  # any fault inside a hostile part, named below
        fault, params = _xlsx_fault(exc)
        raise ImportFileError(fault, file=name, **params) from exc
    return _table(name, records, numbers, "xlsx")


def _xlsx_fault(exc: BaseException) -> tuple[Outcome, dict[str, object]]:
    """What is broken in the workbook: the outcome and its params for the one-line message.
    Only texts that name a part or a place are repeated: a cell's value could be someone's
    ID."""
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    if isinstance(exc, KeyError):  # "There is no item named 'xl/…' in the archive"
        return importing.XLSX_MISSING_PART, {"detail": text}
    if isinstance(exc, SyntaxError):  # xml.etree's ParseError: "…: line 1, column 5"
        return importing.XLSX_BAD_XML, {"detail": text}
    if isinstance(exc, IndexError):
        return importing.XLSX_BAD_SHARED_STRING, {}
    if isinstance(exc, ValueError | TypeError | OverflowError):
        return importing.XLSX_BAD_CELL, {}
    if isinstance(exc, zipfile.BadZipFile | OSError | EOFError):
        return importing.XLSX_DAMAGED_ZIP, {}
    return importing.XLSX_UNREADABLE, {"detail": type(exc).__name__}


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _column_index(letters: bytes) -> int:
    index = 0
    for c in letters:
        index = index * 26 + c - 64
    return index - 1


def _merged_ranges(sheet: object) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 0-based, of the sheet's merged cells.
    The read-only reader does not report them, so they are read from the sheet's XML."""
    try:
        with sheet._get_source() as source:  # type: ignore[attr-defined]
            data = source.read()
    except (AttributeError, KeyError, OSError):
        return []
    return [
        (int(r1) - 1, _column_index(c1), int(r2) - 1, _column_index(c2))
        for c1, r1, c2, r2 in _MERGE_REF.findall(data)
    ]


def _fill_merged_cells(
    records: list[list[object]], ranges: Iterable[tuple[int, int, int, int]]
) -> None:
    """A merged range shows its first cell's value in every cell (機關 merged over two
    people's rows belongs to both); Excel stores it only in the first."""
    for r1, c1, r2, c2 in ranges:
        if not (0 <= r1 < len(records)) or r2 < r1 or c2 < c1 or c2 > 1000:
            continue
        if (min(r2, len(records) - 1) - r1 + 1) * (c2 - c1 + 1) > 100_000:
            continue  # not a hand-merged cell: a hostile or broken file
        first = records[r1]
        value = first[c1] if c1 < len(first) else None
        for r in range(r1, min(r2, len(records) - 1) + 1):
            row = records[r]
            if len(row) <= c2:
                row.extend([None] * (c2 + 1 - len(row)))
            for c in range(c1, c2 + 1):
                if row[c] is None:
                    row[c] = value


def _table(
    name: str, records: Sequence[Sequence[object]], numbers: Sequence[int], encoding: str
) -> RawTable:
    # The header is the first non-blank record (some exports have a title line above it:
    # then the first record that has a recognisable name column).
    start = None
    for i, record in enumerate(records[:20]):
        if any(clean(v) for v in record):
            if start is None:
                start = i
            if NAME in guess_mapping([clean(v) for v in record]):
                start = i
                break
    if start is None:
        raise ImportFileError(importing.NO_DATA, file=name)
    filled = sum(1 for record in records[start + 1 :] if any(v not in (None, "") for v in record))
    if filled > MAX_DATA_ROWS:
        raise ImportFileError(
            importing.TOO_MANY_DATA_ROWS,
            file=name,
            count=f"{filled:,}",
            limit=f"{MAX_DATA_ROWS:,}",
        )
    headers = [clean(v) for v in records[start]]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    rows = []
    for record in records[start + 1 :]:
        cells = list(record[:width]) + [None] * max(0, width - len(record))
        rows.append(tuple(cells))
    return RawTable(name, tuple(headers), tuple(rows), tuple(numbers[start + 1 :]), encoding)


# --- columns --------------------------------------------------------------------------------


def header_fields(header: str) -> tuple[str, ...]:
    """The fields a header may name, the likeliest first (``服務單位部門``: agency, unit)."""
    key = match_key(header).replace("_", "").replace("：", "").replace(":", "")
    if not key:
        return ()
    # The words outside brackets say what the column is; a note in brackets only explains it:
    # 身分證字號（申請時數用） is the ID, 是否需要時數（需填身分證） the yes/no question.
    main = _BRACKETS.sub("", key)
    for text in (main, key) if main and main != key else (key,):
        found = tuple(
            name for name, words in _HEADER_WORDS if any(match_key(w) in text for w in words)
        )
        if found:
            return found
    return ()


def header_field(header: str) -> str | None:
    """The field a header names, or None."""
    fields = header_fields(header)
    return fields[0] if fields else None


def guess_mapping(
    headers: Sequence[str], remembered: Mapping[str, str] | None = None
) -> dict[str, int]:
    """field → column index. A remembered mapping (field → header text, from an earlier
    import the organiser corrected) wins for headers that are present; the rest is guessed
    from the header words, the first column for each field."""
    mapping: dict[str, int] = {}
    keys = [match_key(h) for h in headers]
    for fld, header in (remembered or {}).items():
        if fld in FIELDS and header and match_key(header) in keys:
            mapping[fld] = keys.index(match_key(header))
    used = set(mapping.values())
    for index, header in enumerate(headers):
        if index in used:
            continue
        for fld in header_fields(header):
            if fld not in mapping:
                mapping[fld] = index
                used.add(index)
                break
    return mapping


def mapping_by_header(headers: Sequence[str], mapping: Mapping[str, int]) -> dict[str, str]:
    """field → header text, the form in which a mapping is remembered."""
    return {f: headers[i] for f, i in mapping.items() if 0 <= i < len(headers)}


def match_session(value: str, session_names: Iterable[str]) -> str | None:
    """The session a 報名場次 answer names: ``台中場次(108年4月12日)`` → ``臺中場次``.

    Compared with ``match_key`` (台/臺, width and spaces ignored): a session whose name is a
    prefix of, or contained in, the answer; or whose name contains the answer. None when no
    session or more than one fits.
    """
    key = match_key(value)
    if not key:
        return None
    names = list(session_names)
    tests: tuple[Callable[[str], bool], ...] = (
        lambda n: match_key(n) == key,
        lambda n: key.startswith(match_key(n)),
        lambda n: match_key(n) in key,
        lambda n: key in match_key(n),
        lambda n: match_key(n).removesuffix("場次") in key,
    )
    for test in tests:
        found = [n for n in names if match_key(n) and test(n)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            return None
    return None
