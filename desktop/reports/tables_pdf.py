"""Paper for the tables: tent cards (桌牌), each leader's roster, and the seating overview.

Content is a pure function of ``TablesSheet`` (plain rows); every PDF embeds the bundled Kai
font through ``pdfdoc.build_pdf``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from desktop.core.rocdate import roc_date
from desktop.reports.fonts import paragraph_markup, register_main_font
from desktop.reports.pdfdoc import build_pdf, style, title_style


@dataclass(frozen=True)
class MemberRow:
    name: str
    agency: str
    unit: str
    title: str
    is_leader: bool = False


@dataclass(frozen=True)
class TableRow:
    number: int
    name: str
    capacity: int
    leader_name: str
    leader_unit: str
    leader_contact: str
    members: tuple[MemberRow, ...]


@dataclass(frozen=True)
class TablesSheet:
    session: str
    date_text: str  # 108年3月15日（星期五）
    venue: str
    tables: tuple[TableRow, ...]
    course: str = ""


def sheet_from(session, view, course: str = "") -> TablesSheet:  # type: ignore[no-untyped-def]
    """From a ``SessionInfo`` and a ``seating.SeatingView``."""
    return TablesSheet(
        session=session.name,
        date_text=roc_date(session.date, weekday=True),
        venue=session.venue,
        course=course,
        tables=tuple(
            TableRow(
                number=t.number,
                name=t.name,
                capacity=t.capacity,
                leader_name=t.leader_name,
                leader_unit=t.leader_unit,
                leader_contact=t.leader_contact,
                members=tuple(
                    MemberRow(m.name, m.agency, m.unit, m.title, m.is_leader) for m in t.members
                ),
            )
            for t in view.tables
        ),
    )


# ---------------------------------------------------------------- tent cards


def leader_steps(number: int) -> tuple[str, ...]:
    """How a leader gets onto the table's report page over the venue Wi-Fi (桌號代碼 is
    ``desktop.services.venue.table_code``, the table number)."""
    return (
        f"小組報告可用手機填寫：桌號代碼 {number}，請向報到台掃描「第 {number} 桌桌長 QR」",
        "1. 手機連上場地 Wi-Fi。",
        f"2. 到報到台，用手機相機掃描螢幕上的「第 {number} 桌桌長 QR」，"
        "報告頁就會打開（不需安裝 App）。",
        "3. 邊打邊自動儲存；畫面上方顯示「已儲存」與時間。"
        "斷線時內容留在手機上，恢復連線後自動送出。",
        "4. 這個 QR 只給桌長：掃到它的手機可以修改本桌報告。手機遺失請告訴報到台撤銷。",
    )


def _fit(text: str, font: str, size: float, width: float) -> float:
    """The largest size ≤ ``size`` at which ``text`` fits ``width``."""
    actual = stringWidth(text, font, size)
    return size if actual <= width else size * width / actual


class TentCard(Flowable):
    """One folded tent card filling the page: the bottom half reads upright, the top half is
    the same text turned 180° so that, folded along the middle, it reads from both sides."""

    def __init__(self, table: TableRow, footer: str) -> None:
        super().__init__()
        self.table = table
        self.footer = footer

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, avail_height - 1
        return self.width, self.height

    def _face(self, half: float) -> None:
        """Draw one face centred on the origin; ``half`` is the face's height."""
        c = self.canv
        font = register_main_font()
        width = self.width - 20 * mm
        number = f"第 {self.table.number} 桌"
        # Measured from the face's centre; the fold (the top edge of a standing card) is at
        # +half/2. Sizes are fractions of the face so any page size keeps the proportions.
        size = _fit(number, font, 0.40 * half, width)
        c.setFont(font, size)
        c.drawCentredString(0, -0.06 * half, number)
        if self.table.leader_name:
            leader = f"桌長　{self.table.leader_name}"
            c.setFont(font, _fit(leader, font, 0.15 * half, width))
            c.drawCentredString(0, -0.32 * half, leader)
        if self.table.leader_unit:
            c.setFont(font, _fit(self.table.leader_unit, font, 0.075 * half, width))
            c.setFillColor(colors.HexColor("#444444"))
            c.drawCentredString(0, -0.42 * half, self.table.leader_unit)
            c.setFillColor(colors.black)
        # The card is printed days before the venue's address is known: it names the table
        # code only; the secret that lets a phone write comes from the desk on the day.
        how = leader_steps(self.table.number)[0]
        c.setFont(font, _fit(how, font, 0.045 * half, width))
        c.setFillColor(colors.HexColor("#444444"))
        c.drawCentredString(0, -0.485 * half, how)
        c.setFillColor(colors.black)
        if self.footer:
            c.setFont(font, _fit(self.footer, font, 11, width))
            c.setFillColor(colors.HexColor("#666666"))
            c.drawCentredString(0, 0.40 * half, self.footer)
            c.setFillColor(colors.black)

    def draw(self) -> None:
        c = self.canv
        w, h = self.width, self.height
        half = h / 2
        c.saveState()
        c.translate(w / 2, half / 2)
        self._face(half)
        c.restoreState()
        c.saveState()
        c.translate(w / 2, half + half / 2)
        c.rotate(180)
        self._face(half)
        c.restoreState()
        c.saveState()
        c.setDash(4, 4)
        c.setStrokeColor(colors.HexColor("#999999"))
        c.line(0, half, w, half)
        c.setFont(register_main_font(), 8)
        c.setFillColor(colors.HexColor("#999999"))
        c.drawString(2 * mm, half + 1.5 * mm, "沿虛線對摺")
        c.restoreState()


