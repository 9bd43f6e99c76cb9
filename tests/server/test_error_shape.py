"""Every JSON route of the venue server refuses in the one error shape, the command line's:
``{"ok": false, "error": {"code", "message", "params"}}`` with a 4xx status.

The routes are read from the app itself (every path under ``/api/``, ending ``.json`` or a
table's ``photo``: ``answers_json``), so a new JSON route without its refusals in ``CASES``
fails ``test_every_json_route_has_its_refusals_here``. Each route's own refusals (bad body,
wrong type, no sign-in or CSRF token, not found, too long) are in ``CASES``; what every route
refuses alike (a wrong Host, a body too large, another origin's write, a method it does not
take, a flood) is driven for each route by ``test_what_every_json_route_refuses``."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import pytest
from httpx2 import Response  # what Starlette's TestClient answers
from starlette.applications import Starlette
from starlette.routing import Route
from starlette.testclient import TestClient

from db.uow import Database
from desktop.core import room_code as rules
from desktop.core.report_limits import FIELD_LIMITS
from desktop.core.vote import Method, Rules
from desktop.server.app import MAX_BODY, MAX_UPLOAD, answers_json, create_app
from desktop.services import room
from desktop.services import survey as surveys
from desktop.services import vote as votes
from desktop.services.events import find_session
from desktop.services.venue import TableSecret, issue_secrets
from scenarios import vote_day

TABLE = 1  # the table whose URLs the cases use; table 2 is "another table"


@dataclass
class Day:
    """An open vote and questionnaire on the demo session, its tables' secrets, its app."""

    db: Database
    app: Starlette
    vote: vote_day.VoteDay
    secrets: dict[int, TableSecret]

    def phone(self, app: Starlette | None = None) -> TestClient:
        return TestClient(app or self.app, base_url="http://testserver")

    @property
    def code(self) -> str:
        return self.secrets[TABLE].code

    def concrete(self, path: str) -> str:
        """A route's path with the table's code and secret filled in."""
        return path.format(code=self.code, secret=self.secrets[TABLE].secret)

    def attendee(self, *, checked_in: bool = True) -> tuple[TestClient, dict[str, str]]:
        """A phone signed in on the room page and the header its JSON writes carry."""
        people = self.vote.present if checked_in else self.vote.absent
        client = self.phone()
        return client, vote_day.sign_in(client, self.vote.codes[people[0]])

    def device(self) -> tuple[TestClient, str]:
        """A browser that opened the table URL (the device cookie) and its page's token."""
        client = self.phone()
        assert client.get(self.concrete("/t/{code}/{secret}"), follow_redirects=False).is_redirect
        page = client.get(f"/t/{self.code}").text
        return client, page.split('data-csrf="', 1)[1].split('"', 1)[0]

    def revision(self) -> int:
        answer = self.phone().get(self.concrete("/t/{code}/{secret}/report.json"))
        revision: int = answer.json()["revision"]
        return revision


@pytest.fixture
def day(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[Day]:
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits(per_address=1))
    prepared = vote_day.prepare(demo_db)
    votes.open_vote(demo_db, prepared.session_id, Rules(Method.BASKET, 1_000_000))
    surveys.open_survey(demo_db, prepared.session_id)
    issued = {t.number: t for t in issue_secrets(demo_db, prepared.session_id)}
    yield Day(demo_db, create_app(demo_db, find_session(demo_db, "臺北")), prepared, issued)


Send = Callable[[Day], Response]


@dataclass(frozen=True)
class Case:
    name: str
    send: Send
    status: int
    code: str  # the error code; "photo_*" for any of the photo's


def _put(body: object, *, secret: bool = False) -> Send:
    """``PUT report.json`` with ``body`` (bytes as they are), by URL secret or as a device."""

    def send(d: Day) -> Response:
        raw = body if isinstance(body, bytes) else json.dumps(body).encode()
        if secret:
            return d.phone().put(d.concrete("/t/{code}/{secret}/report.json"), content=raw)
        client, csrf = d.device()
        return client.put(f"/t/{d.code}/report.json", content=raw, headers={"X-CSRF-Token": csrf})

    return send


