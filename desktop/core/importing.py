"""Reading an online registration form's export (CSV or XLSX) into checked rows.

What real exports carry (DOMAIN.md): UTF-8 with or without BOM, Big5/CP950 from older Excel,
XLSX cells where phone numbers lost their leading zero or time stamps became dates, 台 for 臺,
full-width letters and digits, stray (also full-width) spaces, blank rows, the same person
twice. This module turns a file into ``RawTable`` (headers + cell values, with the row numbers
the organiser sees in a spreadsheet: the header is row 1), recognises the columns from their
Chinese headers (``guess_mapping``), and checks each row (``parse_rows``), reporting every
problem with its row number and column name. No database, no Qt.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

# MAX_CELL_CHARS re-exported: the import's length rules (MAX_CHARS) fall back on it.
from desktop.core.file_guard import MAX_CELL_CHARS as MAX_CELL_CHARS
from desktop.core.file_guard import (
    MAX_COLUMNS,
    MAX_DATA_ROWS,
    MAX_SHEET_ROWS,
    FileKind,
    FileRejected,
    decode_text,
    guard_import_file,
)
from desktop.core.ids import IdProblem, id_problem, sealable_id
from desktop.core.problems import CodedError
from desktop.core.text import clean, match_key

_Cell = TypeVar("_Cell")

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

FIELD_LABELS = {
    TIMESTAMP: "時間戳記",
    NAME: "姓名",
    AGENCY: "服務機關",
    UNIT: "單位",
    TITLE: "職稱",
    EMAIL: "電子郵件",
    PHONE: "聯絡電話",
    ID_NUMBER: "身分證字號",
    SESSION: "報名場次",
    LUNCH: "用餐",
    WANTS_HOURS: "終身學習時數",
    REMARK: "備註",
}

# The longest value import accepts per stored field (longer: the row is refused, naming row
# and column). Every document is laid out and tested with these lengths, and they fit the
# database columns on every engine. The longest real names (with an indigenous or foreign
# name in Latin letters) stay under 40 characters, agency and unit names under 60.
MAX_CHARS = {NAME: 60, AGENCY: 100, UNIT: 100, TITLE: 50, EMAIL: 254, PHONE: 40, REMARK: 500}


def length_problem(fld: str, value: str) -> str | None:
    """Why ``value`` is too long for field ``fld`` (import, walk-ins and edits alike), or None."""
    limit = MAX_CHARS.get(fld, MAX_CELL_CHARS)
    return f"內容過長（{len(value):,} 字，上限 {limit:,} 字）" if len(value) > limit else None


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
        raise ImportFileError("is_folder", f"{path.name}: 這是資料夾，不是檔案", file=path.name)
    try:
        kind = guard_import_file(path)
        data = path.read_bytes()
        if kind is FileKind.XLSX:
            return _read_xlsx(path.name, data)
        suffix = path.suffix.lower()
        if suffix not in CSV_SUFFIXES | XLSX_SUFFIXES:
            raise ImportFileError(
                "unsupported_type",
                f"{path.name}: 不支援的檔案類型「{suffix or '無副檔名'}」，請使用 CSV 或 XLSX",
                file=path.name,
                suffix=suffix,
            )
        if not data.strip(b" \t\r\n\xef\xbb\xbf"):
            raise ImportFileError("file_empty", f"{path.name}: 檔案是空的", file=path.name)
        return _read_csv(path.name, data)
    except FileRejected as exc:
        raise ImportFileError(exc.code, str(exc), **exc.params) from exc


def _read_csv(name: str, data: bytes) -> RawTable:
    text, encoding = decode_text(data, name=name)
    control = sum(1 for c in text[:4000] if unicodedata.category(c) == "Cc" and c not in "\r\n\t")
    if control > 10 or "\ufffd" in text[:4000] and text[:4000].count("\ufffd") > 10:
        raise ImportFileError("garbled", f"{name}: 內容無法辨識為 CSV 文字", file=name)
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
            "bad_csv",
            f"{name}: 第 {len(records) + 1} 列 CSV 格式錯誤：{exc}",
            file=name,
            row=len(records) + 1,
            detail=exc,
        ) from exc
    return _table(name, records, numbers, encoding)


def _bounded(name: str, number: int, record: Sequence[_Cell]) -> list[_Cell]:
    """Record ``number`` cut to ``MAX_COLUMNS`` (empty cells past it are dropped); a file past
    the row or column limits is refused while it is read, before anything else works on its
    records (five million columns would take minutes to look at)."""
    if number > MAX_SHEET_ROWS:
        raise ImportFileError(
            "too_many_rows",
            f"{name}: 超過 {MAX_SHEET_ROWS:,} 列，不是報名資料",
            file=name,
            limit=f"{MAX_SHEET_ROWS:,}",
        )
    if len(record) > MAX_COLUMNS and any(v not in (None, "") for v in record[MAX_COLUMNS:]):
        raise ImportFileError(
            "too_many_columns",
            f"{name}: 第 {number} 列超過 {MAX_COLUMNS} 欄，不是報名資料",
            file=name,
            row=number,
            limit=MAX_COLUMNS,
        )
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
                raise ImportFileError("no_worksheet", f"{name}: 活頁簿裡沒有工作表", file=name)
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
    except Exception as exc:  # noqa: BLE001 - any fault inside a hostile part, named below
        code, fault, params = _xlsx_fault(exc)
        raise ImportFileError(code, f"{name}: XLSX 內容損毀：{fault}", file=name, **params) from exc
    return _table(name, records, numbers, "xlsx")


def _xlsx_fault(exc: BaseException) -> tuple[str, str, dict[str, object]]:
    """What is broken in the workbook: (code, a few zh-TW words, params) for the one-line
    message. Only texts that name a part or a place are repeated: a cell's value could be
    someone's ID."""
    text = str(exc).splitlines()[0][:120] if str(exc) else ""
    if isinstance(exc, KeyError):  # "There is no item named 'xl/…' in the archive"
        return "xlsx_missing_part", f"缺少檔案內的部分 {text}", {"detail": text}
    if isinstance(exc, SyntaxError):  # xml.etree's ParseError: "…: line 1, column 5"
        return "xlsx_bad_xml", f"XML 格式錯誤 {text}", {"detail": text}
    if isinstance(exc, IndexError):
        return "xlsx_bad_shared_string", "儲存格指向不存在的共用字串", {}
    if isinstance(exc, ValueError | TypeError | OverflowError):
        return "xlsx_bad_cell", "儲存格的值無法讀取，例如不是數字的數值儲存格", {}
    if isinstance(exc, zipfile.BadZipFile | OSError | EOFError):
        return "xlsx_damaged_zip", "壓縮內容損毀", {}
    kind = type(exc).__name__
    return "xlsx_unreadable", f"無法讀取（{kind}）", {"detail": kind}


