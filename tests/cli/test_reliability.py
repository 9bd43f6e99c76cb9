from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest


def test_backup_and_restore_round_trip_json(run_cli, demo_db_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "stick" / "copy.sqlite3"
    code, stdout, err = run_cli("--db", demo_db_path, "backup", "--out", out, "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data == {
        "ok": True,
        "database": str(demo_db_path),
        "backup": str(out.resolve()),
        "bytes": out.stat().st_size,
        "integrity": "ok",
    }
    with sqlite3.connect(demo_db_path) as c:
        c.execute("DELETE FROM registrations")
    c.close()
    code, stdout, err = run_cli("--db", demo_db_path, "restore", out, "--json")
    assert code == 0, err
    data = json.loads(stdout)
    assert data["ok"] and data["restored_from"] == str(out.resolve())
    assert Path(data["previous_copy"]).exists()
    with sqlite3.connect(demo_db_path) as c:
        assert c.execute("SELECT count(*) FROM registrations").fetchone()[0] == 135
    c.close()


def test_restore_of_a_bad_file_is_a_one_line_error(
    run_cli, demo_db_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"\x00junk" * 500)
    code, _, err = run_cli("--db", demo_db_path, "restore", bad)
    assert code == 2 and "備份檔已損毀" in err and err.count("\n") == 1


@pytest.mark.allow_log(r"^damaged database .*malformed")
def test_damaged_database_error_names_the_newest_good_backup(
    run_cli, demo_db_path: Path, tmp_path: Path
) -> None:
    from desktop.services.backup import auto_backup

    good = auto_backup(demo_db_path).path  # default folder <data>/backups
    data = bytearray(demo_db_path.read_bytes())
    data[4096 * 2 : 4096 * 12] = b"\xa5" * (4096 * 10)
    demo_db_path.write_bytes(bytes(data))
    code, _, err = run_cli("--db", demo_db_path, "summary")
    assert code == 2 and err.count("\n") == 1
    assert "已損毀" in err and str(good) in err


def test_ids_purge_needs_the_passphrase(
    run_cli, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKSHOP_DESK_PASSPHRASE", raising=False)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    code, _, err = run_cli("--db", demo_db_path, "ids", "purge", "--session", "臺北")
    assert code == 2 and "WORKSHOP_DESK_PASSPHRASE" in err
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "wrong")
    code, _, err = run_cli("--db", demo_db_path, "ids", "purge", "--session", "臺北")
    assert code == 2 and "密語不正確" in err
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "demo")
    code, out, err = run_cli("--db", demo_db_path, "ids", "purge", "--session", "台北", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert data["session"] == "臺北場次" and data["purged"] > 0 and data["ok"]
    with sqlite3.connect(demo_db_path) as c:
        left = c.execute(
            "SELECT count(*) FROM attendees a JOIN registrations r ON r.attendee_id = a.id "
            "WHERE r.session_id = ? AND a.id_cipher IS NOT NULL",
            (data["session_id"],),
        ).fetchone()[0]
    c.close()
    assert left == 0


def test_backup_never_overwrites_a_file_that_is_not_a_backup(
    run_cli, demo_db_path: Path, empty_db_path: Path, tmp_path: Path
) -> None:
    """QA: ``backup --out notes.txt`` replaced the file; ``--out`` another live database
    replaced that database; ``--out FOLDER`` named a hidden ``.partial`` file."""
    notes = tmp_path / "notes.txt"
    notes.write_text("名單備註", encoding="utf-8")
    code, _, err = run_cli("--db", demo_db_path, "backup", "--out", notes)
    assert code == 2 and "未覆寫" in err and err.count("\n") == 1
    assert notes.read_text(encoding="utf-8") == "名單備註"
    live = empty_db_path.read_bytes()  # a database in use (WAL mode), e.g. another event
    code, _, err = run_cli("--db", demo_db_path, "backup", "--out", empty_db_path)
    assert code == 2 and "未覆寫" in err and empty_db_path.read_bytes() == live
    folder = tmp_path / "usb"
    folder.mkdir()
    code, _, err = run_cli("--db", demo_db_path, "backup", "--out", folder)
    assert code == 2 and "資料夾" in err and ".partial" not in err and list(folder.iterdir()) == []
    # a backup it wrote earlier may be replaced (a script's nightly "latest.sqlite3")
    latest = folder / "latest.sqlite3"
    assert run_cli("--db", demo_db_path, "backup", "--out", latest)[0] == 0
    assert run_cli("--db", demo_db_path, "backup", "--out", latest)[0] == 0
