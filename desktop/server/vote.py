"""The voters' pages of the room's PB vote (``/vote``) and their JSON twin (``/vote/api``).

The voter is the attendee signed in on the room page (``desktop.server.room.visitor``: the
``wd_room`` device cookie, checked against the person's current room code on every request,
so a code replaced at the desk ends that device's vote at once). There is no second
credential: a device that is not signed in is sent to the room page's sign-in form, whose
attempt limits (``desktop.services.room.LIMITS``) are the vote's guessing budget, and comes back
here. Pages are plain HTML forms (they work with scripting off); ``vote.js`` only adds the
running total of a basket and greys out what no longer fits.

* ``GET /vote`` — the ballot, with the earlier choices ticked (or why this person cannot vote
  here: not checked in, or the desk took their web pass); ``POST /vote/ballot`` counts it
  (replacing an earlier one) or shows why not in a sentence.

API (same rules, codes instead of sentences; the device cookie and, for writes, the
``X-CSRF-Token`` that ``POST /me/api/sign-in`` answered): ``GET /vote/api/ballot`` →
``{"ok": true, "revision", "approvals"}``; ``POST /vote/api/ballot`` ``{"revision",
"approve": [ids]}`` → ``{"ok": true, "result": "ok", "message", "revision", "replaced"}``;
``GET /vote/api/turnout`` → ``{"status", "ballots", "checked_in"}`` (nothing about votes while
open). A refusal is the CLI's shape: ``{"ok": false, "error": {"code", "message", "params"}}``
(a ballot's also has ``revision``).
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from desktop.core.outcomes import vote as vote_outcomes
from desktop.core.text import mask_name
from desktop.core.vote import Method, VoteError, VoteState, VoteStatus, beyond_budget
from desktop.server.app import Venue, venue_of
from desktop.server.bodies import (
    BodyError,
    Int,
    ListOf,
    Obj,
    bad_request,
    form_int,
    read_json,
    refusal,
)
from desktop.server.room import (
    json_writer,
    not_signed_in,
    sign_in_address,
    visitor,
    write_allowed,
)
from desktop.services import room
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots

PAGE = "/vote"
PAGE_EXPIRED = "這個頁面已過期，請確認後再送出一次。"
BALLOT_BODY = Obj(
    {"revision": Int(), "approve": ListOf(Int(1), 500)}, required=("revision", "approve")
)


def _state(venue: Venue) -> VoteState:
    return svc.vote_state(venue.db, venue.session.id)


def _not_open(venue: Venue, request: Request, current: VoteState) -> Response:
    closed = current.status == VoteStatus.CLOSED
    return venue.render(
        request, "vote_closed.html", closed=closed, status_code=409 if closed else 200
    )


@dataclass(frozen=True)
class Ballot:
    """What the ballot page shows: the vote, who is voting and what they cast so far."""

    current: VoteState
    who: room.Visitor
    voter: ballots.VoterPass


def _ballot_page(
    venue: Venue,
    request: Request,
    ballot: Ballot,
    *,
    chosen: tuple[int, ...] | None = None,
    message: str = "",
    code: str = "",
    status_code: int = 200,
) -> Response:
    current, voter = ballot.current, ballot.voter
    return venue.render(
        request,
        "vote_ballot.html",
        status_code=status_code,
        vote=current,
        voter_name=mask_name(ballot.who.name),
        projects=current.on_ballot,
        beyond={p.id for p in beyond_budget(current.rules, current.on_ballot)},
        chosen=set(voter.approvals if chosen is None else chosen),
        revision=voter.revision,
        has_voted=bool(voter.approvals),
        message=message,
        code=code,
        csrf=venue.csrf_token(ballot.who.cookie),
        basket=current.method == Method.BASKET,
        method_text=_method_text(current),
    )


def _signed_in_voter(
    venue: Venue, request: Request
) -> tuple[room.Visitor, ballots.VoterPass | VoteError] | None:
    """The signed-in attendee (None: nobody) and what they cast so far, or why they cannot
    vote here (blocking: call it in the thread pool)."""
    who = visitor(venue, request)
    if who is None:
        return None
    try:
        return who, ballots.voter_ballot(venue.db, venue.session.id, who.registration_id)
    except VoteError as exc:
        return who, exc


async def _ballot_or_answer(venue: Venue, request: Request) -> Ballot | Response:
    """The ballot of a signed-in attendee who may vote, or the page that says why not (the
    vote is not open, nobody is signed in, this person cannot vote on the web)."""
    current = await run_in_threadpool(_state, venue)
    if current.status != VoteStatus.OPEN:
        return _not_open(venue, request, current)
    signed_in = await run_in_threadpool(_signed_in_voter, venue, request)
    if signed_in is None:
        return RedirectResponse(sign_in_address(PAGE), status_code=303)
    who, voter = signed_in
    if isinstance(voter, VoteError):
        return venue.refuse(request, str(voter), 403)
    return Ballot(current, who, voter)


async def start(request: Request) -> Response:
    """``GET /vote``: the ballot, with the earlier choices ticked."""
    ballot = await _ballot_or_answer(venue_of(request), request)
    if not isinstance(ballot, Ballot):
        return ballot
    return _ballot_page(venue_of(request), request, ballot)


async def cast(request: Request) -> Response:
    """``POST /vote/ballot``: the form's ballot counted, or the page again with why not."""
    venue = venue_of(request)
    form = await request.form(max_files=0, max_fields=200)
    ballot = await _ballot_or_answer(venue, request)
    if not isinstance(ballot, Ballot):
        return ballot
    approvals = tuple(i for i in (form_int(v) for v in form.getlist("approve")) if i is not None)
    if not write_allowed(venue, request, ballot.who, str(form.get("csrf", ""))):
        return _ballot_page(
            venue,
            request,
            ballot,
            chosen=approvals,
            status_code=403,
            message=PAGE_EXPIRED,
            code="csrf",
        )
    revision = form_int(form.get("revision"))
    result = await run_in_threadpool(
        ballots.cast_web_ballot,
        venue.db,
        venue.session.id,
        ballot.who.registration_id,
        -1 if revision is None else revision,
        approvals,
    )
    if not result.ok:
        again = await run_in_threadpool(_signed_in_voter, venue, request)
        fresh = again[1] if again is not None else ballot.voter
        if not isinstance(fresh, VoteError):
            ballot = Ballot(ballot.current, ballot.who, fresh)
        return _ballot_page(
            venue,
            request,
            ballot,
            chosen=approvals,
            message=result.message,
            code=result.result,
            status_code=409,
        )
    return venue.render(
        request,
        "vote_done.html",
        vote=ballot.current,
        result=result,
        projects=[p for p in ballot.current.on_ballot if p.id in result.approvals],
    )


