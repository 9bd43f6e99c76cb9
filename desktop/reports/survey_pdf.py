"""The course questionnaire's results (課後問卷結果): a PDF with a bar chart per item (reportlab's
own graphics), the distribution, means, the response rate and the comments; an XLSX with the
summary and the anonymous responses. One session, or the course's sessions side by side
(grouped bars, one colour per session)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.rocdate import roc_date
from desktop.core.safe_cells import neutralise_formula
from desktop.core.survey import SCALE_LABELS, Item, ItemResult, Kind
from desktop.reports.fonts import paragraph_markup, register_main_font
from desktop.reports.pdfdoc import build_pdf, style, title_style

SERIES_COLOURS = (
    colors.HexColor("#2F6DB5"),
    colors.HexColor("#E08A1E"),
    colors.HexColor("#3A9A5B"),
)
CHART_WIDTH = 160 * mm


@dataclass(frozen=True)
class SessionResults:
    """One session's closed questionnaire, as the report prints it."""

    session: str
    date: dt.date
    responses: int
    checked_in: int
    results: tuple[ItemResult, ...]
    answers: tuple[Mapping[str, Any], ...]  # the anonymous responses, in the stored order

    @property
    def rate_text(self) -> str:
        if not self.checked_in:
            return f"{self.responses} 份（無人報到）"
        return f"{self.responses} / {self.checked_in} 份（{self.responses / self.checked_in:.0%}）"


def _mean_text(mean: float | None) -> str:
    return "—" if mean is None else f"{mean:.2f}"


def _items(sessions: Sequence[SessionResults]) -> list[Item]:
    """Every item of every session, in the first session's order, then the others' extras."""
    seen: dict[str, Item] = {}
    for s in sessions:
        for r in s.results:
            seen.setdefault(r.item.id, r.item)
    return list(seen.values())


def _result(session: SessionResults, item_id: str) -> ItemResult | None:
    return next((r for r in session.results if r.item.id == item_id), None)


def _count_label(value: float) -> str:
    """A bar's count at its end; an empty bar says nothing (a column of 0s hides the bars)."""
    return f"{value:.0f}" if value else ""


def bar_chart(item: Item, sessions: Sequence[SessionResults]) -> Drawing:
    """Horizontal bars of the five answers (非常滿意 on top), one series per session."""
    series = [(_result(s, item.id) or None) for s in sessions]
    data = [tuple(r.counts) if r is not None else (0, 0, 0, 0, 0) for r in series]
    rows = len(SCALE_LABELS) * len(sessions)
    height = 22 + rows * (13 if len(sessions) == 1 else 9) + (14 if len(sessions) > 1 else 0)
    drawing = Drawing(CHART_WIDTH, height)
    chart = HorizontalBarChart()
    chart.x, chart.y = 62, 16
    chart.width = CHART_WIDTH - 90  # type: ignore[assignment]  # stubs say int; any number works
    chart.height = height - 20 - (14 if len(sessions) > 1 else 0)
    # reportlab draws the first category at the bottom: reverse so 非常滿意 is on top.
    chart.data = [tuple(reversed(d)) for d in data]
    chart.categoryAxis.categoryNames = list(reversed(SCALE_LABELS))
    chart.categoryAxis.labels.fontName = register_main_font()
    chart.categoryAxis.labels.fontSize = 8
    chart.categoryAxis.labels.dx = -4
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    most = max((max(d) for d in data), default=0)
    chart.valueAxis.valueMax = max(most, 1)
    chart.valueAxis.valueStep = max(1, (most + 4) // 5)
    chart.valueAxis.labels.fontName = register_main_font()
    chart.valueAxis.labels.fontSize = 7
    chart.barLabelFormat = _count_label
    chart.barLabels.fontName = register_main_font()
    chart.barLabels.fontSize = 7
    chart.barLabels.boxAnchor = "w"
    chart.barLabels.dx = 3
    chart.groupSpacing = 3
    for index in range(len(sessions)):
        chart.bars[index].fillColor = SERIES_COLOURS[index % len(SERIES_COLOURS)]
        chart.bars[index].strokeColor = None
    drawing.add(chart)
    if len(sessions) > 1:
        legend = Legend()
        legend.fontName = register_main_font()
        legend.fontSize = 8
        legend.x, legend.y = 62, height - 4
        legend.alignment = "right"
        legend.columnMaximum = 1
        legend.dx = legend.dy = 7
        legend.deltax = 90
        legend.colorNamePairs = [
            (SERIES_COLOURS[i % len(SERIES_COLOURS)], s.session) for i, s in enumerate(sessions)
        ]
        drawing.add(legend)
    return drawing


def _summary_table(items: Sequence[Item], sessions: Sequence[SessionResults]) -> Table:
    font = register_main_font()
    cell = style("survey-cell", 9, wordWrap="CJK")
    header = ["題目", *[f"{s.session}\n平均（人數）" for s in sessions]]
    data: list[list[Any]] = [header]
    for item in items:
        if item.kind != Kind.SCALE:
            continue
        row: list[Any] = [Paragraph(paragraph_markup(item.text), cell)]
        for s in sessions:
            r = _result(s, item.id)
            row.append("—" if r is None else f"{_mean_text(r.mean)}（{r.answered}）")
        data.append(row)
    data.append(["回收率", *[s.rate_text for s in sessions]])
    first = 70 * mm if len(sessions) > 1 else 110 * mm
    rest = (170 * mm - first) / len(sessions)
    table = Table(data, colWidths=[first] + [rest] * len(sessions), repeatRows=1)
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), font, 9),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8EEF4")),
                ("ALIGN", (1, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
        )
    )
    return table


