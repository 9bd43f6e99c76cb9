"""Closing the vote leaves no voter↔ballot link in any file (issue 26): not in the database
file or its write-ahead log while another connection reads, not in the automatic backups
taken while the vote was open. Links are found as SQLite stores them: the ``pb_voters`` row's
record bytes (header of serial types, then the values), searched in the raw files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from db.uow import Database
from desktop.core.vote import Method, Rules
from desktop.services import backup
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from desktop.services.backup import validate_backup
from scenarios import vote_day
from tests.sqlite_records import found, stored_records


def links(path: Path) -> list[bytes]:
    return stored_records(path, "SELECT * FROM pb_voters WHERE ballot_id IS NOT NULL")


def _vote_with_ballots(db: Database, n: int = 10) -> vote_day.VoteDay:
    day = vote_day.prepare(db)
    svc.open_vote(db, day.session_id, Rules(Method.APPROVAL, 1_000_000), actor="t")
    for i, rid in enumerate(day.present[:n]):
        assert ballots.cast_web_ballot(db, day.session_id, rid, 0, [1 + i % 5]).ok
    return day


def test_close_is_refused_while_a_reader_keeps_the_links_in_the_log(
    demo_db: Database, demo_db_path: Path
) -> None:
    day = _vote_with_ballots(demo_db)
    wanted = links(demo_db_path)
    files = [demo_db_path, Path(f"{demo_db_path}-wal")]
    assert len(wanted) == 10 and found(files, wanted) == 10
    reader = sqlite3.connect(demo_db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM pb_ballots").fetchall()
    with pytest.raises(svc.VoteSetupError) as refused:
        svc.close_vote(demo_db, day.session_id, actor="t")
    assert refused.value.code == "erase_blocked"
    assert svc.vote_state(demo_db, day.session_id).status == "open"
    reader.rollback()
    reader.close()
    state = svc.close_vote(demo_db, day.session_id, actor="t")
    assert state.status == "closed" and state.ballots == 10
    assert found(files, wanted) == 0


def test_backups_taken_while_the_vote_was_open_lose_the_links_at_close(
    demo_db: Database, demo_db_path: Path
) -> None:
    day = _vote_with_ballots(demo_db)
    taken = backup.auto_backup(demo_db_path).path
    wanted = links(taken)
    assert len(wanted) == 10 and found([taken], wanted) == 10
    svc.close_vote(demo_db, day.session_id, actor="t")
    assert found([taken], wanted) == 0
    validate_backup(taken)
    with sqlite3.connect(taken) as connection:
        assert connection.execute("SELECT count(*) FROM pb_voters").fetchone() == (0,)
        assert connection.execute("SELECT status FROM pb_votes").fetchall() == [("closed",)]
        stored = sorted(r[0] for r in connection.execute("SELECT approvals FROM pb_ballots"))
    connection.close()
    assert stored == sorted(f"[{1 + i % 5}]" for i in range(10))


def test_only_the_backups_that_name_a_voter_are_rewritten_at_close(
    demo_db: Database, demo_db_path: Path
) -> None:
    """What the close erases is who holds a ballot (``pb_voters``): a backup taken while the
    vote was open but before anyone voted names nobody and stays as it was; one that names a
    person the desk took off the web page (no ballot yet) is rewritten."""
    day = vote_day.prepare(demo_db)
    svc.open_vote(demo_db, day.session_id, Rules(Method.APPROVAL, 1_000_000), actor="t")
    nobody_yet = backup.auto_backup(demo_db_path).path
    as_taken = nobody_yet.read_bytes()
    ballots.revoke_web_pass(demo_db, day.session_id, day.present[0], actor="t")
    revoked = backup.auto_backup(demo_db_path).path
    assert revoked != nobody_yet
    assert svc.close_vote(demo_db, day.session_id, actor="t").status == "closed"
    assert nobody_yet.read_bytes() == as_taken
    with sqlite3.connect(revoked) as connection:
        assert connection.execute("SELECT count(*) FROM pb_voters").fetchone() == (0,)
        assert connection.execute("SELECT status FROM pb_votes").fetchall() == [("closed",)]
    connection.close()
    validate_backup(revoked)


def test_a_reader_arriving_during_the_close_leaves_it_unfinished_until_closed_again(
    demo_db: Database, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = _vote_with_ballots(demo_db)
    wanted = links(demo_db_path)
    files = [demo_db_path, Path(f"{demo_db_path}-wal")]
    reader = sqlite3.connect(demo_db_path)
    real_close = svc._close

    def close_then_a_reader_comes(*args):
        reader.execute("BEGIN")
        reader.execute("SELECT count(*) FROM pb_ballots").fetchall()  # the snapshot before
        real_close(*args)

    monkeypatch.setattr(svc, "_close", close_then_a_reader_comes)
    with pytest.raises(svc.VoteSetupError) as unfinished:
        svc.close_vote(demo_db, day.session_id, actor="t")
    assert unfinished.value.code == "erase_unfinished"
    assert svc.vote_state(demo_db, day.session_id).status == "closed"
    assert found(files, wanted) > 0  # what the refusal is about: the log still holds them
    reader.rollback()
    reader.close()
    state = svc.close_vote(demo_db, day.session_id, actor="t")  # finishes the erasure
    assert state.status == "closed" and state.ballots == 10
    assert found(files, wanted) == 0