def tent_cards(sheet: TablesSheet, target: Path | BytesIO) -> None:
    story: list[Flowable] = []
    footer = f"{sheet.course}　{sheet.session}".strip()
    for i, table in enumerate(sheet.tables):
        if i:
            story.append(PageBreak())
        story.append(TentCard(table, footer))
    build_pdf(
        story, title=f"桌牌 {sheet.session}", target=target, pagesize=landscape(A4), margins=10 * mm
    )


# ---------------------------------------------------------------- rosters


def _grid(
    data: Sequence[list[Any]],
    widths: Sequence[float],
    *,
    header: bool = True,
    heights: float | None = None,
) -> Table:
    table = Table(data, colWidths=list(widths), rowHeights=heights, repeatRows=1 if header else 0)
    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), register_main_font(), 11),
        ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#555555")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    if header:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#E8E8E8")))
    table.setStyle(TableStyle(commands))
    return table


def rosters(sheet: TablesSheet, target: Path | BytesIO) -> None:
    """One page per table for its leader: members with agency and title, a check-in tick, room
    for notes beside every name and below the list."""
    cell = style("cell", 10.5, leading=13)
    small = style("small", 11, leading=15)
    steps = style("steps", 10.5, leading=14, wordWrap="CJK")  # break inside long Chinese lines
    story: list[Flowable] = []
    page_width = A4[0] - 30 * mm
    for i, table in enumerate(sheet.tables):
        if i:
            story.append(PageBreak())
        heading = f"第 {table.number} 桌　小組名單"
        story.append(Paragraph(paragraph_markup(heading), title_style(20)))
        story.append(
            Paragraph(
                paragraph_markup(
                    f"{sheet.course}　{sheet.session}　{sheet.date_text}　{sheet.venue}".strip()
                ),
                small,
            )
        )
        leader = f"桌長：{table.leader_name or '（未定）'}"
        if table.leader_unit:
            leader += f"（{table.leader_unit}）"
        if table.leader_contact:
            leader += f"　聯絡：{table.leader_contact}"
        story.append(Paragraph(paragraph_markup(leader), small))
        story.append(
            Paragraph(
                paragraph_markup(f"本桌 {len(table.members)} 人（容量 {table.capacity} 人）"), small
            )
        )
        story.append(Spacer(1, 4 * mm))
        data: list[list[object]] = [["序", "姓名", "服務機關", "單位", "職稱", "出席", "備註"]]
        for n, m in enumerate(table.members, start=1):
            name = m.name + ("（桌長）" if m.is_leader else "")
            data.append(
                [
                    str(n),
                    Paragraph(paragraph_markup(name), cell),
                    Paragraph(paragraph_markup(m.agency), cell),
                    Paragraph(paragraph_markup(m.unit), cell),
                    Paragraph(paragraph_markup(m.title), cell),
                    "□",
                    "",
                ]
            )
        for _ in range(max(table.capacity - len(table.members), 0) + 1):  # rows for walk-ins
            data.append(["", "", "", "", "", "", ""])
        widths = [9 * mm, 24 * mm, 46 * mm, 24 * mm, 20 * mm, 12 * mm]
        widths.append(page_width - sum(widths))
        story.append(_grid(data, widths, heights=None))
        story.append(Spacer(1, 4 * mm))
        for line in leader_steps(table.number):
            story.append(Paragraph(paragraph_markup(line), steps))
        notes = [["討論紀錄／備註"]] + [[""] for _ in range(7)]
        story.append(Spacer(1, 6 * mm))
        story.append(KeepTogether(_grid(notes, [page_width], heights=9 * mm)))
    build_pdf(
        story, title=f"各桌名單 {sheet.session}", target=target, header=f"{sheet.session}　各桌名單"
    )


# ---------------------------------------------------------------- overview


def overview(sheet: TablesSheet, target: Path | BytesIO) -> None:
    """All tables on landscape pages: three tables side by side, leader and members."""
    head = style("head", 12, leading=15)
    line = style("line", 9.5, leading=12)
    story: list[Flowable] = [
        Paragraph(paragraph_markup(f"分桌總覽　{sheet.session}"), title_style(18)),
        Paragraph(
            paragraph_markup(f"{sheet.course}　{sheet.date_text}　{sheet.venue}".strip()),
            style("sub", 11, alignment=TA_CENTER, spaceAfter=4 * mm),
        ),
    ]
    page_width = landscape(A4)[0] - 30 * mm
    columns = 3
    cells: list[list[Flowable]] = []
    for table in sheet.tables:
        content: list[Flowable] = [
            Paragraph(
                paragraph_markup(
                    f"第 {table.number} 桌　桌長 {table.leader_name or '—'}　"
                    f"（{len(table.members)}/{table.capacity} 人）"
                ),
                head,
            )
        ]
        for m in table.members:
            content.append(Paragraph(paragraph_markup(f"{m.name}　{m.agency}"), line))
        cells.append(content)
    rows = [cells[i : i + columns] for i in range(0, len(cells), columns)]
    if rows:
        rows[-1] += [[] for _ in range(columns - len(rows[-1]))]
        # A table of many people with long agencies is taller than a page: its cell goes on
        # over the next page instead of failing the whole document (LayoutError).
        grid = Table(rows, colWidths=[page_width / columns] * columns, splitInRow=1)
        grid.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), register_main_font(), 10),
                    ("GRID", (0, 0), (-1, -1), 0.5, colors.HexColor("#777777")),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("TOPPADDING", (0, 0), (-1, -1), 4),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        story.append(grid)
    build_pdf(
        story,
        title=f"分桌總覽 {sheet.session}",
        target=target,
        pagesize=landscape(A4),
        header=f"{sheet.session}　分桌總覽",
    )
