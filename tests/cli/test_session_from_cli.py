"""A session made from the command line gets its agenda from the CLI; without credit blocks
hours say why, and a document with nobody in it is refused, never written empty."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from tests.registration_files import SAMPLE

SEED_AGENDA = (
    "起迄時間,活動議程,主講人,時間\n"
    "10:00-10:30,報到,,30 分鐘\n"
    "10:30-10:35,主辦單位開場致詞,王國政 高級分析師,5 分鐘\n"
    "10:35-11:50,[演講] 參與式預算過去、現在及未來,施聖文教授,75 分鐘\n"
    "11:50-12:50,午餐及小組交流時間,,60 分鐘\n"
    "12:50-13:50,小組討論,施聖文教授/ 各桌桌長,60 分鐘\n"
    ",（各桌桌長協助）,,\n"
    "13:50-14:20,小組報告+回饋,施聖文教授/ 各桌桌長,30 分鐘\n"
)


@pytest.fixture
def cli_session(run_cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    db = tmp_path / "course.sqlite3"
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "a-long-secret")
    assert (
        run_cli(
            "--db", db, "event", "create", "--name", "參與式預算", "--organiser", "國家發展委員會"
        )[0]
        == 0
    )
    assert (
        run_cli(
            "--db",
            db,
            "session",
            "add",
            "--name",
            "臺中場次",
            "--date",
            "2019-04-12",
            "--start",
            "10:00",
            "--end",
            "17:00",
            "--venue",
            "崇仁活動中心",
        )[0]
        == 0
    )
    assert run_cli("--db", db, "import", SAMPLE)[0] == 0
    assert run_cli("--db", db, "admit", "--session", "臺中")[0] == 0
    return db


def _check_in_everyone(db: Path, run_cli) -> None:
    from db.models import CheckIn, Registration, Status
    from desktop.app import open_database

    database = open_database(db)
    with database.unit_of_work() as s:
        for reg in s.query(Registration).filter(Registration.status == Status.ADMITTED):
            s.add(
                CheckIn(
                    registration_id=reg.id,
                    action="in",
                    at=dt.datetime(2019, 4, 12, 10),
                    desk="d",
                    operator="t",
                    method="cli",
                )
            )
            s.add(
                CheckIn(
                    registration_id=reg.id,
                    action="out",
                    at=dt.datetime(2019, 4, 12, 14, 30),
                    desk="d",
                    operator="t",
                    method="cli",
                )
            )
    database.dispose()


def test_no_agenda_says_why_and_certificates_are_refused(cli_session, run_cli, tmp_path) -> None:
    _check_in_everyone(cli_session, run_cli)
    code, out, err = run_cli("--db", cli_session, "hours", "--session", "臺中", "--json")
    people = json.loads(out)
    assert people and all(
        p["hours"] == 0 and "no_agenda" in p["reasons"] and p["rule"] == "no_agenda" for p in people
    )
    target = tmp_path / "certs.pdf"
    code, _, err = run_cli(
        "--db", cli_session, "pdf", "certificates", "--session", "臺中", "--out", target
    )
    assert code == 2 and "沒有計入時數的議程" in err and "agenda add" in err
    assert not target.exists() and not list(tmp_path.glob(".doc-*"))


def test_agenda_add_import_remove_give_hours(cli_session, run_cli, tmp_path) -> None:
    csv_file = tmp_path / "agenda.csv"
    csv_file.write_text(SEED_AGENDA, encoding="utf-8-sig")
    code, out, err = run_cli(
        "--db", cli_session, "agenda", "import", "--session", "台中", csv_file, "--json"
    )
    assert code == 0, err
    blocks = json.loads(out)["blocks"]
    assert [(b["start"], b["kind"], b["counts_for_hours"]) for b in blocks] == [
        ("10:00", "check_in", False),
        ("10:30", "opening", True),
        ("10:35", "talk", True),
        ("11:50", "lunch", False),
        ("12:50", "group_discussion", True),
        ("13:50", "group_report", True),
    ]
    assert blocks[4]["title"] == "小組討論 （各桌桌長協助）"  # a continuation row
    code, _, err = run_cli("--db", cli_session, "agenda", "import", "--session", "臺中", csv_file)
    assert code == 2 and "已有 6 段" in err  # never doubled
    code, out, err = run_cli(
        "--db",
        cli_session,
        "agenda",
        "add",
        "--session",
        "臺中",
        "--start",
        "14:20",
        "--end",
        "14:30",
        "--title",
        "休息",
        "--kind",
        "break",
        "--json",
    )
    assert code == 0, err
    added = json.loads(out)["blocks"][-1]
    assert (added["kind"], added["counts_for_hours"]) == ("break", False)
    code, out, err = run_cli(
        "--db",
        cli_session,
        "agenda",
        "remove",
        "--session",
        "臺中",
        "--id",
        str(added["id"]),
        "--json",
    )
    assert code == 0 and len(json.loads(out)["blocks"]) == 6
    code, out, err = run_cli(
        "--db", cli_session, "agenda", "remove", "--session", "臺中", "--all", "--json"
    )
    assert code == 0 and json.loads(out)["blocks"] == []
    code, out, err = run_cli("--db", cli_session, "agenda", "import", "--session", "臺中", csv_file)
    assert code == 0, err
    _check_in_everyone(cli_session, run_cli)
    code, out, _ = run_cli("--db", cli_session, "hours", "--session", "臺中", "--json")
    people = json.loads(out)
    # 10:30–11:50 and 12:50–14:20 carry credit: 2 h 50 min, 2.5 h by the 0.5 h step
    assert {p["hours"] for p in people} == {2.5} and all(p["full"] for p in people)
    target = tmp_path / "certs.pdf"
    code, _, err = run_cli(
        "--db", cli_session, "pdf", "certificates", "--session", "臺中", "--out", target
    )
    assert code == 0, err
    assert len(PdfReader(target).pages) == len(people)


def test_agenda_add_refuses_bad_times_in_one_line(cli_session, run_cli) -> None:
    code, _, err = run_cli(
        "--db",
        cli_session,
        "agenda",
        "add",
        "--session",
        "臺中",
        "--start",
        "11:00",
        "--end",
        "10:00",
        "--title",
        "演講",
    )
    assert code == 2 and "結束 10:00 必須晚於開始 11:00" in err
    assert len(err.strip().splitlines()) == 1


def test_agenda_import_names_the_row_and_column(cli_session, run_cli, tmp_path) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "起迄時間,活動議程,主講人\n10:30-10:35,開場,\n1030-11:00,演講,\n", encoding="utf-8"
    )
    code, _, err = run_cli("--db", cli_session, "agenda", "import", "--session", "臺中", bad)
    assert code == 2 and "第 3 列「起迄時間」" in err and "bad.csv" in err
    code, out, _ = run_cli("--db", cli_session, "agenda", "--session", "臺中", "--json")
    assert json.loads(out)["blocks"] == []  # nothing half-imported
    code, out, _ = run_cli(
        "--db", cli_session, "agenda", "import", "--session", "臺中", bad, "--json"
    )
    error = json.loads(out)["error"]
    assert code == 2 and error["code"] == "agenda_bad_span"
    assert error["params"] == {"file": str(bad), "row": 3, "value": "1030-11:00"}
