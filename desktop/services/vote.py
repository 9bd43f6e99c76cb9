"""The room's PB vote: build the ballot, open, cast (page or paper), close, count, export.

Anonymity. A ballot row (``PbBallot``) holds only the approved project numbers: no person, no
time. While the vote is open, ``PbVoter`` links a registration to its ballot — the one link
needed so that voting again replaces the earlier ballot instead of adding one. Closing the vote
deletes every ``PbVoter`` row, erases the secret that signed the voters' page passes, and
re-writes the ballots in a random order (so even the order of the rows, which followed the
order of casting, says nothing); on SQLite that transaction runs with ``secure_delete`` and the
write-ahead log is checkpointed, so the deleted link is overwritten in the file, not merely
unlinked. The audit log records that a paper ballot was typed (by whom at the desk), never
whose it was. Results and the ``.pb`` export therefore cannot name a voter.

Voters on their own device prove who they are with the table they sit at, their masked name
and the last three digits of their phone (see README "投票"): ``identify_voter`` allows
``MAX_ATTEMPTS`` wrong tries per person, then that person votes on paper at the desk.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
import threading
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ScalarResult, delete, select, text
from sqlalchemy.orm import Session

from db.models import (
    Attendee,
    EventSession,
    PbBallot,
    PbProject,
    PbVote,
    PbVoter,
    Registration,
    SeatAssignment,
    WorkshopTable,
)
from db.uow import Database
from desktop.core import group_report as form
from desktop.core import tokens
from desktop.core import vote as rules_
from desktop.core.problems import CodedError
from desktop.core.text import mask_name
from desktop.core.vote import (
    Method,
    Project,
    Refusal,
    Rules,
    VoteError,
    VoteState,
    VoteStatus,
)
from desktop.services import audit
from desktop.services.arrivals import arrived_ids

MAX_ATTEMPTS = 5

# SQLite transactions start deferred: two threads of the venue server that both read and then
# write would collide (SQLITE_BUSY, not retried). Casting holds this lock; PostgreSQL also locks
# the vote row (``with_for_update``), which serialises desks in other processes.
_CAST_LOCK = threading.Lock()


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


class VoteSetupError(CodedError):
    """The organiser's vote action is refused (not in this state, no such session, ...)."""


# --- reading ----------------------------------------------------------------------------------


def _vote(s: Session, session_id: int) -> PbVote | None:
    return s.scalar(select(PbVote).where(PbVote.session_id == session_id))


def _projects(vote: PbVote) -> tuple[Project, ...]:
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


def _state(s: Session, session_id: int) -> VoteState:
    es = s.get(EventSession, session_id)
    if es is None:
        raise VoteSetupError("no_session", f"找不到場次 #{session_id}", id=session_id)
    checked_in = len(arrived_ids(s, session_id))
    vote = _vote(s, session_id)
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
    projects = _projects(vote)
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


# --- building the ballot (draft only) ---------------------------------------------------------


def _draft(s: Session, session_id: int) -> PbVote:
    vote = _vote(s, session_id)
    if vote is None:
        vote = PbVote(
            session_id=session_id, status=VoteStatus.DRAFT, method=Method.APPROVAL, budget=0
        )
        s.add(vote)
        s.flush()
    elif vote.status != VoteStatus.DRAFT:
        raise VoteSetupError("not_draft", "投票已開始或已結束，投票單不能再改")
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
                found.append(rules_.SourceProposal(t.number, p.title, p.cost))
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
            projects = change(_projects(vote))
        except VoteError as exc:
            raise VoteSetupError(exc.code, str(exc)) from None
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
        vote = _vote(s, session_id)
        if vote is not None and vote.status == VoteStatus.OPEN:
            raise VoteSetupError("already_open", "投票已經開始")
        if vote is not None and vote.status == VoteStatus.CLOSED:
            raise VoteSetupError("closed", "投票已經結束，不能再開")
        if vote is None:
            vote = _draft(s, session_id)
            projects, _ = rules_.projects_from_proposals(_source_proposals(s, session_id))
            _store_projects(s, vote, projects)
            s.flush()
        try:
            rules_.check_rules(rules, _projects(vote))
        except VoteError as exc:
            raise VoteSetupError(exc.code, str(exc)) from None
        vote.method, vote.budget = rules.method, rules.budget
        vote.max_approvals = rules.max_approvals
        vote.status = VoteStatus.OPEN
        vote.voter_secret = secrets.token_bytes(32)
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
    """Close: no more ballots; erase the person↔ballot link and the pass secret; shuffle."""
    sqlite = db.engine.dialect.name == "sqlite"
    with _CAST_LOCK, db.unit_of_work() as s:
        if sqlite:
            s.execute(text("PRAGMA secure_delete=ON"))
        vote = _vote(s, session_id)
        if vote is None or vote.status != VoteStatus.OPEN:
            raise VoteSetupError("not_open", "投票尚未開始或已經結束")
        vote.status = VoteStatus.CLOSED
        vote.closed_at = now or dt.datetime.now()
        vote.voter_secret = None
        s.execute(delete(PbVoter).where(PbVoter.vote_id == vote.id))
        ballots = _ballots(s, vote.id)
        random.SystemRandom().shuffle(ballots)
        s.execute(delete(PbBallot).where(PbBallot.vote_id == vote.id))
        s.add_all(PbBallot(vote_id=vote.id, approvals=list(b)) for b in ballots)
        audit.record(
            s,
            "vote.close",
            actor=actor,
            entity="pb_vote",
            entity_id=vote.id,
            at=vote.closed_at,
            ballots=len(ballots),
        )
        s.flush()
        state = _state(s, session_id)
    if sqlite:
        with db.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    return state


