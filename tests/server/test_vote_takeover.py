"""The vote cannot be taken over (issues 26 and 27): the only credential is the room code, and
wrong codes sent at once from twenty addresses compare at most the room's stated budget; a
flood locks nobody out; a paper ballot typed at the desk is final against a taken-over web
pass, and the desk can revoke one."""

from __future__ import annotations

import math
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import event, select
from starlette.testclient import TestClient

from db.models import PbBallot
from db.uow import Database
from desktop.core import room_code as rules
from desktop.core.vote import Method, Rules
from desktop.server.app import create_app
from desktop.services import room
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from desktop.services.events import find_session
from scenarios import vote_day


@pytest.fixture
def limits(monkeypatch: pytest.MonkeyPatch) -> rules.AttemptLimits:
    fresh = rules.AttemptLimits()
    monkeypatch.setattr(room, "LIMITS", fresh)
    return fresh


@pytest.fixture
def room_app(demo_db: Database, limits: rules.AttemptLimits):
    day = vote_day.prepare(demo_db, checked_in=30)
    svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 1_000_000))
    return day, create_app(demo_db, find_session(demo_db, "臺北"))


@pytest.fixture
def comparisons(demo_db: Database) -> Iterator[list[str]]:
    """Every statement that compared a typed room code with the stored ones."""
    seen: list[str] = []
    lock = threading.Lock()

    def count(conn, cursor, statement, parameters, context, executemany):
        if "registrations.room_code =" in statement and "registrations.status IN" in statement:
            with lock:
                seen.append(statement)

    event.listen(demo_db.engine, "before_cursor_execute", count)
    yield seen
    event.remove(demo_db.engine, "before_cursor_execute", count)


def _guess(n: int) -> str:
    """A well-formed code nobody holds (Q and Z never start a demo code here: checked)."""
    tail = "".join(rules.ALPHABET[(n // 31**i) % 31] for i in range(3))
    return f"QZQ-ZQZ-{tail}"


def test_wrong_codes_at_once_from_twenty_addresses_compare_at_most_the_budget(
    room_app, limits: rules.AttemptLimits, comparisons: list[str]
) -> None:
    day, app = room_app
    assert not any(c.startswith("QZQ-ZQZ") for c in day.codes.values())
    phones = [TestClient(app, client=(f"10.0.0.{i + 10}", 40000 + i)) for i in range(20)]
    start = threading.Barrier(60)

    def guess(n: int) -> int:
        if n < 60:
            start.wait()
        answer = phones[n % 20].post("/me/api/sign-in", json={"code": _guess(n)})
        return answer.status_code

    began = time.monotonic()
    with ThreadPoolExecutor(60) as pool:
        codes = Counter(pool.map(guess, range(300)))
    elapsed = time.monotonic() - began
    assert codes[200] == 0 and codes[403] + codes[429] == 300
    # the room's bucket: a minute's worth (60) plus what refilled while the flood ran (1/s)
    budget = limits.room_per_minute + math.ceil(elapsed * limits.room_per_minute / 60)
    assert len(comparisons) <= budget, (len(comparisons), elapsed)
    assert codes[403] == len(comparisons)
    # nobody is locked out: the victim's own phone signs in, at worst after a second or two
    victim = TestClient(app, client=("10.0.1.1", 40000))
    answer = victim.post("/me/api/sign-in", json={"code": day.codes[day.present[0]]})
    if answer.status_code == 429:
        assert answer.json()["error"]["code"] == "room_busy"
        time.sleep(answer.json()["error"]["params"]["retry_after"])
        answer = victim.post("/me/api/sign-in", json={"code": day.codes[day.present[0]]})
    assert answer.status_code == 200
    assert victim.get("/vote/api/ballot").json()["ok"] is True


def _web_voter(app, day: vote_day.VoteDay, rid: int) -> tuple[TestClient, dict[str, str]]:
    phone = TestClient(app)
    return phone, vote_day.sign_in(phone, day.codes[rid])


def test_a_paper_ballot_is_final_against_the_taken_over_web_pass(room_app) -> None:
    day, app = room_app
    db = app.state.venue.db
    victim = day.present[4]
    attacker, headers = _web_voter(app, day, victim)  # someone who read the victim's badge
    first = attacker.post("/vote/api/ballot", json={"revision": 0, "approve": [1]}, headers=headers)
    assert first.json()["ok"] is True
    paper = ballots.cast_paper_ballot(db, day.session_id, victim, [4, 5], actor="desk")
    assert paper.ok and paper.replaced
    # the revision is a small counter: the attacker simply tries the next few
    tries = [
        attacker.post("/vote/api/ballot", json={"revision": r, "approve": [1]}, headers=headers)
        for r in (1, 2, 3)
    ]
    assert [t.json()["ok"] for t in tries] == [False, False, False]
    assert {t.json()["error"]["code"] for t in tries} == {"desk_only"}
    page = attacker.get("/vote")
    assert page.status_code == 403 and "報到台已收回" in page.text  # no ballot to fill in
    assert attacker.get("/vote/api/ballot").json()["error"]["code"] == "desk_only"
    with db.read() as s:
        assert [b.approvals for b in s.scalars(select(PbBallot))] == [[4, 5]]


def test_the_desk_revokes_a_web_pass(room_app) -> None:
    day, app = room_app
    db = app.state.venue.db
    victim = day.present[5]
    attacker, headers = _web_voter(app, day, victim)
    ballots.revoke_web_pass(db, day.session_id, victim, actor="desk")
    refused = attacker.post(
        "/vote/api/ballot", json={"revision": 0, "approve": [1]}, headers=headers
    )
    assert refused.json()["error"]["code"] == "desk_only"
    assert [h.registration_id for h in ballots.held_voters(db, day.session_id)] == [victim]
    with db.read() as s:
        assert s.scalars(select(PbBallot)).all() == []
    assert ballots.cast_paper_ballot(db, day.session_id, victim, [2], actor="desk").ok


def test_refusals_use_the_clis_error_shape(room_app) -> None:
    day, app = room_app
    nobody = TestClient(app).get("/vote/api/ballot")
    assert nobody.status_code == 401
    assert set(nobody.json()) == {"ok", "error"}
    assert set(nobody.json()["error"]) == {"code", "message", "params"}
    phone, headers = _web_voter(app, day, day.present[6])
    bad = phone.post("/vote/api/ballot", json={"revision": True, "approve": [1]}, headers=headers)
    assert bad.status_code == 400
    error = bad.json()["error"]
    assert bad.json() == {"ok": False, "error": error}
    assert error["code"] == "bad_request" and error["params"]["where"] == "revision"
    stale = phone.post("/vote/api/ballot", json={"revision": 7, "approve": [1]}, headers=headers)
    assert stale.status_code == 409
    assert stale.json() == {
        "ok": False,
        "error": {"code": "stale", "message": stale.json()["error"]["message"], "params": {}},
        "revision": 0,
    }
