"""An agenda as the announcement prints it (columns 起迄時間, 活動議程, 主講人; 時間 ignored),
read into blocks for a session made from the command line.

Pure: text in, ``AgendaLine``s out, or ``AgendaCsvError`` naming the file, row and column.
A row with an empty 起迄時間 continues the title of the row above (the seed's announcement
wraps long titles that way). The kind is guessed from the title; 報到, 休息 and 午餐 carry no
learning-hours credit.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass

from desktop.core.outcomes import agenda
from desktop.core.problems import CodedError

COLUMNS = ("起迄時間", "活動議程", "主講人")
# CLI --kind names (the issue's) → stored block kinds.
CLI_KINDS = {
    "lecture": "talk",
    "workshop": "group_discussion",
    "break": "break",
    "lunch": "lunch",
    "checkin": "check_in",
    "report": "group_report",
}
NO_CREDIT_KINDS = frozenset({"break", "lunch", "check_in"})
# First keyword found in the title decides the kind (order matters: 小組報告 before 小組).
TITLE_KINDS = (
    ("報到", "check_in"),
    ("午餐", "lunch"),
    ("休息", "break"),
    ("小組報告", "group_report"),
    ("小組討論", "group_discussion"),
    ("自我介紹", "introduction"),
    ("致詞", "opening"),
    ("開場", "opening"),
    ("案例", "case_sharing"),
    ("系統介紹", "demo"),
    ("綜合討論", "discussion"),
)
_SPAN = re.compile(r"^\s*(\d{1,2})[:：](\d{2})\s*[-–—~～至]\s*(\d{1,2})[:：](\d{2})\s*$")


class AgendaCsvError(CodedError):
    """The file cannot be read as an agenda; the message (and ``file``, ``row`` in the
    parameters) says where."""


@dataclass(frozen=True)
class AgendaLine:
    start: dt.time
    end: dt.time
    title: str
    speaker: str
    kind: str

    @property
    def counts_for_hours(self) -> bool:
        return self.kind not in NO_CREDIT_KINDS


def kind_of(title: str) -> str:
    return next((kind for word, kind in TITLE_KINDS if word in title), "talk")


def parse_span(text: str) -> tuple[dt.time, dt.time] | None:
    """``8:30-9:00`` → (08:30, 09:00); ``None`` when it is not a time span."""
    m = _SPAN.match(text)
    if not m:
        return None
    h0, m0, h1, m1 = (int(g) for g in m.groups())
    try:
        return dt.time(h0, m0), dt.time(h1, m1)
    except ValueError:
        return None


def decode(data: bytes) -> str:
    """UTF-8 (with or without BOM), else Big5 from older Excel."""
    for encoding in ("utf-8-sig", "cp950"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AgendaCsvError(agenda.AGENDA_NOT_TEXT)


def read_agenda(text: str, source: str = "") -> list[AgendaLine]:
    """The agenda lines of a CSV (comma or tab separated)."""
    first = text.lstrip().splitlines()[0] if text.strip() else ""
    dialect = "excel-tab" if "\t" in first else "excel"
    rows = list(csv.reader(io.StringIO(text), dialect=dialect))
    if not rows:
        raise AgendaCsvError(agenda.AGENDA_FILE_EMPTY, file=source)
    header = [c.strip() for c in rows[0]]
    missing = [c for c in COLUMNS[:2] if c not in header]
    if missing:
        raise AgendaCsvError(
            agenda.AGENDA_MISSING_COLUMNS,
            file=source,
            missing="、".join(missing),
            needed="、".join(COLUMNS),
        )
    at = {name: header.index(name) for name in COLUMNS if name in header}

    def cell(row: list[str], name: str) -> str:
        i = at.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    lines: list[AgendaLine] = []
    for number, row in enumerate(rows[1:], start=2):
        span_text, title = cell(row, "起迄時間"), cell(row, "活動議程")
        if not span_text and not title:
            continue
        if not span_text:
            if not lines:
                raise AgendaCsvError(agenda.AGENDA_NO_TIME, file=source, row=number)
            last = lines[-1]
            lines[-1] = AgendaLine(
                last.start,
                last.end,
                f"{last.title} {title}".strip(),
                last.speaker or cell(row, "主講人"),
                last.kind,
            )
            continue
        span = parse_span(span_text)
        if span is None or span[1] <= span[0]:
            raise AgendaCsvError(
                agenda.AGENDA_BAD_SPAN,
                file=source,
                row=number,
                value=span_text,
            )
        if not title:
            raise AgendaCsvError(agenda.AGENDA_NO_TITLE, file=source, row=number)
        lines.append(AgendaLine(span[0], span[1], title, cell(row, "主講人"), kind_of(title)))
    if not lines:
        raise AgendaCsvError(agenda.AGENDA_NO_ROWS, file=source)
    return lines
