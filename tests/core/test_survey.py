"""The questionnaire's rules: the standard template, checks of a template and of an answer,
the count (5 = 非常滿意, counts 非常滿意 first)."""

from __future__ import annotations

import pytest

from desktop.core.outcomes import survey
from desktop.core.survey import (
    Item,
    Kind,
    SurveyError,
    check_answers,
    parse_template,
    standard_template,
    tally,
)


def test_standard_template_has_the_six_items_one_per_speaker_and_two_questions() -> None:
    items = standard_template(["施聖文教授", "", "施聖文教授", " 政府機關 "])
    assert [i.text for i in items] == [
        "課程內容符合工作需要",
        "講座表達清楚",
        "時間安排適當",
        "場地與設備",
        "行政服務",
        "整體滿意度",
        "講座：施聖文教授",
        "講座：政府機關",
        "最有收穫的部分",
        "建議",
    ]
    assert [i.kind for i in items].count(Kind.TEXT) == 2
    assert len({i.id for i in items}) == len(items)
    assert parse_template([i.as_json() for i in items]) == items


@pytest.mark.parametrize(
    ("data", "where"),
    [
        ([], ""),
        (
            [{"id": "a", "text": "甲", "kind": "scale"}, {"id": "a", "text": "乙", "kind": "text"}],
            "2",
        ),
        ([{"id": "A b", "text": "甲", "kind": "scale"}], "1"),
        ([{"id": "a", "text": "  ", "kind": "scale"}], "1"),
        ([{"id": "a", "text": "甲", "kind": "stars"}], "1"),
        (["甲"], "1"),
    ],
)
def test_a_bad_template_names_the_item(data: object, where: str) -> None:
    with pytest.raises(SurveyError) as refused:
        parse_template(data)
    assert refused.value.code == "bad_template" and refused.value.params["item"] == where


def test_a_refused_template_or_answer_says_why_in_a_second_problem() -> None:
    """The code stays the documented one; the reason is an outcome of its own, so the window
    words it in its language too."""
    twice = [{"id": "a", "text": "甲", "kind": "scale"}, {"id": "a", "text": "乙", "kind": "text"}]
    with pytest.raises(SurveyError) as refused:
        parse_template(twice)
    assert [p.outcome for p in refused.value.problems] == [
        survey.BAD_TEMPLATE,
        survey.TEMPLATE_ID_TWICE,
    ]
    assert str(refused.value) == '問卷範本不正確；第 2 題的 "id" a 重複'
    with pytest.raises(SurveyError) as refused:
        check_answers(ITEMS, {"overall": 6})
    assert refused.value.problems[1].outcome is survey.ANSWER_NOT_A_SCORE
    assert str(refused.value) == "問卷的回答不正確；「整體滿意度」要是 1 到 5（5 = 非常滿意）"


ITEMS = (Item("overall", "整體滿意度", Kind.SCALE), Item("gain", "最有收穫的部分", Kind.TEXT))


def test_answers_are_checked_against_the_template() -> None:
    assert check_answers(ITEMS, {"overall": "5", "gain": "  分組討論 "}) == {
        "overall": 5,
        "gain": "分組討論",
    }
    assert check_answers(ITEMS, {"overall": 2, "gain": ""}) == {"overall": 2}
    for bad, item in (
        ({"overall": 6}, "overall"),
        ({"overall": True}, "overall"),
        ({"gain": 3}, "gain"),
        ({"nope": 3}, "nope"),
    ):
        with pytest.raises(SurveyError) as refused:
            check_answers(ITEMS, bad)
        assert refused.value.code == "bad_answer" and refused.value.params["item"] == item
    with pytest.raises(SurveyError) as empty:
        check_answers(ITEMS, {"overall": "", "gain": " "})
    assert empty.value.code == "no_answers"


def test_tally_counts_from_very_satisfied_and_means_on_five() -> None:
    results = tally(ITEMS, [{"overall": 5}, {"overall": 4, "gain": "甲"}, {"overall": 5}, {}])
    overall, gain = results
    assert overall.counts == (2, 1, 0, 0, 0) and overall.mean == 4.67 and overall.answered == 3
    assert gain.counts == () and gain.texts == ("甲",) and gain.mean is None
    assert tally(ITEMS, [])[0].mean is None
