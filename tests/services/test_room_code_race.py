"""Wrong room codes sent at once compare at most the stated budget (issues 26 and 27): the
attempt limits charge a guess before its code is compared, so concurrency cannot slip guesses
past a check that a failure has not yet counted against. Comparisons are counted where they
happen: the SELECT on ``registrations.room_code`` that the database runs."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import event

from db.uow import Database
from desktop.core import room_code as rules
from desktop.services import room
from scenarios import vote_day


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch) -> rules.AttemptLimits:
    fresh = rules.AttemptLimits()  # 10 per address in 10 minutes, 60 a minute for the room
    monkeypatch.setattr(room, "LIMITS", fresh)
    return fresh


@pytest.fixture
def comparisons(demo_db: Database) -> Iterator[list[str]]:
    """Every statement that compared a typed code with the stored ones."""
    seen: list[str] = []
    lock = threading.Lock()

    def count(conn, cursor, statement, parameters, context, executemany):
        if "registrations.room_code =" in statement and "registrations.status IN" in statement:
            with lock:
                seen.append(statement)

    event.listen(demo_db.engine, "before_cursor_execute", count)
    yield seen
    event.remove(demo_db.engine, "before_cursor_execute", count)


def _wrong_codes(day: vote_day.VoteDay, n: int) -> list[str]:
    taken = {c.replace("-", "") for c in day.codes.values()}
    codes = [f"{i:03d}".translate(str.maketrans("0123456789", "23456789AB")) for i in range(n)]
    wrong = [f"QQQ-QQQ-{c}" for c in codes]
    assert not taken & {w.replace("-", "") for w in wrong}
    return wrong


def test_three_hundred_wrong_codes_at_once_from_twenty_addresses_compare_sixty(
    demo_db: Database, limits: rules.AttemptLimits, comparisons: list[str]
) -> None:
    day = vote_day.prepare(demo_db)
    guesses = _wrong_codes(day, 300)
    start = threading.Barrier(60)
    frozen = 1_000.0  # one instant: the room's bucket does not refill during the attack

    def guess(n: int) -> str:
        if n < 60:
            start.wait()
        found = room.identify_by_room_code(
            demo_db, day.session_id, guesses[n], f"10.0.0.{n % 20}", clock=lambda: frozen
        )
        assert isinstance(found, room.RoomCodeError)
        return found.code

    with ThreadPoolExecutor(60) as pool:
        codes = Counter(pool.map(guess, range(300)))
    assert len(comparisons) == limits.room_per_minute == 60
    assert codes == Counter(wrong_code=60, room_busy=240)
    # and the person whose code it is still signs in a second later: nobody is locked out
    rid = day.present[0]
    found = room.identify_by_room_code(
        demo_db, day.session_id, day.codes[rid], "10.0.0.1", clock=lambda: frozen + 2
    )
    assert isinstance(found, room.Identified) and found.registration_id == rid


def test_one_address_sending_at_once_compares_its_ten(
    demo_db: Database, limits: rules.AttemptLimits, comparisons: list[str]
) -> None:
    day = vote_day.prepare(demo_db)
    guesses = _wrong_codes(day, 40)
    start = threading.Barrier(40)

    def guess(n: int) -> str:
        start.wait()
        found = room.identify_by_room_code(
            demo_db, day.session_id, guesses[n], "10.0.0.9", clock=lambda: 500.0
        )
        assert isinstance(found, room.RoomCodeError)
        return found.code

    with ThreadPoolExecutor(40) as pool:
        codes = Counter(pool.map(guess, range(40)))
    assert len(comparisons) == limits.per_address == 10
    assert codes == Counter(wrong_code=10, room_code_attempts=30)
