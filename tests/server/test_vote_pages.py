"""The voters' pages and API over HTTP (Starlette's TestClient): the voter is the attendee
signed in on the room page with their room code (one sign-in form, which comes back to the
vote), ballots, replacement, refusals with a sentence (page) or a code (API), nothing
half-counted; the phone digits identify nobody, and a code replaced at the desk ends that
device's vote at once."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from db.models import PbBallot
from desktop.core import room_code as rules
from desktop.core.vote import Method, Rules
from desktop.server.app import create_app
from desktop.services import room
from desktop.services import vote as svc
from desktop.services.events import find_session
from scenarios import vote_day


@pytest.fixture
def room_app(demo_db, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits())
    day = vote_day.prepare(demo_db)
    svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 1_000_000))
    return day, create_app(demo_db, find_session(demo_db, "臺北"))


def _csrf(html: str) -> str:
    return html.split('name="csrf" value="', 1)[1].split('"', 1)[0]


def _signed_in(app, code: str) -> TestClient:
    """A phone that opens the vote, is sent to the sign-in form, signs in and comes back."""
    browser = TestClient(app)
    first = browser.get("/vote", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/me?next=/vote"
    form = browser.get("/me?next=/vote")
    assert 'name="next" value="/vote"' in form.text and "登入後會回到投票頁" in form.text
    answer = browser.post(
        "/me/sign-in",
        data={"csrf": _csrf(form.text), "code": code, "next": "/vote"},
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/vote"
    return browser


def test_vote_through_the_page_and_replace_it(room_app, demo_db) -> None:
    day, app = room_app
    rid = day.present[0]
    browser = _signed_in(app, day.codes[rid])
    page = browser.get("/vote")
    assert "社區共融公園" in page.text and 'name="revision" value="0"' in page.text
    assert "投票人：" in page.text
    done = browser.post(
        "/vote/ballot", data={"csrf": _csrf(page.text), "revision": "0", "approve": ["1", "2"]}
    )
    assert done.status_code == 200 and "已收到您的選票" in done.text
    page = browser.get("/vote")
    assert 'value="1" data-cost="600000" checked' in page.text  # earlier choices ticked
    done = browser.post(
        "/vote/ballot", data={"csrf": _csrf(page.text), "revision": "1", "approve": ["4"]}
    )
    assert "取代先前那一張" in done.text
    with demo_db.read() as s:
        assert [b.approvals for b in s.scalars(select(PbBallot))] == [[4]]


def test_signed_in_on_the_room_page_the_vote_asks_nothing(room_app) -> None:
    day, app = room_app
    phone = TestClient(app)
    vote_day.sign_in(phone, day.codes[day.present[3]])
    assert "前往投票" in phone.get("/me").text
    page = phone.get("/vote", follow_redirects=False)
    assert page.status_code == 200 and 'action="/vote/ballot"' in page.text


def test_over_budget_replay_and_forgery_are_refused_with_a_sentence(room_app, demo_db) -> None:
    day, app = room_app
    browser = _signed_in(app, day.codes[day.present[1]])
    page = browser.get("/vote")
    refused = browser.post(
        "/vote/ballot", data={"csrf": _csrf(page.text), "revision": "0", "approve": ["1", "3"]}
    )
    assert refused.status_code == 409 and "超過預算" in refused.text
    assert (
        browser.post(
            "/vote/ballot", data={"csrf": _csrf(page.text), "revision": "0", "approve": ["2"]}
        ).status_code
        == 200
    )
    replay = browser.post(
        "/vote/ballot", data={"csrf": _csrf(page.text), "revision": "0", "approve": ["5"]}
    )
    assert replay.status_code == 409 and 'data-code="stale"' in replay.text
    no_csrf = browser.post("/vote/ballot", data={"csrf": "x", "revision": "1", "approve": ["5"]})
    assert no_csrf.status_code == 403
    forged = f"{day.present[2]}.20261208.{'0' * 32}"
    forger = TestClient(app, cookies={"wd_room": forged})
    answer = forger.post(
        "/vote/ballot", data={"revision": "0", "approve": ["5"]}, follow_redirects=False
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/me?next=/vote"
    with demo_db.read() as s:
        assert [b.approvals for b in s.scalars(select(PbBallot))] == [[2]]


def test_the_phone_digits_identify_nobody(room_app, demo_db) -> None:
    day, app = room_app
    rid = day.present[4]
    digits = day.phones[rid][-3:]
    phone = TestClient(app)
    old_api = phone.post("/vote/api/identify", json={"registration_id": rid, "digits": digits})
    old_form = phone.post("/vote/identify", data={"voter": rid, "digits": digits, "table": 1})
    assert {old_api.status_code, old_form.status_code} <= {404, 405}
    listing = phone.get("/vote?table=1", follow_redirects=False)
    assert listing.status_code == 303  # no list of names to pick from: the sign-in form
    form = phone.get("/me?next=/vote").text
    assert "電話" not in form and "末三碼" not in form
    for typed in (digits, day.phones[rid]):
        answer = phone.post("/me/api/sign-in", json={"code": typed})
        assert answer.status_code == 403 and answer.json()["error"]["code"] == "wrong_code"
    assert phone.get("/vote/api/ballot").status_code == 401
    with demo_db.read() as s:
        assert s.scalars(select(PbBallot)).all() == []


def test_a_code_replaced_at_the_desk_ends_the_vote_on_that_device_at_once(
    room_app, demo_db
) -> None:
    day, app = room_app
    rid = day.present[5]
    phone = TestClient(app)
    headers = vote_day.sign_in(phone, day.codes[rid])
    assert phone.get("/vote/api/ballot").json() == {"ok": True, "revision": 0, "approvals": []}
    page = phone.get("/vote")
    room.replace_code(demo_db, day.session_id, str(rid), actor="desk")
    late_api = phone.post("/vote/api/ballot", json={"revision": 0, "approve": [5]}, headers=headers)
    assert late_api.status_code == 401 and late_api.json()["error"]["code"] == "not_signed_in"
    late_form = phone.post(
        "/vote/ballot",
        data={"csrf": _csrf(page.text), "revision": "0", "approve": ["5"]},
        follow_redirects=False,
    )
    assert late_form.status_code == 303 and late_form.headers["location"] == "/me?next=/vote"
    with demo_db.read() as s:
        assert s.scalars(select(PbBallot)).all() == []


def test_sign_in_goes_back_only_to_the_vote(room_app) -> None:
    day, app = room_app
    phone = TestClient(app)
    form = phone.get("/me?next=https://elsewhere.example/")
    assert 'name="next"' not in form.text
    answer = phone.post(
        "/me/sign-in",
        data={
            "csrf": _csrf(form.text),
            "code": day.codes[day.present[6]],
            "next": "https://elsewhere.example/",
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/me"


def test_api_codes_and_turnout(room_app) -> None:
    day, app = room_app
    nobody = TestClient(app)
    assert nobody.get("/vote/api/ballot").json()["error"]["code"] == "not_signed_in"
    absent = TestClient(app)
    vote_day.sign_in(absent, day.codes[day.absent[0]])  # a seat holder, not checked in
    refused = absent.get("/vote/api/ballot")
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "not_checked_in"
    assert "尚未報到" in absent.get("/vote").text
    client = TestClient(app)
    headers = vote_day.sign_in(client, day.codes[day.present[2]])
    unknown = client.post(
        "/vote/api/ballot", json={"revision": 0, "approve": [77]}, headers=headers
    )
    assert unknown.json()["error"]["code"] == "unknown_project"
    foreign = client.post("/vote/api/ballot", json={"revision": 0, "approve": [5]})
    assert foreign.status_code == 403 and foreign.json()["error"]["code"] == "csrf"
    cast = client.post("/vote/api/ballot", json={"revision": 0, "approve": [5]}, headers=headers)
    assert cast.json() == {
        "ok": True,
        "result": "ok",
        "message": cast.json()["message"],
        "revision": 1,
        "replaced": False,
    }
    assert client.get("/vote/api/ballot").json() == {"ok": True, "revision": 1, "approvals": [5]}
    assert client.get("/vote/api/turnout").json() == {
        "status": "open",
        "ballots": 1,
        "checked_in": 12,
    }
    svc.close_vote(app.state.venue.db, day.session_id)
    late = client.post("/vote/api/ballot", json={"revision": 1, "approve": [5]}, headers=headers)
    assert late.json()["error"]["code"] == "closed"
    assert client.get("/vote/api/ballot").status_code == 409
    assert "投票已經結束" in client.get("/vote").text
