"""Outcomes (``desktop.core.outcomes``) and refusals (``desktop.core.problems.CodedError``) in
the window's language.

An outcome is translated when it is shown, so it follows the language loaded at start-up; an
error that is not a ``CodedError`` (a bug) is shown as it is.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication

from desktop.core import hours
from desktop.core.importing import FIELD_LABELS
from desktop.core.problems import OUTCOME_CONTEXT, CodedError, Outcome, Term
from desktop.core.vocabulary import CONTEXT as VOCABULARY

translate = QCoreApplication.translate  # translate("messages", "…"): lupdate finds the literal


def field_label(field: str) -> str:
    """The window's name for an import field (``desktop.core.importing.FIELD_LABELS``)."""
    return translate("vocabulary", FIELD_LABELS[field])


def reasons_text(reasons: Sequence[str]) -> str:
    """A person's hours reasons (``desktop.core.hours.Reason`` codes) in the window's words:
    the same entries the PDFs print (``hours.REASON_LABELS``), translated."""
    return translate("messages", "、").join(
        translate(VOCABULARY, hours.REASON_LABELS.get(r, r)) for r in reasons
    )


def rule_text(rule: str, schedule: str) -> str:
    """Which rule decided a person's hours (``desktop.core.hours.Rule``), and on which
    schedule, in the window's words: the review list's 依據 column."""
    text = translate(VOCABULARY, hours.RULE_LABELS.get(rule, rule))
    if hours.rule_shows_schedule(rule, schedule):
        return translate("messages", "{rule}（{schedule}）").format(
            rule=text, schedule=translate(VOCABULARY, hours.SCHEDULE_LABELS[schedule])
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
