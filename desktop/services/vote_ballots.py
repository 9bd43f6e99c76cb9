"""The voters' side of the PB vote: who may vote, the page pass, casting page and paper ballots.

Voters on their own device prove who they are with the table they sit at, their masked name
and a credential (``credential_matches``: today the last three digits of their phone; see
README "投票"): ``identify_voter`` allows ``MAX_ATTEMPTS`` wrong tries per person, then that
person votes on paper at the desk (which can lift the lock: ``unlock_voter``). The desk can
revoke a person's web pass (``revoke_web_pass``); a paper ballot typed at the desk is final
for that person against the web page. A
ballot keeps no person: ``PbVoter`` links a registration to its ballot only while the vote is
open (so voting again replaces the earlier ballot), and ``vote.close_vote`` erases that link.
The organiser's side (ballot building, open/close, results) is ``desktop.services.vote``.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Attendee,
    PbBallot,
    PbVote,
    PbVoter,
    Registration,
    WorkshopTable,
)
from db.uow import Database
from desktop.core import tokens
from desktop.core import vote as rules_
from desktop.core.text import mask_name
from desktop.core.vote import Method, Refusal, Rules, VoteError, VoteStatus
from desktop.services import audit
from desktop.services.arrivals import arrived_ids
from desktop.services.people_query import with_person_and_table
from desktop.services.vote import CAST_LOCK, ballot_projects, find_vote

MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class BallotResult:
    ok: bool
    result: str  # "ok" or a Refusal code (or "forged", "stale" for the page)
    message: str
    replaced: bool = False
    revision: int = 0
    approvals: tuple[int, ...] = ()


@dataclass(frozen=True)
class VoterChoice:
    registration_id: int
    label: str  # masked name (and agency when two names mask alike)


@dataclass(frozen=True)
class VoterTable:
    number: int  # 0: people without a table
    name: str
    voters: tuple[VoterChoice, ...]


@dataclass(frozen=True)
class VoterPass:
    token: str
    revision: int
    approvals: tuple[int, ...]  # the ballot cast so far (empty if none)


# --- casting ----------------------------------------------------------------------------------


def _open_vote_locked(s: Session, session_id: int) -> PbVote:
    vote = s.scalar(
        select(PbVote)
        .where(PbVote.session_id == session_id)
        .order_by(PbVote.round.desc())
        .limit(1)
        .with_for_update()
    )
    if vote is None or vote.status != VoteStatus.OPEN:
        raise VoteError(Refusal.CLOSED)
    return vote


def _find_voter(s: Session, vote: PbVote, registration_id: int) -> PbVoter | None:
    return s.scalar(
        select(PbVoter).where(
            PbVoter.vote_id == vote.id, PbVoter.registration_id == registration_id
        )
    )


def _voter_row(s: Session, vote: PbVote, registration_id: int) -> PbVoter:
    """The person's row of the open vote (created on first use; erased at close)."""
    voter = _find_voter(s, vote, registration_id)
    if voter is None:
        voter = PbVoter(
            vote_id=vote.id,
            registration_id=registration_id,
            revision=0,
            failed_attempts=0,
            desk_only=False,
        )
        s.add(voter)
    return voter


def _store_ballot(
    s: Session, vote: PbVote, registration_id: int, approvals: tuple[int, ...], revision: int | None
) -> BallotResult:
    voter = _voter_row(s, vote, registration_id)
    if revision is None:
        voter.desk_only = True  # a paper ballot is final: no web ballot replaces it
    elif voter.desk_only:
        return BallotResult(False, "desk_only", DESK_ONLY_TEXT, revision=voter.revision)
    if revision is not None and voter.revision != revision:
        return BallotResult(
            False,
            "stale",
            "這張選票是舊的（已在別處送出或重送）；請重新整理頁面，確認後再送出。",
            revision=voter.revision,
        )
    replaced = voter.ballot_id is not None
    if replaced:
        ballot = s.get_one(PbBallot, voter.ballot_id)
        ballot.approvals = list(approvals)
    else:
        ballot = PbBallot(vote_id=vote.id, approvals=list(approvals))
        s.add(ballot)
        s.flush()
        voter.ballot_id = ballot.id
    voter.revision += 1
    return BallotResult(
        True,
        "ok",
        "已收到您的選票（再投一次會取代這一張）"
        if not replaced
        else "已更新您的選票（取代先前那一張）",
        replaced=replaced,
        revision=voter.revision,
        approvals=approvals,
    )


