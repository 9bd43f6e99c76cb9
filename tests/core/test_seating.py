from __future__ import annotations

import random
from collections import Counter

from desktop.core.agencies import agency_level, agency_region, conflicts_at
from desktop.core.arrival_seating import arrival_counts, assign_on_arrival
from desktop.core.seating import Person, Table, plan_seating
from desktop.core.text import match_key

AGENCIES = [
    "臺北市政府民政局",
    "臺北市中正區公所",
    "新北市政府社會局",
    "新北市板橋區公所",
    "基隆市政府",
    "桃園市中壢區公所",
    "臺中市政府民政局",
    "彰化縣員林市公所",
    "南投縣政府",
    "臺南市永康區公所",
    "高雄市鳳山區公所",
    "屏東縣政府",
    "花蓮縣政府",
    "臺東縣臺東市公所",
    "澎湖縣馬公市公所",
    "金門縣金城鎮公所",
    "連江縣政府",
    "國家發展委員會",
    "嘉義縣政府",
    "雲林縣斗六市公所",
]


def _arrive(tables, present, taken, person):
    return assign_on_arrival(tables, arrival_counts(present, person), taken, person)


def six_tables(capacity: int = 7) -> list[Table]:
    return [Table(key=100 + n, number=n, capacity=capacity) for n in range(1, 7)]


