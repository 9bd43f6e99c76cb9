"""小組討論成果彙整: every table's report of a session as one PDF, and as an XLSX workbook.

Both are pure functions of a ``ReportsBook`` (plain rows). The PDF has a cover page
(course, session, ROC date, venue, a one-line summary per table) and then one section per
table: members present, topic, points for and against, proposals with costs and feasibility,
ranking, open questions, the lecturer's feedback and the flip-chart photo.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.group_report import (
    CRITERIA,
    CRITERION_LABELS,
    CostError,
    Problem,
    Proposal,
    ReportContent,
    format_cost,
    parse_cost,
    points,
)
from desktop.core.rocdate import roc_date
from desktop.core.safe_cells import neutralise_formula
from desktop.core.text import clean_text
from desktop.core.vote import VoteState
from desktop.reports import vote_page
from desktop.reports.fonts import paragraph_markup, register_main_font
from desktop.reports.pdfdoc import MARGIN, build_pdf, style, title_style

TITLE = "小組討論成果彙整"


@dataclass(frozen=True)
class TableReport:
    """One table's report as the compilation prints it."""

    number: int
    name: str
    leader_name: str
    leader_unit: str
    content: ReportContent
    updated_at: dt.datetime | None
    photo: bytes | None
    photo_name: str
    problems: tuple[Problem, ...]


@dataclass(frozen=True)
class ReportsBook:
    """The session's compiled reports, and its closed PB vote for the results page."""

    event_name: str
    organiser: str
    session_name: str
    date: dt.date
    venue: str
    reports: tuple[TableReport, ...]
    vote: VoteState | None = None

    @property
    def filled(self) -> int:
        return sum(1 for r in self.reports if not r.content.is_empty())


PAGE_WIDTH = 210 * mm - 2 * MARGIN
GRID = colors.HexColor("#9aa5b1")
HEAD_BG = colors.HexColor("#e8eef4")
FEEDBACK_BG = colors.HexColor("#fdf6e3")


def _m(text: str) -> str:
    """Escaped for a Paragraph (fallback font for rare characters), line breaks kept; control
    characters of text stored before it was cleaned on entry are dropped here."""
    lines = clean_text(text, multiline=True).strip().split("\n")
    return "<br/>".join(paragraph_markup(line) for line in lines)


COVER_CHARS = 60  # of a table's name, leader or topic on the cover's one line per table


def _short(text: str) -> str:
    """The cover's summary of a long value: its start and an ellipsis (the table's own
    section prints it whole)."""
    text = " ".join(clean_text(text).split())
    return text if len(text) <= COVER_CHARS else text[: COVER_CHARS - 1] + "…"


class _Styles:
    def __init__(self) -> None:
        self.body = style("gr-body", 10.5, leading=15)
        self.small = style("gr-small", 9, leading=12, textColor=colors.HexColor("#555555"))
        self.label = style("gr-label", 10, leading=14, textColor=colors.HexColor("#1f3b57"))
        self.h1 = style(
            "gr-h1", 16, leading=21, spaceAfter=1 * mm, textColor=colors.HexColor("#1f3b57")
        )
        self.h2 = style(
            "gr-h2",
            12.5,
            leading=17,
            spaceBefore=3.5 * mm,
            spaceAfter=1.2 * mm,
            textColor=colors.HexColor("#1f3b57"),
        )
        self.cover_title = title_style(26)
        self.cover_line = style("gr-cover", 14, leading=22, alignment=1)
        self.cell = style("gr-cell", 9.5, leading=13)
        self.cell_head = style("gr-cellh", 9.5, leading=13, textColor=colors.HexColor("#1f3b57"))


def _grid(
    data: Sequence[list[Any]],  # a cell holds text, a flowable or a list of flowables
    widths: Sequence[float],
    *,
    head: bool = True,
    label_column: bool = False,
) -> Table:
    # splitInRow: a cell taller than a page (the longest text a field accepts, or a longer one
    # stored before the limits) continues on the next page instead of failing the whole PDF.
    table = Table(data, colWidths=list(widths), repeatRows=1 if head else 0, splitInRow=1)
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("FONTNAME", (0, 0), (-1, -1), register_main_font()),
    ]
    if head:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEAD_BG))
    if label_column:
        commands.append(("BACKGROUND", (0, 0), (0, -1), HEAD_BG))
    table.setStyle(TableStyle(commands))
    return table


