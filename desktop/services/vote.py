"""The organiser's side of the room's PB vote: build the ballot, open, close, count, export.

The voters' side (who may vote, page and paper ballots) is ``desktop.services.vote_ballots``.

Anonymity. A ballot row (``PbBallot``) holds only the approved project numbers: no person, no
time. While the vote is open, ``PbVoter`` links a registration to its ballot — the one link
needed so that voting again replaces the earlier ballot instead of adding one. Closing the vote
deletes every ``PbVoter`` row and re-writes the ballots in a random order (so even the order
of the rows, which followed the order of casting, says nothing); on SQLite that transaction
runs with ``secure_delete``, the write-ahead log must be checkpointed and emptied (the close is
refused while another reader prevents it), and the automatic backups that hold links are
rewritten (``erasure``), so the deleted link is overwritten in every file, not merely
unlinked. The audit log records that a paper ballot was typed (by whom at the desk), never
whose it was. Results and the ``.pb`` export therefore cannot name a voter.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ScalarResult, select
from sqlalchemy.orm import Session

from db.models import (
    Attendee,
    EventSession,
    PbBallot,
    PbProject,
    PbVote,
    Registration,
    WorkshopTable,
)
from db.uow import Database
from desktop.core import group_report as form
from desktop.core import vote as rules_
from desktop.core.outcomes import events
from desktop.core.outcomes import vote as vote_outcomes
from desktop.core.problems import CodedError
from desktop.core.vote import (
    Method,
    Project,
    Rules,
    VoteError,
    VoteState,
    VoteStatus,
)
from desktop.services import audit, erasure
from desktop.services.arrivals import arrived_ids

# SQLite transactions start deferred: two threads of the venue server that both read and then
# write would collide (SQLITE_BUSY, not retried). Casting holds this lock; PostgreSQL also locks
# the vote row (``with_for_update``), which serialises desks in other processes. Closing holds
# it too, so no ballot lands between the close and the shuffle.
CAST_LOCK = threading.Lock()


class VoteSetupError(CodedError):
    """The organiser's vote action is refused (not in this state, no such session, ...)."""


# --- reading ----------------------------------------------------------------------------------


def find_vote(s: Session, session_id: int) -> PbVote | None:
    """The session's current vote: its latest round."""
    return s.scalar(
        select(PbVote).where(PbVote.session_id == session_id).order_by(PbVote.round.desc()).limit(1)
    )


def ballot_projects(vote: PbVote) -> tuple[Project, ...]:
    return tuple(
        Project(p.number, p.title, tuple(int(t) for t in p.tables), p.cost, p.included)
        for p in vote.projects
    )


def _ballots(s: Session, vote_id: int) -> list[tuple[int, ...]]:
    # A JSON list column: SQLAlchemy's select() overloads cannot name its type.
    approvals: ScalarResult[list[int]] = s.scalars(
        select(PbBallot.approvals).where(PbBallot.vote_id == vote_id).order_by(PbBallot.id)
    )
    return [tuple(a) for a in approvals]


def _state(s: Session, session_id: int, vote: PbVote | None = None) -> VoteState:
    """The state of ``vote`` (default: the session's current round)."""
    es = s.get(EventSession, session_id)
    if es is None:
        raise VoteSetupError(events.NO_SESSION, id=session_id)
    checked_in = len(arrived_ids(s, session_id))
    vote = vote or find_vote(s, session_id)
    if vote is None:
        return VoteState(
            session_id,
            es.name,
            "none",
            Method.APPROVAL,
            0,
            None,
            (),
            0,
            checked_in,
            None,
            None,
            None,
        )
    projects = ballot_projects(vote)
    ballots = _ballots(s, vote.id)
    result = (
        rules_.count(projects, vote.budget, ballots) if vote.status == VoteStatus.CLOSED else None
    )
    return VoteState(
        session_id,
        es.name,
        vote.status,
        vote.method,
        vote.budget,
        vote.max_approvals,
        projects,
        len(ballots),
        checked_in,
        result,
        vote.opened_at,
        vote.closed_at,
    )


def vote_state(db: Database, session_id: int) -> VoteState:
    with db.read() as s:
        return _state(s, session_id)


def reported_state(db: Database, session_id: int) -> VoteState:
    """What the session's papers show: the last closed round (its results), else the current
    round; a new round being set up does not hide the closed one's results."""
    with db.read() as s:
        return _state(s, session_id, _last_closed(s, session_id))


def _last_closed(s: Session, session_id: int) -> PbVote | None:
    return s.scalar(
        select(PbVote)
        .where(PbVote.session_id == session_id, PbVote.status == VoteStatus.CLOSED)
        .order_by(PbVote.round.desc())
        .limit(1)
    )


def closed_rounds(db: Database, session_id: int) -> tuple[tuple[int, VoteState], ...]:
    """Every closed round of the session, (round, state with results), oldest first."""
    with db.read() as s:
        votes = s.scalars(
            select(PbVote)
            .where(PbVote.session_id == session_id, PbVote.status == VoteStatus.CLOSED)
            .order_by(PbVote.round)
        ).all()
        return tuple((v.round, _state(s, session_id, v)) for v in votes)


