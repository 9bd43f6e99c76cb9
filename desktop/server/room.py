"""The room page (``/me``): one attendee's day on their own phone, and its JSON twin.

The projector's QR and the short address ``http://<laptop>:<port>/me`` open it. The attendee
signs in once with the room code printed on their pass and badge; the device keeps the
``wd_room`` cookie (``services.room.device_cookie``: HttpOnly, SameSite=Strict, until
midnight or until the desk replaces the code). Pages are plain HTML forms (scripting off works)
and refresh themselves every ``REFRESH_SECONDS`` so a move to another table or the agenda's
pace shows without a tap.

* ``GET /me`` — the sign-in form, or the day: 我的桌次, 議程 (now/next at the projector's
  pace), 講義, 投票 while a vote is open, the person's own check-in time.
* ``POST /me/sign-in`` (form ``code``, ``csrf``, optional ``next``: a page of ``RETURN_PAGES``
  such as ``/vote`` to go back to; ``GET /me?next=/vote`` puts it in the form),
  ``POST /me/sign-out`` (form ``csrf``).
* ``GET /me/handouts/<id>`` — a handout file for a signed-in device, streamed.
* ``POST /me/api/sign-in`` ``{"code"}`` → ``{"ok": true, "csrf"}`` + the cookie, or
  ``{"ok": false, "error": {"code", "message", "params"}}`` (``wrong_code`` 403,
  ``room_code_attempts``/``room_busy`` 429, ``bad_request`` 400).
* ``GET /me/api/day`` → ``services.room.Day.as_json`` (401 ``not_signed_in`` without a device).

Later features reuse the sign-in: ``visitor(venue, request)`` is the signed-in attendee of a
request (or None), ``write_allowed(venue, request, who, submitted)`` checks a write's CSRF
token (header ``X-CSRF-Token`` or form field ``csrf``) against that device's cookie, and their
JSON routes refuse alike with ``not_signed_in()`` (401) and ``token_refused()`` (403 ``csrf``).
"""

from __future__ import annotations

import datetime as dt
import secrets

from starlette.concurrency import iterate_in_threadpool, run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response, StreamingResponse
from starlette.routing import BaseRoute, Route

from desktop.core.handouts import KIND_NAMES, Kind, content_disposition
from desktop.core.outcomes import requests
from desktop.core.outcomes import room as words
from desktop.core.room_code import LENGTH
from desktop.server.app import Venue, client_address, venue_of
from desktop.server.bodies import (
    BodyError,
    Obj,
    Text,
    bad_request,
    coded_refusal,
    read_json,
    refusal,
)
from desktop.services import handouts as handout_store
from desktop.services import room

COOKIE = "wd_room"
# Pages that send a device here to sign in and get it back afterwards (never a free address:
# the sign-in form must not redirect to another site).
RETURN_PAGES = frozenset({"/vote"})
VISIT_COOKIE = "wd_room_visit"  # binds the sign-in form's CSRF token before there is a device
REFRESH_SECONDS = 30
SIGN_IN_BODY = Obj({"code": Text()}, required=("code",))


def clock() -> dt.datetime:
    """The venue's wall clock (the laptop's); a test of a day in the past replaces it."""
    return dt.datetime.now()


def visitor(venue: Venue, request: Request) -> room.Visitor | None:
    """The attendee whose device sent ``request`` (blocking: call it in the thread pool)."""
    cookie = request.cookies.get(COOKIE, "")
    if not cookie:
        return None
    who = room.signed_in(venue.db, venue.session.id, cookie, clock().date())
    if who is not None:
        venue.live.attendee_signed_in(who.registration_id)
    return who


def not_signed_in() -> JSONResponse:
    """The refusal of an attendee's JSON route to a device that is not signed in."""
    return coded_refusal(words.NOT_SIGNED_IN, 401)


def token_refused() -> JSONResponse:
    """The refusal of a signed-in device's JSON write without its ``X-CSRF-Token``."""
    return coded_refusal(requests.CSRF, 403)


