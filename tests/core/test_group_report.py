from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.group_report import (
    CostError,
    Member,
    Proposal,
    ReportContent,
    bare_amount,
    format_cost,
    from_json,
    merge_members,
    normalise_mark,
    parse_cost,
    points,
    problems,
    read_amount,
    to_json,
    with_ids,
)
from desktop.core.text import clean_text


@pytest.mark.parametrize(
    "text,amount",
    [
        ("300000", 300000),
        ("300,000", 300000),
        ("NT$300000", 300000),
        ("NT$ 300,000", 300000),
        ("約 30 萬", 300000),
        ("約30萬元", 300000),
        ("3.5萬", 35000),
        ("新臺幣一百二十萬元", 1200000),
        ("新台幣30萬元整", 300000),
        ("1億2000萬", 120000000),
        ("５０ｋ", 50000),
        ("十萬", 100000),
        ("兩千五百", 2500),
        ("三十萬左右", 300000),
        ("$1,234,567", 1234567),
        ("0", 0),
        ("30萬5千", 305000),
        ("1.5億", 150000000),
        ("預估 80 萬", 800000),
        ("NTD 5000", 5000),
        ("300 000", 300000),
    ],
)
def test_costs_people_write_are_understood(text: str, amount: int) -> None:
    assert parse_cost(text) == amount


def test_empty_cost_is_none() -> None:
    assert parse_cost("") is None and parse_cost("  　") is None


@pytest.mark.parametrize(
    "text,code",
    [
        ("30-50萬", "cost_range"),
        ("30萬~50萬", "cost_range"),
        ("-3000", "cost_negative"),
        ("很多錢", "cost_unreadable"),
        ("USD 100", "cost_unreadable"),
        ("約", "cost_no_amount"),
        ("30,00", "cost_unreadable"),
        ("99999999999999", "cost_too_large"),
    ],
)
def test_unreadable_costs_say_what_to_write(text: str, code: str) -> None:
    with pytest.raises(CostError) as info:
        parse_cost(text)
    assert info.value.code == code
    assert text.strip() in str(info.value) or text in str(info.value)


def test_format_cost() -> None:
    assert format_cost(300000) == "NT$300,000" and format_cost(None) == ""


def test_marks_are_normalised() -> None:
    assert [normalise_mark(m) for m in ("O", "x", "×", "▲", "３", "", "?")] == [
        "○",
        "×",
        "×",
        "△",
        "3",
        "",
        "△",
    ]
    assert normalise_mark("✕") == "×"
    assert normalise_mark("很好") == "很好"  # kept as typed; problems() flags it


def sample() -> ReportContent:
    return ReportContent(
        members=(Member("王小明", "臺北市政府", 12, True), Member("李大華", present=False)),
        topic="社區公園改善",
        points_for="- 居民有共識\n- 經費不高",
        points_against="1. 維護費誰出",
        proposals=(
            Proposal(
                "共融遊具",
                "缺少無障礙遊具",
                "大安森林公園",
                "兒童與家長",
                "約 30 萬",
                {"public": "○", "legal": "△", "budget": "4"},
                12,
            ),
            Proposal("夜間照明", cost_text="很多", votes=3),
        ),
        ranking="共融遊具第一",
        open_questions="土地權屬？",
        feedback="講師：可再估維護費",
    )


def test_json_round_trip_keeps_every_word() -> None:
    content = sample()
    data = to_json(content)
    assert (
        data["proposals"][0]["cost"] == 300000 and data["proposals"][0]["cost_text"] == "約 30 萬"
    )
    assert data["proposals"][1]["cost"] is None and data["proposals"][1]["cost_text"] == "很多"
    assert data["proposals"][0]["feasibility"] == {"public": "○", "legal": "△", "budget": "4"}
    assert from_json(data) == replace(content, proposals=with_ids(content.proposals))


def test_from_json_tolerates_old_and_odd_shapes() -> None:
    content = from_json(
        {
            "topic": 5,
            "points_for": ["a", "b"],
            "members": ["王小明", {"x": 1}, ""],
            "proposals": [{"title": "A", "cost": 5000, "votes": "7"}, "B"],
            "junk": 1,
        }
    )
    assert content.topic == "5" and content.points_for == "a\nb"
    assert [m.name for m in content.members] == ["王小明"]
    assert content.proposals[0].cost == 5000 and content.proposals[0].votes == 7
    assert content.proposals[1].title == "B"
    assert from_json(None) == ReportContent() and from_json([1]) == ReportContent()


def test_problems_point_at_the_field() -> None:
    found = problems(
        ReportContent(
            members=(Member("甲"), Member("甲")),
            proposals=(
                Proposal("A", cost_text="很多"),
                Proposal(cost_text="100"),
                Proposal("C", feasibility={"legal": "很好"}),
                Proposal(),
            ),
        )
    )
    assert {(p.where, p.code) for p in found} == {
        ("proposals[0].cost", "cost_unreadable"),
        ("proposals[1].title", "no_title"),
        ("proposals[2].feasibility.legal", "bad_mark"),
        ("members", "duplicate_member"),
    }
    assert problems(sample())[0].message.startswith("提案 2「夜間照明」")


