"""Closing a vote erases who cast which ballot from every file on disk, not only from the tables.

``vote.close_vote`` deletes the ``PbVoter`` links with ``secure_delete`` on; on SQLite the old
pages still sit in the write-ahead log (and in older pages of the file) until a checkpoint
copies the new pages back and empties the log. A checkpoint cannot finish while another
connection reads an older snapshot, so ``checkpoint`` retries and says whether it finished
(``wal_checkpoint(TRUNCATE)``'s busy flag, not merely that it ran).

Automatic backups taken while the vote was open hold every link too. ``scrub_backups``
rewrites each backup of the database that still holds links of a closed vote: the vote as it
closed (status, shuffled ballots, no links, no pass secret), then ``VACUUM`` so no freed page
keeps the old rows; the rewrite goes through ``atomic_target`` like every backup.
"""

from __future__ import annotations

import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path

from db.uow import Database
from desktop.core.atomicfile import SQLITE, atomic_target
from desktop.services import backup

CHECKPOINT_TRIES = 6  # with the waits below: about 3 s before giving up
CHECKPOINT_WAIT_MS = 250  # each try waits this long for readers (busy_timeout)


@dataclass(frozen=True)
class ClosedVote:
    """A closed vote as the live database holds it (raw column values, for the backups)."""

    id: int
    closed_at: str
    ballots: tuple[str, ...]  # the approvals as stored (JSON text), in the shuffled order


def database_file(db: Database) -> Path | None:
    """The SQLite file behind ``db`` (None for another engine or an in-memory database)."""
    if db.engine.dialect.name != "sqlite" or not db.engine.url.database:
        return None
    if db.engine.url.database == ":memory:":
        return None
    return Path(db.engine.url.database)


def checkpoint(db: Database) -> bool:
    """Copy the write-ahead log into the file and empty it; False when a reader kept it from
    finishing through every try (about three seconds)."""
    with db.engine.connect() as connection:
        try:
            connection.exec_driver_sql(f"PRAGMA busy_timeout={CHECKPOINT_WAIT_MS}")
            for _ in range(CHECKPOINT_TRIES):
                row = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
                if row[0] == 0:  # not busy: every frame copied back and the log truncated
                    return True
                time.sleep(CHECKPOINT_WAIT_MS / 1000)
            return False
        finally:
            connection.exec_driver_sql("PRAGMA busy_timeout=5000")


def closed_votes(db: Database) -> tuple[ClosedVote, ...]:
    with db.engine.connect() as connection:
        votes = connection.exec_driver_sql(
            "SELECT id, closed_at FROM pb_votes WHERE status = 'closed'"
        ).all()
        return tuple(
            ClosedVote(
                vote[0],
                vote[1],
                tuple(
                    r[0]
                    for r in connection.exec_driver_sql(
                        "SELECT approvals FROM pb_ballots WHERE vote_id = ? ORDER BY id",
                        (vote[0],),
                    )
                ),
            )
            for vote in votes
        )


def _links_held(file: Path, votes: tuple[ClosedVote, ...]) -> bool:
    connection = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
    try:
        ids = [v.id for v in votes]
        marks = ",".join("?" * len(ids))
        held = (
            connection.execute(
                f"SELECT 1 FROM pb_voters WHERE vote_id IN ({marks}) LIMIT 1", ids
            ).fetchone()
            or connection.execute(
                f"SELECT 1 FROM pb_votes WHERE id IN ({marks}) AND voter_secret IS NOT NULL", ids
            ).fetchone()
        )
        return held is not None
    except sqlite3.DatabaseError:
        return False  # no vote tables (an older backup) or not a database: nothing of ours
    finally:
        connection.close()


def _rewrite(file: Path, votes: tuple[ClosedVote, ...]) -> None:
    with atomic_target(file, SQLITE, replace_any=True) as partial:
        source = sqlite3.connect(file)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            target.execute("PRAGMA secure_delete=ON")
            with target:
                for v in votes:
                    target.execute("DELETE FROM pb_voters WHERE vote_id = ?", (v.id,))
                    target.execute("DELETE FROM pb_ballots WHERE vote_id = ?", (v.id,))
                    target.executemany(
                        "INSERT INTO pb_ballots (vote_id, approvals) VALUES (?, ?)",
                        [(v.id, approvals) for approvals in v.ballots],
                    )
                    target.execute(
                        "UPDATE pb_votes SET status = 'closed', closed_at = ?,"
                        " voter_secret = NULL WHERE id = ?",
                        (v.closed_at, v.id),
                    )
            target.execute("VACUUM")  # a fresh file: no freed page keeps an old row
        finally:
            target.close()
            source.close()


def scrub_backups(db: Database) -> tuple[Path, ...]:
    """Rewrite this database's automatic backups that still hold links of a closed vote;
    returns the files rewritten."""
    database = database_file(db)
    votes = closed_votes(db) if database is not None else ()
    if database is None or not votes:
        return ()
    settings = backup.load_settings()
    folders = dict.fromkeys(Path(f).resolve() for f in (settings.folder, backup.default_folder()))
    rewritten = []
    for folder in folders:
        for file in backup.list_backups(database, folder):
            if _links_held(file, votes):
                _rewrite(file, votes)
                rewritten.append(file)
    return tuple(rewritten)