def sign_in_address(page: str) -> str:
    """Where a page sends a device that is not signed in: the one sign-in form, which comes
    back to ``page`` (one of ``RETURN_PAGES``) afterwards."""
    assert page in RETURN_PAGES
    return f"/me?next={page}"


def write_allowed(
    venue: Venue, request: Request, who: room.Visitor, submitted: str | None = None
) -> bool:
    """A signed-in device's write carries the token its page or sign-in answer gave it."""
    return venue.check_csrf(request, who.cookie, submitted)


async def json_writer(request: Request) -> room.Visitor | Response:
    """The signed-in attendee behind a JSON write, or its refusal: not signed in, or the
    ``X-CSRF-Token`` missing or foreign."""
    venue = venue_of(request)
    who = await run_in_threadpool(visitor, venue, request)
    if who is None:
        return not_signed_in()
    if not write_allowed(venue, request, who):
        return token_refused()
    return who


def _seconds_to_midnight(now: dt.datetime) -> int:
    midnight = dt.datetime.combine(now.date() + dt.timedelta(days=1), dt.time())
    return max(60, int((midnight - now).total_seconds()))


def _with_device(response: Response, cookie: str) -> Response:
    response.set_cookie(
        COOKIE,
        cookie,
        max_age=_seconds_to_midnight(clock()),
        path="/",
        httponly=True,
        samesite="strict",
    )
    return response


def _status_of(error: room.RoomCodeError) -> int:
    return 429 if error.outcome in (words.ATTEMPTS, words.BUSY) else 403