def _cast(
    db: Database,
    session_id: int,
    voter: int | str,
    approvals: Sequence[int],
    revision: int | None,
    action: str,
    actor: str,
) -> BallotResult:
    """``voter``: a registration id (paper) or the page's pass token (checked here, in the
    same transaction, so a page ballot costs one unit of work)."""
    with CAST_LOCK, db.unit_of_work() as s:
        try:
            vote = _open_vote_locked(s, session_id)
            registration_id = voter if isinstance(voter, int) else _pass_registration(vote, voter)
            present = registration_id in arrived_ids(s, session_id)
            chosen = rules_.check_ballot(
                Rules(Method(vote.method), vote.budget, vote.max_approvals),
                ballot_projects(vote),
                approvals,
                status=VoteStatus(vote.status),
                checked_in=present,
            )
        except VoteError as exc:
            return BallotResult(False, exc.code, str(exc))
        result = _store_ballot(s, vote, registration_id, chosen, revision)
        if result.ok and action:
            # who typed it at the desk, never whose ballot it is
            audit.record(s, action, actor=actor, entity="pb_vote", entity_id=vote.id)
        return result


def cast_paper_ballot(
    db: Database,
    session_id: int,
    registration_id: int,
    approvals: Sequence[int],
    *,
    actor: str = "",
) -> BallotResult:
    """A paper ballot typed at the desk: counts like any other, replaces the person's earlier
    one and is final against the web page (another paper ballot may still correct it). A
    registration that is not checked in to this session (or not of it) is refused
    ``not_checked_in``."""
    return _cast(db, session_id, registration_id, approvals, None, "vote.paper_ballot", actor)


# --- voters on their own device ---------------------------------------------------------------


def voter_tables(db: Database, session_id: int) -> tuple[VoterTable, ...]:
    """Checked-in people grouped by table (0 = no table), masked names for the vote page."""
    with db.read() as s:
        present = arrived_ids(s, session_id)
        rows = s.execute(
            with_person_and_table(
                select(
                    Registration.id,
                    Attendee.name,
                    Attendee.agency,
                    WorkshopTable.number,
                    WorkshopTable.name,
                )
            ).where(Registration.session_id == session_id)
        ).all()
    groups: dict[int, tuple[str, list[tuple[int, str, str]]]] = {}
    for rid, name, agency, number, table_name in rows:
        if rid not in present:
            continue
        key = number or 0
        groups.setdefault(key, (table_name or "", []))[1].append((rid, mask_name(name), agency))
    result = []
    for number in sorted(groups, key=lambda n: (n == 0, n)):
        table_name, people = groups[number]
        masks = [m for _, m, _ in people]
        choices = tuple(
            VoterChoice(rid, f"{m}（{agency}）" if masks.count(m) > 1 and agency else m)
            for rid, m, agency in sorted(people, key=lambda p: (p[1], p[0]))
        )
        label = table_name or (f"第{number}桌" if number else "未分桌")
        result.append(VoterTable(number, label, choices))
    return tuple(result)


