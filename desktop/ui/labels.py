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


def table_label(number: int, name: str, leader: str) -> str:
    """A table in a picker or heading: its own name when the organiser gave one, else 「第 n
    桌」 in the interface's language, and its leader (English: "Table 3 · leader 林佳穎")."""
    default = f"第{number}桌"
    shown = (
        name
        if name and name.replace(" ", "") != default
        else QCoreApplication.translate("labels", "第 {n} 桌").format(n=number)
    )
    if not leader:
        return shown
    return QCoreApplication.translate("labels", "{table}　桌長 {leader}").format(
        table=shown, leader=leader
    )


def yes_no(value: bool) -> str:
    # The context spelled out: lupdate reads only a literal one (with ``CONTEXT`` the English
    # interface showed 是/否).
    if value:
        return QCoreApplication.translate("vocabulary", "是")
    return QCoreApplication.translate("vocabulary", "否")
