"""Outcomes only the command line has (``desktop.cli``): a usage mistake (worded by the CLI
in English, as argparse words its own), a command that needs a terminal it does not have, the
organiser passphrase an organiser command needs, a ``--db`` or ``--session`` that names
nothing usable, and a bug told in one line."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("cli")

USAGE = WORDS("usage", "{detail}")
NO_CONSOLE = WORDS(
    "no_console",
    QT_TRANSLATE_NOOP(
        "messages",
        "沒有主控台：請設定環境變數 {variable}，或改用主控台程式 workshop-desk "
        "(no console: set that variable or use the console program workshop-desk)",
    ),
)

# The organiser passphrase an organiser command needs (``desktop.cli.Context``).
PASSPHRASE_NEEDED = WORDS(
    "passphrase_needed",
    QT_TRANSLATE_NOOP("messages", "需要主辦密語：請設定環境變數 {variable}"),
)
WRONG_PASSPHRASE = WORDS(
    "wrong_passphrase",
    QT_TRANSLATE_NOOP("messages", "{action} 是主辦動作，但主辦密語不正確（{variable}）"),
)
ORGANISER_REFUSED = WORDS(
    "organiser_refused", QT_TRANSLATE_NOOP("messages", "{detail}；{action} 是主辦動作")
)
SESSION_REQUIRED = WORDS(
    "session_required",
    QT_TRANSLATE_NOOP("messages", "請以 --session 指定場次（可選：{choices}）"),
)

# The database file ``--db`` names (a typo must not create one somewhere).
DB_IS_FOLDER = WORDS(
    "db_is_folder", QT_TRANSLATE_NOOP("messages", "--db 指向資料夾，請指定資料庫檔案：{path}")
)
NO_DATABASE_FILE = WORDS(
    "no_database_file",
    QT_TRANSLATE_NOOP(
        "messages", "找不到資料庫檔案：{path}；建立示範資料庫：workshop-desk --db {path} demo"
    ),
)
DEMO_EXISTS = WORDS(
    "demo_exists", QT_TRANSLATE_NOOP("messages", "示範資料庫已存在：{path}；要重建請加 --reset")
)

# A bug: the traceback is in the log file, the person gets one line.
UNEXPECTED = WORDS(
    "unexpected",
    QT_TRANSLATE_NOOP("messages", "未預期的錯誤：{detail}；詳細記錄在記錄檔 {log}"),
)
UNEXPECTED_UNLOGGED = WORDS(
    "unexpected_unlogged",
    QT_TRANSLATE_NOOP("messages", "未預期的錯誤（記錄檔無法寫入）：{detail}"),
)
