"""Room codes (issue, show, replace, sign in with one), the device cookie, and the day of one
attendee as the room page shows it.

Codes: every seat holder (admitted or walk-in) has one. ``give_code`` is called where a person
gets a seat one by one (``admission.change_status``, ``walkins.add_walk_in``); ``give_codes``
fills in any seat holder without one (an import writes statuses in bulk) before passes, badges
or the room page need them. A code is never written to the audit log or the application log:
the audit records that one was shown or replaced, and whose (masked).

Signing in: ``identify_by_room_code`` — the one check of a typed code, for the room page and
the vote — applies ``LIMITS`` (``desktop.core.room_code.AttemptLimits``). The device then
holds ``device_cookie``: the registration, the day, and an HMAC over both and the current code
under a key derived from the event's secret; it stays good until midnight or until the code
is replaced, whichever comes first, and survives a restart of the server.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Attendee,
    CheckAction,
    CheckIn,
    Event,
    EventSession,
    PbVote,
    Registration,
    SeatAssignment,
    WorkshopTable,
)
from db.uow import Database
from desktop.core import room_code as rules
from desktop.core.checkin import LogEntry, presence
from desktop.core.outcomes import room as words
from desktop.core.problems import CodedError
from desktop.core.status import SEAT_HOLDERS, holds_seat
from desktop.core.text import mask_name, match_key
from desktop.services import audit
from desktop.services.handouts import HandoutInfo, list_handouts
from desktop.services.survey import has_answered

LIMITS = rules.AttemptLimits()  # one per process: the room page and the vote share it


class RoomCodeError(CodedError):
    """A room code refused (``wrong_code``, ``room_code_attempts``, ``room_busy``) or a person the
    desk named who has none (``no_such_person``, ``no_seat``, ``ambiguous_person``)."""


@dataclass(frozen=True)
class RoomCode:
    """One person's code, for the desk to show or print (never logged)."""

    registration_id: int
    name: str
    session: str
    code: str  # grouped, e.g. K7M-Q4X-RTP

    def as_json(self) -> dict[str, object]:
        return {
            "registration_id": self.registration_id,
            "name": self.name,
            "session": self.session,
            "room_code": self.code,
        }


@dataclass(frozen=True)
class Identified:
    """The seat holder a typed code belongs to."""

    registration_id: int
    session_id: int
    name: str


@dataclass(frozen=True)
class Visitor:
    """Who a signed-in device belongs to."""

    registration_id: int
    session_id: int
    name: str
    cookie: str  # the device cookie's value (what the page's CSRF token is bound to)


def _unused_code(s: Session) -> str:
    while True:  # 2.6e13 codes: a collision is a curiosity, but the column is unique
        code = rules.new_code()
        if s.scalar(select(Registration.id).where(Registration.room_code == code)) is None:
            return code


def give_code(s: Session, registration: Registration) -> None:
    """A seat holder without a code gets one (in the caller's unit of work)."""
    if registration.room_code is None and holds_seat(registration.status):
        registration.room_code = _unused_code(s)


def give_codes(s: Session, session_id: int) -> int:
    """Every seat holder of the session without a code gets one; how many did."""
    missing = s.scalars(
        select(Registration).where(
            Registration.session_id == session_id,
            Registration.status.in_(SEAT_HOLDERS),
            Registration.room_code.is_(None),
        )
    ).all()
    for registration in missing:
        registration.room_code = _unused_code(s)
    return len(missing)


def ensure_codes(db: Database, session_id: int) -> int:
    with db.unit_of_work() as s:
        return give_codes(s, session_id)


def _seat_holder(s: Session, session_id: int, person: str) -> Registration:
    """``person``: a registration id, or a name of the session (台/臺- and width-insensitive)."""
    text = person.strip()
    query = select(Registration).join(Attendee).where(Registration.session_id == session_id)
    if text.isdigit():
        found = s.scalars(query.where(Registration.id == int(text))).all()
    else:
        key = match_key(text)
        found = [r for r in s.scalars(query) if match_key(r.attendee.name) == key]
        seated = [r for r in found if holds_seat(r.status)]
        found = seated or found
    if not found:
        raise RoomCodeError(words.NO_SUCH_PERSON, person=text)
    if len(found) > 1:
        ids = "、".join(str(r.id) for r in found)
        raise RoomCodeError(words.AMBIGUOUS_PERSON, count=len(found), person=text, ids=ids)
    registration = found[0]
    if not holds_seat(registration.status):
        raise RoomCodeError(words.NO_SEAT, name=registration.attendee.name)
    return registration


def _shown(s: Session, registration: Registration) -> RoomCode:
    assert registration.room_code is not None
    return RoomCode(
        registration.id,
        registration.attendee.name,
        s.get_one(EventSession, registration.session_id).name,
        rules.shown(registration.room_code),
    )


