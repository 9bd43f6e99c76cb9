"""Outcomes (``desktop.core.outcomes``) and refusals (``desktop.core.problems.CodedError``) in
the window's language.

An outcome is translated when it is shown, so it follows the language loaded at start-up; an
error that is not a ``CodedError`` (a bug) is shown as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from desktop.core.importing import FIELD_LABELS
from desktop.core.problems import OUTCOME_CONTEXT, CodedError, Outcome, Term

translate = QCoreApplication.translate  # translate("messages", "…"): lupdate finds the literal


def field_label(field: str) -> str:
    """The window's name for an import field (``desktop.core.importing.FIELD_LABELS``)."""
    return translate("vocabulary", FIELD_LABELS[field])


def reasons_text(reasons: Sequence[str]) -> str:
    """A person's hours reasons (``desktop.core.hours.Reason`` codes) in the window's words."""
    labels = {
        "absent": translate("messages", "未出席"),
        "late_arrival": translate("messages", "遲到"),
        "early_leave": translate("messages", "早退"),
        "left_during": translate("messages", "中途離席"),
        "missing_sign_out": translate("messages", "未簽退"),
        "missing_sign_in": translate("messages", "未簽到"),
        "no_id": translate("messages", "無有效身分證字號"),
        "not_requested": translate("messages", "未申請時數"),
        "adjusted": translate("messages", "已調整"),
        "no_agenda": translate("messages", "無計時數議程"),
        "not_session_day": translate("messages", "非場次日期報到（不計時數）"),
    }
    return translate("messages", "、").join(labels.get(r, r) for r in reasons)


def rule_text(rule: str, schedule: str) -> str:
    """Which rule decided a person's hours (``desktop.core.hours.Rule``), and on which
    schedule, in the window's words: the review list's 依據 column."""
    rules = {
        "full_attendance": translate("messages", "全勤：核給課程時數"),
        "attended_time": translate("messages", "依在場時間計"),
        "absent": translate("messages", "未出席"),
        "no_agenda": translate("messages", "無計時數議程"),
        "adjusted": translate("messages", "人工調整"),
    }
    schedules = {
        "announced": translate("messages", "依公告時間"),
        "actual": translate("messages", "依實際時間"),
    }
    text = rules.get(rule, rule)
    if rule in ("full_attendance", "attended_time") and schedule in schedules:
        return translate("messages", "{rule}（{schedule}）").format(
            rule=text, schedule=schedules[schedule]
        )
    return text


def word(outcome: Outcome, **params: object) -> str:
    """``outcome``'s sentence in the window's language, with the names it quotes from a
    vocabulary (``Term``) in that language too."""
    shown = {
        key: translate(value.context, value) if isinstance(value, Term) else value
        for key, value in params.items()
    }
    return translate(OUTCOME_CONTEXT, outcome.text).format(**shown)


def error_text(exc: BaseException) -> str:
    """What to show for a refusal: its code (or each of its problems) worded in the window's
    language."""
    if isinstance(exc, CodedError):
        return translate("messages", "；").join(word(p.outcome, **p.params) for p in exc.problems)
    return str(exc)
