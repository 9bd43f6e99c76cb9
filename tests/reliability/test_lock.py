from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from desktop.lockfile import DatabaseInUse, DatabaseLock, acquire_window_lock, lock_path

ROOT = Path(__file__).resolve().parents[2]


def test_second_window_lock_is_refused_with_a_clear_message(tmp_path: Path) -> None:
    database = tmp_path / "event.sqlite3"
    first = acquire_window_lock(database)
    with pytest.raises(DatabaseInUse) as caught:
        acquire_window_lock(database)
    assert "這個資料庫已在另一個視窗開啟" in str(caught.value)
    assert "pid" in caught.value.holder
    first.release()
    acquire_window_lock(database).release()  # free again
    assert lock_path(database).name == "event.sqlite3.lock"


def test_lock_held_by_another_process_and_freed_when_it_dies(tmp_path: Path) -> None:
    database = tmp_path / "event.sqlite3"
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            textwrap.dedent(f"""
            import sys, time
            from desktop.lockfile import acquire_window_lock
            lock = acquire_window_lock(__import__('pathlib').Path({str(database)!r}))
            print('locked', flush=True)
            sys.stdin.readline()
        """),
        ],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline() == b"locked\n"
    with pytest.raises(DatabaseInUse):
        DatabaseLock(database).acquire()
    holder.kill()  # a crashed window must not leave a stale lock
    holder.wait()
    with DatabaseLock(database) as lock:
        assert lock.held
    assert not lock.held


def test_cli_restore_is_refused_while_a_window_holds_the_database(
    run_cli,
    demo_db_path: Path,
    tmp_path: Path,
) -> None:
    code, _, _ = run_cli("--db", demo_db_path, "backup", "--out", tmp_path / "b.sqlite3")
    assert code == 0
    lock = acquire_window_lock(demo_db_path)
    try:
        before = demo_db_path.read_bytes()
        code, _, err = run_cli("--db", demo_db_path, "restore", tmp_path / "b.sqlite3")
        assert code == 2 and "已在另一個視窗開啟" in err and err.count("\n") == 1
        assert demo_db_path.read_bytes() == before
        # Short commands still work alongside the window (SQLite's own locking).
        code, _, err = run_cli("--db", demo_db_path, "summary", "--json")
        assert code == 0, err
    finally:
        lock.release()
