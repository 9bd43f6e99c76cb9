"""The vote cannot be taken over (issue 26): guesses sent at once compare at most the limit per
name, one address cannot lock every name, a lock is seen and lifted at the desk, and a paper
ballot typed at the desk is final against the web page."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from db.models import PbBallot, PbVoter
from db.uow import Database
from desktop.core.vote import Method, Rules, VoteError
from desktop.server import vote as vote_pages
from desktop.server.app import create_app
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from desktop.services.events import find_session
from scenarios import vote_day


@pytest.fixture
def room(demo_db: Database):  # type: ignore[no-untyped-def]
    day = vote_day.prepare(demo_db, checked_in=30)
    svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 1_000_000))
    return day, create_app(demo_db, find_session(demo_db, "臺北"))


def _wrong(day: vote_day.VoteDay, rid: int, n: int) -> str:
    tail = day.phones[rid][-3:]
    return next(d for d in (f"{(int(tail) + k) % 1000:03d}" for k in range(n, 1000)) if d != tail)


def _count_comparisons(monkeypatch: pytest.MonkeyPatch) -> Counter[int]:
    """Wraps the one credential check: how many times each registration's was compared."""
    compared: Counter[int] = Counter()
    lock = threading.Lock()
    real = ballots.credential_matches

    def counted(s, registration, typed):  # type: ignore[no-untyped-def]
        with lock:
            compared[registration.id] += 1
        return real(s, registration, typed)

    monkeypatch.setattr(ballots, "credential_matches", counted)
    return compared


def test_sixty_guesses_at_once_from_twenty_addresses_compare_at_most_the_limit(
    room, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    day, app = room
    compared = _count_comparisons(monkeypatch)
    victims = day.present[:2]
    phones = [TestClient(app, client=(f"10.0.0.{i + 10}", 40000 + i)) for i in range(20)]
    start = threading.Barrier(60)

    def guess(n: int) -> int:
        rid = victims[n % 2]
        start.wait()
        answer = phones[n % 20].post(
            "/vote/api/identify", json={"registration_id": rid, "digits": _wrong(day, rid, n)}
        )
        return answer.status_code

    with ThreadPoolExecutor(60) as pool:
        codes = list(pool.map(guess, range(60)))
    assert codes.count(200) == 0
    assert set(compared) == set(victims)
    assert all(n <= ballots.MAX_ATTEMPTS for n in compared.values()), compared
    with app.state.venue.db.read() as s:
        tries = s.scalars(
            select(PbVoter.failed_attempts).where(PbVoter.registration_id.in_(victims))
        )
        assert sorted(tries) == [ballots.MAX_ATTEMPTS] * 2


def test_one_address_cannot_lock_every_name(room) -> None:  # type: ignore[no-untyped-def]
    day, app = room
    attacker = TestClient(app, client=("10.0.0.66", 40000))
    refused = Counter()
    for rid in day.present:
        for n in range(ballots.MAX_ATTEMPTS):
            answer = attacker.post(
                "/vote/api/identify", json={"registration_id": rid, "digits": _wrong(day, rid, n)}
            )
            refused[answer.json()["error"]["code"]] += 1
    held = ballots.held_voters(app.state.venue.db, day.session_id)
    assert len(held) <= vote_pages.ADDRESS_TRIES // ballots.MAX_ATTEMPTS
    assert refused["address_limit"] == len(day.present) * ballots.MAX_ATTEMPTS - (
        vote_pages.ADDRESS_TRIES
    )
    # another device in the room still identifies
    rid = day.present[-1]
    neighbour = TestClient(app, client=("10.0.0.67", 40000))
    answer = neighbour.post(
        "/vote/api/identify", json={"registration_id": rid, "digits": day.phones[rid][-3:]}
    )
    assert answer.status_code == 200 and answer.json()["ok"] is True


def test_the_desk_sees_a_lock_and_lifts_it(room) -> None:  # type: ignore[no-untyped-def]
    day, app = room
    db = app.state.venue.db
    rid = day.present[3]
    for n in range(ballots.MAX_ATTEMPTS):
        with pytest.raises(VoteError):
            ballots.identify_voter(db, day.session_id, rid, _wrong(day, rid, n))
    with pytest.raises(VoteError) as locked:
        ballots.identify_voter(db, day.session_id, rid, day.phones[rid][-3:])
    assert locked.value.code == "locked"
    assert [(h.registration_id, h.locked) for h in ballots.held_voters(db, day.session_id)] == [
        (rid, True)
    ]
    ballots.unlock_voter(db, day.session_id, rid, actor="desk")
    assert ballots.held_voters(db, day.session_id) == ()
    assert ballots.identify_voter(db, day.session_id, rid, day.phones[rid][-3:]).token


def _web_voter(app, day: vote_day.VoteDay, rid: int) -> tuple[TestClient, dict[str, str]]:  # type: ignore[no-untyped-def]
    phone = TestClient(app)
    ok = phone.post(
        "/vote/api/identify", json={"registration_id": rid, "digits": day.phones[rid][-3:]}
    ).json()
    return phone, {"X-CSRF-Token": ok["csrf"]}


def test_a_paper_ballot_is_final_against_the_taken_over_web_pass(room) -> None:  # type: ignore[no-untyped-def]
    day, app = room
    db = app.state.venue.db
    victim = day.present[4]
    attacker, headers = _web_voter(app, day, victim)
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
    page = attacker.get("/vote/ballot", follow_redirects=False)
    assert page.status_code == 303  # the pass no longer opens the ballot
    retry = attacker.post(
        "/vote/api/identify", json={"registration_id": victim, "digits": day.phones[victim][-3:]}
    )
    assert retry.json()["error"]["code"] == "desk_only"
    with db.read() as s:
        assert [b.approvals for b in s.scalars(select(PbBallot))] == [[4, 5]]


def test_the_desk_revokes_a_web_pass(room) -> None:  # type: ignore[no-untyped-def]
    day, app = room
    db = app.state.venue.db
    victim = day.present[5]
    attacker, headers = _web_voter(app, day, victim)
    ballots.revoke_web_pass(db, day.session_id, victim, actor="desk")
    refused = attacker.post(
        "/vote/api/ballot", json={"revision": 0, "approve": [1]}, headers=headers
    )
    assert refused.json()["error"]["code"] == "desk_only"
    assert [h.desk_only for h in ballots.held_voters(db, day.session_id)] == [True]
    with db.read() as s:
        assert s.scalars(select(PbBallot)).all() == []
    assert ballots.cast_paper_ballot(db, day.session_id, victim, [2], actor="desk").ok


def test_refusals_use_the_clis_error_shape(room) -> None:  # type: ignore[no-untyped-def]
    day, app = room
    answer = TestClient(app).post("/vote/api/identify", json={"registration_id": True})
    assert answer.status_code == 400
    assert set(answer.json()) == {"ok", "error"}
    assert set(answer.json()["error"]) == {"code", "message", "params"}
    rid = day.present[6]
    wrong = TestClient(app).post(
        "/vote/api/identify", json={"registration_id": rid, "digits": _wrong(day, rid, 1)}
    )
    assert wrong.json()["error"] == {
        "code": "wrong_digits",
        "message": wrong.json()["error"]["message"],
        "params": {"left": ballots.MAX_ATTEMPTS - 1},
    }
