"""The voters' pages and API over HTTP (Starlette's TestClient): identification, ballots,
replacement, refusals with a sentence (page) or a code (API), nothing half-counted."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from db.models import PbBallot
from desktop.core.vote import Method, Rules
from desktop.server.app import create_app
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from scenarios import vote_day


@pytest.fixture
def room(demo_db):  # type: ignore[no-untyped-def]
    day = vote_day.prepare(demo_db)
    svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 1_000_000))
    from desktop.services.events import find_session

    app = create_app(demo_db, find_session(demo_db, "臺北"))
    return day, app


def _csrf(html: str) -> str:
    return html.split('name="csrf" value="', 1)[1].split('"', 1)[0]


def _identify(app, day: vote_day.VoteDay, rid: int) -> TestClient:  # type: ignore[no-untyped-def]
    browser = TestClient(app)
    table = next(
        t
        for t in ballots.voter_tables(app.state.venue.db, day.session_id)
        if any(v.registration_id == rid for v in t.voters)
    )
    page = browser.get(f"/vote?table={table.number}")
    assert page.status_code == 200 and "請選您的名字" in page.text
    answer = browser.post(
        "/vote/identify",
        data={
            "csrf": _csrf(page.text),
            "table": table.number,
            "voter": rid,
            "digits": day.phones[rid][-3:],
        },
        follow_redirects=False,
    )
    assert answer.status_code == 303 and answer.headers["location"] == "/vote/ballot"
    return browser


def test_vote_through_the_page_and_replace_it(room, demo_db) -> None:  # type: ignore[no-untyped-def]
    day, app = room
    browser = _identify(app, day, day.present[0])
    page = browser.get("/vote/ballot")
    assert "社區共融公園" in page.text and 'name="revision" value="0"' in page.text
    done = browser.post(
        "/vote/ballot", data={"csrf": _csrf(page.text), "revision": "0", "approve": ["1", "2"]}
    )
    assert done.status_code == 200 and "已收到您的選票" in done.text
    page = browser.get("/vote/ballot")
    assert 'value="1" data-cost="600000" checked' in page.text  # earlier choices ticked
    done = browser.post(
        "/vote/ballot", data={"csrf": _csrf(page.text), "revision": "1", "approve": ["4"]}
    )
    assert "取代先前那一張" in done.text
    with demo_db.read() as s:
        assert [b.approvals for b in s.scalars(select(PbBallot))] == [[4]]


def test_over_budget_replay_and_forgery_are_refused_with_a_sentence(room, demo_db) -> None:  # type: ignore[no-untyped-def]
    day, app = room
    browser = _identify(app, day, day.present[1])
    page = browser.get("/vote/ballot")
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
    forger = TestClient(app, cookies={"wd_voter": "WS1:AAAAAAAAAAAAA.AAAAAAAAAAAAAAAA"})
    assert forger.post("/vote/ballot", data={"revision": "0", "approve": ["5"]}).status_code == 403
    with demo_db.read() as s:
        assert [b.approvals for b in s.scalars(select(PbBallot))] == [[2]]


def test_api_codes_and_turnout(room) -> None:  # type: ignore[no-untyped-def]
    day, app = room
    client = TestClient(app)
    absent = client.post(
        "/vote/api/identify", json={"registration_id": day.absent[0], "digits": "123"}
    )
    assert absent.status_code == 403 and absent.json()["error"]["code"] == "not_checked_in"
    rid = day.present[2]
    ok = client.post(
        "/vote/api/identify", json={"registration_id": rid, "digits": day.phones[rid][-3:]}
    ).json()
    headers = {"X-CSRF-Token": ok["csrf"]}
    unknown = client.post(
        "/vote/api/ballot", json={"revision": 0, "approve": [77]}, headers=headers
    )
    assert unknown.json()["error"]["code"] == "unknown_project"
    cast = client.post("/vote/api/ballot", json={"revision": 0, "approve": [5]}, headers=headers)
    assert cast.json() == {
        "ok": True,
        "result": "ok",
        "message": cast.json()["message"],
        "revision": 1,
        "replaced": False,
    }
    assert client.get("/vote/api/turnout").json() == {
        "status": "open",
        "ballots": 1,
        "checked_in": 12,
    }
    svc.close_vote(app.state.venue.db, day.session_id)
    late = client.post("/vote/api/ballot", json={"revision": 1, "approve": [5]}, headers=headers)
    assert late.json()["error"]["code"] == "closed"
    assert "投票已經結束" in client.get("/vote").text