def _distribution(item: Item, sessions: Sequence[SessionResults]) -> Paragraph:
    parts = []
    for s in sessions:
        r = _result(s, item.id)
        if r is None:
            continue
        counts = "、".join(f"{label} {n}" for label, n in zip(SCALE_LABELS, r.counts, strict=True))
        prefix = f"{s.session}：" if len(sessions) > 1 else ""
        parts.append(
            f"{prefix}{counts}；平均 {_mean_text(r.mean)}（5 = 非常滿意，{r.answered} 人作答）"
        )
    return Paragraph(
        paragraph_markup("\n".join(parts)).replace("\n", "<br/>"),
        style("dist", 9, wordWrap="CJK", spaceAfter=2 * mm),
    )


def _comments(item: Item, sessions: Sequence[SessionResults]) -> list[Flowable]:
    body = style("comment", 10, wordWrap="CJK", leftIndent=4 * mm, spaceAfter=1.5 * mm)
    story: list[Flowable] = [
        Paragraph(
            paragraph_markup(item.text), style("h2", 12, spaceBefore=3 * mm, spaceAfter=2 * mm)
        )
    ]
    for s in sessions:
        r = _result(s, item.id)
        texts = r.texts if r is not None else ()
        if len(sessions) > 1:
            story.append(
                Paragraph(paragraph_markup(f"{s.session}（{len(texts)} 則）"), style("h3", 10))
            )
        if not texts:
            story.append(Paragraph("（沒有人填寫）", body))
        story.extend(Paragraph(paragraph_markup(f"・{t}"), body) for t in texts)
    return story


def write_pdf(target: Path, course: str, sessions: Sequence[SessionResults]) -> None:
    """The results of one session or of several side by side."""
    items = _items(sessions)
    heading = "、".join(f"{s.session} {roc_date(s.date)}" for s in sessions)
    story: list[Flowable] = [
        Paragraph(paragraph_markup(f"{course} 課後問卷結果"), title_style(16)),
        Paragraph(paragraph_markup(heading), style("sub", 10, alignment=1, spaceAfter=4 * mm)),
        _summary_table(items, sessions),
        Spacer(1, 5 * mm),
    ]
    number = 0
    for item in items:
        if item.kind != Kind.SCALE:
            continue
        number += 1
        story.append(
            KeepTogether(
                [
                    Paragraph(
                        paragraph_markup(f"{number}. {item.text}"),
                        style("h2", 11, spaceBefore=3 * mm, spaceAfter=1 * mm),
                    ),
                    bar_chart(item, sessions),
                    _distribution(item, sessions),
                ]
            )
        )
    open_items = [i for i in items if i.kind == Kind.TEXT]
    if open_items:
        story.append(CondPageBreak(60 * mm))
        story.append(Paragraph("開放意見", style("h1", 14, spaceBefore=6 * mm, spaceAfter=2 * mm)))
        for item in open_items:
            story.extend(_comments(item, sessions))
    build_pdf(story, title=f"{course} 課後問卷結果", target=target, header=f"{course} 課後問卷")


def write_xlsx(target: Path, course: str, sessions: Sequence[SessionResults]) -> None:
    """摘要 (counts and means per item, per session) and one sheet of anonymous responses per
    session; every typed text is neutralised against spreadsheet formulas."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    items = _items(sessions)
    book = Workbook()
    summary = book.active
    summary.title = "摘要"
    summary.append([neutralise_formula(f"{course} 課後問卷結果")])
    summary.append(["場次", "題目", *SCALE_LABELS, "平均（5 = 非常滿意）", "作答人數"])
    for s in sessions:
        for item in items:
            r = _result(s, item.id)
            if r is None or item.kind != Kind.SCALE:
                continue
            summary.append(
                [
                    neutralise_formula(s.session),
                    neutralise_formula(item.text),
                    *r.counts,
                    r.mean,
                    r.answered,
                ]
            )
    summary.append([])
    summary.append(["場次", "回收份數", "報到人數", "回收率"])
    for s in sessions:
        rate = round(s.responses / s.checked_in, 4) if s.checked_in else None
        summary.append([neutralise_formula(s.session), s.responses, s.checked_in, rate])
    summary["A1"].font = Font(bold=True, size=14)
    summary.column_dimensions["B"].width = 30
    for s in sessions:
        sheet = book.create_sheet(_sheet_name(s.session, book.sheetnames))
        session_items = [r.item for r in s.results]
        sheet.append(["序號", *[neutralise_formula(i.text) for i in session_items]])
        for number, answers in enumerate(s.answers, start=1):
            sheet.append([number, *[neutralise_formula(answers.get(i.id)) for i in session_items]])
        sheet.freeze_panes = "B2"
    book.save(target)


def _sheet_name(session: str, taken: Sequence[str]) -> str:
    bad = set("[]:*?/\\")
    base = "".join("_" if c in bad else c for c in f"回覆 {session}")[:28]
    name, n = base, 2
    while name in taken:
        name, n = f"{base[:26]}_{n}", n + 1
    return name
