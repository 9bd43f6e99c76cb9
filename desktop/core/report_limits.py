"""What may be typed into a group report: each field's length, how many proposals and members
a report holds, and the refusal naming the field (``report_field_too_long``).

The longest accepted value of each field lays out across pages in the compiled PDF; the
leader's page and the desk's form say the limit where it is typed. A longer text stored before
the limits existed is kept and exported whole: only what a save changes is checked.
"""

from __future__ import annotations

from desktop.core.group_report import CRITERIA, CRITERION_LABELS
from desktop.core.outcomes import group_reports as words
from desktop.core.problems import CodedError

# Characters a field may hold.
LINE_LIMIT = 200
TEXT_LIMIT = 2000
FIELD_LIMITS = {
    "topic": 300,
    "points_for": TEXT_LIMIT,
    "points_against": TEXT_LIMIT,
    "ranking": TEXT_LIMIT,
    "open_questions": TEXT_LIMIT,
    "feedback": TEXT_LIMIT,
    "title": LINE_LIMIT,
    "problem": TEXT_LIMIT,
    "location": LINE_LIMIT,
    "beneficiaries": LINE_LIMIT,
    "cost_text": 100,
    "name": 100,  # a member
    **dict.fromkeys(CRITERIA, 20),  # a feasibility mark (○ △ × or 1–5; unknown ones are kept)
}
MAX_PROPOSALS = 30
MAX_MEMBERS = 100


class FieldTooLong(CodedError):
    """A field longer than its limit (``field``: where, e.g. ``proposals.0.problem``)."""


def too_long(where: str, text: str) -> FieldTooLong | None:
    """The refusal for ``text`` typed into the field at ``where`` (a report JSON path), if it
    is over the field's limit."""
    limit = FIELD_LIMITS.get(where.rsplit(".", 1)[-1])
    if limit is None or len(text) <= limit:
        return None
    label = field_name(where)
    return FieldTooLong(
        words.FIELD_TOO_LONG,
        field=where,
        label=label,
        limit=limit,
        length=len(text),
    )


_FIELD_NAMES = {
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
    "name": "姓名",
    **CRITERION_LABELS,
}


def field_name(where: str) -> str:
    """``proposals.0.title`` → ``提案 1 名稱``; ``members.2.present`` → ``成員 3 出席``."""
    words: list[str] = []
    parts = where.split(".")
    for i, part in enumerate(parts):
        if part.isdigit() and words:
            words[-1] += f" {int(part) + 1}"
        elif part == "proposals":
            words.append("提案")
        elif part == "members":
            words.append("成員")
        elif part != "feasibility" or i == len(parts) - 1:
            words.append(_FIELD_NAMES.get(part, part))
    return " ".join(words)
