"""簽到表: the blank sign-in sheet for wet signatures (no ID numbers).

The course, session, date and venue are rows of the table repeated on every page (a page
that strays from the stack still says which day it is), and blank numbered rows at the end
take walk-ins.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Table, TableStyle

from desktop.reports.cells import cell_style, para
from desktop.reports.docparts import Heading, clipped
from desktop.reports.fonts import Fallback, register_main_font
from desktop.reports.pdfdoc import build_pdf, title_style

COLUMNS = ("序號", "機關", "單位", "職稱", "姓名", "簽到", "簽退", "備註", "桌號")
WIDTHS_MM = (10, 38, 24, 18, 24, 22, 22, 12, 10)  # 180 mm: A4 less 15 mm margins
ROW_HEIGHT = 12.5 * mm
PADDING = 2  # points, left and right of a cell
V_PADDING = 3  # points, above and below (reportlab's default)
BLANK_ROWS = 5  # numbered empty rows for walk-ins
# The 12 mm 備註 column holds a short note (素食, 輪椅); a long remark (import accepts 500
# characters) would make one row taller than the page. As many lines as the longest agency.
REMARK_CHARS = 30


@dataclass(frozen=True)
class SignInRow:
    agency: str
    unit: str
    title: str
    name: str
    table: int | None = None
    remark: str = ""


def heading_story(
    heading: Heading, title: str, fallback: Fallback | None = None
) -> list[Paragraph]:
    sub = cell_style("sub", 11, alignment=TA_CENTER, leading=15)
    return [
        para(f"{heading.course}　{title}", title_style(17), fallback),
        para(f"場次：{heading.session}　日期：{heading.when()}", sub, fallback),
        para(f"地點：{heading.venue}", sub, fallback),
        Paragraph("", cell_style("gap", 4)),
    ]


def _row_height(cells: Sequence[object], widths: list[float]) -> float:
    """Room for a signature (``ROW_HEIGHT``), taller when a long agency, unit or title wraps
    to more lines than fit (the text would run over the grid lines)."""
    needed = 0.0
    for cell, width in zip(cells, widths, strict=True):
        if isinstance(cell, Paragraph):
            _, height = cell.wrap(width - 2 * PADDING, 1000)
            needed = max(needed, height + 2 * V_PADDING)
    return max(ROW_HEIGHT, needed)


def build_signin_sheet(
    heading: Heading,
    rows: Sequence[SignInRow],
    target: Path | BytesIO,
    *,
    fallback: Fallback | None = None,
    blank_rows: int = BLANK_ROWS,
) -> None:
    head = cell_style("head", 10, alignment=TA_CENTER)
    small = cell_style("cell", 9.5, leading=11.5)
    name = cell_style("name", 12, leading=14)
    center = cell_style("center", 10, alignment=TA_CENTER)
    sub = cell_style("sub", 11, alignment=TA_CENTER, leading=15)
    blank: list[object] = [""] * (len(COLUMNS) - 1)
    data: list[list[object]] = [
        [para(f"{heading.course}　簽到表", title_style(17), fallback)] + blank,
        [
            [
                para(f"場次：{heading.session}　日期：{heading.when()}", sub, fallback),
                para(f"地點：{heading.venue}", sub, fallback),
            ]
        ]
        + blank,
        [Paragraph(c, head) for c in COLUMNS],
    ]
    titles = len(data) - 1
    for number, r in enumerate(rows, start=1):
        data.append(
            [
                Paragraph(str(number), center),
                para(r.agency, small, fallback),
                para(r.unit, small, fallback),
                para(r.title, small, fallback),
                para(r.name, name, fallback),
                "",
                "",
                para(clipped(r.remark, REMARK_CHARS), small, fallback),
                Paragraph("" if r.table is None else str(r.table), center),
            ]
        )
    for number in range(len(rows) + 1, len(rows) + blank_rows + 1):
        data.append([Paragraph(str(number), center)] + blank)
    widths = [w * mm for w in WIDTHS_MM]
    heights = [None, None, 9 * mm] + [_row_height(row, widths) for row in data[titles + 1 :]]
    table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=titles + 1)
    table.setStyle(
        TableStyle(
            [
                (
                    "FONTNAME",
                    (0, 0),
                    (-1, -1),
                    register_main_font(),
                ),  # else empty cells use Helvetica
                ("SPAN", (0, 0), (-1, 0)),
                ("SPAN", (0, 1), (-1, 1)),
                ("GRID", (0, titles), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, titles), (-1, titles), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
            ]
        )
    )
    build_pdf(
        [table],
        title=f"{heading.course} {heading.session} 簽到表",
        target=target,
        header=f"{heading.organiser}　{heading.session}簽到表",
    )
