from desktop.core.report_merge import Conflict, flatten, merge, unflatten


def test_flatten_and_unflatten_are_inverse_and_drop_empty_and_derived_values() -> None:
    data = {
        "topic": "公園",
        "feedback": "",
        "schema": 1,
        "proposals": [
            {"title": "步道", "cost": 300000, "feasibility": {"legal": "○"}, "votes": None}
        ],
        "members": [{"name": "王○明", "present": False}],
    }
    flat = flatten(data)
    assert flat == {
        "topic": "公園",
        "proposals.0.title": "步道",
        "proposals.0.feasibility.legal": "○",
        "members.0.name": "王○明",
        "members.0.present": False,
    }
    assert unflatten(flat) == {
        "topic": "公園",
        "proposals": [{"title": "步道", "feasibility": {"legal": "○"}}],
        "members": [{"name": "王○明", "present": False}],
    }


def test_different_fields_changed_on_both_sides_are_both_kept() -> None:
    base = {"topic": "公園", "feedback": ""}
    theirs = {"topic": "公園", "feedback": "講師很好"}
    mine = {"topic": "共融公園", "feedback": ""}
    result = merge(base, theirs, mine)
    assert result.ok and result.content == {"topic": "共融公園", "feedback": "講師很好"}


def test_same_field_changed_differently_is_a_conflict_keeping_theirs_stored() -> None:
    result = merge({"topic": "公園"}, {"topic": "河濱公園"}, {"topic": "共融公園"})
    assert result.conflicts == {"topic": Conflict(mine="共融公園", theirs="河濱公園")}
    assert result.content == {"topic": "河濱公園"}


def test_same_change_on_both_sides_is_no_conflict() -> None:
    result = merge({"topic": "a"}, {"topic": "b"}, {"topic": "b"})
    assert result.ok and result.content == {"topic": "b"}


def test_proposals_merge_field_by_field() -> None:
    base = {"proposals": [{"id": "a", "title": "步道", "problem": "", "votes": None}]}
    theirs = {"proposals": [{"id": "a", "title": "步道", "problem": "", "votes": 5}]}
    mine = {
        "proposals": [
            {"id": "a", "title": "步道", "problem": "太暗"},
            {"id": "b", "title": "新提案"},
        ]
    }
    result = merge(base, theirs, mine)
    assert result.ok
    assert result.content == {
        "proposals": [
            {"id": "a", "title": "步道", "problem": "太暗", "votes": 5},
            {"id": "b", "title": "新提案"},
        ]
    }


def test_clearing_a_field_nobody_else_touched_clears_it() -> None:
    result = merge(
        {"topic": "公園", "ranking": "1"},
        {"topic": "公園", "ranking": "1"},
        {"topic": "", "ranking": "1"},
    )
    assert result.ok and result.content == {"ranking": "1"}


def test_clearing_against_a_change_is_a_conflict() -> None:
    result = merge({"topic": "公園"}, {"topic": "河濱公園"}, {"topic": ""})
    assert result.conflicts == {"topic": Conflict(mine=None, theirs="河濱公園")}


def test_fields_not_sent_are_left_alone() -> None:
    base = {"topic": "公園", "feedback": "好"}
    theirs = {"topic": "河濱公園", "feedback": "好"}
    mine = {"topic": "", "feedback": "很好"}  # topic was not sent: its old value means nothing
    result = merge(base, theirs, mine, sent=("feedback",))
    assert result.ok and result.content == {"topic": "河濱公園", "feedback": "很好"}


# --- proposals by id (issue 26: merges lost text) -------------------------------------------------

WALK = {"id": "p1", "title": "步道", "problem": "太暗"}
BENCH = {"id": "p2", "title": "座椅", "problem": "不夠"}


def test_an_edit_of_a_proposal_another_device_deleted_stays_and_is_a_conflict() -> None:
    base = {"proposals": [WALK, BENCH]}
    theirs = {"proposals": [BENCH]}  # the desk deleted 步道
    mine = {"proposals": [{**WALK, "problem": "太暗，晚上危險"}, BENCH]}  # the phone edited it
    result = merge(base, theirs, mine)
    assert result.content["proposals"] == [{**WALK, "problem": "太暗，晚上危險"}, BENCH]
    assert result.conflicts == {"proposals.0": Conflict(mine="步道", theirs=None, kept="mine")}


def test_edits_never_land_on_the_next_proposal_after_a_delete() -> None:
    base = {"proposals": [WALK, BENCH]}
    theirs = {"proposals": [BENCH]}
    mine = {"proposals": [WALK, {**BENCH, "problem": "不夠，要遮陽"}]}  # edited proposal 2
    result = merge(base, theirs, mine)
    assert result.ok  # 步道 was deleted there and left alone here: it stays deleted
    assert result.content["proposals"] == [{**BENCH, "problem": "不夠，要遮陽"}]


def test_deleting_a_proposal_the_other_side_edited_keeps_theirs_and_tells() -> None:
    base = {"proposals": [WALK, BENCH]}
    theirs = {"proposals": [{**WALK, "title": "夜間步道"}, BENCH]}
    mine = {"proposals": [BENCH]}
    result = merge(base, theirs, mine)
    assert result.content["proposals"] == [{**WALK, "title": "夜間步道"}, BENCH]
    assert result.conflicts == {"proposals.0": Conflict(mine=None, theirs="夜間步道")}


def test_a_proposal_added_on_each_side_keeps_both_in_order() -> None:
    base = {"proposals": [WALK]}
    theirs = {"proposals": [WALK, BENCH]}
    mine = {"proposals": [{"id": "p3", "title": "路燈"}, WALK]}
    result = merge(base, theirs, mine)
    assert result.ok
    assert [p["id"] for p in result.content["proposals"]] == ["p3", "p1", "p2"]


def test_a_field_conflict_is_named_by_the_proposals_place_after_the_merge() -> None:
    base = {"proposals": [WALK, BENCH]}
    theirs = {"proposals": [{**BENCH, "title": "長椅"}]}
    mine = {"proposals": [WALK, {**BENCH, "title": "座椅區"}]}
    result = merge(base, theirs, mine)
    assert result.conflicts == {"proposals.0.title": Conflict(mine="座椅區", theirs="長椅")}