def left_out_proposals(db: Database, session_id: int) -> tuple[rules_.SourceProposal, ...]:
    """The tables' proposals that cannot go on a ballot, each with its reason
    (``left_out_because``: no title, a cost that cannot be read...)."""
    with db.read() as s:
        return tuple(p for p in _source_proposals(s, session_id) if p.left_out_because is not None)


# --- building the ballot (draft only) ---------------------------------------------------------


def _draft(s: Session, session_id: int) -> PbVote:
    vote = find_vote(s, session_id)
    if vote is None:
        vote = PbVote(
            session_id=session_id, status=VoteStatus.DRAFT, method=Method.APPROVAL, budget=0
        )
        s.add(vote)
        s.flush()
    elif vote.status != VoteStatus.DRAFT:
        raise VoteSetupError(vote_outcomes.NOT_DRAFT)
    return vote


def _source_proposals(s: Session, session_id: int) -> list[rules_.SourceProposal]:
    tables = s.scalars(
        select(WorkshopTable)
        .where(WorkshopTable.session_id == session_id)
        .order_by(WorkshopTable.number)
    ).all()
    found = []
    for t in tables:
        if t.report is None:
            continue
        for p in form.from_json(t.report.content).proposals:
            if not p.is_blank():
                found.append(rules_.SourceProposal(t.number, p.title, p.cost, p.cost_text))
    return found


def build_ballot(
    db: Database,
    session_id: int,
    *,
    actor: str = "",
) -> tuple[VoteState, tuple[rules_.SourceProposal, ...]]:
    """(Re)build the draft ballot from the tables' proposals; returns the state and the
    proposals left off for want of a title or a readable cost."""
    with db.unit_of_work() as s:
        vote = _draft(s, session_id)
        projects, skipped = rules_.projects_from_proposals(_source_proposals(s, session_id))
        _store_projects(s, vote, projects)
        audit.record(
            s,
            "vote.build",
            actor=actor,
            entity="pb_vote",
            entity_id=vote.id,
            projects=len(projects),
            skipped=len(skipped),
        )
        s.flush()
        return _state(s, session_id), skipped


def _store_projects(s: Session, vote: PbVote, projects: Iterable[Project]) -> None:
    vote.projects.clear()
    s.flush()
    for p in projects:
        vote.projects.append(
            PbProject(
                number=p.id, title=p.title, tables=list(p.tables), cost=p.cost, included=p.included
            )
        )


def _change_projects(
    db: Database,
    session_id: int,
    actor: str,
    action: str,
    change: Callable[[tuple[Project, ...]], tuple[Project, ...]],
    **detail: Any,
) -> VoteState:
    with db.unit_of_work() as s:
        vote = _draft(s, session_id)
        try:
            projects = change(ballot_projects(vote))
        except VoteError as exc:
            raise VoteSetupError(exc.outcome, **exc.params) from None
        _store_projects(s, vote, projects)
        audit.record(s, action, actor=actor, entity="pb_vote", entity_id=vote.id, **detail)
        s.flush()
        return _state(s, session_id)


def edit_project(
    db: Database,
    session_id: int,
    number: int,
    *,
    title: str | None = None,
    cost: int | None = None,
    included: bool | None = None,
    actor: str = "",
) -> VoteState:
    return _change_projects(
        db,
        session_id,
        actor,
        "vote.edit_project",
        lambda ps: rules_.edit_project(ps, number, title=title, cost=cost, included=included),
        project=number,
        cost=cost,
        included=included,
    )


def merge_projects(
    db: Database, session_id: int, keep: int, other: int, *, actor: str = ""
) -> VoteState:
    return _change_projects(
        db,
        session_id,
        actor,
        "vote.merge",
        lambda ps: rules_.merge_projects(ps, keep, other),
        keep=keep,
        other=other,
    )


# --- open / close -----------------------------------------------------------------------------


def open_vote(
    db: Database, session_id: int, rules: Rules, *, actor: str = "", now: dt.datetime | None = None
) -> VoteState:
    """Open the vote (building the ballot from the reports first if none was built)."""
    with db.unit_of_work() as s:
        vote = find_vote(s, session_id)
        if vote is not None and vote.status == VoteStatus.OPEN:
            raise VoteSetupError(vote_outcomes.ALREADY_OPEN)
        if vote is not None and vote.status == VoteStatus.CLOSED:
            raise VoteSetupError(vote_outcomes.ALREADY_CLOSED)
        if vote is None:
            vote = _draft(s, session_id)
            projects, _ = rules_.projects_from_proposals(_source_proposals(s, session_id))
            _store_projects(s, vote, projects)
            s.flush()
        try:
            rules_.check_rules(rules, ballot_projects(vote))
        except VoteError as exc:
            raise VoteSetupError(exc.outcome, **exc.params) from None
        vote.method, vote.budget = rules.method, rules.budget
        vote.max_approvals = rules.max_approvals
        vote.status = VoteStatus.OPEN
        vote.opened_at = now or dt.datetime.now()
        audit.record(
            s,
            "vote.open",
            actor=actor,
            entity="pb_vote",
            entity_id=vote.id,
            at=vote.opened_at,
            method=rules.method,
            budget=rules.budget,
            max_approvals=rules.max_approvals,
        )
        s.flush()
        return _state(s, session_id)


