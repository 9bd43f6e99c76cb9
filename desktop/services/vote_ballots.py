"""The voters' side of the PB vote: who may vote, casting page and paper ballots.

Voters on their own device are the attendee signed in on the room page with their personal
room code (``desktop.services.room``: its attempt limits are the vote's guessing budget; see
README "投票"); the venue server passes the signed-in registration here. The desk can revoke a
person's web pass (``revoke_web_pass``); a paper ballot typed at the desk is final for that
person against the web page. A ballot keeps no person: ``PbVoter`` links a registration to its
ballot only while the vote is open (so voting again replaces the earlier ballot), and
``vote.close_vote`` erases that link. The organiser's side (ballot building, open/close,
results) is ``desktop.services.vote``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    Attendee,
    PbBallot,
    PbVote,
    PbVoter,
    Registration,
)
from db.uow import Database
from desktop.core import vote as rules_
from desktop.core.outcomes import vote as vote_outcomes
from desktop.core.problems import Outcome
from desktop.core.vote import Method, Rules, VoteError, VoteStatus
from desktop.services import audit
from desktop.services.arrivals import arrived_ids
from desktop.services.vote import CAST_LOCK, ballot_projects, find_vote


@dataclass(frozen=True)
class BallotResult:
    """A ballot counted (``COUNTED`` or ``REPLACED``) or refused (the refusal's outcome), with
    the parameters of its sentence."""

    ok: bool
    outcome: Outcome
    params: Mapping[str, object] = field(default_factory=dict)
    replaced: bool = False
    revision: int = 0
    approvals: tuple[int, ...] = ()

    @property
    def result(self) -> str:
        """``ok``, or the refusal's code (the CLI's and the API's ``result``: a contract)."""
        return "ok" if self.ok else self.outcome.code

    @property
    def message(self) -> str:
        """The sentence in zh-TW (the phone page, the CLI)."""
        return self.outcome.say(**self.params)


@dataclass(frozen=True)
class VoterPass:
    """What a signed-in voter has cast so far, for the ballot page."""

    registration_id: int
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
        raise VoteError(vote_outcomes.CLOSED)
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
        return BallotResult(False, vote_outcomes.DESK_ONLY, revision=voter.revision)
    if revision is not None and voter.revision != revision:
        return BallotResult(False, vote_outcomes.STALE, revision=voter.revision)
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
        vote_outcomes.REPLACED if replaced else vote_outcomes.COUNTED,
        replaced=replaced,
        revision=voter.revision,
        approvals=approvals,
    )


def _cast(
    db: Database,
    session_id: int,
    registration_id: int,
    approvals: Sequence[int],
    revision: int | None,
    action: str,
    actor: str,
) -> BallotResult:
    """``revision``: None for a paper ballot, else the one the page was built on."""
    with CAST_LOCK, db.unit_of_work() as s:
        try:
            vote = _open_vote_locked(s, session_id)
            present = registration_id in arrived_ids(s, session_id)
            chosen = rules_.check_ballot(
                Rules(Method(vote.method), vote.budget, vote.max_approvals),
                ballot_projects(vote),
                approvals,
                status=VoteStatus(vote.status),
                checked_in=present,
            )
        except VoteError as exc:
            return BallotResult(False, exc.outcome, exc.params)
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


@dataclass(frozen=True)
class HeldVoter:
    """A person the web page no longer takes: web pass revoked or paper ballot typed."""

    registration_id: int
    name: str
    agency: str


def held_voters(db: Database, session_id: int) -> tuple[HeldVoter, ...]:
    """Who votes at the desk only in the open vote, full names (organiser)."""
    with db.read() as s:
        vote = find_vote(s, session_id)
        if vote is None or vote.status != VoteStatus.OPEN:
            return ()
        rows = s.execute(
            select(PbVoter.registration_id, Attendee.name, Attendee.agency)
            .join(Registration, Registration.id == PbVoter.registration_id)
            .join(Attendee, Attendee.id == Registration.attendee_id)
            .where(PbVoter.vote_id == vote.id, PbVoter.desk_only)
            .order_by(Attendee.name)
        ).all()
    return tuple(HeldVoter(rid, name, agency) for rid, name, agency in rows)


def revoke_web_pass(
    db: Database, session_id: int, registration_id: int, *, actor: str = ""
) -> None:
    """Take the person off the web page for this vote (their signed-in device is refused from
    then on); what they cast there still counts until the desk types their paper ballot."""
    with CAST_LOCK, db.unit_of_work(immediate=True) as s:
        vote = _open_vote_locked(s, session_id)
        reg = s.get(Registration, registration_id)
        if reg is None or reg.session_id != session_id:
            raise VoteError(vote_outcomes.NO_VOTER, registration_id=registration_id)
        _voter_row(s, vote, registration_id).desk_only = True
        # who acted at the desk, never whose: the log must not say who voted on paper
        audit.record(s, "vote.revoke", actor=actor, entity="pb_vote", entity_id=vote.id)


def voter_ballot(db: Database, session_id: int, registration_id: int) -> VoterPass:
    """What a signed-in attendee has cast so far (for the ballot page); raises VoteError
    ``closed``, ``not_checked_in`` (not arrived, or not of this session) or ``desk_only``."""
    with db.read() as s:
        vote = find_vote(s, session_id)
        if vote is None or vote.status != VoteStatus.OPEN:
            raise VoteError(vote_outcomes.CLOSED)
        if registration_id not in arrived_ids(s, session_id):
            raise VoteError(vote_outcomes.NOT_CHECKED_IN)
        voter = _find_voter(s, vote, registration_id)
        if voter is not None and voter.desk_only:
            raise VoteError(vote_outcomes.DESK_ONLY)
        ballot = s.get(PbBallot, voter.ballot_id) if voter and voter.ballot_id else None
        return VoterPass(
            registration_id,
            voter.revision if voter else 0,
            tuple(ballot.approvals) if ballot else (),
        )


def cast_web_ballot(
    db: Database, session_id: int, registration_id: int, revision: int, approvals: Sequence[int]
) -> BallotResult:
    """A ballot from the vote page of the signed-in ``registration_id``: ``revision`` must be
    the one the page was built on (a replayed or doubled submission is refused, not counted
    twice)."""
    return _cast(db, session_id, registration_id, approvals, revision, "", "")