def show_code(db: Database, session_id: int, person: str, *, actor: str = "") -> RoomCode:
    """A person's code for the desk (a walk-in, a lost badge): issued if they had none."""
    with db.unit_of_work() as s:
        registration = _seat_holder(s, session_id, person)
        give_code(s, registration)
        audit.record(
            s,
            "room_code.show",
            actor=actor,
            entity="registration",
            entity_id=registration.id,
            name=mask_name(registration.attendee.name),
        )
        return _shown(s, registration)


def replace_code(db: Database, session_id: int, person: str, *, actor: str = "") -> RoomCode:
    """A new code for the person; the old one, and every device signed in with it, stops
    working at once."""
    with db.unit_of_work() as s:
        registration = _seat_holder(s, session_id, person)
        registration.room_code = _unused_code(s)
        audit.record(
            s,
            "room_code.replace",
            actor=actor,
            entity="registration",
            entity_id=registration.id,
            name=mask_name(registration.attendee.name),
        )
        return _shown(s, registration)


def codes_for(s: Session, registration_ids: list[int]) -> dict[int, str]:
    """Registration id → grouped code, for the passes and badges being drawn."""
    rows = s.execute(
        select(Registration.id, Registration.room_code).where(
            Registration.id.in_(registration_ids), Registration.room_code.is_not(None)
        )
    )
    return {rid: rules.shown(code) for rid, code in rows if code}


# --- signing in -----------------------------------------------------------------------------


def identify_by_room_code(
    db: Database,
    session_id: int,
    code: str,
    address: str,
    *,
    clock: Callable[[], float] = time.monotonic,
) -> Identified | RoomCodeError:
    """The seat holder of the session whose code was typed, or the refusal: ``wrong_code``
    (also for a code of another session or of someone who lost their seat),
    ``room_code_attempts`` (this address, ``retry_after`` seconds) or ``room_busy`` (the room's
    budget of failures is spent for a second or two). What cannot be a code is refused as
    ``wrong_code`` with a hint and costs no attempt: it could never have matched."""
    try:
        typed = rules.normalise(code)
    except rules.CodeFormat as exc:
        return RoomCodeError(exc.outcome, reason="format", **exc.params)
    now = clock()
    verdict = LIMITS.attempt(address, now)  # charged before the comparison (no race)
    if verdict.refusal == "too_many_attempts":
        minutes = max(1, round(verdict.retry_after / 60))
        return RoomCodeError(words.ATTEMPTS, minutes=minutes, retry_after=verdict.retry_after)
    if verdict.refusal:
        return RoomCodeError(words.BUSY, retry_after=verdict.retry_after)
    with db.read() as s:
        registration = s.scalar(
            select(Registration).where(
                Registration.room_code == typed,
                Registration.session_id == session_id,
                Registration.status.in_(SEAT_HOLDERS),
            )
        )
        if registration is not None:
            LIMITS.matched(address, now)
            return Identified(registration.id, session_id, registration.attendee.name)
    return RoomCodeError(words.WRONG_CODE, reason="no_match")


def _cookie_key(s: Session, session_id: int) -> bytes:
    es = s.get_one(EventSession, session_id)
    secret = s.get_one(Event, es.event_id).token_secret
    return hmac.new(secret, b"room-page-device", hashlib.sha256).digest()


def _mac(key: bytes, registration_id: int, day: dt.date, code: str) -> str:
    message = f"{registration_id}|{day.isoformat()}|{code}".encode()
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def device_cookie(db: Database, registration_id: int, day: dt.date) -> str:
    """The value a signed-in device keeps for ``day``: ``<id>.<yyyymmdd>.<mac>``."""
    with db.read() as s:
        registration = s.get_one(Registration, registration_id)
        assert registration.room_code is not None
        key = _cookie_key(s, registration.session_id)
        mac = _mac(key, registration_id, day, registration.room_code)
        return f"{registration_id}.{day:%Y%m%d}.{mac}"


def signed_in(db: Database, session_id: int, cookie: str, today: dt.date) -> Visitor | None:
    """Whose device this is, from its cookie; None when the cookie is not from today, not
    this session's, forged, or its code was replaced since (or the person lost their seat)."""
    parts = cookie.split(".")
    if len(parts) != 3 or not parts[0].isdigit() or parts[1] != f"{today:%Y%m%d}":
        return None
    with db.read() as s:
        registration = s.get(Registration, int(parts[0]))
        if (
            registration is None
            or registration.session_id != session_id
            or registration.room_code is None
            or not holds_seat(registration.status)
        ):
            return None
        expected = _mac(_cookie_key(s, session_id), registration.id, today, registration.room_code)
        if not hmac.compare_digest(parts[2], expected):
            return None
        return Visitor(registration.id, session_id, registration.attendee.name, cookie)