def _cost_markup(p: Proposal) -> str:
    if not p.cost_text.strip():
        return "（未估）"
    try:
        amount = parse_cost(p.cost_text)
    except CostError:
        return f"{_m(p.cost_text)}（無法解讀為金額）"
    shown = format_cost(amount)
    typed = p.cost_text.strip()
    return shown if typed in (str(amount), shown) else f"{shown}（填寫：{_m(typed)}）"


def _cover(c: ReportsBook, st: _Styles, generated: dt.datetime) -> list[Flowable]:
    story: list[Flowable] = [
        Spacer(1, 30 * mm),
        Paragraph(_m(c.event_name), st.cover_line),
        Spacer(1, 4 * mm),
        Paragraph(TITLE, st.cover_title),
        Spacer(1, 6 * mm),
        Paragraph(_m(c.session_name), st.cover_line),
        Paragraph(roc_date(c.date, weekday=True), st.cover_line),
        Paragraph(_m(c.venue), st.cover_line),
        Spacer(1, 12 * mm),
    ]
    rows: list[list[Flowable | str]] = [
        [
            Paragraph(h, st.cell_head)
            for h in ("桌次", "桌長", "討論主題", "出席", "提案", "經費合計")
        ]
    ]
    for r in c.reports:
        content = r.content
        total = content.total_cost()
        proposals = [p for p in content.proposals if not p.is_blank()]
        rows.append(
            [
                Paragraph(_m(_short(r.name or f"第{r.number}桌")), st.cell),
                Paragraph(_m(_short(r.leader_name)), st.cell),
                Paragraph(
                    _m(_short(content.topic))
                    if content.topic.strip()
                    else ("（尚未填寫）" if content.is_empty() else "—"),
                    st.cell,
                ),
                Paragraph(str(len(content.present_members())) if content.members else "—", st.cell),
                Paragraph(str(len(proposals)), st.cell),
                Paragraph(format_cost(total) if total else "—", st.cell),
            ]
        )
    story.append(_grid(rows, [18 * mm, 24 * mm, 72 * mm, 14 * mm, 14 * mm, PAGE_WIDTH - 142 * mm]))
    story.append(Spacer(1, 6 * mm))
    story.append(
        Paragraph(
            f"主辦單位：{_m(c.organiser)}　·　共 {len(c.reports)} 桌，{c.filled} 桌已填寫"
            f"　·　彙整時間：{roc_date(generated.date())} {generated:%H:%M}",
            st.small,
        )
    )
    return story


def _bullets(text: str, st: _Styles) -> list[Flowable]:
    items = points(text)
    if not items:
        return [Paragraph("—", st.body)]
    return [Paragraph(f"•&nbsp;{_m(item)}", st.body) for item in items]


def _proposal_block(number: int, p: Proposal, rank: int | None, st: _Styles) -> Flowable:
    title = _m(p.title) if p.title.strip() else "（未命名）"
    tally = "，".join(
        x
        for x in (
            f"{p.votes} 票" if p.votes is not None else "",
            f"第 {rank} 名" if rank is not None else "",
        )
        if x
    )
    tally = f"（{tally}）" if tally else ""
    feas = "　".join(f"{CRITERION_LABELS[c]}&nbsp;{_m(p.mark(c)) or '—'}" for c in CRITERIA)
    rows: list[list[Flowable | str]] = [
        [
            Paragraph(f"提案 {number}", st.cell_head),
            Paragraph(f"{title}<font size=9 color='#1f3b57'>{tally}</font>", st.cell_head),
        ]
    ]
    for label, value in (("問題", p.problem), ("地點", p.location), ("受益對象", p.beneficiaries)):
        rows.append(
            [
                Paragraph(label, st.cell_head),
                Paragraph(_m(value) if value.strip() else "—", st.cell),
            ]
        )
    rows.append([Paragraph("估計經費", st.cell_head), Paragraph(_cost_markup(p), st.cell)])
    rows.append([Paragraph("可行性", st.cell_head), Paragraph(feas, st.cell)])
    table = _grid(rows, [22 * mm, PAGE_WIDTH - 22 * mm], label_column=True)
    return KeepTogether([table, Spacer(1, 2.5 * mm)])


