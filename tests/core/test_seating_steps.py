"""The planner's steps one by one (``desktop.core.seating``): who gets a chair, dealing, repair,
polish, and each unmet goal's reason; and its quality against the analytic lower bound."""

from __future__ import annotations

from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from bench.tables import lower_bound
from desktop.core.seat_counts import SeatCounts
from desktop.core.seating import (
    Person,
    Table,
    _agency_unmet,
    _capacity_unmet,
    _deal,
    _next_table,
    _polish,
    _repair,
    _size_unmet,
    _spread_unmet,
    _targets,
    _who_gets_a_chair,
    plan_seating,
)
from desktop.core.text import match_key


def tables_of(*capacities: int) -> list[Table]:
    return [Table(100 + n, n, c) for n, c in enumerate(capacities, start=1)]


def seated(tables: list[Table], people: list[Person], at: list[int]) -> SeatCounts:
    """Counts with person ``i`` at table index ``at[i]`` (-1: not seated)."""
    state = SeatCounts(tables, people)
    for i, t in enumerate(at):
        if t >= 0:
            state.add(i, t)
    return state


def pairs(state: SeatCounts) -> int:
    return sum(c * (c - 1) // 2 for at_table in state.ag for c in at_table.values())


def test_too_few_chairs_leaves_out_the_last_by_rank_then_key() -> None:
    people = [Person(i, "新北市政府", rank=r) for i, r in enumerate([2, 0, 1, 0, 2])]
    state = SeatCounts(tables_of(3), people)
    dealt, left_out = _who_gets_a_chair(state, people, [0, 1, 2, 3, 4], [3])
    assert dealt == [1, 3, 2] and left_out == [0, 4]
    assert _who_gets_a_chair(state, people, [0, 1, 2], [3]) == ([0, 1, 2], [])


def test_dealing_spreads_each_agency_and_fills_to_the_targets() -> None:
    # Three agencies of four over four tables of three: one of each agency per table.
    people = [Person(i, ("臺北市政府", "花蓮縣政府", "澎湖縣馬公市公所")[i % 3]) for i in range(12)]
    tables = tables_of(3, 3, 3, 3)
    state = SeatCounts(tables, people)
    everyone = list(range(12))
    _deal(state, people, everyone, [3, 3, 3, 3], Counter(state.agency))
    assert state.size == [3, 3, 3, 3]
    assert pairs(state) == 0
    # A pinned person's table takes fewer: its target counts them already.
    state = seated(tables, people, [0] + [-1] * 11)
    targets = _targets(state.size, state.cap, 12)
    _deal(state, people, everyone[1:], targets, Counter(state.agency[1:]))
    assert state.size == [3, 3, 3, 3]


def test_next_table_prefers_no_colleague_then_any_table_with_a_chair_left() -> None:
    people = [Person(0, "臺北市政府"), Person(1, "臺北市政府")]
    state = seated(tables_of(3, 3, 3), people, [1, -1])
    agency = state.agency[1]
    assert _next_table(state, [1, 1, 1], 1, agency) == 2  # table 2 has a colleague
    assert _next_table(state, [0, 1, 0], 0, agency) == 1  # only table 2 has a chair left
    assert _next_table(state, [1, 0, 1], 2, agency) == 2  # from the cursor on, wrapping


def test_repair_separates_colleagues_and_leaves_pinned_people() -> None:
    # Table 1: two from 臺北 (one pinned) and one from 花蓮; table 2: three from elsewhere.
    agencies = ["臺北市政府", "臺北市政府", "花蓮縣政府", "澎湖縣政府", "臺中市政府", "南投縣政府"]
    people = [Person(i, a) for i, a in enumerate(agencies)]
    state = seated(tables_of(3, 3), people, [0, 0, 0, 1, 1, 1])
    movable = [False, True, True, True, True, True]
    _repair(state, movable)
    assert state.where[0] == 0 and state.where[1] == 1
    assert pairs(state) == 0 and state.size == [3, 3]


def test_repair_moves_nobody_when_nothing_improves() -> None:
    people = [Person(i, "臺北市政府") for i in range(4)]
    state = seated(tables_of(2, 2), people, [0, 0, 1, 1])
    _repair(state, [True] * 4)
    assert state.where == [0, 0, 1, 1]


def test_polish_spreads_levels_and_never_raises_the_cost() -> None:
    # Counties at table 1, township offices at table 2: the polish mixes them.
    counties = ["臺北市政府", "新北市政府", "桃園市政府", "臺中市政府"]
    towns = ["臺北市中正區公所", "新北市板橋區公所", "桃園市中壢區公所", "臺中市西屯區公所"]
    people = [Person(i, a) for i, a in enumerate(counties + towns)]
    state = seated(tables_of(4, 4), people, [0] * 4 + [1] * 4)
    before = state.total_cost()
    _polish(state, [True] * 8)
    assert state.total_cost() < before
    assert state.lv == [[2, 2], [2, 2]]
    # Pinned people stay; with fewer than two movable people nothing happens.
    state = seated(tables_of(4, 4), people, [0] * 4 + [1] * 4)
    _polish(state, [True] + [False] * 7)
    assert state.where == [0] * 4 + [1] * 4


def test_capacity_unmet_names_unseated_pinned_and_overfull_tables() -> None:
    people = [Person(i, f"第{i}局") for i in range(7)]
    state = seated(tables_of(2, 2), people, [0, 0, 0, 1, 1, 1, -1])
    fixed = [0, 0, 0, -1, -1, -1, -1]
    messages = [(u.message, u.tables) for u in _capacity_unmet(state, people, fixed, [6])]
    assert messages == [
        ("1 人沒有座位：各桌共 4 個座位，需安排 7 人", ()),
        ("第 1 桌釘選了 3 人（或桌長），超過容量 2 人", (1,)),
        ("第 2 桌坐了 3 人，超過容量 2 人：請重新分桌或移動人員", (2,)),
    ]


def test_size_unmet_says_why_tables_differ() -> None:
    people = [Person(i, f"第{i}局") for i in range(6)]
    even = seated(tables_of(8, 1, 8), people, [0, 0, 0, 1, 2, 2])
    assert _size_unmet(even, [-1] * 6, [3, 1, 2]) is not None  # 3 and 1: two apart
    even = seated(tables_of(8, 8, 8), people, [0, 0, 1, 1, 2, 2])
    assert _size_unmet(even, [-1] * 6, [2, 2, 2]) is None
    state = seated(tables_of(8, 1, 8), people, [0, 0, 0, 0, 1, 2])
    unmet = _size_unmet(state, [0, 0, 0, 0, -1, -1], [2, 1, 3])
    assert unmet is not None and unmet.tables == (1, 2, 3)
    assert unmet.message == "各桌人數相差 3 人（1–4 人）：第 1 桌釘選了 4 人、第 2 桌只能坐 1 人"
    edited = seated(tables_of(8, 8, 8), people, [0, 0, 0, 0, 1, 2])
    unmet = _size_unmet(edited, [-1] * 6, [2, 2, 2])
    assert unmet is not None and unmet.message.endswith("可重新分桌或移動人員使人數平均")
    assert unmet.tables == (1, 2, 3)


def test_agency_unmet_gives_one_reason_per_agency_biggest_then_by_name() -> None:
    people = [Person(0, "臺北市政府"), Person(1, "台北市政府"), Person(2, "臺北市政府")]
    people += [Person(3, "花蓮縣政府"), Person(4, "花蓮縣政府"), Person(5, "澎湖縣政府")]
    people += [Person(6, "澎湖縣政府")]
    # Two tables: 臺北 has 3 people for 2 tables; 花蓮's two are pinned together; 澎湖 shares
    # table 2 while table 1 is full.
    tables = tables_of(3, 4)
    state = seated(tables, people, [0, 1, 1, 0, 0, 1, 1])
    fixed = [-1, -1, -1, 0, 0, -1, -1]
    assert [u.message for u in _agency_unmet(state, people, fixed)] == [
        "臺北市政府 有 3 人，但只有 2 桌可以安排：同桌於 第 2 桌",
        "澎湖縣政府 有 2 人，其他桌已滿或需維持人數平均（尚有空位且無同機關者 0 桌）"
        "：同桌於 第 2 桌",
        "花蓮縣政府 有多人被釘選（或擔任桌長）在同一桌：第 1 桌",
    ]


def test_spread_unmet_lists_tables_off_their_fair_share() -> None:
    counties = ["臺北市政府", "新北市政府", "桃園市政府", "臺中市政府"]
    towns = ["臺北市中正區公所", "新北市板橋區公所", "桃園市中壢區公所", "臺中市西屯區公所"]
    people = [Person(i, a) for i, a in enumerate(counties + towns)]
    mixed = seated(tables_of(4, 4), people, [0, 0, 1, 1, 0, 0, 1, 1])
    assert _spread_unmet(mixed, "level", mixed.lv, {"county": "縣市政府"}, ("county",)) == []
    apart = seated(tables_of(4, 4), people, [0] * 4 + [1] * 4)
    (unmet,) = _spread_unmet(apart, "level", apart.lv, {"county": "縣市政府"}, ("county",))
    assert unmet.goal == "level" and unmet.tables == (1, 2)
    assert unmet.message == "縣市政府人員分布不均：第 1 桌 4 人（約 2.0）、第 2 桌 0 人（約 2.0）"


agency_names = st.sampled_from(
    ["臺北市政府", "台北市政府", "花蓮縣政府", "澎湖縣馬公市公所", "臺中市西屯區公所"]
    + [f"新北市第{i}區公所" for i in range(12)]
    + [f"國家發展委員會第{i}處" for i in range(12)]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(agency_names, max_size=90), st.integers(1, 12), st.integers(0, 2))
def test_plan_reaches_the_lower_bound_of_same_agency_pairs(
    agencies: list[str], n_tables: int, spare: int
) -> None:
    """With chairs enough for even tables, no pins: tables within one of each other and no
    more same-agency pairs than dealing each agency evenly over the tables gives."""
    people = [Person(i, a) for i, a in enumerate(agencies)]
    capacity = max(-(-len(people) // n_tables), 1) + spare
    plan = plan_seating(tables_of(*[capacity] * n_tables), people)
    assert not plan.unseated
    sizes = Counter(plan.seats.values())
    counts = [sizes[100 + n] for n in range(1, n_tables + 1)]
    assert max(counts) - min(counts) <= 1
    at_table = Counter((plan.seats[p.key], match_key(p.agency)) for p in people)
    assert sum(c * (c - 1) // 2 for c in at_table.values()) == lower_bound(agencies, n_tables)