def forty_people() -> list[Person]:
    # Two people from each of 20 agencies: the demo's shape.
    return [Person(key=i, agency=AGENCIES[i // 2]) for i in range(40)]


def by_table(plan, people):
    tables: dict[int, list[Person]] = {}
    for p in people:
        if p.key in plan.seats:
            tables.setdefault(plan.seats[p.key], []).append(p)
    return tables


def test_levels_and_regions_from_agency_names() -> None:
    assert agency_level("臺北市政府民政局") == "county"
    assert agency_level("台北市中正區公所") == "township"
    assert agency_level("新竹縣竹北市公所") == "township"
    assert agency_level("宜蘭縣政府") == "county"
    assert agency_level("國家發展委員會") == ""
    assert agency_region("台中市政府") == "central"
    assert agency_region("臺東縣臺東市公所") == "east"
    assert agency_region("金門縣金城鎮公所") == "islands"
    assert agency_region("高雄市鳳山區公所") == "south"
    assert agency_region("新北市板橋區公所") == "north"
    assert agency_region("國家發展委員會") == ""


def test_forty_people_six_tables_even_and_no_colleagues_together() -> None:
    people = forty_people()
    plan = plan_seating(six_tables(), people)
    groups = by_table(plan, people)
    sizes = sorted(len(m) for m in groups.values())
    assert sizes == [6, 6, 7, 7, 7, 7]
    for members in groups.values():
        assert not conflicts_at(p.agency for p in members)
    assert not [u for u in plan.unmet if u.goal in ("size", "agency", "capacity")]
    assert plan.unseated == ()


def test_same_input_same_plan_and_input_order_does_not_matter() -> None:
    people = forty_people()
    first = plan_seating(six_tables(), people)
    shuffled = list(people)
    random.Random(3).shuffle(shuffled)
    second = plan_seating(list(reversed(six_tables())), shuffled)
    assert first.seats == second.seats


def test_pins_and_leaders_stay_and_capacity_holds() -> None:
    people = forty_people()
    # Four people pinned to table 1, including both people of one agency.
    pinned = {0: 101, 1: 101, 2: 101, 5: 103}
    people = [Person(p.key, p.agency, fixed_table=pinned.get(p.key)) for p in people]
    plan = plan_seating(six_tables(), people)
    for key, table in pinned.items():
        assert plan.seats[key] == table
    sizes = Counter(plan.seats.values())
    assert max(sizes.values()) <= 7 and max(sizes.values()) - min(sizes.values()) <= 1
    agency_unmet = [u for u in plan.unmet if u.goal == "agency"]
    assert len(agency_unmet) == 1 and "釘選" in agency_unmet[0].message
    assert agency_unmet[0].tables == (1,)


def test_agency_larger_than_table_count_is_reported_with_reason() -> None:
    people = forty_people()[:30] + [Person(100 + i, "臺北市政府民政局") for i in range(6)]
    plan = plan_seating(six_tables(), people)
    unmet = [u for u in plan.unmet if u.goal == "agency"]
    assert len(unmet) == 1
    assert "臺北市政府民政局 有 8 人，但只有 6 桌可以安排" in unmet[0].message
    # Spread as widely as possible: 8 people over 6 tables is at most 2 at a table.
    counts = Counter(plan.seats[p.key] for p in people if match_key(p.agency) == "臺北市政府民政局")
    assert max(counts.values()) == 2 and len(counts) == 6


def test_more_people_than_chairs_leaves_some_unseated_and_says_so() -> None:
    people = [Person(i, AGENCIES[i % 20]) for i in range(45)]
    plan = plan_seating(six_tables(), people)
    assert len(plan.seats) == 42 and len(plan.unseated) == 3
    assert any(u.goal == "capacity" and "3 人沒有座位" in u.message for u in plan.unmet)


def test_capacity_differences_show_up_as_unmet_size_goal() -> None:
    tables = six_tables()[:5] + [Table(106, 6, 3)]
    people = forty_people()[:36]
    plan = plan_seating(tables, people)
    sizes = Counter(plan.seats.values())
    assert sizes[106] == 3 and all(sizes[100 + n] <= 7 for n in range(1, 6))
    size_unmet = [u for u in plan.unmet if u.goal == "size"]
    assert size_unmet and "第 6 桌只能坐 3 人" in size_unmet[0].message


def test_level_and_region_are_spread() -> None:
    people = forty_people()
    plan = plan_seating(six_tables(), people)
    groups = by_table(plan, people)
    for members in groups.values():
        levels = Counter(agency_level(p.agency) for p in members)
        assert levels["county"] >= 1 and levels["township"] >= 2
        regions = Counter(agency_region(p.agency) for p in members)
        assert len(regions) >= 3


def test_large_plan_is_even_and_conflict_free() -> None:
    rng = random.Random(5)
    agencies = [f"臺中市第{i}區公所" for i in range(300)] + AGENCIES
    people = [Person(i, rng.choice(agencies)) for i in range(2000)]
    tables = [Table(1000 + n, n, 8) for n in range(1, 251)]
    plan = plan_seating(tables, people)
    sizes = Counter(plan.seats.values())
    assert set(sizes.values()) == {8}
    assert plan.stats["agency_conflicts"] == 0


def test_arrival_fills_smallest_table_without_colleague() -> None:
    tables = six_tables()
    present = [
        (Person(1, "臺北市政府民政局"), 101),
        (Person(2, "新北市政府社會局"), 102),
        (Person(3, "臺中市政府民政局"), 103),
    ]
    taken = {101: 1, 102: 1, 103: 1}
    assert _arrive(tables, present, taken, Person(9, "臺南市永康區公所")) == 104
    # Tables 4-6 are already spoken for by pinned people who have not come: full.
    taken |= {104: 7, 105: 7, 106: 7}
    # Table 1 has a colleague; of tables 2 and 3, table 2 already has someone from the north.
    assert _arrive(tables, present, taken, Person(9, "台北市政府民政局")) == 103
    # A county government from the south: tables 1-3 are alike, the lower number wins.
    assert _arrive(tables, present, taken, Person(9, "屏東縣政府")) == 101
    full = dict.fromkeys((101, 102, 103, 104, 105, 106), 7)
    assert _arrive(tables, present, full, Person(9, "x")) is None


def test_arrival_keeps_tables_balanced_over_a_morning() -> None:
    tables = six_tables()
    present: list[tuple[Person, int]] = []
    taken: Counter[int] = Counter()
    for i in range(30):
        person = Person(i, AGENCIES[i % 15])
        table = assign_on_arrival(tables, arrival_counts(present, person), taken, person)
        assert table is not None
        present.append((person, table))
        taken[table] += 1
        sizes = [taken[t.key] for t in tables]
        assert max(sizes) - min(sizes) <= 1
    for t in tables:
        assert not conflicts_at(p.agency for p, k in present if k == t.key)


def test_too_few_chairs_leaves_out_the_last_in_rank_not_a_region() -> None:
    # 40 people, 30 chairs: the 10 without a seat are the last 10 by rank (place in the queue),
    # wherever they come from — not the east and the islands, which sort last by region.
    people = [Person(key=i, agency=AGENCIES[i // 2], rank=39 - i) for i in range(40)]
    plan = plan_seating(six_tables(5), people)
    assert len(plan.seats) == 30
    assert sorted(plan.unseated) == list(range(10))
    assert any(u.goal == "capacity" for u in plan.unmet)


def test_an_overfull_table_after_fewer_chairs_is_not_called_pinned() -> None:
    from desktop.core.seating import evaluate

    tables = six_tables(6) + [Table(key=107, number=7, capacity=6)]
    people = forty_people()
    # The old plan: 40 people at tables 1–6 (7, 7, 7, 7, 6, 6); then 7 tables of 6 chairs.
    sizes = [7, 7, 7, 7, 6, 6]
    seats, i = {}, 0
    for n, size in enumerate(sizes, start=1):
        for _ in range(size):
            seats[people[i].key] = 100 + n
            i += 1
    messages = [u.message for u in evaluate(tables, people, seats)]
    over = [m for m in messages if "超過容量" in m]
    assert len(over) == 4 and not any("釘選" in m for m in over)
    uneven = next(m for m in messages if "人數相差" in m)
    assert "人數不足" not in uneven and "重新分桌" in uneven


def test_seating_on_arrival_by_counters_picks_what_the_full_cost_model_picks() -> None:
    """Issue 18: the arrival pick counts only what the person's cost needs; it must agree
    with ``SeatCounts.add_cost`` over everyone present."""
    import random as rnd

    from desktop.core.arrival_seating import arrival_counts, assign_on_arrival
    from desktop.core.seat_counts import SeatCounts
    from desktop.core.seating import Person, Table

    rng = rnd.Random(18)
    agencies = [
        "臺北市政府",
        "臺北市大安區公所",
        "新北市政府",
        "新北市板橋區公所",
        "台南市政府",
        "高雄市三民區公所",
        "花蓮縣政府",
        "國家發展委員會",
    ]
    for _ in range(200):
        tables = [Table(100 + n, n, rng.choice((2, 4, 8))) for n in rng.sample(range(1, 30), 8)]
        present = [
            (Person(i, rng.choice(agencies)), rng.choice(tables).key)
            for i in range(rng.randrange(0, 30))
        ]
        taken: dict[int, int] = {}
        for _, key in present:
            taken[key] = taken.get(key, 0) + 1
        me = Person(999, rng.choice(agencies))
        ordered = sorted(tables, key=lambda t: (t.number, t.key))
        state = SeatCounts(ordered, [p for p, _ in present] + [me])
        for i, (_, key) in enumerate(present):
            state.add(i, state.index[key])
        costs = [
            (state.add_cost(len(present), t), t)
            for t, table in enumerate(ordered)
            if taken.get(table.key, 0) < table.capacity
        ]
        expected = ordered[min(costs)[1]].key if costs else None
        assert assign_on_arrival(tables, arrival_counts(present, me), taken, me) == expected
