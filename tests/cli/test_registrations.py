import json
from pathlib import Path

from tests.registration_files import MESSY_ROWS, SAMPLE, write_csv

ROSTER_KEYS = {
    "name",
    "agency",
    "unit",
    "title",
    "session",
    "status",
    "queue",
    "table",
    "lunch",
    "wants_hours",
    "id_valid",
}


def test_import_json_summary_then_roster_and_admit(
    run_cli, demo_db_path: Path, tmp_path: Path
) -> None:
    path = write_csv(tmp_path / "messy.csv", MESSY_ROWS)
    code, out, err = run_cli("--db", demo_db_path, "import", path, "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert (summary["rows_read"], summary["imported"], summary["duplicates_merged"]) == (8, 5, 1)
    assert summary["rejected"][0] == {
        "row": 5,
        "column": "姓名",
        "code": "row_no_name",
        "reason": "沒有姓名，此列不匯入",
    }
    assert any(f["row"] == 6 and f["column"] == "身分證字號" for f in summary["flagged"])

    code, out, _ = run_cli("--db", demo_db_path, "import", path, "--json")
    again = json.loads(out)
    assert (again["imported"], again["updated"], again["unchanged"]) == (0, 0, 5)

    code, out, _ = run_cli("--db", demo_db_path, "admit", "--session", "台北", "--json")
    assert code == 0
    [result] = json.loads(out)
    assert result["session"] == "臺北場次" and result["admitted"] == 40

    code, out, _ = run_cli("--db", demo_db_path, "roster", "--session", "臺北場次", "--json")
    roster = json.loads(out)
    assert code == 0 and len(roster) == 47
    assert all(set(r) == ROSTER_KEYS for r in roster)
    wang = next(r for r in roster if r["name"] == "王小明")
    assert (wang["title"], wang["id_valid"], wang["session"]) == ("股長", True, "臺北場次")
    assert "F131104093" not in out and "0912345678" not in out


def test_import_unreadable_file_is_one_line_exit_2(
    run_cli, demo_db_path: Path, tmp_path: Path
) -> None:
    bad = tmp_path / "x.csv"
    bad.write_bytes(bytes(range(256)) * 4)
    code, out, err = run_cli("--db", demo_db_path, "import", bad)
    assert code == 2 and out == "" and err.count("\n") == 1 and "x.csv" in err and "未匯入" in err


def test_import_text_output_lists_problems(run_cli, demo_db_path: Path) -> None:
    code, out, _ = run_cli("--db", demo_db_path, "import", SAMPLE, "--dry-run")
    assert code == 0 and "預覽" in out and "合併" in out and "第 39 列與第 9 列" in out


def test_passphrase_from_environment(
    run_cli, demo_db_path: Path, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "wrong")
    code, _, err = run_cli("--db", demo_db_path, "import", SAMPLE)
    assert code == 2 and "密語" in err


def test_admitted_list_exports(run_cli, demo_db_path: Path, tmp_path: Path) -> None:
    target = tmp_path / "list.xlsx"
    code, out, err = run_cli(
        "--db", demo_db_path, "admitted-list", "--session", "臺中", "--out", target, "--json"
    )
    assert code == 0, err
    assert json.loads(out)["rows"] == 40 and target.exists()


def test_import_text_output_names_who_is_missing(
    run_cli, demo_db_path: Path, tmp_path: Path
) -> None:
    # The count alone ("本次名單中沒有 1") does not tell the organiser whom to look at.
    run_cli("--db", demo_db_path, "import", write_csv(tmp_path / "v1.csv", MESSY_ROWS))
    rows = [r for r in MESSY_ROWS if r[1] != "張志豪"]
    code, out, _ = run_cli("--db", demo_db_path, "import", write_csv(tmp_path / "v2.csv", rows))
    assert code == 0 and "本次名單中沒有 1" in out
    assert "[不在本次名單] 臺中場次 張志豪" in out


def test_reimport_then_admit_keeps_a_checked_in_person_and_their_pass(
    run_cli, demo_db_path: Path
) -> None:
    # The reproduction on the command line: check in, `import`, `admit`, scan again.
    from sqlalchemy import select

    from db.models import Event
    from desktop.app import open_database
    from desktop.core.tokens import make_token
    from desktop.services.roster import list_roster  # registration ids are not in --json

    db = open_database(demo_db_path)
    with db.read() as s:
        secret = s.scalars(select(Event.token_secret)).one()
    last = [r for r in list_roster(db, 1) if r.status == "admitted"][-1]
    db.dispose()
    token = make_token(secret, last.registration_id)
    code, out, err = run_cli("--db", demo_db_path, "checkin", token, "--json")
    assert code == 0 and json.loads(out)["result"] == "ok", err

    code, out, err = run_cli("--db", demo_db_path, "import", SAMPLE, "--json")
    assert code == 0, err
    assert json.loads(out)["status_changes"] == []
    code, out, _ = run_cli("--db", demo_db_path, "admit", "--dry-run", "--json")
    assert code == 0 and all(r["committed"] is False for r in json.loads(out))
    code, out, _ = run_cli("--db", demo_db_path, "admit", "--json")
    results = json.loads(out)
    assert code == 0 and [r["admitted"] for r in results] == [40, 40, 40]
    changes = [c for r in results for c in r["status_changes"]]
    assert all(c["from"] == "waitlisted" and c["to"] == "admitted" for c in changes)
    assert all(
        set(c) == {"registration_id", "name", "session", "from", "to", "reason"} for c in changes
    )
    assert last.registration_id not in {c["registration_id"] for c in changes}
    code, out, _ = run_cli("--db", demo_db_path, "checkin", token, "--json")
    assert json.loads(out)["result"] == "already_checked_in"


def test_import_moving_someone_out_of_a_seat_needs_yes(
    run_cli, demo_db_path: Path, tmp_path: Path
) -> None:
    from db.models import EventSession
    from desktop.app import open_database
    from desktop.services.roster import list_roster

    v1 = write_csv(tmp_path / "v1.csv", MESSY_ROWS)
    assert run_cli("--db", demo_db_path, "import", v1)[0] == 0
    db = open_database(demo_db_path)
    with db.unit_of_work() as s:  # room for 陳大華 in 臺北
        taipei = s.get_one(EventSession, 1)
        taipei.capacity, taipei.agency_limit = 60, 9
    db.dispose()
    code, out, _ = run_cli("--db", demo_db_path, "admit", "--session", "臺北場次")
    assert code == 0 and "[錄取] 臺北場次" in out
    rows = [list(r) for r in MESSY_ROWS]
    for r in rows:
        if "陳大華" in r[1]:
            r[8] = "臺南場次"
    v2 = write_csv(tmp_path / "v2.csv", rows)
    code, out, _ = run_cli("--db", demo_db_path, "import", v2)
    assert code == 1 and "--yes" in out and "[移出名額] 臺南場次 陳大華：已錄取 → 候補" in out
    db = open_database(demo_db_path)
    assert next(r for r in list_roster(db) if r.name == "陳大華").session == "臺北場次"
    db.dispose()
    code, out, _ = run_cli("--db", demo_db_path, "import", v2, "--json")
    summary = json.loads(out)
    assert code == 1 and summary["committed"] is False
    assert [(c["name"], c["from"], c["to"], c["reason"]) for c in summary["status_changes"]] == [
        ("陳大華", "admitted", "waitlisted", "session_changed")
    ]
    code, out, _ = run_cli("--db", demo_db_path, "import", v2, "--yes")
    assert code == 0 and "[移出名額]" in out
    db = open_database(demo_db_path)
    assert next(r for r in list_roster(db) if r.name == "陳大華").session == "臺南場次"
    db.dispose()
