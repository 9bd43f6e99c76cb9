"""An organiser scripts a new event from nothing: event create, session add, import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.registration_files import SAMPLE


def test_new_event_from_the_command_line(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "course.sqlite3"
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "a-long-secret")
    code, out, err = run_cli(
        "--db",
        db,
        "event",
        "create",
        "--name",
        "參與式預算",
        "--organiser",
        "國家發展委員會",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["ok"] is True
    code, out, err = run_cli(
        "--db",
        db,
        "session",
        "add",
        "--name",
        "臺中場次",
        "--date",
        "2019-04-12",
        "--start",
        "10:30",
        "--end",
        "17:00",
        "--venue",
        "崇仁活動中心",
        "--json",
    )
    assert code == 0, err
    code, out, _ = run_cli("--db", db, "summary", "--json")
    (event,) = json.loads(out)["events"]
    assert event["name"] == "參與式預算"
    assert [(s["name"], s["date"], s["capacity"]) for s in event["sessions"]] == [
        ("臺中場次", "2019-04-12", 40)
    ]
    code, out, err = run_cli("--db", db, "import", SAMPLE, "--json")  # the sample export
    assert code == 0, err
    summary = json.loads(out)
    assert summary["imported"] == 20  # its 臺中場次 rows; the other sessions' rows are refused
    assert all("對不上任何場次" in r["reason"] for r in summary["rejected"])
    code, _, err = run_cli("--db", db, "event", "create", "--name", "二", "--organiser", "x")
    assert code == 2 and "已有活動" in err and err.count("\n") == 1


def test_bad_setup_input_is_one_line(
    run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "course.sqlite3"
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "short")
    code, _, err = run_cli("--db", db, "event", "create", "--name", "課", "--organiser", "主辦")
    assert code == 2 and "至少需要 8 個字元" in err and err.count("\n") == 1
    assert not db.exists()  # nothing written for refused input
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "12345678")
    code, _, err = run_cli("--db", db, "event", "create", "--name", "課", "--organiser", "主辦")
    assert code == 2 and "太常見" in err and err.count("\n") == 1 and not db.exists()
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "a-long-secret")
    assert run_cli("--db", db, "event", "create", "--name", "課", "--organiser", "主辦")[0] == 0
    code, _, err = run_cli(
        "--db",
        db,
        "session",
        "add",
        "--name",
        "甲",
        "--date",
        "2019-04-12",
        "--start",
        "17:00",
        "--end",
        "10:30",
        "--venue",
        "會議室",
    )
    assert code == 2 and "結束時間：必須晚於開始時間" in err and err.count("\n") == 1
