"""Display names of stored codes (statuses, agenda kinds), translated for the screen."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QLocale

from desktop.core.rocdate import roc_date
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


def tables_label(numbers: tuple[int, ...]) -> str:
    """Tables by number (a merged proposal's several): 「第 1 桌、第 3 桌」, "Table 1, Table 3"."""
    separator = QCoreApplication.translate("labels", "、")
    return separator.join(
        QCoreApplication.translate("labels", "第 {n} 桌").format(n=n) for n in numbers
    )


def criterion_label(criterion: str) -> str:
    """A proposal's feasibility criterion (``desktop.core.group_report.CRITERIA``)."""
    return {
        "public": QCoreApplication.translate("labels", "公共性"),
        "legal": QCoreApplication.translate("labels", "適法性"),
        "budget": QCoreApplication.translate("labels", "預算可行性"),
    }[criterion]


def day_label(day: dt.date) -> str:
    """A session's day with its weekday: the ROC date in zh-TW (「108年3月15日（星期五）」),
    an English date in the English interface (it showed the ROC date too)."""
    app = QCoreApplication.instance()
    if app is not None and app.property("workshopDeskLanguage") == "en":
        return QLocale(QLocale.Language.English).toString(
            QDate(day.year, day.month, day.day), "ddd d MMMM yyyy"
        )
    return roc_date(day, weekday=True)


ORGANISER_AUTHOR = "主辦單位"  # who saved a report from the desk, as stored
LEADER_AUTHOR = "桌長 "  # a table leader's saves are stored as 「桌長 <name>」


def author_label(author: str) -> str:
    """Who saved a report revision, in the interface's language (the stored 「主辦單位」
    showed as "Edited by 主辦單位" in English); a person's name stays as it is."""
    if author == ORGANISER_AUTHOR:
        return QCoreApplication.translate("labels", "主辦單位")
    if author.startswith(LEADER_AUTHOR):
        name = author.removeprefix(LEADER_AUTHOR)
        return QCoreApplication.translate("labels", "桌長 {name}").format(name=name)
    return author


def yes_no(value: bool) -> str:
    # The context spelled out: lupdate reads only a literal one (with ``CONTEXT`` the English
    # interface showed 是/否).
    if value:
        return QCoreApplication.translate("vocabulary", "是")
    return QCoreApplication.translate("vocabulary", "否")


def with_detail(text: str, detail: str) -> str:
    """``text`` with a detail after it in the interface's punctuation: 「林佳穎（宜蘭縣政府）」,
    "林佳穎 (宜蘭縣政府)" in English (full-width brackets built in code showed in English)."""
    return QCoreApplication.translate("labels", "{text}（{detail}）").format(
        text=text, detail=detail
    )