async def api_ballot_now(request: Request) -> Response:
    """``GET /vote/api/ballot``: what this person cast so far."""
    signed_in = await run_in_threadpool(_signed_in_voter, venue_of(request), request)
    if signed_in is None:
        return not_signed_in()
    voter = signed_in[1]
    if isinstance(voter, VoteError):
        return refusal(voter, 409 if voter.outcome is vote_outcomes.CLOSED else 403)
    return JSONResponse(
        {"ok": True, "revision": voter.revision, "approvals": list(voter.approvals)}
    )


async def api_ballot(request: Request) -> Response:
    """``POST /vote/api/ballot``: a ballot counted (replacing an earlier one) or refused."""
    who = await json_writer(request)
    if isinstance(who, Response):
        return who
    venue = venue_of(request)
    try:
        body = await read_json(request, BALLOT_BODY)
    except BodyError as exc:
        return bad_request(exc)
    result = await run_in_threadpool(
        ballots.cast_web_ballot,
        venue.db,
        venue.session.id,
        who.registration_id,
        body["revision"],
        body["approve"],
    )
    if not result.ok:
        refused = VoteError(result.outcome, **result.params)
        return refusal(refused, 409, revision=result.revision)
    return JSONResponse(
        {
            "ok": True,
            "result": result.result,
            "message": result.message,
            "revision": result.revision,
            "replaced": result.replaced,
        }
    )


async def api_turnout(request: Request) -> Response:
    """``GET /vote/api/turnout``: how many voted of how many checked in (nothing about votes
    while open)."""
    current = await run_in_threadpool(_state, venue_of(request))
    return JSONResponse(
        {"status": current.status, "ballots": current.ballots, "checked_in": current.checked_in}
    )


def routes(venue: Venue) -> list[BaseRoute]:
    venue.add_home_link("參與式預算投票", PAGE)
    return [
        Route(PAGE, start),
        Route("/vote/ballot", cast, methods=["POST"]),
        Route("/vote/api/ballot", api_ballot_now, methods=["GET"]),
        Route("/vote/api/ballot", api_ballot, methods=["POST"]),
        Route("/vote/api/turnout", api_turnout, methods=["GET"]),
    ]


def _method_text(current: VoteState) -> str:
    if current.method == Method.BASKET:
        # A no-break space: 「NT$」 and the amount stay on one line on a phone.
        return f"請選擇提案放進預算籃：合計不可超過預算 NT$\u00a0{current.budget:,}。"
    if current.max_approvals:
        return f"請勾選您支持的提案，最多 {current.max_approvals} 項。"
    return "請勾選您支持的提案，可選任意項。"
