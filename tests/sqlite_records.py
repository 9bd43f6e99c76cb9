"""A row as SQLite stores it, to look for in a database file's raw bytes: the erasure tests
ask whether the file, its write-ahead log or a backup still holds who answered a secret poll."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path


def _serial(value: int | None) -> tuple[int, bytes]:
    """SQLite's record serial type and body of one integer (file format 4)."""
    if value is None:
        return 0, b""
    if value in (0, 1):
        return 8 + value, b""
    for serial, size in ((1, 1), (2, 2), (3, 3), (4, 4), (6, 8)):
        if -(2 ** (8 * size - 1)) <= value < 2 ** (8 * size - 1):
            return serial, value.to_bytes(size, "big", signed=True)
    raise ValueError(value)


def record(row: Sequence[int | None]) -> bytes:
    """The record of an all-integer row whose first column is its ``id`` (the rowid, which
    SQLite stores as NULL)."""
    parts = [_serial(None if i == 0 else v) for i, v in enumerate(row)]
    header = bytes([len(parts) + 1, *(serial for serial, _ in parts)])
    return header + b"".join(body for _, body in parts)


def stored_records(path: Path, query: str) -> list[bytes]:
    """The records of the rows ``query`` selects (every column of the table, ``id`` first)."""
    with sqlite3.connect(path) as connection:
        rows = connection.execute(query).fetchall()
    connection.close()
    return [record([None if v is None else int(v) for v in row]) for row in rows]


def found(files: list[Path], wanted: list[bytes]) -> int:
    """How many of the ``wanted`` records the files still hold somewhere in their bytes."""
    raw = b"".join(f.read_bytes() for f in files if f.exists())
    return sum(1 for w in wanted if w in raw)