def credential_matches(s: Session, registration: Registration, typed: str) -> bool:
    """The one credential check of the vote page: does ``typed`` prove the person is
    ``registration``? Today the last three digits of the phone on file (issue 27's personal
    room code replaces this function's body). Raises ``no_phone`` when there is nothing on
    file to check against (the person votes on paper)."""
    tail = rules_.phone_tail(s.get_one(Attendee, registration.attendee_id).phone)
    if tail is None:
        raise VoteError("no_phone", "報名資料沒有您的電話，無法在手機上驗證；請到報到台投紙本票。")
    return secrets.compare_digest(tail, "".join(ch for ch in typed if ch.isdigit())[-3:])


LOCKED_TEXT = "錯誤次數太多，這個名字已不能在手機上投票；請到報到台投紙本票。"
ADDRESS_TEXT = "這支手機輸入錯誤太多次，請 10 分鐘後再試；或到報到台投紙本票。"
DESK_ONLY_TEXT = "報到台已收回這個名字的手機投票（或已登錄紙本票）；如有疑問請洽報到台。"


class SourceTries(Protocol):
    """Wrong tries left to where a guess comes from (the venue server: its source address).
    Asked and spent inside the locked transaction, so guesses sent at once cannot all pass."""

    def allows(self) -> bool: ...

    def spend(self) -> None: ...


def identify_voter(
    db: Database,
    session_id: int,
    registration_id: int,
    typed: str,
    *,
    source: SourceTries | None = None,
) -> VoterPass:
    """A signed pass for the vote page when ``typed`` is the person's credential.

    The failed-try count is read, the credential compared and the count raised in ONE
    transaction holding the write lock (SQLite ``BEGIN IMMEDIATE``; the vote row ``FOR
    UPDATE`` elsewhere), so however many guesses arrive at once at most ``MAX_ATTEMPTS`` are
    ever compared per person.

    Raises VoteError: ``closed``, ``not_checked_in``, ``no_phone`` (vote on paper),
    ``desk_only`` (the desk revoked the web pass or typed the paper ballot), ``wrong_digits``,
    ``too_many_attempts`` (that was the last try), ``locked`` (vote on paper at the desk),
    ``address_limit`` (``source`` has no wrong tries left)."""
    with db.unit_of_work(immediate=True) as s:
        vote = _open_vote_locked(s, session_id)
        reg = s.get(Registration, registration_id)
        if (
            reg is None
            or reg.session_id != session_id
            or registration_id not in arrived_ids(s, session_id)
        ):
            raise VoteError(Refusal.NOT_CHECKED_IN)
        voter = _find_voter(s, vote, registration_id)
        if voter is not None and voter.desk_only:
            raise VoteError("desk_only", DESK_ONLY_TEXT)
        if voter is not None and voter.failed_attempts >= MAX_ATTEMPTS:
            raise VoteError("locked", LOCKED_TEXT)
        if source is not None and not source.allows():
            raise VoteError("address_limit", ADDRESS_TEXT)
        if credential_matches(s, reg, typed):
            # A success writes nothing: the person's row appears with their first ballot.
            token = tokens.make_token(vote.voter_secret or b"", registration_id)
            ballot = s.get(PbBallot, voter.ballot_id) if voter and voter.ballot_id else None
            return VoterPass(
                token, voter.revision if voter else 0, tuple(ballot.approvals) if ballot else ()
            )
        if source is not None:
            source.spend()
        row = _voter_row(s, vote, registration_id)
        row.failed_attempts += 1
        left = MAX_ATTEMPTS - row.failed_attempts
    # raised after the unit of work, which committed the failed try
    if left > 0:
        raise VoteError("wrong_digits", f"電話末三碼不符，還可以再試 {left} 次。", left=left)
    raise VoteError("too_many_attempts", "錯誤次數太多，請到報到台投紙本票。")


@dataclass(frozen=True)
class HeldVoter:
    """A person the web page no longer takes: locked by wrong tries, or desk-only."""

    registration_id: int
    name: str
    agency: str
    locked: bool  # too many wrong tries (the desk can lift it)
    desk_only: bool  # web pass revoked or paper ballot typed (final)