def _with_revision(fields: dict[str, Any]) -> Send:
    return lambda d: _put({"revision": d.revision(), "fields": fields}, secret=True)(d)


def _attendee_post(path: str, body: object, *, checked_in: bool = True) -> Send:
    def send(d: Day) -> Response:
        client, headers = d.attendee(checked_in=checked_in)
        if isinstance(body, bytes):
            return client.post(path, content=body, headers=headers)
        return client.post(path, json=body, headers=headers)

    return send


def _device_photo(csrf: bool, files: dict[str, Any]) -> Send:
    def send(d: Day) -> Response:
        client, token = d.device()
        data = {"csrf": token} if csrf else {}
        return client.post(f"/t/{d.code}/photo", data=data, files=files or None)

    return send


def _wrong_sign_ins(d: Day) -> Response:
    phone = d.phone()
    assert phone.post("/me/api/sign-in", json={"code": "222-222-222"}).status_code == 403
    return phone.post("/me/api/sign-in", json={"code": "333-333-333"})


NOT_AN_IMAGE = {"photo": ("a.jpg", b"not an image at all", "image/jpeg")}
BALLOT = "/vote/api/ballot"
SURVEY = "/me/api/survey"

CASES: dict[tuple[str, str], list[Case]] = {
    ("GET", "/t/{code}/report.json"): [
        Case("no device", lambda d: d.phone().get(f"/t/{d.code}/report.json"), 403, "refused"),
        Case("unknown table", lambda d: d.device()[0].get("/t/ZZZZ/report.json"), 403, "refused"),
    ],
    ("PUT", "/t/{code}/report.json"): [
        Case(
            "no device",
            lambda d: d.phone().put(f"/t/{d.code}/report.json", json={}),
            403,
            "refused",
        ),
        Case(
            "no CSRF token",
            lambda d: d.device()[0].put(f"/t/{d.code}/report.json", json={}),
            403,
            "csrf",
        ),
        Case("not JSON", _put(b"{revision"), 400, "body_not_json"),
        Case("wrong type", _put({"revision": "1", "fields": {}}), 422, "body_invalid"),
        Case("missing key", _put({"fields": {}}), 422, "body_missing"),
        Case("unknown key", _put({"revision": 0, "fields": {}, "x": 1}), 422, "body_unknown_key"),
    ],
    ("POST", "/t/{code}/photo"): [
        Case(
            "no device",
            lambda d: d.phone().post(f"/t/{d.code}/photo", files=NOT_AN_IMAGE),
            403,
            "refused",
        ),
        Case("no CSRF token", _device_photo(False, NOT_AN_IMAGE), 403, "csrf"),
        Case("no photo", _device_photo(True, {}), 400, "photo_missing"),
        Case(
            "two files",
            _device_photo(True, {"photo": NOT_AN_IMAGE["photo"], "b": NOT_AN_IMAGE["photo"]}),
            400,
            "bad_request",
        ),
        Case("not an image", _device_photo(True, NOT_AN_IMAGE), 400, "photo_*"),
    ],
    ("GET", "/t/{code}/{secret}/report.json"): [
        Case(
            "wrong secret",
            lambda d: d.phone().get(f"/t/{d.code}/{'A' * 20}/report.json"),
            403,
            "refused",
        ),
    ],
    ("PUT", "/t/{code}/{secret}/report.json"): [
        Case(
            "wrong secret",
            lambda d: d.phone().put(f"/t/{d.code}/{'A' * 20}/report.json", json={}),
            403,
            "refused",
        ),
        Case("not JSON", _put(b"[" * 50_000, secret=True), 400, "body_not_json"),
        Case(
            "wrong type", _put({"revision": True, "fields": {}}, secret=True), 422, "body_invalid"
        ),
        Case(
            "revision not found",
            _put({"revision": 2**31 - 1, "fields": {}}, secret=True),
            409,
            "revision_unknown",
        ),
        Case(
            "field too long",
            _with_revision({"topic": "字" * (FIELD_LIMITS["topic"] + 1)}),
            422,
            "report_field_too_long",
        ),
    ],
    ("POST", "/t/{code}/{secret}/photo"): [
        Case(
            "wrong secret",
            lambda d: d.phone().post(f"/t/{d.code}/{'A' * 20}/photo", files=NOT_AN_IMAGE),
            403,
            "refused",
        ),
        Case(
            "no photo",
            lambda d: d.phone().post(d.concrete("/t/{code}/{secret}/photo"), data={"x": "1"}),
            400,
            "photo_missing",
        ),
    ],
    ("POST", "/me/api/sign-in"): [
        Case(
            "not JSON",
            lambda d: d.phone().post("/me/api/sign-in", content=b"code=1"),
            400,
            "bad_request",
        ),
        Case(
            "wrong type",
            lambda d: d.phone().post("/me/api/sign-in", json={"code": 12}),
            400,
            "bad_request",
        ),
        Case(
            "unknown key",
            lambda d: d.phone().post("/me/api/sign-in", json={"code": "x", "next": "/"}),
            400,
            "bad_request",
        ),
        Case(
            "wrong code",
            lambda d: d.phone().post("/me/api/sign-in", json={"code": "222-222-222"}),
            403,
            "wrong_code",
        ),
        Case("too many wrong codes", _wrong_sign_ins, 429, "room_code_attempts"),
    ],
    ("GET", "/me/api/day"): [
        Case("not signed in", lambda d: d.phone().get("/me/api/day"), 401, "not_signed_in"),
    ],
    ("POST", SURVEY): [
        Case(
            "not signed in",
            lambda d: d.phone().post(SURVEY, json={"answers": {"overall": 5}}),
            401,
            "not_signed_in",
        ),
        Case(
            "no CSRF token",
            lambda d: d.attendee()[0].post(SURVEY, json={"answers": {"overall": 5}}),
            403,
            "csrf",
        ),
        Case("not JSON", _attendee_post(SURVEY, b"answers"), 400, "bad_request"),
        Case("wrong type", _attendee_post(SURVEY, {"answers": [5]}), 400, "bad_request"),
        Case("nested value", _attendee_post(SURVEY, {"answers": {"a": [5]}}), 400, "bad_request"),
        Case("no such item", _attendee_post(SURVEY, {"answers": {"nope": 5}}), 400, "bad_answer"),
        Case(
            "not checked in",
            _attendee_post(SURVEY, {"answers": {"overall": 5}}, checked_in=False),
            409,
            "not_checked_in",
        ),
    ],
    ("GET", BALLOT): [
        Case("not signed in", lambda d: d.phone().get(BALLOT), 401, "not_signed_in"),
        Case(
            "not checked in",
            lambda d: d.attendee(checked_in=False)[0].get(BALLOT),
            403,
            "not_checked_in",
        ),
    ],
    ("POST", BALLOT): [
        Case(
            "not signed in",
            lambda d: d.phone().post(BALLOT, json={"revision": 0, "approve": [1]}),
            401,
            "not_signed_in",
        ),
        Case(
            "no CSRF token",
            lambda d: d.attendee()[0].post(BALLOT, json={"revision": 0, "approve": [1]}),
            403,
            "csrf",
        ),
        Case("not JSON", _attendee_post(BALLOT, b"{"), 400, "bad_request"),
        Case(
            "wrong type",
            _attendee_post(BALLOT, {"revision": 0, "approve": ["1"]}),
            400,
            "bad_request",
        ),
        Case(
            "too many ids",
            _attendee_post(BALLOT, {"revision": 0, "approve": [1] * 501}),
            400,
            "bad_request",
        ),
        Case(
            "project not found",
            _attendee_post(BALLOT, {"revision": 0, "approve": [9999]}),
            409,
            "unknown_project",
        ),
        Case(
            "stale revision", _attendee_post(BALLOT, {"revision": 7, "approve": [1]}), 409, "stale"
        ),
    ],
    # Nothing of its own to refuse: what every route refuses is driven below.
    ("GET", "/vote/api/turnout"): [],
}


