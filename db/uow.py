"""The unit of work: one transaction per user action.

Services open a unit of work, do their reads and writes, and either everything commits or
nothing does. Nothing else in the application commits.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

# How long a unit of work waits for this process's other writers before it goes ahead and
# leaves the waiting to SQLite (which gives up after its busy_timeout of 5 s).
WRITER_WAIT_SECONDS = 5.0


class Database:
    """Owns the engine and hands out units of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)
        # SQLite takes one writer at a time. Left to SQLite, a waiting writer sleeps in
        # growing steps (1, 2, 5, 10, 15... ms) and a newcomer can slip in between: the desk's
        # scan could wait behind several leaders' saves and oversleep each. Units of work of
        # this process (the window, the venue server's threads) queue here instead and go
        # the moment the previous one commits. Reentrant: a unit of work may open another.
        self._writers = threading.RLock() if engine.dialect.name == "sqlite" else None

    @contextmanager
    def unit_of_work(self, *, immediate: bool = False) -> Iterator[Session]:
        """One transaction. ``immediate=True`` is for read-decide-write actions (a check-in
        reads the person's log, then appends to it) that two desks must not interleave: on
        SQLite the write lock is taken before the first read (``BEGIN IMMEDIATE``; a second
        desk waits up to ``busy_timeout`` and then reads the first desk's row). Other engines
        have row locks: the service locks the rows it decides on (``with_for_update``)."""
        queued = self._writers is not None and self._writers.acquire(timeout=WRITER_WAIT_SECONDS)
        session = self._factory()
        try:
            if immediate and self.engine.dialect.name == "sqlite":
                # pysqlite opens transactions lazily, before the first write: too late here.
                session.connection().exec_driver_sql("BEGIN IMMEDIATE")
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
        finally:
            session.close()
            if queued:
                assert self._writers is not None
                self._writers.release()

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for queries only; anything written is rolled back."""
        session = self._factory()
        try:
            yield session
        finally:
            session.rollback()
            session.close()

    def dispose(self) -> None:
        self.engine.dispose()
