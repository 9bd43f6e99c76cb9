"""The questionnaire on the attendee's phone (``/me/survey``) and its JSON twin.

The room page's sign-in is the key (``desktop.server.room.visitor``); writes carry the
device's CSRF token (``room.write_allowed``: header ``X-CSRF-Token`` or form field ``csrf``).

* ``GET /me/survey`` — the form (radio buttons 非常滿意 … 非常不滿意 per scale item, a text box
  per open item), prefilled with nothing: the desk never shows a person's earlier answers
  back, and the page says when sending again replaces them. Plain HTML, no scripting.
* ``POST /me/survey`` (form: ``csrf``, one field per item id) — stores, then the thank-you page.
* ``POST /me/api/survey`` ``{"answers": {"<item id>": 1–5 or text}}`` → ``{"ok": true,
  "replaced"}``; refusals ``{"ok": false, "error": {"code", "message", "params"}}``:
  ``not_signed_in`` 401, ``csrf`` 403, ``survey_not_open`` / ``not_checked_in`` 409,
  ``bad_answer`` / ``no_answers`` / ``bad_request`` 400.
"""

from __future__ import annotations

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from desktop.core.outcomes import survey as survey_outcomes
from desktop.core.survey import (
    MAX_ANSWER_TEXT,
    MAX_ITEMS,
    SCALE_LABELS,
    SCORES,
    Kind,
    SurveyError,
)
from desktop.server.app import Venue, venue_of
from desktop.server.bodies import (
    BodyError,
    Obj,
    Scalar,
    bad_request,
    read_json,
    refusal,
)
from desktop.server.room import json_writer, visitor, write_allowed
from desktop.services import survey as surveys

STATE_REFUSALS = (
    survey_outcomes.NOT_OPEN,
    survey_outcomes.NOT_CHECKED_IN,
    survey_outcomes.NO_PERSON,
)
# Item id → a score or a text; which ids and values the questionnaire takes is the service's
# (``bad_answer`` naming the item).
ANSWERS_BODY = Obj({"answers": Obj({}, other=Scalar(), max_keys=MAX_ITEMS)}, required=("answers",))


def _status_of(error: SurveyError) -> int:
    return 409 if error.outcome in STATE_REFUSALS else 400


def _form_page(
    venue: Venue,
    request: Request,
    cookie: str,
    *,
    message: str = "",
    code: str = "",
    status_code: int = 200,
) -> Response:
    session_id = venue.session.id
    state = surveys.survey_state(venue.db, session_id)
    who = visitor(venue, request)
    answered = (
        who is not None and surveys.has_answered(venue.db, session_id, who.registration_id)[1]
    )
    return venue.render(
        request,
        "room_survey.html",
        status_code=status_code,
        state=state,
        answered=answered,
        choices=list(zip(SCORES, SCALE_LABELS, strict=True)),
        scale=Kind.SCALE,
        csrf=venue.csrf_token(cookie),
        message=message,
        code=code,
        max_text=MAX_ANSWER_TEXT,
    )


def page(request: Request) -> Response:
    """``GET /me/survey``: the form (or the room page's sign-in first)."""
    venue = venue_of(request)
    who = visitor(venue, request)
    if who is None:
        return RedirectResponse("/me", status_code=303)
    return _form_page(venue, request, who.cookie)


async def submit(request: Request) -> Response:
    """``POST /me/survey``: the form's answers stored, then the thank-you page."""
    venue = venue_of(request)
    form = await request.form(max_files=0, max_fields=60)
    who = await run_in_threadpool(visitor, venue, request)
    if who is None:
        return RedirectResponse("/me", status_code=303)
    if not write_allowed(venue, request, who, str(form.get("csrf", ""))):
        return await run_in_threadpool(
            _form_page,
            venue,
            request,
            who.cookie,
            message=survey_outcomes.FORM_EXPIRED.say(),
            code=survey_outcomes.FORM_EXPIRED.code,
            status_code=403,
        )
    answers = {k: str(v) for k, v in form.items() if k != "csrf"}
    try:
        done = await run_in_threadpool(
            surveys.answer, venue.db, venue.session.id, who.registration_id, answers
        )
    except SurveyError as exc:
        return await run_in_threadpool(
            _form_page,
            venue,
            request,
            who.cookie,
            message=str(exc),
            code=exc.code,
            status_code=_status_of(exc),
        )
    return venue.render(request, "room_survey_done.html", replaced=done.replaced)


async def api_answer(request: Request) -> Response:
    """``POST /me/api/survey`` ``{"answers"}``: stored (replacing an earlier response)."""
    who = await json_writer(request)
    if isinstance(who, Response):
        return who
    venue = venue_of(request)
    try:
        body = await read_json(request, ANSWERS_BODY)
        done = await run_in_threadpool(
            surveys.answer, venue.db, venue.session.id, who.registration_id, body["answers"]
        )
    except BodyError as exc:
        return bad_request(exc)
    except SurveyError as exc:
        return refusal(exc, _status_of(exc))
    return JSONResponse({"ok": True, "replaced": done.replaced})


def routes(venue: Venue) -> list[BaseRoute]:
    return [
        Route("/me/survey", page),
        Route("/me/survey", submit, methods=["POST"]),
        Route("/me/api/survey", api_answer, methods=["POST"]),
    ]