def json_routes(app: Starlette) -> set[tuple[str, str]]:
    """(method, path) of every JSON route of ``app``."""
    found = set()
    for route in app.routes:
        if isinstance(route, Route) and answers_json(route.path):
            found |= {(m, route.path) for m in route.methods or () if m != "HEAD"}
    return found


def assert_one_shape(answer: Response) -> dict[str, Any]:
    assert 400 <= answer.status_code < 500, (answer.status_code, answer.text[:200])
    assert answer.headers["content-type"].startswith("application/json"), answer.text[:200]
    data = answer.json()
    assert data["ok"] is False and set(data) <= {"ok", "error", "revision"}, data
    error = data["error"]
    assert set(error) == {"code", "message", "params"}, error
    assert isinstance(error["code"], str) and error["code"].isascii() and error["code"], error
    assert isinstance(error["message"], str) and error["message"].strip(), error
    assert isinstance(error["params"], dict), error
    return dict(error)


def test_every_json_route_has_its_refusals_here(day: Day) -> None:
    routes = json_routes(day.app)
    assert len(routes) == 12
    assert routes == set(CASES), (
        f"JSON routes without refusal cases: {sorted(routes - set(CASES))}; "
        f"cases of routes that are gone: {sorted(set(CASES) - routes)}"
    )