def _photo(data: bytes, name: str, st: _Styles) -> list[Flowable]:
    try:
        from PIL import Image as PILImage
        from PIL import ImageOps

        with PILImage.open(io.BytesIO(data)) as im:
            im.load()  # decode it all here: a photo cut short must fail now, not in the PDF
            upright = ImageOps.exif_transpose(im)  # a phone photo taken upright stays upright
            width, height = upright.size
            turned = im.getexif().get(0x0112, 1) not in (0, 1)
            if turned or im.format not in ("JPEG", "PNG", "GIF"):
                buffer = io.BytesIO()
                if im.format == "JPEG":
                    upright.convert("RGB").save(buffer, "JPEG", quality=90)
                else:
                    upright.convert("RGB").save(buffer, "PNG")
                data = buffer.getvalue()
    except Exception:  # a damaged photo must not stop the compilation
        return [Paragraph(f"（照片「{_m(name)}」無法讀取）", st.small)]
    scale = min(PAGE_WIDTH / width, 110 * mm / height)
    image = Image(io.BytesIO(data), width=width * scale, height=height * scale)
    image.hAlign = "LEFT"
    return [KeepTogether([Paragraph("海報照片", st.h2), image, Paragraph(_m(name), st.small)])]


def _table_section(r: TableReport, st: _Styles) -> list[Flowable]:
    t, content = r, r.content
    leader = f"　桌長 {_m(t.leader_name)}" if t.leader_name else ""
    unit = f"（{_m(t.leader_unit)}）" if t.leader_unit else ""
    story: list[Flowable] = [Paragraph(f"{_m(t.name or f'第{t.number}桌')}{leader}{unit}", st.h1)]
    updated = f"最後更新 {r.updated_at:%H:%M}" if r.updated_at else "尚未填寫"
    story.append(Paragraph(updated, st.small))
    if content.is_empty() and not content.members and r.photo is None:
        story.append(Spacer(1, 6 * mm))
        story.append(Paragraph("（本桌尚未填寫報告）", st.body))
        return story
    present = content.present_members()
    names = "、".join(_m(m.name) for m in present) or (
        "—" if content.members else "（未填出席名單）"
    )
    story.append(Paragraph(f"出席成員（{len(present)} 人）", st.h2))
    story.append(Paragraph(names, st.body))
    story.append(Paragraph("討論主題", st.h2))
    story.append(Paragraph(_m(content.topic) if content.topic.strip() else "—", st.body))

    half = PAGE_WIDTH / 2
    pro_con = _grid(
        [
            [
                Paragraph("正面觀點（贊成）", st.cell_head),
                Paragraph("反面觀點（疑慮）", st.cell_head),
            ],
            [_bullets(content.points_for, st), _bullets(content.points_against, st)],
        ],
        [half, half],
    )
    story.append(Paragraph("重點", st.h2))
    story.append(pro_con)

    ranked = content.ranked_proposals()
    rank_of = {}
    if any(p.votes is not None for _, p in ranked):
        rank_of = {i: n for n, (i, p) in enumerate(ranked, start=1) if p.votes is not None}
    proposals = [(i, p) for i, p in enumerate(content.proposals, start=1) if not p.is_blank()]
    total = content.total_cost()
    story.append(CondPageBreak(40 * mm))
    heading = (
        f"提案（{len(proposals)} 案" + (f"，經費合計 {format_cost(total)}" if total else "") + "）"
    )
    story.append(Paragraph(heading, st.h2))
    if not proposals:
        story.append(Paragraph("—", st.body))
    for i, p in proposals:
        story.append(_proposal_block(i, p, rank_of.get(i), st))
    if content.ranking.strip():
        story.append(Paragraph("排序／投票說明", st.h2))
        story.append(Paragraph(_m(content.ranking), st.body))
    story.append(Paragraph("待釐清問題", st.h2))
    story.extend(_bullets(content.open_questions, st))
    feedback = Table(
        [[Paragraph(_m(content.feedback) if content.feedback.strip() else "—", st.body)]],
        colWidths=[PAGE_WIDTH],
        splitInRow=1,
    )
    feedback.setStyle(
        TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), FEEDBACK_BG),
                ("BOX", (0, 0), (-1, -1), 0.5, colors.HexColor("#d9c89e")),
                ("LEFTPADDING", (0, 0), (-1, -1), 6),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    story.append(KeepTogether([Paragraph("講師回饋", st.h2), feedback]))
    if r.photo:
        story.extend(_photo(r.photo, r.photo_name, st))
    return story


