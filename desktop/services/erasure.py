"""Closing a secret poll (the PB vote, the course questionnaire) erases who gave which answer
from every file on disk, not only from the tables.

The poll's own close (``unlink_and_shuffle``) deletes its person↔answer links with
``secure_delete`` on and rewrites the answers in a random order; on SQLite the old pages still
sit in the write-ahead log (and in older pages of the file) until a checkpoint copies the new
pages back and empties the log. A checkpoint cannot finish while another connection reads an
older snapshot, so ``checkpoint`` retries and says whether it finished
(``wal_checkpoint(TRUNCATE)``'s busy flag, not merely that it ran). ``close_erasing`` is the
one sequence both polls run: refuse while a reader blocks the log, close, checkpoint again,
rewrite the backups.

Automatic backups taken while the poll was open hold every link too. ``scrub_backups`` rewrites
each backup of the database that still holds a link of a closed poll — the one thing the close
erases that names a person — as the poll closed (status, shuffled answers, no links), then
``VACUUM`` so no freed page keeps the old rows; the rewrite goes through ``atomic_target`` like
every backup. A backup taken while the poll was open but before anyone answered holds no link
and is left as it was. (The live database runs with ``secure_delete``, so a link deleted while
the poll was open left no bytes behind for a backup to copy.)
"""

from __future__ import annotations

import random
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import ScalarResult, select, text
from sqlalchemy.orm import Session

from db.models import Base
from db.uow import Database
from desktop.core.atomicfile import SQLITE, atomic_target
from desktop.services import backup

CHECKPOINT_TRIES = 6  # with the waits below: about 3 s before giving up
CHECKPOINT_WAIT_MS = 250  # each try waits this long for readers (busy_timeout)


@dataclass(frozen=True)
class Poll:
    """Where a secret poll keeps itself, who answered it, and its anonymous answers: table and
    column names, fixed in code (never from input)."""

    table: str  # one row per poll, with ``status`` and ``closed_at``
    links: str  # who answered: the rows the close deletes
    answers: str  # the answers, kept (shuffled) after the close
    key: str  # the poll's id column in ``links`` and ``answers``
    answer: str  # the answer's column in ``answers`` (JSON text)


VOTE = Poll("pb_votes", "pb_voters", "pb_ballots", "vote_id", "approvals")
SURVEY = Poll("surveys", "survey_respondents", "survey_responses", "survey_id", "answers")


@dataclass(frozen=True)
class ClosedPoll:
    """A closed poll as the live database holds it (raw column values, for the backups)."""

    id: int
    closed_at: str
    answers: tuple[str, ...]  # as stored (JSON text), in the shuffled order


def unlink_and_shuffle(s: Session, poll: Poll, poll_id: int) -> int:
    """Inside the poll's closing unit of work: delete who answered (the links) and write the
    answers again in a random order under new ids, so neither a link nor the order of the rows
    says whose an answer is. Returns how many answers there are."""
    if s.get_bind().dialect.name == "sqlite":
        s.execute(text("PRAGMA secure_delete=ON"))
    links, answers = Base.metadata.tables[poll.links], Base.metadata.tables[poll.answers]
    owner = answers.c[poll.key]
    s.execute(links.delete().where(links.c[poll.key] == poll_id))
    # A JSON column: select() cannot name its type.
    stored: ScalarResult[Any] = s.scalars(
        select(answers.c[poll.answer]).where(owner == poll_id).order_by(answers.c.id)
    )
    shuffled = list(stored)
    random.SystemRandom().shuffle(shuffled)
    s.execute(answers.delete().where(owner == poll_id))
    if shuffled:
        s.execute(answers.insert(), [{poll.key: poll_id, poll.answer: a} for a in shuffled])
    return len(shuffled)


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


def close_erasing(
    db: Database,
    poll: Poll,
    *,
    finishing: bool,
    close: Callable[[], None],
    blocked: Callable[[], Exception],
    unfinished: Callable[[], Exception],
) -> None:
    """Close a poll so that no file keeps who answered what. On SQLite: refuse (``blocked()``,
    nothing changed) while a reader keeps the log from being emptied — closing then would
    report success while the file still holds every link; ``close()``; checkpoint again
    (``unfinished()`` when a reader came in between: the poll is closed, and running this
    again with ``finishing`` set completes the erasure); rewrite the automatic backups."""
    sqlite = db.engine.dialect.name == "sqlite"
    if sqlite and not finishing and not checkpoint(db):
        raise blocked()
    if not finishing:
        close()
    if sqlite:
        if not checkpoint(db):
            raise unfinished()
        scrub_backups(db, poll)


def closed_polls(db: Database, poll: Poll) -> tuple[ClosedPoll, ...]:
    with db.engine.connect() as connection:
        found = connection.exec_driver_sql(
            f"SELECT id, closed_at FROM {poll.table} WHERE status = 'closed'"
        ).all()
        return tuple(
            ClosedPoll(
                row[0],
                row[1],
                tuple(
                    r[0]
                    for r in connection.exec_driver_sql(
                        f"SELECT {poll.answer} FROM {poll.answers} WHERE {poll.key} = ? "
                        "ORDER BY id",
                        (row[0],),
                    )
                ),
            )
            for row in found
        )


def links_held(file: Path, poll: Poll, closed: tuple[ClosedPoll, ...]) -> bool:
    """Whether ``file`` still names a person who answered one of the ``closed`` polls."""
    connection = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
    try:
        ids = [c.id for c in closed]
        marks = ",".join("?" * len(ids))
        held = connection.execute(
            f"SELECT 1 FROM {poll.links} WHERE {poll.key} IN ({marks}) LIMIT 1", ids
        ).fetchone()
        return held is not None
    except sqlite3.DatabaseError:
        return False  # no such tables (an older backup) or not a database: nothing of ours
    finally:
        connection.close()


def _rewrite(file: Path, poll: Poll, closed: tuple[ClosedPoll, ...]) -> None:
    with atomic_target(file, SQLITE, replace_any=True) as partial:
        source = sqlite3.connect(file)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            target.execute("PRAGMA secure_delete=ON")
            with target:
                for c in closed:
                    target.execute(f"DELETE FROM {poll.links} WHERE {poll.key} = ?", (c.id,))
                    target.execute(f"DELETE FROM {poll.answers} WHERE {poll.key} = ?", (c.id,))
                    target.executemany(
                        f"INSERT INTO {poll.answers} ({poll.key}, {poll.answer}) VALUES (?, ?)",
                        [(c.id, answer) for answer in c.answers],
                    )
                    target.execute(
                        f"UPDATE {poll.table} SET status = 'closed', closed_at = ? WHERE id = ?",
                        (c.closed_at, c.id),
                    )
            target.execute("VACUUM")  # a fresh file: no freed page keeps an old row
        finally:
            target.close()
            source.close()


def scrub_backups(db: Database, poll: Poll) -> tuple[Path, ...]:
    """Rewrite this database's automatic backups that still hold links of a closed ``poll``;
    returns the files rewritten."""
    database = database_file(db)
    closed = closed_polls(db, poll) if database is not None else ()
    if database is None or not closed:
        return ()
    settings = backup.load_settings()
    folders = dict.fromkeys(Path(f).resolve() for f in (settings.folder, backup.default_folder()))
    rewritten = []
    for folder in folders:
        for file in backup.list_backups(database, folder):
            if links_held(file, poll, closed):
                _rewrite(file, poll, closed)
                rewritten.append(file)
    return tuple(rewritten)
