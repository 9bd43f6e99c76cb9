"""What can be wrong with the database file or its surroundings rather than with the program:
a failed upgrade, a damaged, locked, read-only or network file, one another window holds, a
URL no driver understands, a path the system refuses. ``desktop.errors.environment_problem``
turns those exceptions into these refusals (the CLI, the welcome screen and the window's
open and restore dialogs word them); ``desktop.lockfile`` names the window that holds a file."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("database")

MIGRATION_FAILED = WORDS(
    "migration_failed",
    QT_TRANSLATE_NOOP("messages", "資料庫升級失敗，原檔未變更（{detail}）"),
)
MIGRATION_FAILED_BACKUP = WORDS(
    "migration_failed_backup",
    QT_TRANSLATE_NOOP("messages", "資料庫升級失敗，原檔未變更（{detail}）；升級前備份：{backup}"),
)
DAMAGED = WORDS(
    "database_damaged",
    QT_TRANSLATE_NOOP(
        "messages", "這個檔案不是可用的資料庫，或已損毀：{path}（{detail}）；找不到可用的備份"
    ),
)
DAMAGED_BACKUP = WORDS(
    "database_damaged_backup",
    QT_TRANSLATE_NOOP(
        "messages",
        "這個檔案不是可用的資料庫，或已損毀：{path}（{detail}）；最新的完好備份：{backup}"
        "（可用 workshop-desk restore 還原）",
    ),
)
IN_USE = WORDS(
    "database_in_use",
    QT_TRANSLATE_NOOP(
        "messages", "這個資料庫已在另一個視窗開啟，請切換到那個視窗，或先關閉它：{path}"
    ),
)
ON_NETWORK_DRIVE = WORDS(
    "database_on_network_drive",
    QT_TRANSLATE_NOOP(
        "messages",
        "資料庫檔案在網路磁碟上，無法安全使用：{path}；"
        "請把它複製到這台電腦的磁碟（例如「文件」資料夾）再開啟（備份可以存到網路磁碟）",
    ),
)
UNSUPPORTED = WORDS(
    "unsupported_database",
    QT_TRANSLATE_NOOP(
        "messages",
        "不支援的資料庫網址：{url}（{detail}）；請給 SQLite 檔案路徑或 PostgreSQL 網址",
    ),
)
OS_ERROR = WORDS("os_error", QT_TRANSLATE_NOOP("messages", "無法使用檔案：{path}（{detail}）"))
READ_ONLY = WORDS(
    "database_read_only",
    QT_TRANSLATE_NOOP("messages", "資料庫檔案或所在資料夾是唯讀的，無法寫入：{path}"),
)
LOCKED = WORDS(
    "database_locked", QT_TRANSLATE_NOOP("messages", "資料庫檔案被另一個程式鎖住：{path}")
)
NOT_A_DATABASE = WORDS(
    "not_a_database", QT_TRANSLATE_NOOP("messages", "這個檔案不是可用的資料庫，或已損毀：{path}")
)
CANNOT_OPEN = WORDS(
    "cannot_open_database", QT_TRANSLATE_NOOP("messages", "無法開啟資料庫檔案：{path}（{detail}）")
)
