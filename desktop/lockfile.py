"""One window per database: an exclusive lock file next to the database file.

Decision (issue 8, "one writer"):

* The WINDOW takes ``<database>.lock`` for as long as it has the file open. A second window on
  the same file is refused with ``DatabaseInUse`` ("這個資料庫已在另一個視窗開啟…").
* Short CLI commands do NOT take the lock and keep working while a window is open: SQLite's own
  locking (WAL, one writer at a time, ``busy_timeout=5000``) makes concurrent writers safe, so
  a ``workshop-desk`` command is never a danger to the file. The one exception is
  ``workshop-desk restore``, which replaces the file and therefore takes the lock (refused
  while a window has the database open).

The lock is an OS lock (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows) on an open
handle, so it disappears when the process dies — a crashed window never leaves a stale lock,
and the lock file's content (pid, host, time) is only there for the message.
"""

from __future__ import annotations

import datetime as dt
import os
import socket
import sys
from pathlib import Path

from desktop.core.outcomes import database as database_words

# sys.platform, not os.name: the type checker narrows on it (msvcrt exists on win32 only).
if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt
else:
    import fcntl


class DatabaseInUse(RuntimeError):
    """Another window holds this database's lock."""

    def __init__(self, database: Path, holder: str) -> None:
        detail = f" ({holder})" if holder else ""
        super().__init__(database_words.IN_USE.say(path=database) + detail)
        self.database = database
        self.holder = holder


def lock_path(database: Path) -> Path:
    return database.with_name(database.name + ".lock")


class DatabaseLock:
    """The exclusive lock on one database file; ``release()`` (or process exit) frees it."""

    def __init__(self, database: Path) -> None:
        self.database = Path(database).resolve()
        self.path = lock_path(self.database)
        self._handle: int | None = None

    @property
    def held(self) -> bool:
        return self._handle is not None

    def acquire(self) -> DatabaseLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(handle)
        except OSError:
            holder = _read_holder(handle)
            os.close(handle)
            raise DatabaseInUse(self.database, holder) from None
        stamp = dt.datetime.now().strftime("%Y-%m-%d %H:%M")
        note = f"pid {os.getpid()} on {socket.gethostname()} since {stamp}".encode()
        os.ftruncate(handle, 0)
        os.lseek(handle, 0, os.SEEK_SET)
        os.write(handle, note.ljust(_NOTE_BYTES)[:_NOTE_BYTES])
        self._handle = handle
        return self

    def release(self) -> None:
        if self._handle is None:
            return
        handle, self._handle = self._handle, None
        try:
            _unlock(handle)
        finally:
            os.close(handle)

    def __enter__(self) -> DatabaseLock:
        return self.acquire() if not self.held else self

    def __exit__(self, *_exc: object) -> None:
        self.release()


def acquire_window_lock(database: Path) -> DatabaseLock:
    """Take the lock for a window; raises ``DatabaseInUse`` when another window has it."""
    return DatabaseLock(database).acquire()


_NOTE_BYTES = 120
# Windows locks a byte range; lock a range past the note so the note stays readable.
_LOCK_OFFSET = 1024


def _lock(handle: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        os.lseek(handle, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(handle: int) -> None:
    if sys.platform == "win32":  # pragma: no cover
        os.lseek(handle, _LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(handle, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(handle, fcntl.LOCK_UN)


def _read_holder(handle: int) -> str:
    try:
        os.lseek(handle, 0, os.SEEK_SET)
        return os.read(handle, _NOTE_BYTES).decode("utf-8", "replace").strip()
    except OSError:
        return ""
