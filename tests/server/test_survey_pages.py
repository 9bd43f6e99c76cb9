"""The questionnaire on the phone over HTTP (TestClient): the JSON twin with its CSRF check and
the one error shape, the plain form post, /me/api/day's survey key."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select
from starlette.testclient import TestClient

from db.models import Registration, SeatAssignment, SurveyResponse
from desktop.core import room_code as rules
from desktop.services import room
from desktop.services import survey as svc
from desktop.services.checkin import check_in_registration
from tests.server.conftest import Venue


@pytest.fixture(autouse=True)
def fresh_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits())


def _signed_in(venue: Venue, index: int, *, check_in: bool = True) -> tuple[TestClient, str, int]:
    """A phone signed in as the index-th seated person: (client, csrf token, registration)."""
    with venue.db.read() as s:
        rid, code = s.execute(
            select(Registration.id, Registration.room_code)
            .join(SeatAssignment, SeatAssignment.registration_id == Registration.id)
            .where(Registration.session_id == venue.session.id)
            .order_by(Registration.id)
        ).all()[index]
    if check_in:
        check_in_registration(venue.db, venue.session.id, rid)
    phone = TestClient(venue.client.app, base_url="http://testserver")
    answer = phone.post("/me/api/sign-in", json={"code": code})
    return phone, answer.json()["csrf"], rid


def test_answering_through_the_api_with_the_token_replaces_until_close(venue: Venue) -> None:
    phone, csrf, _ = _signed_in(venue, 0)
    svc.open_survey(venue.db, venue.session.id)
    assert phone.get("/me/api/day").json()["survey"] == {"status": "open", "answered": False}
    headers = {"X-CSRF-Token": csrf}
    first = phone.post("/me/api/survey", json={"answers": {"overall": 5}}, headers=headers)
    assert first.status_code == 200 and first.json() == {"ok": True, "replaced": False}
    again = phone.post(
        "/me/api/survey", json={"answers": {"overall": 4, "suggest": "多一點實作"}}, headers=headers
    )
    assert again.json() == {"ok": True, "replaced": True}
    assert phone.get("/me/api/day").json()["survey"] == {"status": "open", "answered": True}
    with venue.db.read() as s:
        assert [r.answers for r in s.scalars(select(SurveyResponse))] == [
            {"overall": 4, "suggest": "多一點實作"}
        ]
    svc.close_survey(venue.db, venue.session.id)
    late = phone.post("/me/api/survey", json={"answers": {"overall": 1}}, headers=headers)
    assert late.status_code == 409 and late.json()["error"]["code"] == "survey_not_open"
    assert phone.get("/me/api/day").json()["survey"] == {"status": "closed", "answered": False}


@pytest.mark.parametrize(
    ("headers", "body", "status", "code"),
    [
        ({}, {"answers": {"overall": 5}}, 403, "csrf"),
        ({"X-CSRF-Token": "0" * 64}, {"answers": {"overall": 5}}, 403, "csrf"),
        (None, {"answers": {"overall": 9}}, 400, "bad_answer"),
        (None, {"answers": {"nope": 1}}, 400, "bad_answer"),
        (None, {"answers": {}}, 400, "no_answers"),
        (None, {"overall": 5}, 400, "bad_request"),
    ],
)
def test_refusals_have_the_one_error_shape_and_store_nothing(
    venue: Venue, headers: dict[str, str] | None, body: object, status: int, code: str
) -> None:
    phone, csrf, _ = _signed_in(venue, 1)
    svc.open_survey(venue.db, venue.session.id)
    sent = phone.post(
        "/me/api/survey", json=body, headers={"X-CSRF-Token": csrf} if headers is None else headers
    )
    assert sent.status_code == status
    data = sent.json()
    assert data["ok"] is False and set(data["error"]) == {"code", "message", "params"}
    assert data["error"]["code"] == code
    with venue.db.read() as s:
        assert s.scalars(select(SurveyResponse)).all() == []


def test_not_signed_in_and_not_checked_in_are_refused(venue: Venue) -> None:
    svc.open_survey(venue.db, venue.session.id)
    stranger = TestClient(venue.client.app, base_url="http://testserver")
    answer = stranger.post("/me/api/survey", json={"answers": {"overall": 5}})
    assert answer.status_code == 401 and answer.json()["error"]["code"] == "not_signed_in"
    phone, csrf, _ = _signed_in(venue, 2, check_in=False)
    answer = phone.post(
        "/me/api/survey", json={"answers": {"overall": 5}}, headers={"X-CSRF-Token": csrf}
    )
    assert answer.status_code == 409 and answer.json()["error"]["code"] == "not_checked_in"


def test_the_plain_form_works_without_scripting(venue: Venue) -> None:
    phone, _, _ = _signed_in(venue, 3)
    assert "問卷" not in phone.get("/me").text.split("講義", 1)[1]  # no card before it opens
    svc.open_survey(venue.db, venue.session.id)
    day = phone.get("/me").text
    assert 'href="/me/survey"' in day and "填寫問卷" in day
    page = phone.get("/me/survey").text
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', page)
    assert csrf is not None
    assert page.count('type="radio"') == 5 * 9 and "非常滿意" in page and "<textarea" in page
    assert "<script" not in page
    done = phone.post(
        "/me/survey", data={"csrf": csrf.group(1), "overall": "5", "content": "4", "gain": "分組"}
    )
    assert done.status_code == 200 and "已收到您的回覆" in done.text
    forged = phone.post("/me/survey", data={"csrf": "x", "overall": "1"})
    assert forged.status_code == 403 and "已過期" in forged.text
    with venue.db.read() as s:
        assert [r.answers for r in s.scalars(select(SurveyResponse))] == [
            {"overall": 5, "content": 4, "gain": "分組"}
        ]
