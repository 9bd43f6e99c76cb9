"""The room page and its JSON twin over HTTP (TestClient): signing in with the room code, the
one error shape, the day of that person only, CSRF on writes, handout downloads."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from urllib.parse import unquote

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from db.models import Registration, SeatAssignment, WorkshopTable
from desktop.core import room_code as rules
from desktop.services import handouts, room
from desktop.services.checkin import check_in_registration
from tests.server.conftest import Venue, personal_data


@pytest.fixture(autouse=True)
def fresh_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits())


def _someone(venue: Venue, index: int = 0) -> tuple[int, str, str]:
    """(registration id, full name, grouped code) of a seated person of the session."""
    with venue.db.read() as s:
        rows = s.execute(
            select(Registration.id, Registration.room_code)
            .join(SeatAssignment, SeatAssignment.registration_id == Registration.id)
            .where(Registration.session_id == venue.session.id)
            .order_by(Registration.id)
        ).all()
        rid, code = rows[index]
        name = s.get_one(Registration, rid).attendee.name
    assert code is not None  # the server gave every seat holder a code when it started
    return rid, name, rules.shown(code)


def _phone(venue: Venue) -> TestClient:
    return TestClient(venue.client.app, base_url="http://testserver")


def test_sign_in_with_the_code_gives_the_cookie_and_a_token(venue: Venue) -> None:
    rid, _, code = _someone(venue)
    phone = _phone(venue)
    answer = phone.post("/me/api/sign-in", json={"code": code.lower().replace("-", " ")})
    assert answer.status_code == 200
    body = answer.json()
    assert body["ok"] is True and re.fullmatch(r"[0-9a-f]{64}", body["csrf"])
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("wd_room=") and "HttpOnly" in cookie and "SameSite=strict" in cookie
    assert venue.live.attendees_signed_in() == 1
    day = phone.get("/me/api/day").json()
    assert set(day) >= {
        "name",
        "session",
        "checked_in",
        "table",
        "now",
        "next",
        "handouts",
        "vote",
        "survey",
    }
    assert day["session"] == "臺北場次" and day["checked_in"] is False
    assert set(day["table"]) >= {"number", "leader"}
    assert day["survey"] == {"status": "none", "answered": False}


@pytest.mark.parametrize(
    ("body", "status", "code"),
    [
        ({"code": "222-222-222"}, 403, "wrong_code"),
        ({"code": "K0M-Q4X-RTP"}, 403, "wrong_code"),
        ({"code": 12}, 400, "bad_request"),
        ([], 400, "bad_request"),
    ],
)
def test_a_refused_sign_in_has_the_one_error_shape(
    venue: Venue, body: object, status: int, code: str
) -> None:
    answer = _phone(venue).post("/me/api/sign-in", json=body)
    assert answer.status_code == status
    data = answer.json()
    assert data["ok"] is False and set(data["error"]) == {"code", "message", "params"}
    assert data["error"]["code"] == code and data["error"]["message"]
    assert "set-cookie" not in answer.headers


def test_guessing_is_stopped_per_address_and_the_day_needs_a_device(venue: Venue) -> None:
    phone = _phone(venue)
    for _ in range(10):
        assert phone.post("/me/api/sign-in", json={"code": "222-222-222"}).status_code == 403
    stopped = phone.post("/me/api/sign-in", json={"code": _someone(venue)[2]})
    assert stopped.status_code == 429
    assert stopped.json()["error"]["code"] == "room_code_attempts"
    assert stopped.json()["error"]["params"]["retry_after"] > 0
    answer = _phone(venue).get("/me/api/day")
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "not_signed_in"


def test_the_page_shows_that_person_only_and_no_one_elses_data(venue: Venue) -> None:
    rid, name, code = _someone(venue)
    check_in_registration(
        venue.db,
        venue.session.id,
        rid,
        desk="A",
        now=dt.datetime.combine(venue.session.date, dt.time(8, 52)),
    )
    phone = _phone(venue)
    form = phone.get("/me")
    assert form.status_code == 200 and 'name="code"' in form.text
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert csrf is not None
    signed = phone.post(
        "/me/sign-in", data={"code": code, "csrf": csrf.group(1)}, follow_redirects=False
    )
    assert signed.status_code == 303 and signed.headers["location"] == "/me"
    page = phone.get("/me").text
    with venue.db.read() as s:
        table = s.scalar(
            select(WorkshopTable)
            .join(SeatAssignment, SeatAssignment.table_id == WorkshopTable.id)
            .where(SeatAssignment.registration_id == rid)
        )
        assert table is not None
        number = table.number
    assert f"第 {number} 桌" in page and "報到 08:52" in page
    assert name[0] + "○" in page
    leaked = {p for p in personal_data(venue.db, venue.session.id) if p in page}
    assert not leaked
    assert code not in page and code.replace("-", "") not in page  # nor the code itself


def test_a_write_without_the_page_token_is_refused(venue: Venue) -> None:
    _, _, code = _someone(venue)
    phone = _phone(venue)
    phone.get("/me")
    forged = phone.post("/me/sign-in", data={"code": code, "csrf": "0" * 64})
    assert forged.status_code == 403 and "wd_room=" not in forged.headers.get("set-cookie", "")
    token = phone.post("/me/api/sign-in", json={"code": code}).json()["csrf"]
    phone.post("/me/sign-out", data={"csrf": "f" * 64}, follow_redirects=False)
    assert phone.get("/me/api/day").status_code == 200  # a foreign token signs nobody out
    out = phone.post("/me/sign-out", data={"csrf": token}, follow_redirects=False)
    assert out.status_code == 303 and 'wd_room=""' in out.headers["set-cookie"]


def test_replacing_the_code_signs_the_device_out(venue: Venue) -> None:
    rid, _, code = _someone(venue)
    phone = _phone(venue)
    assert phone.post("/me/api/sign-in", json={"code": code}).status_code == 200
    room.replace_code(venue.db, venue.session.id, str(rid))
    assert phone.get("/me/api/day").status_code == 401
    assert phone.post("/me/api/sign-in", json={"code": code}).status_code == 403


def test_handouts_download_whole_with_their_names_to_signed_in_devices(
    venue: Venue, tmp_path: Path
) -> None:
    data = b"%PDF-1.4\n" + bytes(range(256)) * 8000
    path = tmp_path / "第一天 講義.pdf"
    path.write_bytes(data)
    added = handouts.add_handout(venue.db, venue.session.id, path)
    stranger = _phone(venue)
    assert stranger.get(added.url).status_code == 403
    phone = _phone(venue)
    phone.post("/me/api/sign-in", json={"code": _someone(venue)[2]})
    listed = phone.get("/me/api/day").json()["handouts"]
    assert listed == [
        {
            "title": "第一天 講義",
            "file_name": "第一天 講義.pdf",
            "bytes": len(data),
            "url": added.url,
        }
    ]
    answer = phone.get(added.url)
    assert answer.status_code == 200 and answer.content == data
    assert answer.headers["content-type"] == "application/pdf"
    assert answer.headers["content-length"] == str(len(data))
    disposition = answer.headers["content-disposition"]
    assert unquote(disposition.split("filename*=UTF-8''", 1)[1]) == "第一天 講義.pdf"
    assert phone.get("/me/handouts/99999").status_code == 404
    assert phone.get("/me/handouts/x").status_code == 404
