"""One table's report as HTML for Qt's rich text (projector, revision preview), and
``html_text``: the one way text from outside (phones, imports) goes into a rich-text label.

Every other widget showing such text shows it as plain text (``Qt.TextFormat.PlainText``): a
proposal title like ``<img src="file:///...">`` must print as those characters, never load a
file from the desk's disk or paint 90 px red letters on the projector."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QCoreApplication

from desktop.core.group_report import CRITERIA, Proposal, ReportContent, format_cost, points
from desktop.core.text import mask_name
from desktop.services.group_reports import TableInfo
from desktop.ui.labels import criterion_label, table_label

translate = QCoreApplication.translate  # translate("report_html", "…"): lupdate finds the literal


def html_text(text: str) -> str:
    """``text`` from outside as it reads inside rich text: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br>")


def _e(text: str) -> str:
    return html_text(text.strip())


def report_html(
    table: TableInfo | None, content: ReportContent, *, public: bool = False, base_pt: float = 12
) -> str:
    """``public`` masks attendees' names (王○明) for the projector. Headings are in the
    interface's language; what the table wrote stays as written."""
    big, mid = base_pt * 1.5, base_pt * 1.15
    parts = [f"<div style='font-size:{base_pt}pt'>"]
    if table is not None:
        heading = f"<b>{_e(table_label(table.number, table.name, ''))}</b>"
        if table.leader_name:
            heading = translate("report_html", "{table}　桌長 {leader}").format(
                table=heading, leader=_e(table.leader_name)
            )
        parts.append(f"<p style='font-size:{big}pt; color:#1f3b57'>{heading}</p>")
    if content.topic.strip():
        topic = translate("report_html", "主題：")
        parts.append(f"<p style='font-size:{mid}pt'><b>{topic}</b>{_e(content.topic)}</p>")
    present = content.present_members()
    if present:
        names = translate("report_html", "、").join(
            _e(mask_name(m.name) if public else m.name) for m in present
        )
        line = translate("report_html", "出席 {count} 人：{names}").format(
            count=len(present), names=names
        )
        parts.append(f"<p style='color:#555'>{line}</p>")
    for label, text, colour in (
        (translate("report_html", "正面觀點"), content.points_for, "#1b5e20"),
        (translate("report_html", "反面觀點"), content.points_against, "#b71c1c"),
    ):
        items = points(text)
        if items:
            parts.append(f"<p style='font-size:{mid}pt; color:{colour}'><b>{label}</b></p><ul>")
            parts.extend(f"<li>{_e(item)}</li>" for item in items)
            parts.append("</ul>")
    ranked = content.ranked_proposals()
    if ranked:
        proposals = translate("report_html", "提案")
        parts.append(f"<p style='font-size:{mid}pt; color:#1f3b57'><b>{proposals}</b></p>")
        for number, p in ranked:
            parts.append(_proposal_html(number, p))
    if content.ranking.strip():
        ranking = translate("report_html", "排序／投票：")
        parts.append(f"<p><b>{ranking}</b>{_e(content.ranking)}</p>")
    questions = points(content.open_questions)
    if questions:
        heading = translate("report_html", "待釐清問題")
        parts.append(f"<p style='font-size:{mid}pt'><b>{heading}</b></p><ul>")
        parts.extend(f"<li>{_e(q)}</li>" for q in questions)
        parts.append("</ul>")
    if content.feedback.strip():
        feedback = translate("report_html", "講師回饋：")
        parts.append(
            f"<p style='background:#fdf6e3; font-size:{mid}pt'><b>{feedback}</b>"
            f"{_e(content.feedback)}</p>"
        )
    if content.is_empty():
        empty = translate("report_html", "（尚未填寫）")
        parts.append(f"<p style='color:#777'>{empty}</p>")
    parts.append("</div>")
    return "".join(parts)


def _proposal_html(number: int, p: Proposal) -> str:
    cost = format_cost(p.cost) or (
        _e(p.cost_text) if p.cost_text.strip() else translate("report_html", "未估")
    )
    votes = (
        "　<b>" + translate("report_html", "{votes} 票").format(votes=p.votes) + "</b>"
        if p.votes is not None
        else ""
    )
    marks = "　".join(f"{criterion_label(c)} {escape(p.mark(c)) or '—'}" for c in CRITERIA)
    title = _e(p.title) or translate("report_html", "（未命名）")
    budget = translate("report_html", "經費 {cost}").format(cost=cost)
    parts = [f"<p style='margin-left:1em'><b>{number}. {title}</b>{votes}<br>{budget}　{marks}"]
    for label, value in (
        (translate("report_html", "問題"), p.problem),
        (translate("report_html", "地點"), p.location),
        (translate("report_html", "受益"), p.beneficiaries),
    ):
        if value.strip():
            line = translate("report_html", "{label}：{text}").format(label=label, text=_e(value))
            parts.append(f"<br><span style='color:#444'>{line}</span>")
    parts.append("</p>")
    return "".join(parts)
