"""Display names of stored codes (statuses, agenda kinds), translatable in one place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _t(text: str) -> str:
    return QCoreApplication.translate("labels", text)


def status_label(status: str) -> str:
    return {
        "admitted": _t("已錄取"),
        "waitlisted": _t("候補"),
        "cancelled": _t("已取消"),
        "walk_in": _t("現場報名"),
    }.get(status, status)


def block_kind_label(kind: str) -> str:
    return {
        "check_in": _t("報到"),
        "opening": _t("開場"),
        "introduction": _t("自我介紹"),
        "talk": _t("演講"),
        "group_discussion": _t("小組討論"),
        "group_report": _t("小組報告"),
        "break": _t("休息"),
        "lunch": _t("午餐"),
        "case_sharing": _t("案例分享"),
        "demo": _t("系統介紹"),
        "discussion": _t("綜合討論"),
    }.get(kind, kind)


def yes_no(value: bool) -> str:
    return _t("是") if value else _t("否")
