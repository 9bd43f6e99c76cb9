"""The PB vote's results as a page of the compiled group report (PDF) and a sheet (XLSX).

A pure function of the closed vote's ``VoteState``: the ballot (method, budget), turnout,
votes per project as bars with the cost, and which projects each rule funds, with totals
against the budget. Nothing here can name a voter: the state holds only counts.
"""

from __future__ import annotations

from typing import Any

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from desktop.core.group_report import format_cost
from desktop.core.safe_cells import neutralise_formula
from desktop.core.text import clean_text
from desktop.core.vocabulary import VOTE_RULE_NAMES
from desktop.core.vote import Count, Method, Project, VoteState
from desktop.reports.fonts import paragraph_markup, register_main_font
from desktop.reports.pdfdoc import MARGIN, style

TITLE = "參與式預算投票結果"
# The rules by the names a Taiwanese PB practitioner reads (「貪婪法」 and 「均分法（Method of
# Equal Shares）」 were a programmer's words); the same in the window, the CLI and the .pb file.
GREEDY = VOTE_RULE_NAMES["greedy"]
EQUAL_SHARES = VOTE_RULE_NAMES["equal_shares"]
BAR = colors.HexColor("#4a7fb0")
FUNDED_BAR = colors.HexColor("#1f3b57")
GRID = colors.HexColor("#9aa5b1")


def method_text(state: VoteState) -> str:
    if state.method == Method.BASKET:
        return "預算籃（所選提案合計不超過預算）"
    if state.max_approvals:
        return f"勾選制（每人最多選 {state.max_approvals} 項）"
    return "勾選制（可選任意項）"


def turnout_text(state: VoteState) -> str:
    share = f"（{state.ballots / state.checked_in:.0%}）" if state.checked_in else ""
    return f"投票 {state.ballots} 張／已報到 {state.checked_in} 人{share}"


def funded_text(projects: tuple[Project, ...], funded: tuple[int, ...], budget: int) -> str:
    chosen = [p for p in projects if p.id in funded]
    spent = sum(p.cost for p in chosen)
    names = "、".join(f"{p.id}. {clean_text(p.title)}" for p in chosen) or "（無）"
    return f"{names}　合計 {format_cost(spent)}／預算 {format_cost(budget)}"


def ranked(state: VoteState, result: Count) -> list[Project]:
    """Most votes first (ties: ballot order), as the greedy rule reads them."""
    return sorted(state.on_ballot, key=lambda p: (-result.votes.get(p.id, 0), p.id))


def _bar(votes: int, most: int, funded: bool, width: float) -> Drawing:
    drawing = Drawing(width, 5 * mm)
    length = (width - 10 * mm) * votes / most if most else 0
    bar = Rect(0, 1 * mm, length, 3 * mm)
    # Set after construction: the stubs mistype Rect's keyword arguments.
    bar.fillColor = FUNDED_BAR if funded else BAR
    bar.strokeColor = None
    drawing.add(bar)
    drawing.add(
        String(length + 1.5 * mm, 1.4 * mm, str(votes), fontName=register_main_font(), fontSize=8)
    )
    return drawing


def pdf_story(state: VoteState) -> list[Flowable]:
    """The results page (the caller starts it on a new page); empty unless the vote closed."""
    result = state.result
    if result is None:
        return []
    h1 = style("vote-h1", 16, leading=21, spaceAfter=1 * mm, textColor=FUNDED_BAR)
    h2 = style(
        "vote-h2", 12.5, leading=17, spaceBefore=3.5 * mm, spaceAfter=1.2 * mm, textColor=FUNDED_BAR
    )
    body = style("vote-body", 10.5, leading=15)
    cell = style("vote-cell", 9, leading=12)
    width = 210 * mm - 2 * MARGIN
    story: list[Flowable] = [
        Paragraph(TITLE, h1),
        Paragraph(f"投票方式：{method_text(state)}　·　預算 {format_cost(state.budget)}", body),
        Paragraph(turnout_text(state), body),
        Paragraph("票數與經費", h2),
    ]
    bar_width = 52 * mm
    most = max(result.votes.values(), default=0)
    head = ["編號", "提案", "桌次", "經費", "票數", GREEDY, EQUAL_SHARES]
    rows: list[list[Any]] = [[Paragraph(h, cell) for h in head]]
    running = 0
    line_after: int | None = None
    for n, p in enumerate(ranked(state, result), start=1):
        running += p.cost
        if line_after is None and running > state.budget:
            line_after = n - 1  # the budget line: the vote-ordered costs pass the budget here
        rows.append(
            [
                Paragraph(str(p.id), cell),
                Paragraph(paragraph_markup(clean_text(p.title)), cell),
                Paragraph(p.table_label, cell),
                Paragraph(format_cost(p.cost), cell),
                _bar(result.votes.get(p.id, 0), most, p.id in result.greedy, bar_width),
                Paragraph("獲選" if p.id in result.greedy else "", cell),
                Paragraph("獲選" if p.id in result.equal_shares else "", cell),
            ]
        )
    fixed = 12 * mm + 18 * mm + 26 * mm + bar_width + 2 * 14 * mm
    table = Table(
        rows,
        colWidths=[12 * mm, width - fixed, 18 * mm, 26 * mm, bar_width, 14 * mm, 14 * mm],
        repeatRows=1,
    )
    commands: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.5, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8eef4")),
    ]
    if line_after is not None and line_after > 0:
        commands.append(("LINEBELOW", (0, line_after), (-1, line_after), 2, colors.red))
    table.setStyle(TableStyle(commands))
    story.append(table)
    story.append(
        Paragraph("紅線：依票數由高到低累加經費，到此超過預算。深色長條：票數優先法獲選。", cell)
    )
    story.append(Paragraph("兩種計票規則的結果", h2))
    story.append(Paragraph(f"<b>{GREEDY}</b>：依票數高低，逐項放入仍放得下的提案。", body))
    story.append(Paragraph(funded_text(state.on_ballot, result.greedy, state.budget), body))
    story.append(Spacer(1, 2 * mm))
    story.append(
        Paragraph(
            f"<b>{EQUAL_SHARES}</b>：每位投票者分得相同的一份預算，提案由支持者的份額合買；"
            "再以票數優先補足剩餘預算。",
            body,
        )
    )
    story.append(Paragraph(funded_text(state.on_ballot, result.equal_shares, state.budget), body))
    story.append(Paragraph("以 pabutools 計票；得票 0 的提案不予補助。", cell))
    return story


def add_xlsx_sheet(book: Any, state: VoteState) -> None:
    """A sheet 投票結果 (only once the vote is closed)."""
    result = state.result
    if result is None:
        return
    sheet = book.create_sheet("投票結果")
    sheet.append(["投票方式", method_text(state)])
    sheet.append(["預算(NT$)", state.budget])
    sheet.append(["投票張數", state.ballots])
    sheet.append(["已報到人數", state.checked_in])
    sheet.append([])
    sheet.append(
        ["編號", "提案", "桌次", "經費(NT$)", "票數", f"{GREEDY}獲選", f"{EQUAL_SHARES}獲選"]
    )
    for p in ranked(state, result):
        sheet.append(
            [
                p.id,
                neutralise_formula(clean_text(p.title)),
                p.table_label,
                p.cost,
                result.votes.get(p.id, 0),
                "是" if p.id in result.greedy else "",
                "是" if p.id in result.equal_shares else "",
            ]
        )
    for column, width in zip("ABCDEFG", (10, 36, 14, 14, 8, 12, 12), strict=True):
        sheet.column_dimensions[column].width = width
