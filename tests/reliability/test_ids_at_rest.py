"""A copy of the database file (a lost laptop, a backup stick) reveals no full ID number.

The equivalent of ``strings`` over the database file, its ``-wal`` file and a backup: every
byte run shaped like an ID (``[A-Z][12489A-D]\\d{8}``) is checked, and none may be a valid
身分證字號 / 統一證號.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Attendee, Registration
from desktop.app import open_database
from desktop.core.ids import is_valid_id, make_id
from desktop.services import security
from desktop.services.backup import backup_to
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.services.events import list_events
from desktop.services.walkins import add_walk_in

ID_SHAPE = re.compile(rb"[A-Z][12489A-D]\d{8}")


def full_ids_in(path: Path) -> set[str]:
    data = path.read_bytes() if path.exists() else b""
    return {m.group().decode() for m in ID_SHAPE.finditer(data) if is_valid_id(m.group().decode())}


def _walk_ins(db) -> list[str]:
    session = list_events(db)[0].sessions[0]
    numbers = [
        make_id("F", "1", "3110409"),
        make_id("Q", "2", "0000001"),
        make_id("K", "8", "1234567"),
    ]
    for i, number in enumerate(numbers):
        add_walk_in(
            db,
            session.id,
            name=f"現場{i}",
            agency="臺北市政府",
            wants_hours=True,
            id_number=number,
            actor="desk-1",
        )
    return numbers


def test_no_full_id_in_database_wal_or_backup(demo_db_path: Path, tmp_path: Path) -> None:
    db = open_database(demo_db_path)  # kept open: committed pages stay in the -wal file
    numbers = _walk_ins(db)
    wal = Path(f"{demo_db_path}-wal")
    assert wal.stat().st_size > 0
    backup = backup_to(demo_db_path, tmp_path / "stick" / "backup.sqlite3").path
    for file in (demo_db_path, wal, backup):
        assert full_ids_in(file) == set(), file
    # The IDs are really there, only encrypted: the organiser can still read them.
    with db.read() as s:
        walk_in_id = s.scalars(select(Attendee.id).where(Attendee.name == "現場0")).one()
    assert security.reveal_id(db, walk_in_id, DEMO_PASSPHRASE).id_number == numbers[0]
    db.dispose()


def test_the_scan_would_find_an_id_stored_in_clear(demo_db_path: Path) -> None:
    """The control: the same scan does find a number that a careless feature stored in clear."""
    db = open_database(demo_db_path)
    number = make_id("F", "1", "3110409")
    with db.unit_of_work() as s:
        s.scalars(select(Registration)).first().remark = f"身分證 {number}"
    assert number in full_ids_in(Path(f"{demo_db_path}-wal"))
    db.dispose()
    assert number in full_ids_in(demo_db_path)  # checkpointed on close


def _purge_and_find_leftovers(path: Path) -> tuple[int, int]:
    db = open_database(path)
    session = list_events(db)[0].sessions[0]
    with db.read() as s:
        ciphers = s.scalars(
            select(Attendee.id_cipher)
            .join(Registration)
            .where(Registration.session_id == session.id, Attendee.id_cipher.is_not(None))
        ).all()
    security.purge_session_ids(db, session.id, DEMO_PASSPHRASE)
    files = [path, Path(f"{path}-wal")]
    contents = b"".join(f.read_bytes() for f in files if f.exists())
    db.dispose()
    return len(ciphers), sum(c[:64] in contents for c in ciphers)


def test_purged_ciphers_leave_no_trace_in_the_files(demo_db_path: Path) -> None:
    purged, left = _purge_and_find_leftovers(demo_db_path)
    assert purged > 10 and left == 0


def test_without_secure_delete_purged_ciphers_would_linger(
    demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Why db/engine.py sets ``secure_delete=ON`` (some SQLite builds default to off, e.g. the
    one bundled with Python on Windows): freed space keeps the old bytes."""
    import db.engine

    monkeypatch.setattr(
        db.engine, "SQLITE_PRAGMAS", (*db.engine.SQLITE_PRAGMAS, "PRAGMA secure_delete=OFF")
    )
    purged, left = _purge_and_find_leftovers(demo_db_path)
    assert left > 0
