"""Check-in rules: one function, ``decide``, says what a scan or a click at the desk means.

Everything the desk may answer is a ``Code`` (a stable string the CLI prints as ``result``,
worded in ``desktop.core.outcomes.checkin``):

* ``ok`` — record the action (``in`` when checking in, ``out`` when signing out). Re-entry is
  allowed: in → out → in.
* ``already_checked_in`` — checking in someone who is in; the answer carries the time and desk
  of the first check-in of the day.
* ``already_checked_out`` / ``not_checked_in`` — sign-out of someone who already left / never
  arrived.
* ``not_admitted`` — waitlisted or cancelled; the answer says whether seats are free so the desk
  can offer to admit the person as a walk-in.
* ``other_session`` — a pass of this event for another session (which one, which date).
* ``other_event`` / ``invalid_code`` / ``forged`` — the code itself is refused (see
  ``desktop.core.tokens``).

The log is append-only: undo appends a ``void`` row naming the row it voids, and ``presence``
ignores voided rows, so undoing restores the previous state while both rows stay. A refused
attempt is logged too (a ``refused`` row with its code); ``presence`` reads only in/out rows,
so a refusal never changes anyone's state. A repeated submission of the same scan (same
nonce) returns the first result instead of a second action.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from desktop.core.outcomes import checkin_log
from desktop.core.problems import Outcome
from desktop.core.status import CheckAction, effective_ids, holds_seat
from desktop.core.tokens import TokenProblem

IN, OUT, VOID, REFUSED = CheckAction.IN, CheckAction.OUT, CheckAction.VOID, CheckAction.REFUSED


class Code(StrEnum):
    OK = "ok"
    ALREADY_CHECKED_IN = "already_checked_in"
    ALREADY_CHECKED_OUT = "already_checked_out"
    NOT_CHECKED_IN = "not_checked_in"
    NOT_ADMITTED = "not_admitted"
    OTHER_SESSION = "other_session"
    OTHER_EVENT = "other_event"
    INVALID_CODE = "invalid_code"
    FORGED = "forged"


REFUSED_CODE = {
    TokenProblem.INVALID_CODE: Code.INVALID_CODE,
    TokenProblem.OTHER_EVENT: Code.OTHER_EVENT,
    TokenProblem.FORGED: Code.FORGED,
}


class Mode(StrEnum):
    IN = "in"  # 報到 / re-entry
    OUT = "out"  # 簽退


@dataclass(frozen=True)
class LogEntry:
    """One row of the check-in log of one registration, as the rules see it."""

    id: int
    action: str  # in / out / void
    at: dt.datetime
    desk: str = ""
    voids_id: int | None = None
    nonce: str | None = None


@dataclass(frozen=True)
class Presence:
    state: str  # "absent" (never arrived or all undone), "in", "out"
    first_in: LogEntry | None  # first effective check-in of the day
    last: LogEntry | None  # the effective row that set the state

    @property
    def arrived(self) -> bool:
        return self.first_in is not None


def effective(entries: Iterable[LogEntry]) -> list[LogEntry]:
    """In/out rows that no void row cancels, in the day's order (``status.effective_ids``)."""
    by_id = {e.id: e for e in entries}
    return [
        by_id[i] for i in effective_ids((e.id, e.action, e.at, e.voids_id) for e in by_id.values())
    ]


def presence(entries: Iterable[LogEntry]) -> Presence:
    rows = effective(entries)
    if not rows:
        return Presence("absent", None, None)
    first_in = next((e for e in rows if e.action == IN), None)
    last = rows[-1]
    return Presence(last.action, first_in, last)


@dataclass(frozen=True)
class Decision:
    code: Code
    at: dt.datetime  # when the desk decided: the time to stamp on a recorded row
    record: str | None = None  # the action to append to the log (ok only), None otherwise
    reentry: bool = False  # ok: checking in again after signing out
    replay_of: LogEntry | None = None  # ok: the same nonce was already recorded as this row
    first_in: LogEntry | None = None  # already_checked_in / ok sign-out: the first check-in
    last_out: LogEntry | None = None  # already_checked_out: when they left
    seats_free: int = 0  # not_admitted: free seats in the desk's session (0 = full)

    @property
    def ok(self) -> bool:
        return self.code is Code.OK


def decide(
    *,
    status: str,
    registration_session_id: int,
    desk_session_id: int,
    entries: Iterable[LogEntry],
    mode: Mode | str,
    now: dt.datetime,
    nonce: str | None = None,
    seats_free: int = 0,
) -> Decision:
    """What the desk answers for one registration. ``now`` is the time of the action (the
    rules take the clock as an argument); ``entries`` are all log rows of the registration."""
    mode = Mode(mode)
    rows = list(entries)
    if nonce:
        for e in rows:
            if e.nonce == nonce and e.action in (IN, OUT):
                return Decision(Code.OK, e.at, None, replay_of=e, first_in=presence(rows).first_in)
    if registration_session_id != desk_session_id:
        return Decision(Code.OTHER_SESSION, now)
    state = presence(rows)
    if mode is Mode.OUT:
        if state.state == "absent":
            return Decision(Code.NOT_CHECKED_IN, now)
        if state.state == OUT:
            return Decision(
                Code.ALREADY_CHECKED_OUT, now, first_in=state.first_in, last_out=state.last
            )
        return Decision(Code.OK, now, OUT, first_in=state.first_in)
    if not holds_seat(status):
        return Decision(Code.NOT_ADMITTED, now, seats_free=max(seats_free, 0))
    if state.state == IN:
        return Decision(Code.ALREADY_CHECKED_IN, now, first_in=state.first_in)
    return Decision(Code.OK, now, IN, reentry=state.state == OUT, first_in=state.first_in)


class VoidError(ValueError):
    def __init__(self, problem: Outcome) -> None:
        super().__init__(problem.code)
        self.problem = problem  # one of desktop.core.outcomes.checkin_log


def check_void(entries: Iterable[LogEntry], target_id: int, reason: str) -> LogEntry:
    """The row ``target_id`` may be voided: it is an in/out row of these entries, not voided
    yet, and a reason is given. Returns the target row, or raises ``VoidError``."""
    rows = list(entries)
    target = next((e for e in rows if e.id == target_id), None)
    if target is None:
        raise VoidError(checkin_log.NOT_FOUND)
    if target.action not in (IN, OUT):
        raise VoidError(checkin_log.NOT_VOIDABLE)
    if any(e.action == VOID and e.voids_id == target_id for e in rows):
        raise VoidError(checkin_log.ALREADY_VOIDED)
    if not reason.strip():
        raise VoidError(checkin_log.REASON_REQUIRED)
    return target
