"""The unit of work: one transaction per user action.

Services open a unit of work, do their reads and writes, and either everything commits or
nothing does. Nothing else in the application commits.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker


class Database:
    """Owns the engine and hands out units of work."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self._factory = sessionmaker(engine, expire_on_commit=False)

    @contextmanager
    def unit_of_work(self, *, immediate: bool = False) -> Iterator[Session]:
        """One transaction. ``immediate=True`` is for read-decide-write actions (a check-in
        reads the person's log, then appends to it) that two desks must not interleave: on
        SQLite the write lock is taken before the first read (``BEGIN IMMEDIATE``; a second
        desk waits up to ``busy_timeout`` and then reads the first desk's row). Other engines
        have row locks: the service locks the rows it decides on (``with_for_update``)."""
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
