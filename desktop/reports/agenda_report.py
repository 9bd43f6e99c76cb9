"""Planned versus actual times of a session's agenda, as a PDF and as a CSV for the organiser."""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer, Table, TableStyle

from desktop.core.agenda_actual import PlanActualRow
from desktop.core.rocdate import roc_date
from desktop.core.safe_cells import neutralise_formula
from desktop.core.vocabulary import BLOCK_KIND_NAMES
from desktop.reports.fonts import paragraph_markup, register_main_font
from desktop.reports.pdfdoc import build_pdf, style, title_style

CSV_HEADER = [
    "序號",
    "議程",
    "類型",
    "主講人",
    "計入時數",
    "原定開始",
    "原定結束",
    "調整後開始",
    "調整後結束",
    "實際開始",
    "實際結束",
    "原定分鐘",
    "實際分鐘",
    "差異分鐘",
    "開始延遲分鐘",
]


def _hm(value: dt.datetime | None) -> str:
    return f"{value:%H:%M}" if value else ""


def _hms(value: dt.datetime | None) -> str:
    return f"{value:%H:%M:%S}" if value else ""


def _num(value: float | None, signed: bool = False) -> str:
    if value is None:
        return ""
    rounded = round(value, 1)
    text = f"{rounded:+g}" if signed else f"{rounded:g}"
    return "0" if text in ("+0", "-0") else text


def csv_rows(rows: Sequence[PlanActualRow]) -> list[list[str]]:
    """Rows of the CSV; the typed text (title, speaker) is neutralised against spreadsheet
    formulas, while the signed minute differences (+9, -3) stay numbers."""
    return [
        [
            str(r.position),
            neutralise_formula(r.title),
            BLOCK_KIND_NAMES.get(r.kind, r.kind),
            neutralise_formula(r.speaker),
            "是" if r.counts_for_hours else "否",
            _hms(r.original_start),
            _hms(r.original_end),
            _hms(r.planned_start),
            _hms(r.planned_end),
            _hms(r.actual_start),
            _hms(r.actual_end),
            _num(r.planned_minutes),
            _num(r.actual_minutes),
            _num(r.length_difference_minutes, signed=True),
            _num(r.start_delay_minutes, signed=True),
        ]
        for r in rows
    ]


@dataclass(frozen=True)
class AgendaHeading:
    course: str  # the course (event) name, printed before the session's
    session: str
    day: dt.date
    venue: str


def write_csv(rows: Sequence[PlanActualRow], target: Path) -> None:
    """UTF-8 with BOM (Excel opens it as Chinese)."""
    with target.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(CSV_HEADER)
        writer.writerows(csv_rows(rows))


def write_pdf(rows: Sequence[PlanActualRow], heading: AgendaHeading, target: Path) -> None:
    font = register_main_font()
    cell = style("cell", 8.5, leading=10.5)
    head = ["#", "議程", "類型", "原定", "實際", "原定\n分鐘", "實際\n分鐘", "差異", "延遲"]
    data: list[list[object]] = [[*head]]
    for r in rows:
        original = f"{_hm(r.original_start)}–{_hm(r.original_end)}"
        if (r.planned_start, r.planned_end) != (r.original_start, r.original_end):
            original += f"\n→{_hm(r.planned_start)}–{_hm(r.planned_end)}"
        actual = f"{_hm(r.actual_start)}–{_hm(r.actual_end)}" if r.actual_start else "未進行"
        title = paragraph_markup(r.title) + (
            f"<br/><font size=7>{paragraph_markup(r.speaker)}</font>" if r.speaker else ""
        )
        kind = BLOCK_KIND_NAMES.get(r.kind, r.kind) + ("" if r.counts_for_hours else "\n不計時數")
        data.append(
            [
                str(r.position),
                Paragraph(title, cell),
                kind,
                original,
                actual,
                _num(r.planned_minutes),
                _num(r.actual_minutes),
                _num(r.length_difference_minutes, signed=True),
                _num(r.start_delay_minutes, signed=True),
            ]
        )
    widths = [8 * mm, 58 * mm, 17 * mm, 25 * mm, 23 * mm, 12 * mm, 12 * mm, 12 * mm, 12 * mm]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 8.5),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (5, 1), (-1, -1), "RIGHT"),
            ]
        )
    )
    done = [r for r in rows if r.actual_start and r.actual_end]
    first = min((r.actual_start for r in done if r.actual_start), default=None)
    last = max((r.actual_end for r in done if r.actual_end), default=None)
    planned_first = min((r.original_start for r in rows), default=None)
    planned_last = max((r.original_end for r in rows), default=None)
    summary = (
        f"原定 {_hm(planned_first)}–{_hm(planned_last)}；實際 {_hm(first)}–{_hm(last)}"
        f"；已進行 {len(done)} / {len(rows)} 段"
    )
    story = [
        Paragraph("議程預定與實際時間", title_style()),
        Paragraph(
            paragraph_markup(
                f"{heading.course}　{heading.session}" if heading.course else heading.session
            ),
            style("sub", 11, alignment=1),
        ),
        Paragraph(
            f"{roc_date(heading.day, weekday=True)}　{paragraph_markup(heading.venue)}",
            style("sub2", 10, alignment=1),
        ),
        Spacer(1, 4 * mm),
        Paragraph(summary, style("summary", 10)),
        Spacer(1, 3 * mm),
        table,
        Spacer(1, 3 * mm),
        Paragraph(
            "差異＝實際分鐘−原定分鐘；延遲＝實際開始−原定開始（分鐘）。"
            "「→」為執行中順延或吸收後的時間。",
            style("note", 8),
        ),
    ]
    build_pdf(
        story,
        title=f"議程預定與實際時間 {heading.session}",
        target=target,
        header=f"研習報到台　{heading.session}",
    )
