"""Checking a registration export's rows: each cell's value (time stamps, phones, yes/no,
lunch, e-mail) and each row as a whole (``parse_rows``), every problem reported with its row
number and column name (``RowProblem``). The file itself is read by
``desktop.core.importing``. No database, no Qt.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from desktop.core.ids import IdProblem, id_problem, sealable_id
from desktop.core.importing import (
    AGENCY,
    EMAIL,
    FIELD_LABELS,
    ID_NUMBER,
    LUNCH,
    NAME,
    PHONE,
    REMARK,
    SESSION,
    TIMESTAMP,
    TITLE,
    UNIT,
    WANTS_HOURS,
    ImportFileError,
    RawTable,
    over_limit,
)
from desktop.core.outcomes import importing
from desktop.core.problems import Outcome
from desktop.core.text import clean, match_key

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
    outcome: Outcome  # one of desktop.core.outcomes.importing's ``ROW_…``
    severity: str = WARNING
    field: str = ""  # the field (``NAME``, ``ID_NUMBER``…) the problem is about, if any
    params: tuple[tuple[str, object], ...] = ()  # what the outcome's sentence names

    @property
    def code(self) -> str:
        return self.outcome.code

    @property
    def message(self) -> str:
        """The problem in zh-TW (the window words ``outcome`` in its own language)."""
        return self.outcome.say(**dict(self.params))

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
        raise ImportFileError(importing.NO_NAME_COLUMN, file=table.source, headers=found)


# An ID number's problem (``IdProblem``) for someone who does not ask for the hours, and for
# someone who does (a missing ID is a problem only then).
_ID_PROBLEMS = {
    IdProblem.BAD_FORMAT: importing.ROW_ID_BAD_FORMAT,
    IdProblem.BAD_CHECKSUM: importing.ROW_ID_BAD_CHECKSUM,
}
_ID_PROBLEMS_WANTS_HOURS = {
    IdProblem.MISSING: importing.ROW_ID_MISSING_WANTS_HOURS,
    IdProblem.BAD_FORMAT: importing.ROW_ID_BAD_FORMAT_WANTS_HOURS,
    IdProblem.BAD_CHECKSUM: importing.ROW_ID_BAD_CHECKSUM_WANTS_HOURS,
}


def parse_rows(table: RawTable, mapping: Mapping[str, int]) -> ParseResult:
    """Check every row of ``table`` under ``mapping`` (field → column index)."""
    check_mapping(table, mapping)
    header = {f: table.headers[i] for f, i in mapping.items()}
    rows: list[ParsedRow] = []
    blank = 0
    for order, (cells, number) in enumerate(zip(table.rows, table.row_numbers, strict=True)):
        parsed = parse_row(RowCells(number, cells, mapping, header), order)
        if parsed is None:
            blank += 1
        else:
            rows.append(parsed)
    if not rows:  # a header alone is not "everybody cancelled": refuse, change nothing
        raise ImportFileError(importing.HEADER_ONLY, file=table.source)
    return ParseResult(tuple(rows), blank)


@dataclass
class RowCells:
    """One spreadsheet row being read: its cells by field, and the problems found so far."""

    number: int  # spreadsheet row number
    cells: tuple[object, ...]
    mapping: Mapping[str, int]  # field → column index
    header: Mapping[str, str]  # field → header text, to name the column in a problem
    texts: dict[str, str] = field(init=False)  # field → cleaned cell text
    blank: bool = field(init=False)  # no text in any cell, mapped or not
    problems: list[RowProblem] = field(default_factory=list)

    def __post_init__(self) -> None:
        cleaned = [cell_text(c) for c in self.cells]  # each cell cleaned once
        self.blank = not any(cleaned)
        self.texts = {f: cleaned[i] if i < len(cleaned) else "" for f, i in self.mapping.items()}

    def cell(self, fld: str) -> object:
        """The cell as read from the file (a date stays a date), None without that column."""
        index = self.mapping.get(fld)
        return self.cells[index] if index is not None and index < len(self.cells) else None

    def text(self, fld: str) -> str:
        return self.texts.get(fld, "")

    def problem(
        self, fld: str, outcome: Outcome, severity: str = WARNING, **params: object
    ) -> None:
        column = self.header.get(fld, FIELD_LABELS[fld])
        self.problems.append(
            RowProblem(self.number, column, outcome, severity, fld, tuple(params.items()))
        )


def parse_row(row: RowCells, order: int) -> ParsedRow | None:
    """The registration in ``row`` with its problems, in the order a person reads the row;
    None for a blank row."""
    if row.blank:
        return None
    refuse_long_cells(row)
    name = row.text(NAME)
    if not name:
        row.problem(NAME, importing.ROW_NO_NAME, ERROR)
    registered_at = read_timestamp(row)
    email = normalize_email(row.cell(EMAIL))
    if email and not _EMAIL.match(email):
        row.problem(EMAIL, importing.ROW_BAD_EMAIL, value=email)
    sealable = sealable_id(row.text(ID_NUMBER))
    id_number = sealable or ""  # None: no ID in the cell, which is not imported
    problem_code = id_problem(id_number)
    wants = read_wants_hours(row, has_id=bool(id_number))
    report_id_problem(row, recognised=sealable is not None, problem=problem_code, wants=wants)
    lunch = read_lunch(row)
    return ParsedRow(
        row=row.number,
        order=order,
        name=name,
        agency=row.text(AGENCY),
        unit=row.text(UNIT),
        title=row.text(TITLE),
        email=email,
        phone=normalize_phone(row.cell(PHONE)),
        id_number=id_number,
        id_problem=None if problem_code is None else str(problem_code),
        session_value=row.text(SESSION),
        lunch=lunch,
        wants_hours=wants,
        remark=row.text(REMARK),
        registered_at=registered_at,
        problems=tuple(row.problems),
    )


def refuse_long_cells(row: RowCells) -> None:
    """A cell over its field's length (a pasted essay or a hostile file) refuses the row."""
    for fld, value in row.texts.items():
        limit = over_limit(fld, value)
        if limit is not None:
            row.problem(
                fld,
                importing.ROW_CELL_TOO_LONG,
                ERROR,
                length=f"{len(value):,}",
                limit=f"{limit:,}",
            )


