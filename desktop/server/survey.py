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

from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from desktop.core.survey import MAX_ANSWER_TEXT, SCALE_LABELS, SCORES, Kind, SurveyError
from desktop.server.app import Venue
from desktop.server.room import visitor, write_allowed
from desktop.services import survey as surveys

STATE_REFUSALS = ("survey_not_open", "not_checked_in", "survey_no_person")


def _error(code: str, message: str, status: int, **params: object) -> JSONResponse:
    body = {"ok": False, "error": {"code": code, "message": message, "params": params}}
    return JSONResponse(body, status_code=status)


def _status_of(error: SurveyError) -> int:
    return 409 if error.code in STATE_REFUSALS else 400


def routes(venue: Venue) -> list[BaseRoute]:
    session_id = venue.session.id

    def form_page(
        request: Request, cookie: str, *, message: str = "", code: str = "", status_code: int = 200
    ) -> Response:
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
        who = visitor(venue, request)
        if who is None:
            return RedirectResponse("/me", status_code=303)
        return form_page(request, who.cookie)

    async def submit(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=60)
        who = await run_in_threadpool(visitor, venue, request)
        if who is None:
            return RedirectResponse("/me", status_code=303)
        if not write_allowed(venue, request, who, str(form.get("csrf", ""))):
            return await run_in_threadpool(
                form_page,
                request,
                who.cookie,
                message="這個頁面已過期，請再填一次。",
                code="csrf",
                status_code=403,
            )
        answers = {k: str(v) for k, v in form.items() if k != "csrf"}
        try:
            done = await run_in_threadpool(
                surveys.answer, venue.db, session_id, who.registration_id, answers
            )
        except SurveyError as exc:
            return await run_in_threadpool(
                form_page,
                request,
                who.cookie,
                message=str(exc),
                code=exc.code,
                status_code=_status_of(exc),
            )
        return venue.render(request, "room_survey_done.html", replaced=done.replaced)

    async def api_answer(request: Request) -> Response:
        who = await run_in_threadpool(visitor, venue, request)
        if who is None:
            return _error("not_signed_in", "請先用房間碼登入", 401)
        if not write_allowed(venue, request, who):
            return _error("csrf", "缺少或不符的 X-CSRF-Token", 403)
        try:
            body: Any = await request.json()
        except ValueError:
            body = None
        if not isinstance(body, dict) or not isinstance(body.get("answers"), dict):
            return _error("bad_request", '要有 "answers"（物件）', 400)
        try:
            done = await run_in_threadpool(
                surveys.answer, venue.db, session_id, who.registration_id, body["answers"]
            )
        except SurveyError as exc:
            return _error(exc.code, str(exc), _status_of(exc), **exc.params)
        return JSONResponse({"ok": True, "replaced": done.replaced})

    return [
        Route("/me/survey", page),
        Route("/me/survey", submit, methods=["POST"]),
        Route("/me/api/survey", api_answer, methods=["POST"]),
    ]