def _size_text(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def _visit(request: Request) -> str:
    return request.cookies.get(VISIT_COOKIE) or secrets.token_urlsafe(18)


def _sign_in_page(
    venue: Venue,
    request: Request,
    *,
    message: str = "",
    typed: str = "",
    back: str = "",
    status_code: int = 200,
) -> Response:
    value = _visit(request)
    response = venue.render(
        request,
        "room_sign_in.html",
        status_code=status_code,
        message=message,
        typed=typed,
        back=back if back in RETURN_PAGES else "",
        csrf=venue.csrf_token(value),
        length=LENGTH,
    )
    response.set_cookie(VISIT_COOKIE, value, path="/me", httponly=True, samesite="strict")
    return response


def _day_page(venue: Venue, request: Request, who: room.Visitor) -> Response:
    today = room.day(venue.db, venue.session.id, who.registration_id, clock())
    return venue.render(
        request,
        "room_day.html",
        day=today,
        csrf=venue.csrf_token(who.cookie),
        refresh=REFRESH_SECONDS,
        behind_minutes=round(today.behind / 60),
        handouts=[(h, KIND_NAMES[Kind(h.kind)], _size_text(h.size)) for h in today.handouts],
    )


def page(request: Request) -> Response:
    """``GET /me``: the sign-in form, or the signed-in attendee's day."""
    venue = venue_of(request)
    who = visitor(venue, request)
    if who is None:
        return _sign_in_page(venue, request, back=request.query_params.get("next", ""))
    return _day_page(venue, request, who)


async def sign_in(request: Request) -> Response:
    """``POST /me/sign-in``: the form's room code; the device cookie and back to the page."""
    venue = venue_of(request)
    form = await request.form(max_files=0, max_fields=4)
    typed = str(form.get("code", ""))[:40]
    back = str(form.get("next", ""))
    if not venue.check_csrf(request, _visit(request), str(form.get("csrf", ""))):
        return await run_in_threadpool(
            _sign_in_page,
            venue,
            request,
            typed=typed,
            back=back,
            status_code=403,
            message=words.SIGN_IN_EXPIRED.say(),
        )
    found = await run_in_threadpool(
        room.identify_by_room_code, venue.db, venue.session.id, typed, client_address(request)
    )
    if isinstance(found, room.RoomCodeError):
        return await run_in_threadpool(
            _sign_in_page,
            venue,
            request,
            typed=typed,
            back=back,
            message=str(found),
            status_code=_status_of(found),
        )
    cookie = await _signed_in(venue, found)
    after = back if back in RETURN_PAGES else "/me"
    return _with_device(RedirectResponse(after, status_code=303), cookie)


async def _signed_in(venue: Venue, found: room.Identified) -> str:
    """The device cookie of a right code (and the desk counts the attendee signed in)."""
    cookie = await run_in_threadpool(
        room.device_cookie, venue.db, found.registration_id, clock().date()
    )
    venue.live.attendee_signed_in(found.registration_id)
    return cookie


async def sign_out(request: Request) -> Response:
    """``POST /me/sign-out``: the device forgets its cookie (with the page's token)."""
    venue = venue_of(request)
    form = await request.form(max_files=0, max_fields=2)
    who = await run_in_threadpool(visitor, venue, request)
    response = RedirectResponse("/me", status_code=303)
    if who is not None and write_allowed(venue, request, who, str(form.get("csrf", ""))):
        response.delete_cookie(COOKIE, path="/", httponly=True, samesite="strict")
    return response


async def handout(request: Request) -> Response:
    """``GET /me/handouts/<id>``: a handout file for a signed-in device, streamed."""
    venue = venue_of(request)
    who = await run_in_threadpool(visitor, venue, request)
    if who is None:
        return venue.refuse(request, "請先用房間碼登入，才能下載講義。", 403)
    raw = request.path_params["handout_id"]
    found = await run_in_threadpool(
        handout_store.find_handout, venue.db, venue.session.id, int(raw) if raw.isdigit() else -1
    )
    if found is None:
        return venue.refuse(request, "找不到這份講義，可能已被移除。", 404)
    return StreamingResponse(
        iterate_in_threadpool(handout_store.chunks(venue.db, found.id)),
        media_type=found.content_type,
        headers={
            "content-disposition": content_disposition(found.file_name),
            "content-length": str(found.size),
        },
    )


async def api_sign_in(request: Request) -> Response:
    """``POST /me/api/sign-in`` ``{"code"}``: the CSRF token and the device cookie."""
    venue = venue_of(request)
    try:
        body = await read_json(request, SIGN_IN_BODY)
    except BodyError as exc:
        return bad_request(exc)
    found = await run_in_threadpool(
        room.identify_by_room_code,
        venue.db,
        venue.session.id,
        body["code"][:40],
        client_address(request),
    )
    if isinstance(found, room.RoomCodeError):
        # A typo that cannot be a code answers the documented ``wrong_code`` (with its hint).
        typo = found.outcome in (words.CODE_LENGTH, words.CODE_SYMBOLS)
        return refusal(found, _status_of(found), code=words.WRONG_CODE if typo else None)
    cookie = await _signed_in(venue, found)
    return _with_device(JSONResponse({"ok": True, "csrf": venue.csrf_token(cookie)}), cookie)


def api_day(request: Request) -> Response:
    """``GET /me/api/day``: the signed-in attendee's day as JSON."""
    venue = venue_of(request)
    who = visitor(venue, request)
    if who is None:
        return not_signed_in()
    today = room.day(venue.db, venue.session.id, who.registration_id, clock())
    return JSONResponse(today.as_json())


def routes(venue: Venue) -> list[BaseRoute]:
    venue.add_home_link("我的研習（房間碼登入）", "/me")
    room.ensure_codes(venue.db, venue.session.id)  # people imported in bulk since the last start
    return [
        Route("/me", page),
        Route("/me/sign-in", sign_in, methods=["POST"]),
        Route("/me/sign-out", sign_out, methods=["POST"]),
        Route("/me/handouts/{handout_id}", handout),
        Route("/me/api/sign-in", api_sign_in, methods=["POST"]),
        Route("/me/api/day", api_day),
    ]
