"""Finding the event and its sessions: the lookups every command and screen goes through
(``desktop.services.events.find_session`` behind the CLI's ``--session NAME``,
``event_of_session``, ``desktop.services.registrations.event_of``) and setting up an event on
the command line (``desktop.cli.setup_commands``). Any domain that looks a session up by its id
and finds none says ``NO_SESSION``."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("events")

NO_SESSION = WORDS("no_session", QT_TRANSLATE_NOOP("messages", "找不到場次 #{id}"))
NO_SESSIONS = WORDS("no_sessions", QT_TRANSLATE_NOOP("messages", "資料庫中沒有任何場次"))
SESSION_REQUIRED = WORDS(
    "session_required", QT_TRANSLATE_NOOP("messages", "請指定場次（可選：{choices}）")
)
SESSION_NOT_FOUND = WORDS(
    "session_not_found", QT_TRANSLATE_NOOP("messages", "找不到場次「{name}」（可選：{choices}）")
)
SESSION_AMBIGUOUS = WORDS(
    "session_ambiguous", QT_TRANSLATE_NOOP("messages", "場次「{name}」不只一個符合（{choices}）")
)
NO_EVENT_CREATE_FIRST = WORDS(
    "no_event_create_first", QT_TRANSLATE_NOOP("messages", "資料庫中沒有活動，請先建立活動")
)
SEVERAL_EVENTS = WORDS(
    "several_events", QT_TRANSLATE_NOOP("messages", "資料庫中有多個活動，請指定場次")
)
# A database holds one event: ``event create`` on one that has it.
EVENT_EXISTS = WORDS(
    "event_exists",
    QT_TRANSLATE_NOOP("messages", "這個資料庫已有活動，請用 --db 指定新檔案：{path}"),
)
