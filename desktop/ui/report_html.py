"""One table's report as HTML for Qt's rich text (projector, revision preview), and
``html_text``: the one way text from outside (phones, imports) goes into a rich-text label.

Every other widget showing such text shows it as plain text (``Qt.TextFormat.PlainText``): a
proposal title like ``<img src="file:///...">`` must print as those characters, never load a
file from the desk's disk or paint 90 px red letters on the projector."""

from __future__ import annotations

from html import escape

from desktop.core.group_report import CRITERIA, CRITERION_LABELS, ReportContent, format_cost, points
from desktop.core.text import mask_name
from desktop.services.group_reports import TableInfo


def html_text(text: str) -> str:
    """``text`` from outside as it reads inside rich text: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br>")


def _e(text: str) -> str:
    return html_text(text.strip())


def report_html(
    table: TableInfo | None, content: ReportContent, *, public: bool = False, base_pt: float = 12
) -> str:
    """``public`` masks attendees' names (王○明) for the projector."""
    big, mid = base_pt * 1.5, base_pt * 1.15
    parts = [f"<div style='font-size:{base_pt}pt'>"]
    if table is not None:
        leader = f"　桌長 {_e(table.leader_name)}" if table.leader_name else ""
        parts.append(
            f"<p style='font-size:{big}pt; color:#1f3b57'><b>"
            f"{_e(table.name or f'第{table.number}桌')}</b>{leader}</p>"
        )
    if content.topic.strip():
        parts.append(f"<p style='font-size:{mid}pt'><b>主題：</b>{_e(content.topic)}</p>")
    present = content.present_members()
    if present:
        names = "、".join(_e(mask_name(m.name) if public else m.name) for m in present)
        parts.append(f"<p style='color:#555'>出席 {len(present)} 人：{names}</p>")
    for label, text, colour in (
        ("正面觀點", content.points_for, "#1b5e20"),
        ("反面觀點", content.points_against, "#b71c1c"),
    ):
        items = points(text)
        if items:
            parts.append(f"<p style='font-size:{mid}pt; color:{colour}'><b>{label}</b></p><ul>")
            parts.extend(f"<li>{_e(item)}</li>" for item in items)
            parts.append("</ul>")
    ranked = content.ranked_proposals()
    if ranked:
        parts.append(f"<p style='font-size:{mid}pt; color:#1f3b57'><b>提案</b></p>")
        for number, p in ranked:
            cost = format_cost(p.cost) or (_e(p.cost_text) if p.cost_text.strip() else "未估")
            votes = f"　<b>{p.votes} 票</b>" if p.votes is not None else ""
            marks = "　".join(f"{CRITERION_LABELS[c]} {escape(p.mark(c)) or '—'}" for c in CRITERIA)
            parts.append(
                f"<p style='margin-left:1em'><b>{number}. {_e(p.title) or '（未命名）'}</b>{votes}"
                f"<br>經費 {cost}　{marks}"
            )
            details = [
                (lbl, v)
                for lbl, v in (("問題", p.problem), ("地點", p.location), ("受益", p.beneficiaries))
                if v.strip()
            ]
            for lbl, v in details:
                parts.append(f"<br><span style='color:#444'>{lbl}：{_e(v)}</span>")
            parts.append("</p>")
    if content.ranking.strip():
        parts.append(f"<p><b>排序／投票：</b>{_e(content.ranking)}</p>")
    questions = points(content.open_questions)
    if questions:
        parts.append(f"<p style='font-size:{mid}pt'><b>待釐清問題</b></p><ul>")
        parts.extend(f"<li>{_e(q)}</li>" for q in questions)
        parts.append("</ul>")
    if content.feedback.strip():
        parts.append(
            f"<p style='background:#fdf6e3; font-size:{mid}pt'><b>講師回饋：</b>"
            f"{_e(content.feedback)}</p>"
        )
    if content.is_empty():
        parts.append("<p style='color:#777'>（尚未填寫）</p>")
    parts.append("</div>")
    return "".join(parts)
