"""Guesses at one name sent at once compare at most ``MAX_ATTEMPTS`` (issue 26), on SQLite and
on PostgreSQL, from four ``Database`` objects (four engines, as four processes would have: the
in-process writer queue of one ``Database`` is not what holds the count)."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select

from db.models import PbVoter
from db.uow import Database
from desktop.app import open_database
from desktop.core.vote import Method, Rules, VoteError
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from desktop.services.demo import build_demo
from scenarios import vote_day


def _race(db: Database, url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    day = vote_day.prepare(db)
    svc.open_vote(db, day.session_id, Rules(Method.APPROVAL, 1_000_000))
    victim = day.present[0]
    tail = int(day.phones[victim][-3:])
    compared: Counter[int] = Counter()
    lock = threading.Lock()
    real = ballots.credential_matches

    def counted(s, registration, typed):  # type: ignore[no-untyped-def]
        with lock:
            compared[registration.id] += 1
        return real(s, registration, typed)

    monkeypatch.setattr(ballots, "credential_matches", counted)
    desks = [open_database(url) for _ in range(4)]
    start = threading.Barrier(60)

    def guess(n: int) -> str:
        start.wait()
        try:
            ballots.identify_voter(
                desks[n % 4], day.session_id, victim, f"{(tail + 1 + n) % 1000:03d}"
            )
        except VoteError as exc:
            return exc.code
        return "ok"

    try:
        with ThreadPoolExecutor(60) as pool:
            codes = Counter(pool.map(guess, range(60)))
    finally:
        for d in desks:
            d.dispose()
    assert compared[victim] == ballots.MAX_ATTEMPTS
    assert codes == Counter(
        wrong_digits=ballots.MAX_ATTEMPTS - 1,
        too_many_attempts=1,
        locked=60 - ballots.MAX_ATTEMPTS,
    )
    with db.read() as s:
        assert (
            s.scalar(select(PbVoter.failed_attempts).where(PbVoter.registration_id == victim))
            == ballots.MAX_ATTEMPTS
        )


def test_guesses_at_once_on_sqlite_compare_at_most_the_limit(
    demo_db: Database,
    demo_db_path,
    monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
) -> None:
    _race(demo_db, str(demo_db_path), monkeypatch)


def test_guesses_at_once_on_postgres_compare_at_most_the_limit(
    pg_db: Database, pg_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    build_demo(pg_db)
    _race(pg_db, pg_url, monkeypatch)
