"""Display names of stored codes (statuses, agenda kinds), translated for the screen."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from desktop.core.vocabulary import BLOCK_KIND_NAMES, CHANGE_REASONS, CONTEXT, STATUS_NAMES


def status_label(status: str) -> str:
    return QCoreApplication.translate(CONTEXT, STATUS_NAMES.get(status, status))


def change_reason_label(reason: str) -> str:
    return QCoreApplication.translate(CONTEXT, CHANGE_REASONS.get(reason, reason))


def block_kind_label(kind: str) -> str:
    return QCoreApplication.translate(CONTEXT, BLOCK_KIND_NAMES.get(kind, kind))


def scale_label(label: str) -> str:
    """One answer of the questionnaire's 5-point scale (``desktop.core.survey.SCALE_LABELS``)."""
    return QCoreApplication.translate(CONTEXT, label)


def yes_no(value: bool) -> str:
    if value:
        return QCoreApplication.translate(CONTEXT, "是")
    return QCoreApplication.translate(CONTEXT, "否")