_MERGE_REF = re.compile(rb'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def _column_index(letters: bytes) -> int:
    index = 0
    for c in letters:
        index = index * 26 + c - 64
    return index - 1


def _merged_ranges(sheet: Any) -> list[tuple[int, int, int, int]]:
    """(first row, first column, last row, last column), 0-based, of the sheet's merged cells.
    The read-only reader does not report them, so they are read from the sheet's XML."""
    try:
        with sheet._get_source() as source:
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
        raise ImportFileError("no_data", f"{name}: 沒有任何資料", file=name)
    filled = sum(1 for record in records[start + 1 :] if any(v not in (None, "") for v in record))
    if filled > MAX_DATA_ROWS:
        raise ImportFileError(
            "too_many_data_rows",
            f"{name}: 共 {filled:,} 列資料，超過上限 {MAX_DATA_ROWS:,} 列",
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


# --- values ---------------------------------------------------------------------------------

_TS = re.compile(
    r"^(?P<y>\d{2,4})[/\-.年](?P<m>\d{1,2})[/\-.月](?P<d>\d{1,2})日?"
    r"(?:\s*(?:\(.\)|（.）))?"
    r"(?:\s*(?P<ampm1>上午|下午|AM|PM|am|pm|a\.m\.|p\.m\.)?\s*"
    r"(?P<H>\d{1,2})[:時](?P<M>\d{1,2})(?:[:分](?P<S>\d{1,2})(?:\.\d+)?秒?)?"
    r"\s*(?P<ampm2>上午|下午|AM|PM|am|pm|a\.m\.|p\.m\.)?)?$"
)
_EXCEL_EPOCH = dt.datetime(1899, 12, 30)


def parse_timestamp(value: object) -> dt.datetime | None:
    """A form's 時間戳記 as a naive local date-time, or None when it is not one.

    ``2019/02/21 下午 01:07:13`` → 13:07:13; ``上午 12:01`` is 00:01 and ``下午 12:40`` is
    12:40 (the 12-hour clock); also ``2019-02-21 13:07``, ``2019/2/21 1:07:13 PM``, ROC years
    (``108/02/21``), Excel date cells and Excel serial numbers.
    """
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None, microsecond=0)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    if isinstance(value, int | float) and not isinstance(value, bool):
        if 20000 < value < 80000:  # Excel serial date (1954..2119)
            return (_EXCEL_EPOCH + dt.timedelta(days=float(value))).replace(microsecond=0)
        return None
    text = clean(value)
    match = _TS.match(text)
    if not match:
        return None
    year = int(match["y"])
    if year < 1000:
        year += 1911  # ROC year
    hour = int(match["H"] or 0)
    minute = int(match["M"] or 0)
    second = int(match["S"] or 0)
    ampm = (match["ampm1"] or match["ampm2"] or "").lower().replace(".", "")
    if ampm:
        if hour < 1 or hour > 12:
            return None
        if ampm in ("上午", "am"):
            hour = 0 if hour == 12 else hour
        else:
            hour = 12 if hour == 12 else hour + 12
    try:
        return dt.datetime(year, int(match["m"]), int(match["d"]), hour, minute, second)
    except ValueError:
        return None


def cell_text(value: object) -> str:
    """A cell as cleaned text; whole-number floats from XLSX lose their ``.0``."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    return clean(value)


def normalize_phone(value: object) -> str:
    """Digits of a Taiwanese phone number with a lost leading zero restored.

    XLSX exports store ``0912345678`` as the number 912345678 and ``02-2345-6789`` as
    223456789. Separators are dropped; ``+886`` becomes ``0``; an extension (``#123``) is kept.
    """
    text = cell_text(value)
    if not text:
        return ""
    parts = re.split(r"#|分機|轉|ext\.?", text, maxsplit=1, flags=re.I)
    main, ext = parts[0], (parts[1] if len(parts) > 1 else "")
    digits = re.sub(r"[^\d+]", "", main)
    if digits.startswith("+886"):
        digits = "0" + digits[4:].lstrip("0")
    elif digits.startswith("886") and len(digits) in (11, 12):
        digits = "0" + digits[3:]
    digits = digits.replace("+", "")
    if digits and not digits.startswith("0") and len(digits) in (8, 9):
        digits = "0" + digits
    ext_digits = re.sub(r"\D", "", ext)
    return digits + (f"#{ext_digits}" if ext_digits else "")


_YES = ("是", "需要", "要", "yes", "y", "true", "1", "v", "✓", "✔", "○", "有")
_NO = ("否", "不需要", "不要", "no", "n", "false", "0", "無", "x", "免")


def parse_yes_no(value: object) -> bool | None:
    """是/需要/Yes → True, 否/不需要/No/blank → False; None when it is neither."""
    if isinstance(value, bool):
        return value
    text = match_key(cell_text(value))
    if not text:
        return False
    if text.startswith(("不", "否", "無", "免")) or text in _NO:
        return False
    if text in _YES or text.startswith(("是", "需要", "要", "yes")):
        return True
    return None


def parse_lunch(value: object) -> str | None:
    """葷 / 素 / "" (no meal); None when the answer is something else."""
    text = cell_text(value)
    if not text or re.search(r"不|無|免|否|none|no", text, re.I):
        return ""
    if "素" in text or "vegetarian" in text.lower() or "vegan" in text.lower():
        return "素"
    if "葷" in text or "meat" in text.lower() or "一般" in text:
        return "葷"
    return None


_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def normalize_email(value: object) -> str:
    text = cell_text(value).replace(" ", "")
    return text.lower()


# --- rows -----------------------------------------------------------------------------------

ERROR = "error"  # the row is rejected
WARNING = "warning"  # imported, but the organiser should look


@dataclass(frozen=True)
class RowProblem:
    row: int  # spreadsheet row number
    column: str  # header text of the column ("" for the whole row)
    message: str
    severity: str = WARNING
    field: str = ""  # the field (``NAME``, ``ID_NUMBER``…) the problem is about, if any
    code: str = ""  # words the message in the window's language (desktop/ui/messages.py)
    params: tuple[tuple[str, object], ...] = ()

    def text(self) -> str:
        where = f"第 {self.row} 列" + (f"「{self.column}」" if self.column else "")
        return f"{where}：{self.message}"


@dataclass(frozen=True)
class ParsedRow:
    row: int
    order: int  # position in the file (0-based), the tie-breaker after the time stamp
    name: str
    agency: str
    unit: str
    title: str
    email: str
    phone: str
    id_number: str  # normalised, plain — kept in memory only, never stored like this
    id_problem: str | None  # IdProblem value, None when valid
    session_value: str
    lunch: str
    wants_hours: bool
    remark: str
    registered_at: dt.datetime | None
    problems: tuple[RowProblem, ...] = field(default=())

    @property
    def rejected(self) -> bool:
        return any(p.severity == ERROR for p in self.problems)

    @property
    def id_valid(self) -> bool:
        return self.id_problem is None and bool(self.id_number)


@dataclass(frozen=True)
class ParseResult:
    rows: tuple[ParsedRow, ...]  # every non-blank row, rejected ones included
    blank_rows: int

    @property
    def accepted(self) -> tuple[ParsedRow, ...]:
        return tuple(r for r in self.rows if not r.rejected)

    @property
    def rejected(self) -> tuple[ParsedRow, ...]:
        return tuple(r for r in self.rows if r.rejected)


def check_mapping(table: RawTable, mapping: Mapping[str, int]) -> None:
    """Refuse a mapping without a name column: nothing could be imported from it."""
    if NAME not in mapping:
        found = "、".join(h for h in table.headers if h) or "（無）"
        raise ImportFileError(
            "no_name_column",
            f"{table.source}: 找不到「姓名」欄，無法匯入；標題列：{found}",
            file=table.source,
            headers=found,
        )


ID_MISSING_MESSAGE = "未填身分證字號"
_ID_MESSAGES = {
    IdProblem.MISSING: ID_MISSING_MESSAGE,
    IdProblem.BAD_FORMAT: "身分證字號格式不正確",
    IdProblem.BAD_CHECKSUM: "身分證字號檢查碼不正確",
}


def parse_rows(table: RawTable, mapping: Mapping[str, int]) -> ParseResult:
    """Check every row of ``table`` under ``mapping`` (field → column index)."""
    check_mapping(table, mapping)
    header = {f: table.headers[i] for f, i in mapping.items()}
    rows: list[ParsedRow] = []
    blank = 0

    for order, (cells, number) in enumerate(zip(table.rows, table.row_numbers, strict=True)):
        if not any(cell_text(c) for c in cells):
            blank += 1
            continue

        def get(fld: str, cells: tuple[object, ...] = cells) -> object:
            index = mapping.get(fld)
            return cells[index] if index is not None and index < len(cells) else None

        problems: list[RowProblem] = []

        def problem(
            fld: str,
            code: str,
            message: str,
            severity: str = WARNING,
            number: int = number,
            problems: list[RowProblem] = problems,
            **params: object,
        ) -> None:
            problems.append(
                RowProblem(
                    number,
                    header.get(fld, FIELD_LABELS[fld]),
                    message,
                    severity,
                    fld,
                    code,
                    tuple(params.items()),
                )
            )

        for fld in mapping:
            value = cell_text(get(fld))
            too_long = length_problem(fld, value)
            if too_long:  # a pasted essay or a hostile file: refuse the row
                problem(
                    fld,
                    "row_cell_too_long",
                    f"{too_long}，此列不匯入",
                    ERROR,
                    length=f"{len(value):,}",
                    limit=f"{MAX_CHARS.get(fld, MAX_CELL_CHARS):,}",
                )
        name = cell_text(get(NAME))
        if not name:
            problem(NAME, "row_no_name", "沒有姓名，此列不匯入", ERROR)
        registered_at = parse_timestamp(get(TIMESTAMP))
        if TIMESTAMP in mapping and registered_at is None:
            raw = cell_text(get(TIMESTAMP))
            if raw:
                problem(
                    TIMESTAMP,
                    "row_bad_timestamp",
                    f"時間戳記「{raw}」無法辨識，排在最後",
                    value=raw,
                )
            else:
                problem(TIMESTAMP, "row_no_timestamp", "沒有時間戳記，排在最後")
        email = normalize_email(get(EMAIL))
        if email and not _EMAIL.match(email):
            problem(EMAIL, "row_bad_email", f"電子郵件「{email}」格式不正確", value=email)
        phone = normalize_phone(get(PHONE))
        sealable = sealable_id(cell_text(get(ID_NUMBER)))
        id_number = sealable or ""  # None: no ID in the cell, which is not imported
        problem_code = id_problem(id_number)
        wants_raw = get(WANTS_HOURS)
        wants = parse_yes_no(wants_raw)
        if wants is None:
            problem(
                WANTS_HOURS,
                "row_bad_wants_hours",
                f"無法判讀「{cell_text(wants_raw)}」，視為不需要時數",
                value=cell_text(wants_raw),
            )
            wants = False
        if WANTS_HOURS not in mapping:
            wants = bool(id_number)  # no such question: whoever gave an ID wants the hours
        if sealable is None:  # the message must not repeat the cell: it may hold an ID
            problem(
                ID_NUMBER,
                "row_id_unrecognised" + ("_wants_hours" if wants else ""),
                "無法辨識身分證字號，此欄不匯入" + ("：需要時數但尚不符資格" if wants else ""),
            )
        elif wants and problem_code is not None:
            problem(
                ID_NUMBER,
                f"row_id_{problem_code}_wants_hours",
                _ID_MESSAGES[problem_code] + "：需要時數但尚不符資格",
            )
        elif problem_code in (IdProblem.BAD_FORMAT, IdProblem.BAD_CHECKSUM):
            problem(ID_NUMBER, f"row_id_{problem_code}", _ID_MESSAGES[problem_code])
        lunch_raw = get(LUNCH)
        lunch = parse_lunch(lunch_raw)
        if lunch is None:
            problem(
                LUNCH,
                "row_bad_lunch",
                f"無法判讀用餐「{cell_text(lunch_raw)}」，視為不用餐",
                value=cell_text(lunch_raw),
            )
            lunch = ""
        rows.append(
            ParsedRow(
                row=number,
                order=order,
                name=name,
                agency=cell_text(get(AGENCY)),
                unit=cell_text(get(UNIT)),
                title=cell_text(get(TITLE)),
                email=email,
                phone=phone,
                id_number=id_number,
                id_problem=None if problem_code is None else str(problem_code),
                session_value=cell_text(get(SESSION)),
                lunch=lunch,
                wants_hours=wants,
                remark=cell_text(get(REMARK)),
                registered_at=registered_at,
                problems=tuple(problems),
            )
        )
    if not rows:  # a header alone is not "everybody cancelled": refuse, change nothing
        raise ImportFileError(
            "header_only", f"{table.source}: 只有標題列，沒有任何報名資料", file=table.source
        )
    return ParseResult(tuple(rows), blank)


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