# --- casting ----------------------------------------------------------------------------------


def _open_vote_locked(s: Session, session_id: int) -> PbVote:
    vote = s.scalar(select(PbVote).where(PbVote.session_id == session_id).with_for_update())
    if vote is None or vote.status != VoteStatus.OPEN:
        raise VoteError(Refusal.CLOSED)
    return vote


def _voter_row(s: Session, vote: PbVote, registration_id: int) -> PbVoter:
    """The person's row of the open vote (created on first use; erased at close)."""
    voter = s.scalar(
        select(PbVoter).where(
            PbVoter.vote_id == vote.id, PbVoter.registration_id == registration_id
        )
    )
    if voter is None:
        voter = PbVoter(
            vote_id=vote.id, registration_id=registration_id, revision=0, failed_attempts=0
        )
        s.add(voter)
    return voter


def _store_ballot(
    s: Session, vote: PbVote, registration_id: int, approvals: tuple[int, ...], revision: int | None
) -> BallotResult:
    voter = _voter_row(s, vote, registration_id)
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
    with _CAST_LOCK, db.unit_of_work() as s:
        try:
            vote = _open_vote_locked(s, session_id)
            registration_id = voter if isinstance(voter, int) else _pass_registration(vote, voter)
            present = registration_id in arrived_ids(s, session_id)
            chosen = rules_.check_ballot(
                Rules(Method(vote.method), vote.budget, vote.max_approvals),
                _projects(vote),
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
    one. A registration that is not checked in to this session (or not of it) is refused
    ``not_checked_in``."""
    return _cast(db, session_id, registration_id, approvals, None, "vote.paper_ballot", actor)


# --- voters on their own device ---------------------------------------------------------------


def voter_tables(db: Database, session_id: int) -> tuple[VoterTable, ...]:
    """Checked-in people grouped by table (0 = no table), masked names for the vote page."""
    with db.read() as s:
        present = arrived_ids(s, session_id)
        rows = s.execute(
            select(
                Registration.id,
                Attendee.name,
                Attendee.agency,
                WorkshopTable.number,
                WorkshopTable.name,
            )
            .join(Attendee, Attendee.id == Registration.attendee_id)
            .outerjoin(SeatAssignment, SeatAssignment.registration_id == Registration.id)
            .outerjoin(WorkshopTable, WorkshopTable.id == SeatAssignment.table_id)
            .where(Registration.session_id == session_id)
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


def identify_voter(db: Database, session_id: int, registration_id: int, digits: str) -> VoterPass:
    """A signed pass for the vote page when ``digits`` are the last three of the person's phone.

    Raises VoteError: ``closed``, ``not_checked_in``, ``no_phone`` (vote on paper),
    ``wrong_digits``, ``locked`` (too many wrong tries: vote on paper at the desk)."""
    with db.read() as s:
        vote = _vote(s, session_id)
        if vote is None or vote.status != VoteStatus.OPEN:
            raise VoteError(Refusal.CLOSED)
        reg = s.get(Registration, registration_id)
        if (
            reg is None
            or reg.session_id != session_id
            or registration_id not in arrived_ids(s, session_id)
        ):
            raise VoteError(Refusal.NOT_CHECKED_IN)
        voter = s.scalar(
            select(PbVoter).where(
                PbVoter.vote_id == vote.id, PbVoter.registration_id == registration_id
            )
        )
        if voter is not None and voter.failed_attempts >= MAX_ATTEMPTS:
            raise VoteError(
                "locked", "錯誤次數太多，這個名字已不能在手機上投票；請到報到台投紙本票。"
            )
        tail = rules_.phone_tail(s.get_one(Attendee, reg.attendee_id).phone)
        if tail is None:
            raise VoteError(
                "no_phone", "報名資料沒有您的電話，無法在手機上驗證；請到報到台投紙本票。"
            )
        if secrets.compare_digest(tail, "".join(ch for ch in digits if ch.isdigit())[-3:]):
            # A success writes nothing: the person's row appears with their first ballot.
            token = tokens.make_token(vote.voter_secret or b"", registration_id)
            ballot = s.get(PbBallot, voter.ballot_id) if voter and voter.ballot_id else None
            return VoterPass(
                token, voter.revision if voter else 0, tuple(ballot.approvals) if ballot else ()
            )
    with _CAST_LOCK, db.unit_of_work() as s:
        row = _voter_row(s, _open_vote_locked(s, session_id), registration_id)
        row.failed_attempts += 1
        left = MAX_ATTEMPTS - row.failed_attempts
    if left > 0:
        raise VoteError("wrong_digits", f"電話末三碼不符，還可以再試 {left} 次。", left=left)
    raise VoteError("too_many_attempts", "錯誤次數太多，請到報到台投紙本票。")


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
        vote = _vote(s, session_id)
        if vote is None or vote.status != VoteStatus.OPEN:
            raise VoteError(Refusal.CLOSED)
        rid = _pass_registration(vote, token)
        voter = s.scalar(
            select(PbVoter).where(PbVoter.vote_id == vote.id, PbVoter.registration_id == rid)
        )
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


# --- results ----------------------------------------------------------------------------------


def export_pb(db: Database, session_id: int) -> str:
    """The closed vote in pabulib ``.pb`` format (voter ids 1..n in the shuffled ballot order)."""
    with db.read() as s:
        state = _state(s, session_id)
        if state.status != VoteStatus.CLOSED or state.result is None:
            raise VoteSetupError("not_closed", "投票結束後才能匯出結果")
        es = s.get_one(EventSession, session_id)
        vote = _vote(s, session_id)
        assert vote is not None
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
