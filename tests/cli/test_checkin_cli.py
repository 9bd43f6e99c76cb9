import csv
import json
import re
from pathlib import Path

from pypdf import PdfReader
from sqlalchemy import select

from db.models import Event, Registration
from desktop.app import open_database
from desktop.core.tokens import make_token


def _token(db_path: Path, status: str = "admitted", session: int = 1) -> str:
    db = open_database(db_path)
    try:
        with db.read() as s:
            secret = s.scalars(select(Event.token_secret)).one()
            reg = s.scalars(
                select(Registration.id).where(
                    Registration.status == status, Registration.session_id == session
                )
            ).first()
        return make_token(secret, reg)
    finally:
        db.dispose()


def test_checkin_json_result_and_exit_status(run_cli, demo_db_path: Path) -> None:
    token = _token(demo_db_path)
    code, out, _ = run_cli("--db", demo_db_path, "checkin", token, "--json")
    data = json.loads(out)
    assert code == 0 and data["result"] == "ok" and data["session"] == "臺北場次"
    assert "phone" not in data and "email" not in data
    code, out, _ = run_cli("--db", demo_db_path, "checkin", token, "--session", "台北", "--json")
    assert code == 1 and json.loads(out)["result"] == "already_checked_in"
    code, out, _ = run_cli("--db", demo_db_path, "checkin", token, "--session", "臺南", "--json")
    assert code == 1 and json.loads(out)["result"] == "other_session"
    code, out, _ = run_cli("--db", demo_db_path, "checkin", token, "--out", "--json")
    assert code == 0 and json.loads(out)["action"] == "out"
    code, out, _ = run_cli("--db", demo_db_path, "checkin", token[:-1] + "Q", "--json")
    assert code == 1 and json.loads(out)["result"] in ("forged", "invalid_code")
    code, out, _ = run_cli("--db", demo_db_path, "checkin", "hello", "--json")
    assert code == 1 and json.loads(out)["result"] == "invalid_code"
    waitlisted = _token(demo_db_path, "waitlisted")
    code, out, _ = run_cli("--db", demo_db_path, "checkin", waitlisted)
    assert code == 1 and "未錄取" in out


def test_checkin_with_the_same_nonce_again_is_answered_as_the_first_time(
    run_cli, demo_db_path: Path
) -> None:
    token = _token(demo_db_path)
    args = ("--db", demo_db_path, "checkin", token, "--nonce", "desk1-0001", "--json")
    first, again = (json.loads(run_cli(*args)[1]) for _ in range(2))
    assert (first["result"], first["replayed"]) == ("ok", False)
    assert (again["result"], again["replayed"]) == ("ok", True)
    assert again["check_in_id"] == first["check_in_id"]
    code, _, err = run_cli("--db", demo_db_path, "checkin", token, "--nonce", " ")
    assert code != 0 and "--nonce" in err


def test_checkin_search(run_cli, demo_db_path: Path) -> None:
    code, out, _ = run_cli("--db", demo_db_path, "checkin", "--search", "王", "--json")
    data = json.loads(out)
    assert code == 1 and data["result"] == "ambiguous" and len(data["matches"]) > 1
    name = data["matches"][0]["name"]
    session = data["matches"][0]["session"]
    code, out, _ = run_cli(
        "--db", demo_db_path, "checkin", "--search", name, "--session", session, "--json"
    )
    assert code == 0 and json.loads(out)["name"] == name
    code, out, _ = run_cli("--db", demo_db_path, "checkin", "--search", "不存在的人", "--json")
    assert code == 1 and json.loads(out)["result"] == "not_found"
    code, _, err = run_cli("--db", demo_db_path, "checkin", "--json")
    assert code == 2 and "TOKEN" in err


def test_passes_pdf_png_csv(run_cli, demo_db_path: Path, tmp_path: Path) -> None:
    out_dir = tmp_path / "passes"
    code, out, _ = run_cli(
        "--db", demo_db_path, "passes", "--session", "台南", "--out", out_dir, "--json"
    )
    data = json.loads(out)
    assert code == 0 and data["count"] == 40 and data["session"] == "臺南場次"
    reader = PdfReader(data["pdf"])
    assert len(reader.pages) == 5
    text = reader.pages[0].extract_text()
    assert "臺南場次" in text and "108年3月29日" in text and "第 1 / 5 頁" in text
    with open(data["csv"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert list(rows[0]) == ["name", "email", "file", "room_code"] and len(rows) == 40
    assert rows[0]["name"] in text
    # every seat holder has a room code of its own, printed on the pass beside the QR
    codes = [r["room_code"] for r in rows]
    assert len(set(codes)) == 40 and all(
        re.fullmatch(r"[2-9A-HJKMNP-Z]{3}(-[2-9A-HJKMNP-Z]{3}){2}", c) for c in codes
    )
    assert rows[0]["room_code"] in text
    assert all(Path(r["file"]).is_file() and r["email"].endswith(".gov.tw") for r in rows)
    assert not [p for p in out_dir.iterdir() if p.name.startswith(".passes-")]
    code, _, err = run_cli("--db", demo_db_path, "passes", "--session", "高雄", "--out", out_dir)
    assert code == 2 and "高雄" in err


def test_empty_token_or_search_is_bad_input_not_a_result(run_cli, demo_db_path: Path) -> None:
    code, out, err = run_cli("--db", demo_db_path, "checkin", "  ", "--json")
    assert code == 2 and "TOKEN is empty" in err
    assert json.loads(out)["error"]["code"] == "usage"  # a refusal, not a check-in result
    code, out, err = run_cli("--db", demo_db_path, "checkin", "--search", "", "--json")
    assert code == 2 and "--search is empty" in err and json.loads(out)["ok"] is False


def test_checkin_off_the_session_day_warns_in_json_and_on_stderr(
    run_cli, demo_db_path: Path, monkeypatch
) -> None:
    import datetime as dt

    import desktop.cli.checkin as checkin_cli

    class Day(dt.date):
        @classmethod
        def today(cls):
            return cls(2019, 3, 14)  # the day before 臺北場次

    token = _token(demo_db_path)
    monkeypatch.setattr(checkin_cli.dt, "date", Day)
    code, out, err = run_cli("--db", demo_db_path, "checkin", token, "--json")
    data = json.loads(out)
    assert code == 0 and data["result"] == "ok" and data["warning"] == "not_session_day"
    assert "不會計入時數" in err and "2019-03-15" in err
    monkeypatch.setattr(Day, "today", classmethod(lambda cls: cls(2019, 3, 15)))
    code, out, err = run_cli("--db", demo_db_path, "checkin", token, "--out", "--json")
    assert json.loads(out)["warning"] is None and err == ""