def test_points_strip_bullets_and_blank_lines() -> None:
    assert points("- 一\n\n• 二\n3. 三\n（4）四\n  五  ") == ("一", "二", "三", "四", "五")


def test_ranking_by_votes_and_totals() -> None:
    content = sample()
    assert [i for i, _ in content.ranked_proposals()] == [1, 2]
    swapped = ReportContent(
        proposals=(Proposal("a", votes=1), Proposal("b", votes=5), Proposal("c"))
    )
    assert [p.title for _, p in swapped.ranked_proposals()] == ["b", "a", "c"]
    assert content.total_cost() == 300000
    assert ReportContent().is_empty() and not content.is_empty()


def test_merge_members_keeps_ticks_and_hand_added_people() -> None:
    stored = (Member("甲", registration_id=1, present=False), Member("訪客"))
    seated = (
        Member("甲", registration_id=1, present=True),
        Member("乙", registration_id=2, present=True),
    )
    merged = merge_members(stored, seated)
    assert [(m.name, m.present) for m in merged] == [("甲", False), ("訪客", True), ("乙", True)]
    reset = merge_members(stored, seated, reset_presence=True)
    assert reset[0].present is True
    # typed in by hand before the seating existed: not duplicated
    assert len(merge_members((Member("乙"),), seated)) == 2


@given(st.text(max_size=30))
def test_parse_cost_never_crashes(text: str) -> None:
    try:
        value = parse_cost(text)
    except CostError:
        return
    assert value is None or value >= 0


@given(
    st.builds(
        ReportContent,
        topic=st.text().map(clean_text),
        points_for=st.text().map(lambda t: clean_text(t, multiline=True)),
        feedback=st.text().map(lambda t: clean_text(t, multiline=True)),
        proposals=st.lists(
            st.builds(
                Proposal, title=st.text().map(clean_text), cost_text=st.text().map(clean_text)
            ),
            max_size=3,
        ).map(with_ids),
    )
)
def test_round_trip_any_clean_text(content: ReportContent) -> None:
    assert from_json(to_json(content)) == content


@given(st.text(), st.text())
def test_what_is_read_is_clean_and_reads_the_same_again(line: str, text: str) -> None:
    read = from_json({"topic": line, "feedback": text, "proposals": [{"title": line}]})
    assert read.topic == clean_text(line) and read.feedback == clean_text(text, multiline=True)
    assert read.proposals[0].title == clean_text(line) and read.proposals[0].id == "1"
    assert from_json(to_json(read)) == read


def test_spoken_shorthand_costs_count_the_last_digit_in_the_next_unit_down() -> None:
    from desktop.core.group_report import parse_cost

    assert parse_cost("一萬五") == 15_000
    assert parse_cost("約 1萬5") == 15_000
    assert parse_cost("兩百五") == 250
    assert parse_cost("一千二") == 1_200
    assert parse_cost("一億五") == 150_000_000
    assert parse_cost("30萬5") == 305_000
    # 零 and written-out units keep their plain reading
    assert parse_cost("一萬零五") == 10_005
    assert parse_cost("十萬八千") == 108_000
    assert parse_cost("二十五") == 25
    assert parse_cost("1萬05") == 10_005


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("約新臺幣30萬元左右", "30萬"),
        ("NT$300,000元整", "300,000"),
        ("~50k", "50k"),
        ("總計NTD1億", "1億"),
        ("元", ""),
        ("30萬-40萬", "30萬-40萬"),
    ],
)
def test_bare_amount_drops_the_words_around_an_amount_however_stacked(
    typed: str, amount: str
) -> None:
    assert bare_amount(typed) == amount


@pytest.mark.parametrize(
    ("amount", "value"),
    [
        ("300,000", Decimal(300_000)),
        ("3.5萬", Decimal(35_000)),
        ("1億2000萬", Decimal(120_000_000)),
        ("一百二十萬", Decimal(1_200_000)),
        ("三零零", Decimal(300)),
        ("萬", Decimal(10_000)),
        ("50k", Decimal(50_000)),
        ("一萬五", Decimal(15_000)),
        ("一萬零五", Decimal(10_005)),
        ("0.4", Decimal("0.4")),
    ],
)
def test_read_amount_values_digits_numerals_and_units(amount: str, value: Decimal) -> None:
    assert read_amount(amount, amount) == value


@pytest.mark.parametrize("amount", ["1,0000", "30萬x", "3.5.5"])
def test_read_amount_names_what_is_not_an_amount(amount: str) -> None:
    with pytest.raises(CostError) as raised:
        read_amount(amount, f"typed {amount}")
    assert raised.value.code == "cost_unreadable"
    assert "typed" in str(raised.value)
