"""上課名單: the admitted list published 7 days before a session, as PDF and XLSX.

It carries no ID numbers, phone numbers or e-mail addresses: 序號, 姓名, 服務機關, 單位, 職稱.
Names can be masked (王○明) for a list put on a public web page. In the XLSX, text that a
spreadsheet would run as a formula (starting with ``= + - @``, or a tab/carriage return) gets
a leading apostrophe, so a name typed as ``=HYPERLINK(...)`` in the online form stays text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop.core.rocdate import roc_date
from desktop.core.safe_cells import neutralise_formula
from desktop.core.text import mask_name
from desktop.reports.fonts import paragraph_markup, register_main_font
from desktop.reports.pdfdoc import build_pdf, style, title_style

HEADERS = ("序號", "姓名", "服務機關", "單位", "職稱")


class NamedEvent(Protocol):
    @property
    def name(self) -> str: ...


class ListedSession(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def date(self) -> dt.date: ...
    @property
    def start_time(self) -> dt.time: ...
    @property
    def end_time(self) -> dt.time: ...
    @property
    def venue(self) -> str: ...


class RosterPerson(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def agency(self) -> str: ...
    @property
    def unit(self) -> str: ...
    @property
    def title(self) -> str: ...


@dataclass(frozen=True)
class ListRow:
    number: int
    name: str
    agency: str
    unit: str
    title: str


def list_rows(roster: Sequence[RosterPerson], *, mask_names: bool = False) -> list[ListRow]:
    """Numbered rows from roster rows (anything with name/agency/unit/title), in queue order."""
    ordered = sorted(roster, key=lambda r: getattr(r, "queue", 0))
    return [
        ListRow(i, mask_name(r.name) if mask_names else r.name, r.agency, r.unit, r.title)
        for i, r in enumerate(ordered, start=1)
    ]


def heading(event: NamedEvent, session: ListedSession) -> tuple[str, str]:
    title = f"{event.name}　上課名單"
    sub = (
        f"{session.name}　{roc_date(session.date, weekday=True)}"
        f"　{session.start_time:%H:%M}–{session.end_time:%H:%M}　{session.venue}"
    )
    return title, sub


def write_pdf(target: Path, title: str, subtitle: str, rows: Sequence[ListRow]) -> None:
    cell = style("cell", 10.5, leading=13)
    data = [[Paragraph(h, cell) for h in HEADERS]]
    for r in rows:
        data.append(
            [Paragraph(str(r.number), cell)]
            + [Paragraph(paragraph_markup(v), cell) for v in (r.name, r.agency, r.unit, r.title)]
        )
    widths = [14 * mm, 30 * mm, 62 * mm, 44 * mm, 30 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONTNAME", (0, 0), (-1, -1), register_main_font()),
                ("GRID", (0, 0), (-1, -1), 0.5, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F7F7F7")]),
            ]
        )
    )
    story = [
        Paragraph(paragraph_markup(title), title_style(16)),
        Paragraph(paragraph_markup(subtitle), style("sub", 11, alignment=1)),
        Paragraph(f"錄取 {len(rows)} 人（依報名先後）", style("count", 10, alignment=1)),
        Spacer(1, 4 * mm),
        table,
    ]
    build_pdf(story, title=title, target=target, header=subtitle)


def write_xlsx(target: Path, title: str, subtitle: str, rows: Sequence[ListRow]) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = "上課名單"
    sheet.append([neutralise_formula(title)])
    sheet.append([neutralise_formula(subtitle)])
    sheet.append(list(HEADERS))
    for r in rows:
        sheet.append(
            [r.number] + [neutralise_formula(v) for v in (r.name, r.agency, r.unit, r.title)]
        )
    sheet["A1"].font = Font(bold=True, size=14)
    for c in sheet[3]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="E8EEF4")
        c.alignment = Alignment(horizontal="center")
    for column, width in zip("ABCDE", (7, 12, 30, 20, 14), strict=True):
        sheet.column_dimensions[column].width = width
    sheet.freeze_panes = "A4"
    book.save(target)


def write_admitted_list(
    target: Path,
    event: NamedEvent,
    session: ListedSession,
    roster: Sequence[RosterPerson],
    *,
    mask_names: bool = False,
    fmt: str = "",
) -> int:
    """Write the list as ``fmt`` ``pdf`` or ``xlsx`` (by default: by the suffix of
    ``target``); returns the row count."""
    rows = list_rows(roster, mask_names=mask_names)
    title, subtitle = heading(event, session)
    if (fmt or target.suffix.lower().lstrip(".")) == "xlsx":
        write_xlsx(target, title, subtitle, rows)
    else:
        write_pdf(target, title, subtitle, rows)
    return len(rows)