def held_voters(db: Database, session_id: int) -> tuple[HeldVoter, ...]:
    """Who is locked out of the web page or voting at the desk only, full names (organiser)."""
    with db.read() as s:
        vote = find_vote(s, session_id)
        if vote is None or vote.status != VoteStatus.OPEN:
            return ()
        rows = s.execute(
            select(
                PbVoter.registration_id,
                Attendee.name,
                Attendee.agency,
                PbVoter.failed_attempts,
                PbVoter.desk_only,
            )
            .join(Registration, Registration.id == PbVoter.registration_id)
            .join(Attendee, Attendee.id == Registration.attendee_id)
            .where(
                PbVoter.vote_id == vote.id,
                (PbVoter.failed_attempts >= MAX_ATTEMPTS) | PbVoter.desk_only,
            )
            .order_by(Attendee.name)
        ).all()
    return tuple(
        HeldVoter(rid, name, agency, failed >= MAX_ATTEMPTS, bool(desk_only))
        for rid, name, agency, failed, desk_only in rows
    )


def _desk_change(
    db: Database, session_id: int, registration_id: int, action: str, actor: str
) -> None:
    """Shared by unlock and revoke: the open vote's row of a checked-in person, locked."""
    with CAST_LOCK, db.unit_of_work(immediate=True) as s:
        vote = _open_vote_locked(s, session_id)
        reg = s.get(Registration, registration_id)
        if reg is None or reg.session_id != session_id:
            raise VoteError(
                "no_voter",
                f"這個場次沒有報名序號 {registration_id} 的人",
                registration_id=registration_id,
            )
        voter = _voter_row(s, vote, registration_id)
        if action == "vote.unlock":
            voter.failed_attempts = 0
        else:
            voter.desk_only = True
        # who acted at the desk, never whose: the log must not say who voted on paper
        audit.record(s, action, actor=actor, entity="pb_vote", entity_id=vote.id)


def unlock_voter(db: Database, session_id: int, registration_id: int, *, actor: str = "") -> None:
    """Lift a lock of wrong tries: the person may identify on the web page again."""
    _desk_change(db, session_id, registration_id, "vote.unlock", actor)


def revoke_web_pass(
    db: Database, session_id: int, registration_id: int, *, actor: str = ""
) -> None:
    """Take the person off the web page for this vote (their pass stops working, a new one is
    refused); what they cast there still counts until the desk types their paper ballot."""
    _desk_change(db, session_id, registration_id, "vote.revoke", actor)


def _pass_registration(vote: PbVote, token: str) -> int:
    try:
        return tokens.parse_token(vote.voter_secret or b"", token).registration_id
    except tokens.TokenError:
        raise VoteError(
            "forged", "這個投票憑證無效（可能已過期或被竄改）；請重新選擇桌次與姓名。"
        ) from None


def voter_ballot(db: Database, session_id: int, token: str) -> VoterPass:
    """What the pass holder has cast so far (for the revote page)."""
    with db.read() as s:
        vote = find_vote(s, session_id)
        if vote is None or vote.status != VoteStatus.OPEN:
            raise VoteError(Refusal.CLOSED)
        rid = _pass_registration(vote, token)
        voter = _find_voter(s, vote, rid)
        if voter is not None and voter.desk_only:
            raise VoteError("desk_only", DESK_ONLY_TEXT)
        ballot = s.get(PbBallot, voter.ballot_id) if voter and voter.ballot_id else None
        return VoterPass(
            token, voter.revision if voter else 0, tuple(ballot.approvals) if ballot else ()
        )


def cast_web_ballot(
    db: Database, session_id: int, token: str, revision: int, approvals: Sequence[int]
) -> BallotResult:
    """A ballot from the vote page: the pass must verify and ``revision`` must be the one the
    page was built on (a replayed or doubled submission is refused, not counted twice)."""
    return _cast(db, session_id, token, approvals, revision, "", "")
