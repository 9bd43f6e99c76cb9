"""The voters' pages of the room's PB vote (``/vote``) and their JSON twin (``/vote/api``).

Pages are plain HTML forms (they work with scripting off); ``vote.js`` only adds the running
total of a basket and greys out what no longer fits. Steps:

1. ``GET /vote`` — choose your table; ``GET /vote?table=N`` — choose your masked name and type
   the last three digits of your phone; ``POST /vote/identify`` sets the ``wd_voter`` cookie
   (a pass signed with the vote's secret, erased at close) and sends you to the ballot.
2. ``GET /vote/ballot`` — the ballot, with your earlier choices ticked; ``POST /vote/ballot``
   counts it (replacing an earlier one) or shows why not in a sentence.

API (same rules, codes instead of sentences): ``POST /vote/api/identify`` ``{"registration_id",
"digits"}`` → ``{"ok", "revision", "approvals", "csrf"}`` (+ cookie); ``POST /vote/api/ballot``
``{"revision", "approve": [ids]}`` with header ``X-CSRF-Token`` → ``{"ok", "result",
"message", "revision", "replaced"}``; ``GET /vote/api/turnout`` → ``{"status", "ballots",
"checked_in"}`` (nothing about votes while open).

Every write carries a CSRF token: bound to the pass for the ballot, to a random visit cookie
for the identification form. The rate limit of ``desktop.server.app`` applies per device, and
``services.vote_ballots.MAX_ATTEMPTS`` per name, so three digits cannot be guessed by trying.
"""

from __future__ import annotations

import secrets
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from desktop.core.vote import Method, VoteError, VoteStatus
from desktop.server.app import Venue
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots

PASS_COOKIE = "wd_voter"
VISIT_COOKIE = "wd_visit"


