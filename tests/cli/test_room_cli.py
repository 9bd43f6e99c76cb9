"""``workshop-desk room-code show|replace`` and ``handouts add|list|remove``: the JSON keys,
the roles, refusals in the one error shape."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Registration, WorkshopTable
from desktop.app import open_database
from desktop.core.room_code import shown


def _code(db_path: Path, registration_id: int) -> str | None:
    db = open_database(db_path)
    try:
        with db.read() as s:
            return s.get_one(Registration, registration_id).room_code
    finally:
        db.dispose()


def _first_admitted(db_path: Path) -> int:
    db = open_database(db_path)
    try:
        with db.read() as s:
            found = s.scalar(
                select(Registration.id)
                .where(Registration.status == "admitted")
                .order_by(Registration.id)
            )
        assert found is not None
        return found
    finally:
        db.dispose()


def test_room_code_show_then_replace(run_cli, demo_db_path: Path) -> None:
    rid = _first_admitted(demo_db_path)
    db = ("--db", demo_db_path)
    code, out, _ = run_cli(
        *db, "room-code", "show", "--session", "臺北", "--person", str(rid), "--json"
    )
    shown_json = json.loads(out)
    assert code == 0 and set(shown_json) == {
        "ok",
        "registration_id",
        "name",
        "session",
        "room_code",
        "replaced",
    }
    stored = _code(demo_db_path, rid)
    assert stored is not None and shown_json["room_code"] == shown(stored)
    code, out, _ = run_cli(*db, "room-code", "show", "--session", "臺北", "--person", str(rid))
    assert code == 0 and shown(stored) in out  # the same code again: showing changes nothing
    code, out, _ = run_cli(
        *db, "room-code", "replace", "--session", "臺北", "--person", shown_json["name"], "--json"
    )
    replaced = json.loads(out)
    assert code == 0 and replaced["replaced"] is True
    assert replaced["room_code"] != shown_json["room_code"]
    assert replaced["room_code"] == shown(_code(demo_db_path, rid) or "")
    code, out, err = run_cli(
        *db, "room-code", "show", "--session", "臺北", "--person", "查無此人", "--json"
    )
    assert code == 2 and json.loads(out)["error"]["code"] == "no_such_person"


def _pptx(path: Path) -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("ppt/presentation.xml", "<p/>")
    path.write_bytes(out.getvalue())


def test_handouts_add_list_remove(
    run_cli, demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = ("--db", demo_db_path)
    slides = tmp_path / "課程簡報.pptx"
    _pptx(slides)
    code, out, _ = run_cli(
        *db, "handouts", "add", "--session", "臺北", str(slides), "--title", "簡報", "--json"
    )
    added = json.loads(out)
    assert code == 0 and added["ok"] is True
    assert (added["title"], added["file_name"], added["kind"]) == ("簡報", "課程簡報.pptx", "pptx")
    assert added["bytes"] == slides.stat().st_size
    code, out, _ = run_cli(*db, "handouts", "list", "--session", "臺北", "--json")
    listed = json.loads(out)
    assert [h["id"] for h in listed["handouts"]] == [added["id"]]
    assert listed["limit_file_bytes"] == 50 * 1024 * 1024
    assert listed["limit_session_bytes"] == 200 * 1024 * 1024

    renamed = tmp_path / "講義.pdf"
    renamed.write_bytes(b"MZ not a pdf")
    code, out, err = run_cli(*db, "handouts", "add", "--session", "臺北", str(renamed), "--json")
    assert code == 2 and json.loads(out)["error"]["code"] == "handout_content"
    assert "講義.pdf" in err

    code, out, _ = run_cli(
        *db, "handouts", "remove", "--session", "臺北", "--id", str(added["id"]), "--json"
    )
    assert code == 0 and json.loads(out)["id"] == added["id"]
    code, out, _ = run_cli(*db, "handouts", "list", "--session", "臺北", "--json")
    assert json.loads(out)["handouts"] == []

    monkeypatch.delenv("WORKSHOP_DESK_PASSPHRASE")
    code, _, err = run_cli(*db, "handouts", "add", "--session", "臺北", str(slides))
    assert code == 2 and "WORKSHOP_DESK_PASSPHRASE" in err


def test_a_tables_location_reaches_the_room_page(run_cli, demo_db_path: Path) -> None:
    from desktop.services import room, seating
    from desktop.services.events import find_session

    db = ("--db", demo_db_path)
    code, out, _ = run_cli(
        *db, "tables", "location", "--session", "臺北", "--table", "2", "--text", "靠窗第二排"
    )
    assert code == 0 and "靠窗第二排" in out
    opened = open_database(demo_db_path)
    try:
        session = find_session(opened, "臺北")
        seating.assign(opened, session.id)
        with opened.read() as s:
            seated = s.scalar(
                select(Registration.id)
                .where(Registration.session_id == session.id)
                .where(
                    Registration.seat.has(
                        table_id=select(WorkshopTable.id)
                        .where(WorkshopTable.session_id == session.id, WorkshopTable.number == 2)
                        .scalar_subquery()
                    )
                )
            )
        assert seated is not None
        day = room.day(opened, session.id, seated, dt.datetime(2019, 3, 15, 9, 0)).as_json()
        assert day["table"]["number"] == 2 and day["table"]["location"] == "靠窗第二排"
    finally:
        opened.dispose()
