"""Tables and seating: setting up a session's tables (``desktop.services.table_setup``) and
seating people at them (``desktop.services.seating``), both raising ``SeatingError``, and the
``tables`` command's own refusals (``desktop.cli.tables``)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("tables")

# Setting up tables.
BAD_TABLE_COUNT = WORDS(
    "bad_table_count", QT_TRANSLATE_NOOP("messages", "桌數須介於 1 到 2000（收到 {count}）")
)
BAD_TABLE_CAPACITY = WORDS(
    "bad_table_capacity",
    QT_TRANSLATE_NOOP("messages", "每桌人數須介於 1 到 100（收到 {capacity}）"),
)
TABLE_HAS_REPORT = WORDS(
    "table_has_report", QT_TRANSLATE_NOOP("messages", "第 {n} 桌已有小組討論紀錄，不能移除")
)
NO_TABLE = WORDS("no_table", QT_TRANSLATE_NOOP("messages", "找不到桌次 #{id}"))
LEADER_NOT_IN_SESSION = WORDS(
    "leader_not_in_session", QT_TRANSLATE_NOOP("messages", "桌長須為此場次的報名者")
)
ALREADY_LEADS = WORDS("already_leads", QT_TRANSLATE_NOOP("messages", "{name} 已是第 {n} 桌桌長"))

# Seating people.
SEATING_NO_TABLES = WORDS(
    "seating_no_tables",
    QT_TRANSLATE_NOOP("messages", "此場次尚未設定桌次，請先套用範本（例如 6 桌、每桌 7 人）"),
)
NO_REGISTRATION = WORDS("no_registration", QT_TRANSLATE_NOOP("messages", "找不到報名資料 #{id}"))
LEADER_SITS_AT_TABLE = WORDS(
    "leader_sits_at_table", QT_TRANSLATE_NOOP("messages", "{name} 是第 {n} 桌桌長，須坐在該桌")
)
TABLE_OF_OTHER_SESSION = WORDS(
    "table_of_other_session", QT_TRANSLATE_NOOP("messages", "這一桌不屬於此人報名的場次")
)
TABLE_FULL = WORDS(
    "table_full", QT_TRANSLATE_NOOP("messages", "第 {n} 桌已滿（{size}/{capacity} 人）")
)
NOT_SEATED = WORDS("not_seated", QT_TRANSLATE_NOOP("messages", "此人尚未分桌，無法釘選"))

# The ``tables`` command: a table or a person named on the command line, and the hint for a
# table card PDF of a session without tables (``problem``: the export's refusal, whose code
# this keeps).
NO_SUCH_TABLE = WORDS(
    "no_such_table", QT_TRANSLATE_NOOP("messages", "{session} 沒有第 {n} 桌（現有：{numbers}）")
)
NO_SUCH_PERSON = WORDS(
    "person_not_found",
    QT_TRANSLATE_NOOP("messages", "{session} 找不到已錄取或現場報名的「{name}」"),
)
AMBIGUOUS_PERSON = WORDS(
    "person_ambiguous",
    QT_TRANSLATE_NOOP("messages", "{session} 有 {count} 位「{name}」，請改在視窗中操作"),
)
SET_TABLES_FIRST = WORDS(
    "tables_not_set",
    QT_TRANSLATE_NOOP("messages", "{problem}（先用 workshop-desk tables template 設定桌次）"),
)