def close_vote(
    db: Database, session_id: int, *, actor: str = "", now: dt.datetime | None = None
) -> VoteState:
    """Close: no more ballots; erase the person↔ballot links; shuffle.

    On SQLite the close is refused while another connection keeps the write-ahead log from
    being emptied (``erase_blocked``: the vote stays open, nothing changed): closing then
    would report success while the file still holds every link. If a reader arrives between
    the close and its checkpoint, the vote is closed and ``erase_unfinished`` says the file is
    not clean yet; closing the closed vote again finishes the erasure. The automatic backups
    that hold links are rewritten (``erasure.close_erasing``)."""
    with db.read() as s:
        current = find_vote(s, session_id)
        finishing = current is not None and current.status == VoteStatus.CLOSED
    erasure.close_erasing(
        db,
        erasure.VOTE,
        finishing=finishing,
        close=lambda: _close(db, session_id, actor, now),
        blocked=lambda: VoteSetupError(vote_outcomes.ERASE_BLOCKED),
        unfinished=lambda: VoteSetupError(vote_outcomes.ERASE_UNFINISHED),
    )
    return vote_state(db, session_id)


def _close(db: Database, session_id: int, actor: str, now: dt.datetime | None) -> None:
    with CAST_LOCK, db.unit_of_work() as s:
        vote = find_vote(s, session_id)
        if vote is None or vote.status != VoteStatus.OPEN:
            raise VoteSetupError(vote_outcomes.NOT_OPEN)
        vote.status = VoteStatus.CLOSED
        vote.closed_at = now or dt.datetime.now()
        ballots = erasure.unlink_and_shuffle(s, erasure.VOTE, vote.id)
        audit.record(
            s,
            "vote.close",
            actor=actor,
            entity="pb_vote",
            entity_id=vote.id,
            at=vote.closed_at,
            ballots=ballots,
        )


def new_round(db: Database, session_id: int, *, actor: str = "") -> VoteState:
    """After a closed vote, a new draft round on the same ballot (editable again); the closed
    round keeps its ballots, results and ``.pb`` export. Everyone votes again in the new one."""
    with db.unit_of_work() as s:
        closed = find_vote(s, session_id)
        if closed is None or closed.status != VoteStatus.CLOSED:
            raise VoteSetupError(vote_outcomes.ROUND_RUNNING)
        vote = PbVote(
            session_id=session_id,
            round=closed.round + 1,
            status=VoteStatus.DRAFT,
            method=closed.method,
            budget=closed.budget,
            max_approvals=closed.max_approvals,
        )
        s.add(vote)
        s.flush()
        _store_projects(s, vote, ballot_projects(closed))
        audit.record(
            s,
            "vote.new_round",
            actor=actor,
            entity="pb_vote",
            entity_id=vote.id,
            round=vote.round,
            previous=closed.id,
        )
        s.flush()
        return _state(s, session_id)


# --- results ----------------------------------------------------------------------------------


def export_pb(db: Database, session_id: int) -> str:
    """The last closed round in pabulib ``.pb`` format (voter ids 1..n in the shuffled ballot
    order); a new round being set up or run does not hide the closed one."""
    with db.read() as s:
        vote = _last_closed(s, session_id)
        if vote is None:
            _state(s, session_id)  # no_session when there is no such session
            raise VoteSetupError(vote_outcomes.NOT_CLOSED)
        state = _state(s, session_id, vote)
        assert state.result is not None
        es = s.get_one(EventSession, session_id)
        ballots = _ballots(s, vote.id)
        meta = rules_.PbMeta(
            description=f"{es.event.name} {es.name} 參與式預算模擬投票",
            unit=es.venue or es.name,
            instance=f"{es.date.year}-{es.name}",
            date=es.date,
        )
    return rules_.pabulib_text(meta, state.rules, state.projects, ballots, state.result)


@dataclass(frozen=True)
class PaperVoter:
    registration_id: int
    name: str
    agency: str


def paper_voters(db: Database, session_id: int) -> tuple[PaperVoter, ...]:
    """The checked-in people, full names, for the desk's paper-ballot picker (organiser only)."""
    with db.read() as s:
        present = arrived_ids(s, session_id)
        rows = s.execute(
            select(Registration.id, Attendee.name, Attendee.agency)
            .join(Attendee, Attendee.id == Registration.attendee_id)
            .where(Registration.session_id == session_id)
            .order_by(Attendee.name)
        ).all()
    return tuple(PaperVoter(rid, name, agency) for rid, name, agency in rows if rid in present)
