"""Sessions and their events: one lookup for a session's event, every session for pickers."""

from __future__ import annotations

import pytest
from sqlalchemy import event as sa_event

from db.uow import Database
from desktop.services.events import (
    SessionNotFound,
    all_sessions,
    create_event,
    event_of_session,
    find_session,
    list_events,
)
from desktop.services.security import SecurityError


def test_a_sessions_event_is_read_by_that_session_with_its_counts(demo_db: Database) -> None:
    taipei = find_session(demo_db, "臺北")
    event = event_of_session(demo_db, taipei.id)
    assert event == next(e for e in list_events(demo_db) if e.id == taipei.event_id)
    assert [s.name for s in all_sessions(demo_db)] == [s.name for s in event.sessions]
    with pytest.raises(SessionNotFound) as missing:
        event_of_session(demo_db, 10_000)
    assert missing.value.code == "no_session" and missing.value.params == {"id": 10_000}


def test_looking_up_one_sessions_event_reads_no_other_event(demo_db: Database) -> None:
    """Other events in the file: the lookup's statements all name the one session."""
    for name in ("甲課程", "乙課程", "丙課程"):
        create_event(demo_db, name=name, organiser="主辦", passphrase="x", public_passphrase=True)
    taipei = find_session(demo_db, "臺北")
    statements: list[str] = []
    listener = lambda *args: statements.append(args[2])  # noqa: E731 - (conn, cursor, statement, ...)
    sa_event.listen(demo_db.engine, "before_cursor_execute", listener)
    try:
        assert event_of_session(demo_db, taipei.id).id == taipei.event_id
    finally:
        sa_event.remove(demo_db.engine, "before_cursor_execute", listener)
    reads = [text for text in statements if text.lstrip().upper().startswith("SELECT")]
    assert reads and all("WHERE" in text.upper() for text in reads), reads


def test_find_session_says_which_sessions_there_are_without_naming_a_flag(
    demo_db: Database,
) -> None:
    with pytest.raises(SessionNotFound) as several:
        find_session(demo_db, None)
    assert several.value.code == "session_required" and "--" not in str(several.value)
    assert "臺北" in several.value.params["choices"]
    with pytest.raises(SessionNotFound) as unknown:
        find_session(demo_db, "高雄")
    assert unknown.value.code == "session_not_found" and unknown.value.params["name"] == "高雄"


def test_a_weak_passphrase_is_refused_with_the_security_code(empty_db: Database) -> None:
    with pytest.raises(SecurityError) as weak:
        create_event(empty_db, name="課程", organiser="主辦", passphrase="short")
    assert weak.value.code == "too_short" and list_events(empty_db) == ()
