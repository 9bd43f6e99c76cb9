"""zh-TW names of stored codes, for paper, exports and (translated) screens.

``QT_TRANSLATE_NOOP`` (``desktop.core.problems``: an identity function with the name
pyside6-lupdate looks for) brings these strings to the translation files while core stays free
of Qt. Screens show them through ``desktop.ui.labels`` (translated); PDFs and CSV files use
them as they are, because the documents are Chinese government paper whatever the screen
language.
"""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP

CONTEXT = "vocabulary"

STATUS_NAMES = {
    "admitted": QT_TRANSLATE_NOOP("vocabulary", "已錄取"),
    "waitlisted": QT_TRANSLATE_NOOP("vocabulary", "候補"),
    "cancelled": QT_TRANSLATE_NOOP("vocabulary", "已取消"),
    "walk_in": QT_TRANSLATE_NOOP("vocabulary", "現場報名"),
}

BLOCK_KIND_NAMES = {
    "check_in": QT_TRANSLATE_NOOP("vocabulary", "報到"),
    "opening": QT_TRANSLATE_NOOP("vocabulary", "開場"),
    "introduction": QT_TRANSLATE_NOOP("vocabulary", "自我介紹"),
    "talk": QT_TRANSLATE_NOOP("vocabulary", "演講"),
    "group_discussion": QT_TRANSLATE_NOOP("vocabulary", "小組討論"),
    "group_report": QT_TRANSLATE_NOOP("vocabulary", "小組報告"),
    "break": QT_TRANSLATE_NOOP("vocabulary", "休息"),
    "lunch": QT_TRANSLATE_NOOP("vocabulary", "午餐"),
    "case_sharing": QT_TRANSLATE_NOOP("vocabulary", "案例分享"),
    "demo": QT_TRANSLATE_NOOP("vocabulary", "系統介紹"),
    "discussion": QT_TRANSLATE_NOOP("vocabulary", "綜合討論"),
}

# The PB vote's two counting rules (desktop.core.vote: greedy by votes, Method of Equal Shares).
VOTE_RULE_NAMES = {
    "greedy": QT_TRANSLATE_NOOP("vocabulary", "票數優先法"),
    "equal_shares": QT_TRANSLATE_NOOP("vocabulary", "平等份額法"),
}

# Why a status changed (desktop.core.admission's reason codes).
CHANGE_REASONS = {
    "seat_free": QT_TRANSLATE_NOOP("vocabulary", "依報名先後有名額"),
    "session_changed": QT_TRANSLATE_NOOP("vocabulary", "報名改到此場次"),
}