@pytest.mark.parametrize(
    ("route", "case"),
    [(route, case) for route, cases in CASES.items() for case in cases],
    ids=lambda v: " ".join(v) if isinstance(v, tuple) else v.name,
)
def test_a_routes_own_refusals_have_the_one_shape(
    day: Day, route: tuple[str, str], case: Case
) -> None:
    answer = case.send(day)
    error = assert_one_shape(answer)
    assert answer.status_code == case.status, (route, case.name, answer.text[:300])
    if case.code.endswith("*"):
        assert error["code"].startswith(case.code[:-1]), error
    else:
        assert error["code"] == case.code, error


@pytest.mark.parametrize("route", sorted(CASES), ids=" ".join)
def test_what_every_json_route_refuses(day: Day, route: tuple[str, str]) -> None:
    method, template = route
    path = day.concrete(template)
    writes = method not in ("GET", "HEAD")
    client = day.phone()

    rebound = client.request(method, path, headers={"Host": "evil.example"})
    assert assert_one_shape(rebound)["code"] == "unknown_host"
    assert rebound.status_code == 400

    limit = MAX_UPLOAD if path.endswith("/photo") else MAX_BODY
    huge = client.request(method, path, content=b"x" * (limit + 1))
    assert assert_one_shape(huge)["code"] == "body_too_large" and huge.status_code == 413

    if writes:
        foreign = client.request(method, path, headers={"Origin": "http://evil.example"}, json={})
        assert assert_one_shape(foreign)["code"] == "cross_origin"
        assert foreign.status_code == 403

    # DELETE is no JSON route's method; /t/<code>/report.json is also the shape of a table URL
    # (/t/<code>/<secret>), which refuses an unknown secret.
    other = client.request("DELETE", path)
    assert assert_one_shape(other)["code"] in ("method_not_allowed", "refused")

    flooded = day.phone(
        create_app(day.db, day.app.state.venue.session, rate_per_second=0.01, rate_burst=1)
    )
    flooded.request(method, path)
    refused = flooded.request(method, path)
    assert assert_one_shape(refused)["code"] == "rate_limited" and refused.status_code == 429


@pytest.mark.parametrize("path", ["/vote/api/nothing", "/me/api/days", "/t/1/2/3/report.json"])
def test_a_json_path_nobody_serves_is_refused_in_the_one_shape(day: Day, path: str) -> None:
    answer = day.phone().get(path)
    assert assert_one_shape(answer)["code"] == "not_found" and answer.status_code == 404


def test_a_method_a_json_route_does_not_take_is_refused_in_the_one_shape(day: Day) -> None:
    answer = day.phone().post("/vote/api/turnout")
    assert assert_one_shape(answer)["code"] == "method_not_allowed"
    assert answer.status_code == 405 and answer.headers["allow"]