def read_timestamp(row: RowCells) -> dt.datetime | None:
    """When the person registered; a missing or unreadable one is a warning (the row goes
    last in the queue), and no time stamp column is no problem at all."""
    registered_at = parse_timestamp(row.cell(TIMESTAMP))
    if TIMESTAMP in row.mapping and registered_at is None:
        raw = row.text(TIMESTAMP)
        if raw:
            row.problem(TIMESTAMP, importing.ROW_BAD_TIMESTAMP, value=raw)
        else:
            row.problem(TIMESTAMP, importing.ROW_NO_TIMESTAMP)
    return registered_at


def read_wants_hours(row: RowCells, *, has_id: bool) -> bool:
    """Whether the person asked for training hours. Without that question, whoever gave an
    ID wants the hours; an answer that cannot be read counts as no (with a warning)."""
    wants = parse_yes_no(row.cell(WANTS_HOURS))
    if wants is None:
        value = row.text(WANTS_HOURS)
        row.problem(WANTS_HOURS, importing.ROW_BAD_WANTS_HOURS, value=value)
        wants = False
    if WANTS_HOURS not in row.mapping:
        wants = has_id
    return wants


def report_id_problem(
    row: RowCells, *, recognised: bool, problem: IdProblem | None, wants: bool
) -> None:
    """The ID number's problem, said more strongly for someone who wants the hours (who
    cannot get them without a valid ID). A missing ID is a problem only then."""
    if not recognised:  # the message must not repeat the cell: it may hold an ID
        row.problem(
            ID_NUMBER,
            importing.ROW_ID_UNRECOGNISED_WANTS_HOURS if wants else importing.ROW_ID_UNRECOGNISED,
        )
    elif wants and problem is not None:
        row.problem(ID_NUMBER, _ID_PROBLEMS_WANTS_HOURS[problem])
    elif problem in _ID_PROBLEMS:
        row.problem(ID_NUMBER, _ID_PROBLEMS[problem])


def read_lunch(row: RowCells) -> str:
    """The meal choice; one that cannot be read counts as no meal (with a warning)."""
    lunch = parse_lunch(row.cell(LUNCH))
    if lunch is None:
        value = row.text(LUNCH)
        row.problem(LUNCH, importing.ROW_BAD_LUNCH, value=value)
        lunch = ""
    return lunch