# --- the attendee's day ----------------------------------------------------------------------


@dataclass(frozen=True)
class TablePlace:
    number: int
    name: str
    leader: str  # masked
    location: str  # the organiser's note, e.g. 靠窗第二排


@dataclass(frozen=True)
class Checked:
    state: str  # absent / in / out (desktop.core.checkin.Presence)
    first_in: dt.datetime | None


def table_place(s: Session, registration_id: int) -> TablePlace | None:
    table = s.scalar(
        select(WorkshopTable)
        .join(SeatAssignment, SeatAssignment.table_id == WorkshopTable.id)
        .where(SeatAssignment.registration_id == registration_id)
    )
    if table is None:
        return None
    return TablePlace(table.number, table.name, mask_name(table.leader_name), table.location)


def checked(s: Session, registration_id: int) -> Checked:
    rows = s.execute(
        select(CheckIn.id, CheckIn.action, CheckIn.at, CheckIn.desk, CheckIn.voids_id).where(
            CheckIn.registration_id == registration_id, CheckIn.action != CheckAction.REFUSED
        )
    )
    now = presence(LogEntry(*row) for row in rows)
    return Checked(now.state, now.first_in.at if now.first_in else None)


@dataclass(frozen=True)
class NowBlock:
    title: str
    ends_at: dt.datetime  # at the day's pace (the projector's countdown reaching zero)


@dataclass(frozen=True)
class NextBlock:
    title: str
    starts_at: dt.datetime  # planned, or later when the day runs behind


@dataclass(frozen=True)
class Day:
    """What the room page shows one signed-in attendee."""

    name: str  # masked
    session: str
    checked: Checked
    table: TablePlace | None
    now: NowBlock | None
    next: NextBlock | None
    behind: float  # seconds the day runs behind its plan, as on the projector
    handouts: tuple[HandoutInfo, ...]
    vote_status: str  # "none" or desktop.core.vote.VoteStatus
    survey_status: str  # "none" or desktop.core.survey.SurveyStatus
    survey_answered: bool  # while open: this person has a response (replaceable)

    def as_json(self) -> dict[str, object]:
        first_in = self.checked.first_in
        return {
            "name": self.name,
            "session": self.session,
            "checked_in": first_in is not None,
            "checked_in_at": f"{first_in:%H:%M}" if first_in else None,
            "table": (
                {
                    "number": self.table.number,
                    "leader": self.table.leader,
                    "location": self.table.location,
                }
                if self.table
                else None
            ),
            "now": (
                {"title": self.now.title, "ends_at": self.now.ends_at.isoformat(timespec="minutes")}
                if self.now
                else None
            ),
            "next": (
                {
                    "title": self.next.title,
                    "starts_at": self.next.starts_at.isoformat(timespec="minutes"),
                }
                if self.next
                else None
            ),
            "behind_minutes": round(self.behind / 60),
            "handouts": [
                {"title": h.title, "file_name": h.file_name, "bytes": h.size, "url": h.url}
                for h in self.handouts
            ],
            "vote": {"status": self.vote_status},
            "survey": {"status": self.survey_status, "answered": self.survey_answered},
        }


def day(db: Database, session_id: int, registration_id: int, now: dt.datetime) -> Day:
    from desktop.core.agenda import RunStatus
    from desktop.services.agenda_run import load_run

    run = load_run(db, session_id)
    timing = run.timing(now)
    running = timing.status in (RunStatus.RUNNING, RunStatus.PAUSED)
    current = run.row(timing.current.id) if running and timing.current else None
    following = run.row(timing.following.id) if timing.following else None
    now_block = (
        NowBlock(current.title, timing.current_end)
        if current is not None and timing.current_end is not None
        else None
    )
    next_block = (
        NextBlock(
            following.title,
            following.planned_start + dt.timedelta(seconds=round(timing.next_delay)),
        )
        if following is not None
        else None
    )
    survey_status, survey_answered = has_answered(db, session_id, registration_id)
    with db.read() as s:
        registration = s.get_one(Registration, registration_id)
        vote = s.scalar(select(PbVote.status).where(PbVote.session_id == session_id))
        return Day(
            name=mask_name(registration.attendee.name),
            session=s.get_one(EventSession, session_id).name,
            checked=checked(s, registration_id),
            table=table_place(s, registration_id),
            now=now_block,
            next=next_block,
            behind=timing.behind if running else 0.0,
            handouts=tuple(list_handouts(db, session_id)),
            vote_status=vote or "none",
            survey_status=survey_status,
            survey_answered=survey_answered,
        )
