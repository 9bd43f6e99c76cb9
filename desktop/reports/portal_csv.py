"""The learning-hours portal file (公務人員終身學習入口網站): Big5 CSV in two layouts.

``full`` — a full course record, 25 columns; ``opened`` — attendance for a course already opened
on the portal (its 課程代碼), 17 columns. Headers exactly as the portal's templates
(DOMAIN.md). Dates ROC ``YYY-MM-DD``, times ``HH:MM:SS``.

Before anything is written the rows are checked: a row whose ID number is missing or invalid,
or whose text has characters outside Big5 (cp950: 堃 喆 峯 温 綉 媖 犇 ...), is not written but
listed, so the organiser can fix it or key it in on the portal by hand. Text cells that begin
with ``= + - @`` are neutralised with a leading apostrophe (spreadsheet formula injection).
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.ids import id_problem
from desktop.core.outcomes import portal
from desktop.core.problems import CodedError, Outcome
from desktop.core.rocdate import roc_iso
from desktop.core.safe_cells import neutralise_formula

FULL_HEADER = (
    "*身分證字號,*課程名稱,*開課起始日期,*開課起始時間,*開課結束日期,*開課結束時間,*姓名,"
    "*學位學分,*課程類別代碼,*上課縣市,*期別,*訓練總數,*訓練總數單位,訓練成績,證件字號,"
    "出勤上課狀況,生日,*學習性質,*數位時數,*實體時數,課程代碼,*實際上課起始日期,"
    "*實際上課起始時間,*實際上課結束日期,*實際上課結束時間"
).split(",")
OPENED_HEADER = (
    "*課程代碼,*期別,*身分證字號,*姓名,*通過,訓練成績,訓練總數,證件字號,出勤上課狀況,生日,"
    "*學習性質,*數位時數,*實體時數,*實際上課起始日期,實際上課起始時間,*實際上課結束日期,"
    "實際上課結束時間"
).split(",")
LAYOUTS = {"full": FULL_HEADER, "opened": OPENED_HEADER}
ENCODING = "cp950"


class PortalError(CodedError):
    """The course fields are not complete enough to write any row."""


@dataclass(frozen=True)
class PortalCourse:
    name: str  # 課程名稱
    course_code: str  # 課程代碼 (opened layout: required)
    category_code: str  # 課程類別代碼
    city_code: str  # 上課縣市
    term: str  # 期別
    degree_credit: str  # 學位學分, 6 = none
    learning_mode: str  # 學習性質, 2 = in person
    start: dt.datetime  # 開課起始 (the session's announced class time)
    end: dt.datetime
    actual_start: dt.datetime  # 實際上課起始 (the agenda as run)
    actual_end: dt.datetime


@dataclass(frozen=True)
class PortalPerson:
    row: int  # 1-based position in the session's list, for messages
    name: str
    id_number: str | None  # decrypted; None when missing
    hours: float
    serial: str  # 證件字號: certificate serial, "" when none was issued
    attendance: str  # 出勤上課狀況


@dataclass(frozen=True)
class RowProblem:
    row: int
    name: str
    outcome: Outcome  # portal.ID_MISSING / ID_INVALID / NOT_BIG5_NAME / ID_DUPLICATE / NO_HOURS
    params: tuple[tuple[str, object], ...] = ()  # what its sentence names (and data)

    @property
    def code(self) -> str:
        return self.outcome.code

    @property
    def detail(self) -> str:
        """The sentence in zh-TW (the CLI's, and its JSON's ``detail``)."""
        return self.outcome.say(**dict(self.params))

    def as_json(self) -> dict[str, object]:
        return {"row": self.row, "name": self.name, "code": self.code, "detail": self.detail}


@dataclass(frozen=True)
class PortalFile:
    layout: str
    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    problems: tuple[RowProblem, ...]


def hours_text(hours: float) -> str:
    return str(int(hours)) if float(hours).is_integer() else f"{hours:g}"


def not_big5(text: str) -> str:
    """The characters of ``text`` that cp950 cannot encode, in order, once."""
    bad: dict[str, None] = {}
    for char in text:
        try:
            char.encode(ENCODING)
        except UnicodeEncodeError:
            bad[char] = None
    return "".join(bad)


def course_problems(course: PortalCourse, layout: str) -> list[PortalError]:
    """What the course fields lack for ``layout`` (``portal.MISSING[field]``, code
    ``missing_<field>``, and ``portal.NOT_BIG5[field]``, ``not_big5_<field>``); empty when the
    file can be written."""
    if layout not in LAYOUTS:
        raise PortalError(portal.UNKNOWN_LAYOUT, value=layout)
    values = {
        "course_name": course.name,
        "course_code": course.course_code,
        "category_code": course.category_code,
        "city_code": course.city_code,
        "term": course.term,
    }
    needed = {
        "full": ("course_name", "category_code", "city_code", "term"),
        "opened": ("course_code", "term"),
    }[layout]
    problems = [PortalError(portal.MISSING[key]) for key in needed if not values[key].strip()]
    for key, value in values.items():
        if bad := not_big5(value):
            problems.append(PortalError(portal.NOT_BIG5[key], chars=bad))
    return problems


def build(course: PortalCourse, people: Sequence[PortalPerson], layout: str) -> PortalFile:
    """Check and lay out the rows; raises ``PortalError`` when the course fields are incomplete."""
    problems_course = course_problems(course, layout)
    if problems_course:
        raise PortalError.of(problems_course)
    rows: list[tuple[str, ...]] = []
    problems: list[RowProblem] = []
    written_ids: dict[str, PortalPerson] = {}
    for person in people:
        problem = _person_problem(person)
        if problem is None and person.id_number in written_ids:
            # the same person twice (e.g. also added at the desk as a walk-in): one record
            first = written_ids[person.id_number]
            problem = RowProblem(
                person.row,
                person.name,
                portal.ID_DUPLICATE,
                (("row", first.row), ("name", first.name)),
            )
        if problem is not None:
            problems.append(problem)
            continue
        assert person.id_number is not None
        written_ids[person.id_number] = person
        cells = _full_row(course, person) if layout == "full" else _opened_row(course, person)
        rows.append(tuple(cells))
    return PortalFile(layout, tuple(LAYOUTS[layout]), tuple(rows), tuple(problems))


def _person_problem(person: PortalPerson) -> RowProblem | None:
    if not person.id_number:
        return RowProblem(person.row, person.name, portal.ID_MISSING)
    if id_problem(person.id_number) is not None:
        return RowProblem(person.row, person.name, portal.ID_INVALID)
    text = person.name + person.serial + person.attendance
    if bad := not_big5(text):
        return RowProblem(person.row, person.name, portal.NOT_BIG5_NAME, (("chars", bad),))
    return None


def _time(value: dt.datetime) -> str:
    return value.strftime("%H:%M:%S")


def _full_row(c: PortalCourse, p: PortalPerson) -> list[str]:
    hours = hours_text(p.hours)
    return [
        p.id_number or "",
        neutralise_formula(c.name),
        roc_iso(c.start.date()),
        _time(c.start),
        roc_iso(c.end.date()),
        _time(c.end),
        neutralise_formula(p.name),
        c.degree_credit or "6",
        c.category_code,
        c.city_code,
        c.term,
        hours,
        "1",
        "",
        neutralise_formula(p.serial),
        neutralise_formula(p.attendance),
        "",
        c.learning_mode or "2",
        "0",
        hours,
        neutralise_formula(c.course_code),
        roc_iso(c.actual_start.date()),
        _time(c.actual_start),
        roc_iso(c.actual_end.date()),
        _time(c.actual_end),
    ]


def _opened_row(c: PortalCourse, p: PortalPerson) -> list[str]:
    hours = hours_text(p.hours)
    return [
        neutralise_formula(c.course_code),
        c.term,
        p.id_number or "",
        neutralise_formula(p.name),
        "通過" if p.hours > 0 else "不通過",
        "",
        hours,
        neutralise_formula(p.serial),
        neutralise_formula(p.attendance),
        "",
        c.learning_mode or "2",
        "0",
        hours,
        roc_iso(c.actual_start.date()),
        _time(c.actual_start),
        roc_iso(c.actual_end.date()),
        _time(c.actual_end),
    ]


def encode(portal: PortalFile) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(portal.header)
    writer.writerows(portal.rows)
    return buffer.getvalue().encode(ENCODING)  # rows were checked; this cannot fail
