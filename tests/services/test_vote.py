"""The PB vote's use cases: ballot from the reports, casting, replacing, closing, anonymity."""

import pytest
from sqlalchemy import select

from db.models import AuditEntry, PbBallot, PbVote, PbVoter
from db.uow import Database
from desktop.core.vote import Method, Rules, VoteError
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from scenarios import vote_day


@pytest.fixture
def day(demo_db: Database) -> vote_day.VoteDay:
    return vote_day.prepare(demo_db)


def _open(
    db: Database,
    day: vote_day.VoteDay,
    method: Method = Method.BASKET,
    budget: int = 1_000_000,
    k: int | None = None,
) -> svc.VoteState:
    return svc.open_vote(db, day.session_id, Rules(method, budget, k), actor="t")


def test_ballot_is_built_from_the_reports_and_can_be_edited(
    demo_db: Database, day: vote_day.VoteDay
) -> None:
    state, skipped = svc.build_ballot(demo_db, day.session_id)
    assert [(p.id, p.title, p.tables, p.cost) for p in state.projects] == [
        (1, "社區共融公園", (1,), 600000),
        (2, "公車站遮雨棚", (1,), 150000),
        (3, "共融公園遊具", (2,), 550000),
        (4, "長者共餐廚房", (2,), 300000),
        (5, "巷弄照明改善", (3,), 200000),
    ]
    assert [p.title for p in skipped] == ["社區圖書角"]  # 待估: no cost
    svc.merge_projects(demo_db, day.session_id, 1, 3)
    svc.edit_project(demo_db, day.session_id, 1, title="共融公園", cost=580000)
    state = svc.edit_project(demo_db, day.session_id, 2, included=False)
    assert [(p.id, p.title, p.tables, p.cost) for p in state.on_ballot] == [
        (1, "共融公園", (1, 2), 580000),
        (4, "長者共餐廚房", (2,), 300000),
        (5, "巷弄照明改善", (3,), 200000),
    ]
    state = _open(demo_db, day)
    assert state.status == "open" and state.checked_in == 12 and state.ballots == 0
    with pytest.raises(svc.VoteSetupError):
        svc.edit_project(demo_db, day.session_id, 1, title="改不了")


def test_paper_ballot_counts_and_a_second_one_replaces_it(
    demo_db: Database, day: vote_day.VoteDay
) -> None:
    _open(demo_db, day)
    voter = day.present[0]
    first = ballots.cast_paper_ballot(demo_db, day.session_id, voter, [1, 2])
    again = ballots.cast_paper_ballot(demo_db, day.session_id, voter, [4])
    assert first.ok and not first.replaced and again.ok and again.replaced
    with demo_db.read() as s:
        assert [b.approvals for b in s.scalars(select(PbBallot))] == [[4]]
    assert svc.vote_state(demo_db, day.session_id).ballots == 1


@pytest.mark.parametrize(("approvals", "code"), [([1, 3], "over_budget"), ([9], "unknown_project")])
def test_refused_ballot_stores_nothing(
    demo_db: Database, day: vote_day.VoteDay, approvals: list[int], code: str
) -> None:
    _open(demo_db, day)
    result = ballots.cast_paper_ballot(demo_db, day.session_id, day.present[0], approvals)
    assert (result.ok, result.result) == (False, code)
    with demo_db.read() as s:
        assert s.scalars(select(PbBallot)).all() == [] and s.scalars(select(PbVoter)).all() == []


def test_not_checked_in_and_after_close_are_refused(
    demo_db: Database, day: vote_day.VoteDay
) -> None:
    _open(demo_db, day, Method.APPROVAL, k=2)
    assert (
        ballots.cast_paper_ballot(demo_db, day.session_id, day.absent[0], [1]).result
        == "not_checked_in"
    )
    assert (
        ballots.cast_paper_ballot(demo_db, day.session_id, day.present[0], [1, 2, 4]).result
        == "too_many"
    )
    svc.close_vote(demo_db, day.session_id)
    assert (
        ballots.cast_paper_ballot(demo_db, day.session_id, day.present[0], [1]).result == "closed"
    )


def test_close_erases_the_link_and_the_secret_and_counts(
    demo_db: Database, day: vote_day.VoteDay
) -> None:
    _open(demo_db, day)
    for rid, approvals in zip(day.present, [[1, 2], [1], [4, 5], [4, 5, 2], [5]], strict=False):
        assert ballots.cast_paper_ballot(demo_db, day.session_id, rid, approvals, actor="desk").ok
    state = svc.close_vote(demo_db, day.session_id)
    with demo_db.read() as s:
        assert s.scalars(select(PbVoter)).all() == []
        assert s.scalar(select(PbVote.voter_secret)) is None
        assert sorted(b.approvals for b in s.scalars(select(PbBallot))) == sorted(
            [[1, 2], [1], [4, 5], [2, 4, 5], [5]]
        )
        details = [
            a.detail
            for a in s.scalars(select(AuditEntry).where(AuditEntry.action == "vote.paper_ballot"))
        ]
    assert len(details) == 5 and all(str(rid) not in str(d) for d in details for rid in day.present)
    assert state.result is not None and dict(state.result.votes) == {1: 2, 2: 2, 3: 0, 4: 2, 5: 3}
    assert state.result.greedy and state.result.equal_shares


def test_a_signed_in_voters_web_ballot_replay_and_revoke(
    demo_db: Database, day: vote_day.VoteDay
) -> None:
    _open(demo_db, day)
    rid = day.present[1]
    with pytest.raises(VoteError) as absent:
        ballots.voter_ballot(demo_db, day.session_id, day.absent[0])
    assert absent.value.code == "not_checked_in"
    voter = ballots.voter_ballot(demo_db, day.session_id, rid)
    assert (voter.revision, voter.approvals) == (0, ())
    first = ballots.cast_web_ballot(demo_db, day.session_id, rid, voter.revision, [5])
    replay = ballots.cast_web_ballot(demo_db, day.session_id, rid, voter.revision, [1])
    assert first.ok and (replay.ok, replay.result) == (False, "stale")
    again = ballots.voter_ballot(demo_db, day.session_id, rid)
    assert again.approvals == (5,)
    assert ballots.cast_web_ballot(demo_db, day.session_id, rid, again.revision, [1]).replaced
    ballots.revoke_web_pass(demo_db, day.session_id, rid, actor="desk")
    with pytest.raises(VoteError) as revoked:
        ballots.voter_ballot(demo_db, day.session_id, rid)
    assert revoked.value.code == "desk_only"
    assert [h.registration_id for h in ballots.held_voters(demo_db, day.session_id)] == [rid]
