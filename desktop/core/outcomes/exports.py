"""Documents and files made from a session's data (``desktop.services.exports``,
``desktop.services.documents``, ``desktop.services.passes``; the window's documents screen and
the CLI's ``pdf``, ``export``, ``passes``, ``tables`` and ``survey`` commands): a document or
format asked for that does not exist, or a file that would have nobody or nothing in it (it is
refused rather than written empty). A wrong extension or an unwritable target is a ``files``
outcome."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("exports")

UNKNOWN_DOCUMENT = WORDS(
    "unknown_document",
    QT_TRANSLATE_NOOP("messages", "文件種類須為 {choices}（輸入 {value}）"),
)
UNKNOWN_ORDER = WORDS(
    "unknown_order", QT_TRANSLATE_NOOP("messages", "排序須為 {choices}（輸入 {value}）")
)
BAD_FORMAT = WORDS(
    "bad_format", QT_TRANSLATE_NOOP("messages", "格式須為 pdf 或 csv（輸入 {value}）")
)
NOBODY_ON_ROSTER = WORDS(
    "document_nobody_on_roster",
    QT_TRANSLATE_NOOP("messages", "{session}名單上沒有人（已錄取或現場報名），未產生文件"),
)
NO_ONE_ADMITTED = WORDS(
    "no_one_admitted", QT_TRANSLATE_NOOP("messages", "本場次沒有已錄取或現場報名的人")
)
TABLES_NOT_SET = WORDS(
    "tables_not_set",
    QT_TRANSLATE_NOOP("messages", "{session} 尚未設定桌次，沒有可印的桌牌或名單"),
)
NOTHING_TO_EXPORT = WORDS(
    "nothing_to_export", QT_TRANSLATE_NOOP("messages", "沒有已結束的問卷可以匯出")
)
