"""Backing up the database and restoring a backup (``desktop.services.backup``; the window's
backup menu and ``workshop-desk backup``/``restore``, whose own refusals are the last three):
a folder or target that cannot take a backup, a backup that failed its check, a file that is
not a healthy Workshop Desk backup, a restore that could not swap the file."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("backup")

# --- backing up -------------------------------------------------------------------------------

FOLDER_NOT_WRITABLE = WORDS(
    "folder_not_writable",
    QT_TRANSLATE_NOOP("messages", "無法寫入備份資料夾：{path}（{detail}）"),
)
DATABASE_MISSING = WORDS(
    "database_missing", QT_TRANSLATE_NOOP("messages", "找不到資料庫檔案：{path}")
)
TARGET_IS_DATABASE = WORDS(
    "target_is_database", QT_TRANSLATE_NOOP("messages", "備份檔不可以是資料庫本身：{path}")
)
TARGET_IS_FOLDER = WORDS(
    "target_is_folder",
    QT_TRANSLATE_NOOP("messages", "備份目標是資料夾，請給檔名，例如 {example}"),
)
TARGET_EXISTS = WORDS(
    "target_exists",
    QT_TRANSLATE_NOOP("messages", "備份目標已存在，且不是研習報到台的備份，未覆寫：{path}"),
)
DAMAGED = WORDS(
    "backup_damaged",
    QT_TRANSLATE_NOOP("messages", "備份檢查失敗，資料庫可能已損毀：{detail}"),
)
FAILED = WORDS("backup_failed", QT_TRANSLATE_NOOP("messages", "無法備份：{path}（{detail}）"))

# --- restoring --------------------------------------------------------------------------------

BACKUP_MISSING = WORDS("backup_missing", QT_TRANSLATE_NOOP("messages", "找不到備份檔：{path}"))
UNREADABLE = WORDS(
    "backup_unreadable", QT_TRANSLATE_NOOP("messages", "無法讀取備份檔，未還原（{detail}）")
)
FILE_DAMAGED = WORDS(
    "backup_file_damaged",
    QT_TRANSLATE_NOOP("messages", "備份檔已損毀，未還原：{path}（{detail}）"),
)
NOT_OURS = WORDS("not_ours", QT_TRANSLATE_NOOP("messages", "這不是研習報到台的資料庫：{path}"))
IS_DATABASE = WORDS("backup_is_database", QT_TRANSLATE_NOOP("messages", "備份檔就是目前的資料庫"))
RESTORE_FAILED = WORDS(
    "restore_failed",
    QT_TRANSLATE_NOOP("messages", "無法用 {backup} 還原 {path}（{detail}）；目前的資料未變更"),
)

# --- ``workshop-desk restore`` ----------------------------------------------------------------

OTHER_EVENT = WORDS(
    "restore_other_event",
    QT_TRANSLATE_NOOP("messages", "備份屬於另一個活動「{event}」，未還原；確定要還原請加 --force"),
)
RESTORE_IN_USE = WORDS(
    "restore_in_use",
    QT_TRANSLATE_NOOP("messages", "這個資料庫已在另一個視窗開啟，請先關閉那個視窗再還原：{path}"),
)
PASSPHRASE_OPENS_NOTHING = WORDS(
    "restore_wrong_passphrase",
    QT_TRANSLATE_NOOP("messages", "主辦密語打不開這個備份的活動（{variable}）；還原是主辦動作"),
)
