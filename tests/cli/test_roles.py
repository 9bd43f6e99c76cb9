"""The window's desk/organiser split on the command line (issue 13): every organiser action
refuses without the organiser passphrase; desk work needs none."""

from __future__ import annotations

import argparse
import json
import sqlite3
from pathlib import Path

import pytest

from desktop.cli import build_parser
from desktop.services.security import ORGANISER_ACTIONS
from desktop.ui.screens import screen_classes
from tests.registration_files import SAMPLE

ORGANISER_COMMANDS = {
    "import",
    "admit",
    "passes",
    "event set",
    "session add",
    "export hours",
    "ids purge",
    "tables assign",
    "handouts add",
    "handouts remove",
    "tables template",
    "tables leader",
    "tables location",
    "tables move",
    "tables pin",
    "tables unpin",
    "tables on-arrival",
    "agenda add",
    "agenda import",
    "agenda remove",
    "serve",
    "vote open",
    "vote close",
    "vote ballot",
    "vote revoke",
    "vote export",
    "survey open",
    "survey close",
    "survey answer",
    "survey export",
}


def _leaves(
    parser: argparse.ArgumentParser, prefix: str = ""
) -> dict[str, argparse.ArgumentParser]:
    found = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                found.update(_leaves(child, f"{prefix} {name}".strip()))
    return found or {prefix: parser}


def test_one_list_of_organiser_actions_for_the_window_and_the_command_line() -> None:
    leaves = _leaves(build_parser())
    gated = {
        name for name, p in leaves.items() if isinstance(p.get_default("organiser_action"), str)
    }
    assert gated == ORGANISER_COMMANDS
    assert all(leaves[name].get_default("organiser_action") in ORGANISER_ACTIONS for name in gated)
    # hours is desk work to read, organiser work to --adjust; restore checks for itself.
    hours = leaves["hours"].get_default("organiser_action")
    assert hours(argparse.Namespace(adjust=None)) is None
    assert hours(argparse.Namespace(adjust="王小明")) == "hours.adjust"
    organiser_screens = {
        cls.__name__ for cls in screen_classes() if cls.action in ORGANISER_ACTIONS
    }
    assert organiser_screens == {
        "RosterScreen",
        "TablesScreen",
        "AgendaScreen",
        "GroupReportsScreen",
        "DocumentsScreen",
    }


@pytest.mark.parametrize(
    "argv",
    [
        ("import", SAMPLE),
        ("admit",),
        ("passes", "--session", "臺北", "--out", "{tmp}/passes"),
        ("event", "set", "--session", "臺北", "--term", "9"),
        (
            "session",
            "add",
            "--name",
            "加場",
            "--date",
            "2019-05-01",
            "--start",
            "09:00",
            "--end",
            "12:00",
            "--venue",
            "會議室",
        ),
        ("hours", "--session", "臺北", "--adjust", "1", "--to", "6", "--reason", "補課"),
        ("export", "hours", "--session", "臺北", "--layout", "full", "--out", "{tmp}/hours.csv"),
        ("tables", "template", "--session", "臺北", "--count", "2", "--capacity", "3"),
        ("restore", "{tmp}/backup.sqlite3"),
        ("agenda", "remove", "--session", "臺北", "--all"),
        ("vote", "open", "--session", "臺北", "--budget", "1000000", "--method", "basket"),
        ("serve", "--session", "臺北", "--host", "127.0.0.1", "--port", "0"),
    ],
)
def test_organiser_commands_refuse_without_the_passphrase_and_change_nothing(
    run_cli,
    demo_db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    argv: tuple[str, ...],
) -> None:
    assert run_cli("--db", demo_db_path, "backup", "--out", tmp_path / "backup.sqlite3")[0] == 0
    before = _content(demo_db_path)
    monkeypatch.delenv("WORKSHOP_DESK_PASSPHRASE")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    argv = tuple(str(a).format(tmp=tmp_path) for a in argv)
    code, out, err = run_cli("--db", demo_db_path, *argv)
    assert code == 2 and "WORKSHOP_DESK_PASSPHRASE" in err and err.count("\n") == 1
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "not the passphrase")
    code, out, err = run_cli("--db", demo_db_path, *argv)
    assert code == 2 and "密語不正確" in err and err.count("\n") == 1
    assert _content(demo_db_path) == before
    assert not (tmp_path / "passes").exists() and not (tmp_path / "hours.csv").exists()
    with sqlite3.connect(demo_db_path) as c:
        failed = c.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'role.unlock_failed'"
        ).fetchone()[0]
    c.close()
    assert failed == 1


def _content(path: Path) -> tuple[object, ...]:
    """What an organiser action would change (the audit log aside)."""
    with sqlite3.connect(path) as c:
        rows = tuple(
            c.execute(f"SELECT * FROM {table}").fetchall()
            for table in (
                "registrations",
                "attendees",
                "sessions",
                "events",
                "workshop_tables",
                "seat_assignments",
                "settings",
                "hours_adjustments",
            )
        )
    c.close()
    return rows


def test_desk_commands_need_no_passphrase(
    run_cli, demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("WORKSHOP_DESK_PASSPHRASE")
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    for argv in (
        ("summary", "--json"),
        ("roster", "--json"),
        ("hours", "--session", "臺北"),
        ("checkin", "--search", "不存在的人", "--json"),
        ("backup", "--out", tmp_path / "b.sqlite3"),
    ):
        code, _, err = run_cli("--db", demo_db_path, *argv)
        assert "WORKSHOP_DESK_PASSPHRASE" not in err and code in (0, 1), (argv, err)


def test_restoring_another_events_backup_needs_force(
    run_cli, demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.sqlite3"
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "tea at four, room 707")
    assert (
        run_cli("--db", other, "event", "create", "--name", "別的活動", "--organiser", "他機關")[0]
        == 0
    )
    assert run_cli("--db", other, "backup", "--out", tmp_path / "other-backup.sqlite3")[0] == 0
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "demo")  # the current database's organiser
    monkeypatch.setattr("sys.stdin.isatty", lambda: False, raising=False)
    before = _content(demo_db_path)
    code, _, err = run_cli("--db", demo_db_path, "restore", tmp_path / "other-backup.sqlite3")
    assert code == 2 and "別的活動" in err and "--force" in err and err.count("\n") == 1
    assert _content(demo_db_path) == before
    code, out, err = run_cli(
        "--db", demo_db_path, "restore", tmp_path / "other-backup.sqlite3", "--force", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["ok"]
    assert run_cli("--db", demo_db_path, "summary", "--json")[1].count("別的活動") == 1
