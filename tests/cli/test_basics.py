from __future__ import annotations

import json
from pathlib import Path

import pytest


def test_summary_json_reports_seed_sessions_and_agenda(run_cli, demo_db_path: Path) -> None:
    code, out, err = run_cli("--db", demo_db_path, "summary", "--json")
    assert code == 0, err
    (event,) = json.loads(out)["events"]
    sessions = {s["name"]: s for s in event["sessions"]}
    assert sessions["臺南場次"]["date"] == "2019-03-29"
    assert sessions["臺南場次"]["venue"] == "成功大學技轉育成中心會議室"
    assert sessions["臺北場次"]["agenda"][0] == {
        "start": "08:30",
        "end": "09:00",
        "title": "報到",
        "kind": "check_in",
        "speaker": "",
        "counts_for_hours": False,
    }
    assert sessions["臺中場次"]["counts"] == {
        "admitted": 40,
        "waitlisted": 5,
        "cancelled": 0,
        "walk_in": 0,
    }


def test_demo_builds_a_separate_file_and_refuses_to_overwrite(run_cli, tmp_path: Path) -> None:
    target = tmp_path / "d.sqlite3"
    code, out, _ = run_cli("--db", target, "demo", "--json")
    assert code == 0 and json.loads(out)["attendees"] == 135
    code, _, err = run_cli("--db", target, "demo")
    assert code == 2 and "--reset" in err and err.count("\n") == 1


@pytest.mark.allow_log(r"^damaged database .*: file is not a database")
def test_global_db_option_on_an_unreadable_file_is_a_one_line_error(
    run_cli, tmp_path: Path
) -> None:
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    code, _, err = run_cli("--db", garbage, "summary", "--json")
    assert code == 2
    assert "不是可用的資料庫" in err and err.count("\n") == 1


def test_self_test_passes(run_cli) -> None:
    code, out, err = run_cli("self-test", "--json")
    assert code == 0, out + err
    assert json.loads(out)["ok"] is True


def test_a_database_url_no_driver_understands_is_a_one_line_error(run_cli) -> None:
    """QA: ``--db garbage://x`` and ``--db mysql://…`` printed a traceback."""
    for url in ("garbage://x", "mysql://user:s3cret@host/db"):
        code, _, err = run_cli("--db", url, "summary")
        assert code == 2 and err.count("\n") == 1, err
        assert "不支援的資料庫網址" in err and "s3cret" not in err


def test_a_reader_that_stops_early_gets_no_traceback(demo_db_path: Path, console) -> None:
    """`workshop-desk roster --json | head -1`: the closed pipe is not an error."""
    import subprocess
    import sys

    from tests.cli.conftest import child_env

    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(demo_db_path), "roster", "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        cwd=Path(__file__).resolve().parents[2],
        env=child_env(console),
    )
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # like `head` that has already quit: every write meets a closed pipe
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 0
    assert "Traceback" not in err and "BrokenPipe" not in err
