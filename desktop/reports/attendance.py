"""出席紀錄: who came, their sign-in and sign-out times and the credited hours."""

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
from desktop.reports.docparts import Heading
from desktop.reports.fonts import Fallback, register_main_font
from desktop.reports.pdfdoc import build_pdf
from desktop.reports.portal_csv import hours_text
from desktop.reports.signin_sheet import heading_story

COLUMNS = ("序號", "機關", "單位", "姓名", "簽到", "簽退", "時數", "說明")
WIDTHS_MM = (10, 40, 24, 22, 16, 16, 12, 40)


@dataclass(frozen=True)
class AttendanceRow:
    agency: str
    unit: str
    name: str
    ins: tuple[str, ...]  # "08:52", one per sign-in
    outs: tuple[str, ...]  # "15:31" or "—" (no sign-out), aligned with ``ins``
    hours: float
    note: str  # reasons in words, "" when complete
    table: int | None = None


def build_attendance(
    heading: Heading,
    rows: Sequence[AttendanceRow],
    target: Path | BytesIO,
    *,
    course_hours: float,
    fallback: Fallback | None = None,
) -> None:
    head = cell_style("head", 10, alignment=TA_CENTER)
    small = cell_style("cell", 9.5, leading=11.5)
    center = cell_style("center", 10, alignment=TA_CENTER, leading=12)
    data = [[Paragraph(c, head) for c in COLUMNS]]
    present = sum(1 for r in rows if r.ins)
    for number, r in enumerate(rows, start=1):
        data.append(
            [
                Paragraph(str(number), center),
                para(r.agency, small, fallback),
                para(r.unit, small, fallback),
                para(r.name, cell_style("n", 11), fallback),
                Paragraph("<br/>".join(r.ins) or "—", center),
                Paragraph("<br/>".join(r.outs) or "—", center),
                Paragraph(hours_text(r.hours), center),
                para(r.note, small, fallback),
            ]
        )
    table = Table(data, colWidths=[w * mm for w in WIDTHS_MM], repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                (
                    "FONTNAME",
                    (0, 0),
                    (-1, -1),
                    register_main_font(),
                ),  # else empty cells use Helvetica
                ("GRID", (0, 0), (-1, -1), 0.6, colors.black),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                ("TOPPADDING", (0, 1), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
            ]
        )
    )
    summary = cell_style("summary", 10.5, alignment=TA_CENTER, leading=16)
    story = heading_story(heading, "出席紀錄", fallback) + [
        *([Paragraph(heading.times(), summary)] if heading.times() else []),
        Paragraph(
            f"課程時數 {hours_text(course_hours)} 小時　名單 {len(rows)} 人　出席 {present} 人",
            summary,
        ),
        table,
    ]
    build_pdf(
        story,
        title=f"{heading.course} {heading.session} 出席紀錄",
        target=target,
        header=f"{heading.organiser}　{heading.session}出席紀錄",
    )
