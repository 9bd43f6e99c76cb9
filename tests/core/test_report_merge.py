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
    base = {"proposals": [{"title": "步道", "problem": "", "votes": None}]}
    theirs = {"proposals": [{"title": "步道", "problem": "", "votes": 5}]}
    mine = {"proposals": [{"title": "步道", "problem": "太暗"}, {"title": "新提案"}]}
    result = merge(base, theirs, mine)
    assert result.ok
    assert result.content == {
        "proposals": [{"title": "步道", "problem": "太暗", "votes": 5}, {"title": "新提案"}]
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
