"""Bodies the routes do not take are refused with a 4xx in the one error shape, before any
service sees them: made-up revisions, flags as ids, ids as text, JSON nested too deep."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.testclient import TestClient

from desktop.core import room_code as rules
from desktop.core.vote import Method, Rules
from desktop.server.app import create_app
from desktop.services import group_reports as svc
from desktop.services import room
from desktop.services import vote as vote_svc
from desktop.services.events import find_session
from scenarios import vote_day
from tests.server.conftest import Venue


def _put(venue: Venue, body: Any, number: int = 1) -> Any:
    return venue.client.put(venue.url(number) + "/report.json", json=body)


def _topic(venue: Venue, number: int = 1) -> str:
    table = svc.find_table(venue.db, venue.session.id, number)
    return svc.load_report(venue.db, table.id).content.topic


def _error(answer: Any) -> dict[str, Any]:
    data = answer.json()
    assert data["ok"] is False and set(data["error"]) == {"code", "message", "params"}, data
    return data["error"]


def test_a_made_up_revision_does_not_overwrite_what_others_saved(venue: Venue) -> None:
    assert _put(venue, {"revision": 0, "fields": {"topic": "河濱公園"}}).json()["ok"] is True
    huge = _put(venue, {"revision": 10**400, "fields": {"topic": "攻擊者"}})
    assert huge.status_code == 422 and _error(huge)["code"] == "body_invalid"
    ahead = _put(venue, {"revision": 5, "fields": {"topic": "攻擊者"}})
    assert ahead.status_code == 409 and _error(ahead)["code"] == "revision_unknown"
    assert _topic(venue) == "河濱公園"


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ({"revision": True, "fields": {}}, "revision"),
        ({"revision": 1.0, "fields": {}}, "revision"),
        ({"revision": "0", "fields": {}}, "revision"),
        ({"revision": -1, "fields": {}}, "revision"),
        ({"revision": 0, "fields": []}, "fields"),
        ({"revision": 0, "fields": {"topic": 5}}, "fields.topic"),
        ({"revision": 0, "fields": {"members": [{"present": 1}]}}, "fields.members[0].present"),
        (
            {"revision": 0, "fields": {"proposals": [{"title": {"a": 1}}]}},
            "fields.proposals[0].title",
        ),
    ],
)
def test_a_value_of_the_wrong_type_is_refused_saying_where(
    venue: Venue, body: dict[str, Any], where: str
) -> None:
    answer = _put(venue, body)
    assert answer.status_code == 422
    error = _error(answer)
    assert error["code"] == "body_invalid" and error["params"]["where"] == where
    assert where in error["message"]
    assert venue.client.get(venue.url(1) + "/report.json").json()["revision"] == 0


def test_unknown_and_missing_keys_are_refused(venue: Venue) -> None:
    unknown = _put(venue, {"revision": 0, "fields": {"topic": "x", "<script>": "y"}})
    assert unknown.status_code == 422 and _error(unknown)["code"] == "body_unknown_key"
    missing = _put(venue, {"fields": {"topic": "x"}})
    assert missing.status_code == 422 and _error(missing)["params"]["where"] == "revision"


def test_json_nested_50000_deep_is_refused_not_a_server_error(venue: Venue) -> None:
    deep = b'{"revision": 0, "fields": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    answer = venue.client.put(
        venue.url(1) + "/report.json", content=deep, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 400 and _error(answer)["code"] == "body_not_json"
    not_json = venue.client.put(
        venue.url(1) + "/report.json",
        content=b"{nope",
        headers={"Content-Type": "application/json"},
    )
    assert not_json.status_code == 400 and _error(not_json)["code"] == "body_not_json"


def test_middleware_refusals_have_the_one_error_shape(venue: Venue) -> None:
    answer = venue.client.put(
        venue.url(1) + "/report.json",
        content=b"{" + b" " * 300_000 + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 413 and _error(answer)["code"] == "body_too_large"
    foreign = venue.client.put(
        venue.url(1) + "/report.json",
        json={"revision": 0, "fields": {}},
        headers={"Origin": "http://evil.example"},
    )
    assert foreign.status_code == 403 and _error(foreign)["code"] == "cross_origin"
    rebound = venue.client.get("/", headers={"Host": "evil.example"})
    assert rebound.status_code == 400 and _error(rebound)["code"] == "unknown_host"


@pytest.fixture
def vote_room(demo_db, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits())
    day = vote_day.prepare(demo_db)
    vote_svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 1_000_000))
    return day, create_app(demo_db, find_session(demo_db, "臺北"))


@pytest.mark.parametrize(
    "body",
    [
        {"revision": 0, "approve": [True]},  # counted as project 1
        {"revision": 0, "approve": ["1"]},
        {"revision": 0, "approve": [1.0]},
        {"revision": 0, "approve": [2**63]},
        {"revision": 0, "approve": "1"},
        {"revision": 0, "approve": [[1]]},
        {"revision": 2**63, "approve": [1]},
        {"revision": True, "approve": [1]},
    ],
)
def test_a_ballot_takes_project_ids_and_a_revision_in_range(
    vote_room, demo_db, body: dict[str, Any]
) -> None:
    day, app = vote_room
    client = TestClient(app)
    headers = vote_day.sign_in(client, day.codes[day.present[0]])
    answer = client.post("/vote/api/ballot", json=body, headers=headers)
    assert answer.status_code == 400, answer.text  # the vote API's own status for a bad body
    assert answer.json()["error"]["code"] == "bad_request"
    assert vote_svc.vote_state(demo_db, day.session_id).ballots == 0


def test_json_nested_50000_deep_is_refused_by_the_room_sign_in(vote_room) -> None:
    _, app = vote_room
    deep = b'{"code": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    answer = TestClient(app).post(
        "/me/api/sign-in", content=deep, headers={"Content-Type": "application/json"}
    )
    assert answer.status_code == 400 and answer.json()["error"]["code"] == "bad_request"


def test_a_form_id_is_plain_digits() -> None:
    from desktop.server.bodies import form_int

    assert [form_int(v) for v in ("12", "0012", "1_0", "1.9", "true", "١", " 1", "", "9" * 40)] == [
        12,
        12,
        None,
        None,
        None,
        None,
        None,
        None,
        None,
    ]
