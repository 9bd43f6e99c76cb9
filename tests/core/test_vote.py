"""The PB vote's rules: building the ballot, checking a ballot, the count (hand-worked)."""

import datetime as dt

import pytest

from desktop.core.vote import (
    Method,
    PbMeta,
    Project,
    Rules,
    SourceProposal,
    VoteError,
    VoteStatus,
    check_ballot,
    count,
    edit_project,
    merge_projects,
    pabulib_text,
    projects_from_proposals,
)

A, B, C = Project(1, "A", (1,), 80), Project(2, "B", (2,), 20), Project(3, "C", (3,), 20)


def test_greedy_and_equal_shares_fund_different_sets() -> None:
    # Budget 100. Six voters want A (80); one of them and four others want B (20); those four
    # also want C (20). Greedy by votes: A (6), then B (5) fits, C (4) no longer does.
    # Equal shares: each of the 10 voters holds 10. A's six supporters hold 60 < 80, so A
    # cannot be bought; B is bought by its 5 supporters (4 each), C by its 4 (5 each);
    # the greedy completion cannot add A (60 left). Funded: B and C.
    ballots = [(1,)] * 5 + [(1, 2)] + [(2, 3)] * 4
    result = count([A, B, C], 100, ballots)
    assert result.votes == {1: 6, 2: 5, 3: 4}
    assert result.greedy == (1, 2)
    assert result.equal_shares == (2, 3)


def test_equal_shares_gives_a_minority_its_share() -> None:
    # Budget 40, four projects of 10. Seven voters approve 1-4 (the majority), three approve
    # only 5 (cost 10). Greedy: 1, 2, 3, 4 (7 votes each) spend the budget; project 5 (3 votes)
    # is left out. Equal shares: each voter holds 4; the minority's 12 buys project 5; the
    # majority's 28 buys two of 1-4 (10 each) and the completion adds one more (ties: lower id).
    majority = [Project(i, f"M{i}", (1,), 10) for i in range(1, 5)]
    minority = Project(5, "m", (2,), 10)
    ballots = [(1, 2, 3, 4)] * 7 + [(5,)] * 3
    result = count([*majority, minority], 40, ballots)
    assert result.greedy == (1, 2, 3, 4)
    assert 5 in result.equal_shares and len(result.equal_shares) == 4


def test_a_left_out_project_is_not_counted() -> None:
    result = count([A, B, Project(3, "C", (3,), 20, included=False)], 100, [(2, 3)])
    assert 3 not in result.votes and result.greedy == (2,)


def test_no_ballots_funds_nothing() -> None:
    result = count([A, B], 100, [])
    assert result.greedy == () and result.equal_shares == () and result.votes == {1: 0, 2: 0}


def test_ballot_is_built_from_proposals_with_a_cost() -> None:
    projects, skipped = projects_from_proposals(
        [
            SourceProposal(2, "長者共餐", 300000),
            SourceProposal(1, " 公園 ", 600000),
            SourceProposal(1, "圖書角", None),
        ]
    )
    assert [(p.id, p.title, p.tables, p.cost) for p in projects] == [
        (1, "公園", (1,), 600000),
        (2, "長者共餐", (2,), 300000),
    ]
    assert [p.title for p in skipped] == ["圖書角"]


def test_merge_keeps_one_line_crediting_both_tables() -> None:
    merged = merge_projects([A, B, C], 1, 3)
    assert [(p.id, p.tables) for p in merged] == [(1, (1, 3)), (2, (2,))]
    with pytest.raises(VoteError):
        merge_projects([A, B], 1, 1)


def test_edit_title_cost_and_leave_out() -> None:
    edited = edit_project([A, B], 2, title="B2", cost=25, included=False)
    assert edited[1] == Project(2, "B2", (2,), 25, included=False)
    with pytest.raises(VoteError) as bad:
        edit_project([A], 1, cost=0)
    assert bad.value.code == "bad_cost"


@pytest.mark.parametrize(
    ("rules", "approvals", "status", "present", "code"),
    [
        (Rules(Method.BASKET, 100), [1, 2, 3], VoteStatus.OPEN, True, "over_budget"),
        (Rules(Method.APPROVAL, 100, 2), [1, 2, 3], VoteStatus.OPEN, True, "too_many"),
        (Rules(Method.APPROVAL, 100), [1], VoteStatus.CLOSED, True, "closed"),
        (Rules(Method.APPROVAL, 100), [1], VoteStatus.OPEN, False, "not_checked_in"),
        (Rules(Method.APPROVAL, 100), [1, 9], VoteStatus.OPEN, True, "unknown_project"),
        (Rules(Method.APPROVAL, 100), [], VoteStatus.OPEN, True, "empty"),
    ],
)
def test_refusals(
    rules: Rules, approvals: list[int], status: VoteStatus, present: bool, code: str
) -> None:
    with pytest.raises(VoteError) as refused:
        check_ballot(rules, [A, B, C], approvals, status=status, checked_in=present)
    assert refused.value.code == code and str(refused.value)


def test_a_basket_at_the_budget_and_k_approvals_pass() -> None:
    assert check_ballot(
        Rules(Method.BASKET, 100), [A, B, C], [2, 1, 2], status=VoteStatus.OPEN, checked_in=True
    ) == (1, 2)
    assert check_ballot(
        Rules(Method.APPROVAL, 100, 2), [A, B, C], [3, 1], status=VoteStatus.OPEN, checked_in=True
    ) == (1, 3)


def test_a_left_out_project_cannot_be_approved() -> None:
    with pytest.raises(VoteError) as refused:
        check_ballot(
            Rules(Method.APPROVAL, 100),
            [A, Project(2, "B", (2,), 20, included=False)],
            [2],
            status=VoteStatus.OPEN,
            checked_in=True,
        )
    assert refused.value.code == "unknown_project"


def test_pabulib_text_sections_and_meta() -> None:
    ballots = [(1,)] * 5 + [(1, 2)] + [(2, 3)] * 4
    result = count([A, B, C], 100, ballots)
    text = pabulib_text(
        PbMeta("課程;試辦", "濟南", "2019-臺北", dt.date(2019, 3, 15)),
        Rules(Method.BASKET, 100),
        [A, B, C],
        ballots,
        result,
    )
    lines = text.splitlines()
    assert lines[0] == "META" and "date_begin;15.03.2019" in lines
    assert "description;課程 試辦" in lines and "max_sum_cost;100" in lines
    assert "1;80;6;A;1" in lines and "3;20;4;C;0" in lines
    assert lines[lines.index("VOTES") + 2] == "1;1"