def write_pdf(
    c: ReportsBook, target: Path | io.BytesIO, *, generated: dt.datetime | None = None
) -> None:
    st = _Styles()
    story = _cover(c, st, generated or dt.datetime.now())
    for r in c.reports:
        story.append(PageBreak())
        story.extend(_table_section(r, st))
    results = vote_page.pdf_story(c.vote) if c.vote is not None else []
    if results:
        story.append(PageBreak())
        story.extend(results)
    build_pdf(
        story,
        title=f"{TITLE}－{c.session_name}",
        target=target,
        header=f"{c.event_name}　{TITLE}　{c.session_name}",
    )


# --- XLSX --------------------------------------------------------------------------------------


def safe_cell(value: object) -> object:
    """A cell's value as the workbook may hold it: text without the control characters XML
    (and openpyxl) refuses — what was stored before text was cleaned on entry still exports —
    and never run as a formula (``neutralise_formula``)."""
    if isinstance(value, str):
        return neutralise_formula(clean_text(value, multiline=True))
    return value


def write_xlsx(c: ReportsBook, target: Path | io.BytesIO) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    tables = book.active
    tables.title = "各桌"
    tables.append(
        [
            safe_cell(x)
            for x in (
                "桌次",
                "桌長",
                "桌長單位",
                "出席人數",
                "出席成員",
                "討論主題",
                "正面觀點",
                "反面觀點",
                "排序／投票說明",
                "待釐清問題",
                "講師回饋",
                "提案數",
                "經費合計(NT$)",
                "照片",
                "最後更新",
                "待確認",
            )
        ]
    )
    props = book.create_sheet("提案")
    props.append(
        [
            "桌次",
            "提案序",
            "名次",
            "提案名稱",
            "問題",
            "地點",
            "受益對象",
            "估計經費(NT$)",
            "經費（填寫）",
            *(CRITERION_LABELS[k] for k in CRITERIA),
            "票數",
        ]
    )
    for r in c.reports:
        content = r.content
        present = content.present_members()
        proposals = [(i, p) for i, p in enumerate(content.proposals, start=1) if not p.is_blank()]
        tables.append(
            [
                safe_cell(x)
                for x in (
                    r.number,
                    r.leader_name,
                    r.leader_unit,
                    len(present),
                    "、".join(m.name for m in present),
                    content.topic,
                    content.points_for,
                    content.points_against,
                    content.ranking,
                    content.open_questions,
                    content.feedback,
                    len(proposals),
                    content.total_cost() or None,
                    r.photo_name,
                    r.updated_at.strftime("%Y-%m-%d %H:%M") if r.updated_at else "",
                    "；".join(p.message for p in r.problems),
                )
            ]
        )
        ranks = {
            i: n
            for n, (i, p) in enumerate(content.ranked_proposals(), start=1)
            if p.votes is not None
        }
        for i, p in proposals:
            props.append(
                [
                    safe_cell(x)
                    for x in (
                        r.number,
                        i,
                        ranks.get(i),
                        p.title,
                        p.problem,
                        p.location,
                        p.beneficiaries,
                        p.cost,
                        p.cost_text,
                        *(p.mark(k) for k in CRITERIA),
                        p.votes,
                    )
                ]
            )
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="E8EEF4")
    for sheet, widths in (
        (tables, [6, 10, 22, 8, 40, 30, 40, 40, 30, 30, 40, 8, 14, 16, 17, 30]),
        (props, [6, 7, 6, 24, 36, 20, 20, 14, 16, 8, 8, 10, 6]),
    ):
        for cell in sheet[1]:
            cell.font, cell.fill = bold, fill
        for index, width in enumerate(widths, start=1):
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = width
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                cell.alignment = Alignment(wrap_text=True, vertical="top")
        sheet.freeze_panes = "A2"
    for row in props.iter_rows(min_row=2, min_col=8, max_col=8):
        for cell in row:
            cell.number_format = "#,##0"
    for row in tables.iter_rows(min_row=2, min_col=13, max_col=13):
        for cell in row:
            cell.number_format = "#,##0"
    if c.vote is not None:
        vote_page.add_xlsx_sheet(book, c.vote)
    book.save(target)