def routes(venue: Venue) -> list[BaseRoute]:
    venue.add_home_link("參與式預算投票", "/vote")
    session_id = venue.session.id

    def state() -> svc.VoteState:
        return svc.vote_state(venue.db, session_id)

    def not_open(request: Request, current: svc.VoteState) -> Response:
        closed = current.status == VoteStatus.CLOSED
        return venue.render(
            request, "vote_closed.html", closed=closed, status_code=409 if closed else 200
        )

    def visit(request: Request) -> str:
        return request.cookies.get(VISIT_COOKIE) or secrets.token_urlsafe(18)

    def with_visit(response: Response, value: str) -> Response:
        response.set_cookie(VISIT_COOKIE, value, path="/vote", httponly=True, samesite="strict")
        return response

    def identify_page(
        request: Request,
        current: svc.VoteState,
        *,
        table: int | None,
        message: str = "",
        status_code: int = 200,
    ) -> Response:
        tables = ballots.voter_tables(venue.db, session_id)
        chosen = next((t for t in tables if t.number == table), None)
        value = visit(request)
        return with_visit(
            venue.render(
                request,
                "vote_identify.html",
                status_code=status_code,
                tables=tables,
                chosen=chosen,
                message=message,
                csrf=venue.csrf_token(value),
                vote=current,
                method_text=_method_text(current),
            ),
            value,
        )

    async def start(request: Request) -> Response:
        current = await run_in_threadpool(state)
        if current.status != VoteStatus.OPEN:
            return not_open(request, current)
        raw = request.query_params.get("table")
        table = int(raw) if raw and raw.isdigit() else None
        return await run_in_threadpool(identify_page, request, current, table=table)

    async def identify(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=4)
        current = await run_in_threadpool(state)
        if current.status != VoteStatus.OPEN:
            return not_open(request, current)
        table = _int(form.get("table"))
        if not venue.check_csrf(request, visit(request), str(form.get("csrf", ""))):
            return await run_in_threadpool(
                identify_page,
                request,
                current,
                table=table,
                status_code=403,
                message="這個頁面已過期，請再選一次名字並輸入電話末三碼。",
            )
        registration = _int(form.get("voter"))
        if registration is None:
            return await run_in_threadpool(
                identify_page,
                request,
                current,
                table=table,
                message="請選擇您的名字。",
                status_code=422,
            )
        try:
            voter = await run_in_threadpool(
                ballots.identify_voter,
                venue.db,
                session_id,
                registration,
                str(form.get("digits", "")),
            )
        except VoteError as exc:
            return await run_in_threadpool(
                identify_page, request, current, table=table, message=str(exc), status_code=403
            )
        response = RedirectResponse("/vote/ballot", status_code=303)
        response.set_cookie(
            PASS_COOKIE, voter.token, path="/vote", httponly=True, samesite="strict"
        )
        return response

    def ballot_page(
        request: Request,
        current: svc.VoteState,
        voter: ballots.VoterPass,
        *,
        chosen: tuple[int, ...] | None = None,
        message: str = "",
        code: str = "",
        status_code: int = 200,
    ) -> Response:
        return venue.render(
            request,
            "vote_ballot.html",
            status_code=status_code,
            vote=current,
            projects=current.on_ballot,
            chosen=set(voter.approvals if chosen is None else chosen),
            revision=voter.revision,
            has_voted=bool(voter.approvals),
            message=message,
            code=code,
            csrf=venue.csrf_token(voter.token),
            basket=current.method == Method.BASKET,
            method_text=_method_text(current),
        )

    def current_pass(request: Request) -> ballots.VoterPass | None:
        token = request.cookies.get(PASS_COOKIE, "")
        if not token:
            return None
        try:
            return ballots.voter_ballot(venue.db, session_id, token)
        except VoteError:
            return None

    async def ballot(request: Request) -> Response:
        current = await run_in_threadpool(state)
        if current.status != VoteStatus.OPEN:
            return not_open(request, current)
        voter = await run_in_threadpool(current_pass, request)
        if voter is None:
            return RedirectResponse("/vote", status_code=303)
        return ballot_page(request, current, voter)

    async def cast(request: Request) -> Response:
        form = await request.form(max_files=0, max_fields=200)
        current = await run_in_threadpool(state)
        if current.status != VoteStatus.OPEN:
            return not_open(request, current)
        voter = await run_in_threadpool(current_pass, request)
        if voter is None:
            return venue.refuse(
                request, "您的投票憑證無效或已過期，請回到投票首頁重新選擇桌次與姓名。"
            )
        approvals = tuple(i for i in (_int(v) for v in form.getlist("approve")) if i is not None)
        if not venue.check_csrf(request, voter.token, str(form.get("csrf", ""))):
            return ballot_page(
                request,
                current,
                voter,
                chosen=approvals,
                status_code=403,
                message="這個頁面已過期，請確認後再送出一次。",
                code="csrf",
            )
        revision = _int(form.get("revision"))
        result = await run_in_threadpool(
            ballots.cast_web_ballot,
            venue.db,
            session_id,
            voter.token,
            -1 if revision is None else revision,
            approvals,
        )
        if not result.ok:
            fresh = await run_in_threadpool(current_pass, request) or voter
            return ballot_page(
                request,
                current,
                fresh,
                chosen=approvals,
                message=result.message,
                code=result.result,
                status_code=409,
            )
        return venue.render(
            request,
            "vote_done.html",
            vote=current,
            result=result,
            projects=[p for p in current.on_ballot if p.id in result.approvals],
        )

    async def api_identify(request: Request) -> Response:
        body = await _json(request)
        if body is None:
            return _api_error("bad_request", "要有 registration_id（整數）與 digits", 400)
        try:
            voter = await run_in_threadpool(
                ballots.identify_voter,
                venue.db,
                session_id,
                int(body.get("registration_id", 0)),
                str(body.get("digits", "")),
            )
        except (VoteError, ValueError, TypeError) as exc:
            code = exc.code if isinstance(exc, VoteError) else "bad_request"
            return _api_error(code, str(exc), 403 if code != "bad_request" else 400)
        response = JSONResponse(
            {
                "ok": True,
                "revision": voter.revision,
                "approvals": list(voter.approvals),
                "csrf": venue.csrf_token(voter.token),
            }
        )
        response.set_cookie(
            PASS_COOKIE, voter.token, path="/vote", httponly=True, samesite="strict"
        )
        return response

    async def api_ballot(request: Request) -> Response:
        token = request.cookies.get(PASS_COOKIE, "")
        if not token or not venue.check_csrf(request, token):
            return _api_error("csrf", "缺少或錯誤的 X-CSRF-Token", 403)
        body = await _json(request)
        if (
            body is None
            or not isinstance(body.get("revision"), int)
            or not isinstance(body.get("approve"), list)
            or not all(isinstance(i, int) for i in body["approve"])
        ):
            return _api_error("bad_request", '要有 "revision"（整數）與 "approve"（整數清單）', 400)
        result = await run_in_threadpool(
            ballots.cast_web_ballot, venue.db, session_id, token, body["revision"], body["approve"]
        )
        return JSONResponse(
            {
                "ok": result.ok,
                "result": result.result,
                "message": result.message,
                "revision": result.revision,
                "replaced": result.replaced,
            },
            status_code=200 if result.ok else 409,
        )

    async def api_turnout(request: Request) -> Response:
        current = await run_in_threadpool(state)
        return JSONResponse(
            {"status": current.status, "ballots": current.ballots, "checked_in": current.checked_in}
        )

    return [
        Route("/vote", start),
        Route("/vote/identify", identify, methods=["POST"]),
        Route("/vote/ballot", ballot, methods=["GET"]),
        Route("/vote/ballot", cast, methods=["POST"]),
        Route("/vote/api/identify", api_identify, methods=["POST"]),
        Route("/vote/api/ballot", api_ballot, methods=["POST"]),
        Route("/vote/api/turnout", api_turnout, methods=["GET"]),
    ]


def _method_text(current: svc.VoteState) -> str:
    if current.method == Method.BASKET:
        # A no-break space: 「NT$」 and the amount stay on one line on a phone.
        return f"請選擇提案放進預算籃：合計不可超過預算 NT$\u00a0{current.budget:,}。"
    if current.max_approvals:
        return f"請勾選您支持的提案，最多 {current.max_approvals} 項。"
    return "請勾選您支持的提案，可選任意項。"


def _int(value: Any) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


async def _json(request: Request) -> dict[str, Any] | None:
    try:
        body = await request.json()
    except ValueError:
        return None
    return body if isinstance(body, dict) else None


def _api_error(code: str, message: str, status: int) -> JSONResponse:
    return JSONResponse({"ok": False, "result": code, "message": message}, status_code=status)
