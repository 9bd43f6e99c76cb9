"""Group report fields as a person reads them, for the same-field conflict chooser."""

from __future__ import annotations

from desktop.core.group_report import CRITERION_LABELS

_FIELD_LABELS = {
    "topic": "討論主題",
    "points_for": "正面觀點",
    "points_against": "反面觀點",
    "ranking": "排序或投票結果",
    "open_questions": "待釐清問題",
    "feedback": "講師回饋",
    "title": "名稱",
    "problem": "問題",
    "location": "地點",
    "beneficiaries": "受益對象",
    "cost_text": "經費",
    "votes": "票數",
    "present": "出席",
    **{c: label for c, label in CRITERION_LABELS.items()},
}


def field_label(key: str) -> str:
    """``proposals.0.title`` → ``提案 1 名稱``; ``members.2.present`` → ``成員 3 出席``."""
    parts = key.split(".")
    words = []
    for i, part in enumerate(parts):
        if part.isdigit():
            words[-1] += f" {int(part) + 1}"
        elif part == "proposals":
            words.append("提案")
        elif part == "members":
            words.append("成員")
        elif part != "feasibility" or i == len(parts) - 1:
            words.append(_FIELD_LABELS.get(part, part))
    return " ".join(words)


def shown_value(value: object) -> str:
    return "（空白）" if value in (None, "") else str(value)
