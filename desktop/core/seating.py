"""Seating people at workshop tables (分桌): a plan in advance, or one table at a time on arrival.

Goals
-----
Hard: a table never takes more people than its capacity; pinned people and attendees who lead a
table stay where they are. Soft, in this order of weight:

1. table sizes within one of each other,
2. no two people of the same agency (機關, compared with ``match_key``) at one table,
3. a spread of county/city governments (縣市政府) and township/district offices (公所),
4. a spread of regions (north, central, south, east, islands, from the county/city name).

Why this optimiser
------------------
Every soft goal is written as the same convex quantity: for each table, the sum of the squared
counts of people sharing an attribute (the table itself for sizes, the agency, the level, the
region), each with its own weight. ``Σ c²`` is smallest when a group is spread as evenly as the
table sizes allow, and for agencies ``Σ c(c-1)/2`` — the number of same-agency pairs — differs
from it only by a constant. The change in cost of moving one person or swapping two is a handful
of integer additions (``2·(c_to − c_from + 1)`` per attribute), so a local search can try
hundreds of thousands of changes per second in plain Python, with no solver to ship.

1. *Construction* — people sorted by (region, level, agency) are dealt round the tables like
   cards, each table up to a water-filled target size (balanced within one, respecting pins
   and capacities). Consecutive people share region, level and agency, so dealing them to
   consecutive tables already spreads all three; for the usual case (an agency with no more
   people than there are tables, no pins) the dealt plan meets every goal.
2. *Repair* — every person still sharing a table with a colleague is offered the best improving
   move or swap over all tables (steepest descent), until nothing improves.
3. *Polish* — seeded random swaps between tables, accepted only when they lower the cost
   (hill climbing), for the level and region spread.

An integer programme would prove optimality but needs a solver binary and takes seconds for
10,000 people; annealing would accept worsening moves and make "why did X move" harder to
explain. Steepest descent from a near-optimal dealt plan reaches the goals the numbers allow (the
unmet list says why not) in well under a second for 10,000 people.

Determinism: inputs sorted by key, a fixed seed, no iteration over hash-ordered sets of
strings: the same input gives the same plan in every run and process.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from desktop.core.agencies import (
    COUNTY,
    LEVEL_LABELS,
    REGION_LABELS,
    REGIONS,
    TOWNSHIP,
    categories,
)

W_SIZE = 10_000
W_AGENCY = 1_000
W_LEVEL = 10
W_REGION = 8
SEED = 20190315
EPS = 1e-9


@dataclass(frozen=True)
class Person:
    key: int  # the registration id
    agency: str
    fixed_table: int | None = None  # table key the person must stay at (pinned, or its leader)
    label: str = ""  # a name for messages (optional)
    rank: int = 0  # who gets a chair first when there are too few (lower first, then by key)


@dataclass(frozen=True)
class Table:
    key: int
    number: int
    capacity: int


@dataclass(frozen=True)
class Unmet:
    goal: str  # capacity | size | agency | level | region
    message: str
    tables: tuple[int, ...] = ()  # table numbers concerned

    def as_json(self) -> dict[str, object]:
        return {"goal": self.goal, "message": self.message, "tables": list(self.tables)}


@dataclass(frozen=True)
class Plan:
    seats: dict[int, int]  # person key -> table key
    unseated: tuple[int, ...]  # people with no seat (more people than chairs)
    unmet: tuple[Unmet, ...]
    cost: int = 0
    stats: dict[str, int] = field(default_factory=dict)


class _State:
    """Counts per table for O(1) cost changes."""

    def __init__(self, tables: Sequence[Table], people: Sequence[Person]) -> None:
        self.tables = tables
        self.index = {t.key: i for i, t in enumerate(tables)}
        self.cap = [max(t.capacity, 0) for t in tables]
        ids: dict[str, int] = {}
        levels = {"": -1, COUNTY: 0, TOWNSHIP: 1}
        regions = {"": -1} | {r: i for i, r in enumerate(REGIONS)}
        found = [categories(p.agency) for p in people]
        self.agency = [ids.setdefault(key, len(ids)) for key, _, _ in found]
        self.level = [levels[level] for _, level, _ in found]
        self.region = [regions[region] for _, _, region in found]
        n_tables = len(tables)
        self.size = [0] * n_tables
        self.ag: list[dict[int, int]] = [{} for _ in range(n_tables)]
        self.lv = [[0, 0] for _ in range(n_tables)]
        self.rg = [[0] * len(REGIONS) for _ in range(n_tables)]
        # Each category's share of everyone, for the proportional part of the spread cost.
        n_people = max(len(people), 1)
        self.lv_share = [sum(1 for x in self.level if x == k) / n_people for k in range(2)]
        self.rg_share = [
            sum(1 for x in self.region if x == k) / n_people for k in range(len(REGIONS))
        ]
        self.where = [-1] * len(people)
        self.members: list[list[int]] = [[] for _ in range(n_tables)]

    def add(self, p: int, t: int) -> None:
        self.where[p] = t
        self.members[t].append(p)
        self.size[t] += 1
        a = self.agency[p]
        self.ag[t][a] = self.ag[t].get(a, 0) + 1
        if self.level[p] >= 0:
            self.lv[t][self.level[p]] += 1
        if self.region[p] >= 0:
            self.rg[t][self.region[p]] += 1

    def remove(self, p: int) -> None:
        t = self.where[p]
        self.where[p] = -1
        self.members[t].remove(p)
        self.size[t] -= 1
        a = self.agency[p]
        self.ag[t][a] -= 1
        if self.level[p] >= 0:
            self.lv[t][self.level[p]] -= 1
        if self.region[p] >= 0:
            self.rg[t][self.region[p]] -= 1

    def add_cost(self, p: int, t: int, with_size: bool = True) -> int:
        """Cost change of seating unseated ``p`` at ``t``."""
        delta = W_AGENCY * (2 * self.ag[t].get(self.agency[p], 0) + 1)
        if with_size:
            delta += W_SIZE * (2 * self.size[t] + 1)
        if self.level[p] >= 0:
            delta += W_LEVEL * (2 * self.lv[t][self.level[p]] + 1)
        if self.region[p] >= 0:
            delta += W_REGION * (2 * self.rg[t][self.region[p]] + 1)
        return delta

    def move_cost(self, p: int, b: int) -> int:
        a_t = self.where[p]
        delta = W_SIZE * 2 * (self.size[b] - self.size[a_t] + 1)
        ag = self.agency[p]
        delta += W_AGENCY * 2 * (self.ag[b].get(ag, 0) - self.ag[a_t][ag] + 1)
        lv = self.level[p]
        if lv >= 0:
            delta += W_LEVEL * 2 * (self.lv[b][lv] - self.lv[a_t][lv] + 1)
        rg = self.region[p]
        if rg >= 0:
            delta += W_REGION * 2 * (self.rg[b][rg] - self.rg[a_t][rg] + 1)
        return delta

    def swap_cost(self, p: int, q: int) -> float:
        """Cost change of swapping ``p`` and ``q``. Level and region use ``Σ (c − n·share)²``,
        so at tables of different sizes each gets its proportional share; that adds the term
        ``−2·(n_b − n_a)·(share_p − share_q)`` to the plain ``Σ c²`` change."""
        a, b = self.where[p], self.where[q]
        delta: float = 0
        ap, aq = self.agency[p], self.agency[q]
        if ap != aq:
            ag_a, ag_b = self.ag[a], self.ag[b]
            delta += (
                W_AGENCY * 2 * (ag_b.get(ap, 0) - ag_a[ap] + 1 + ag_a.get(aq, 0) - ag_b[aq] + 1)
            )
        lp, lq = self.level[p], self.level[q]
        if lp != lq:
            la, lb = self.lv[a], self.lv[b]
            if lp >= 0:
                delta += W_LEVEL * 2 * (lb[lp] - la[lp] + 1)
            if lq >= 0:
                delta += W_LEVEL * 2 * (la[lq] - lb[lq] + 1)
            gap = self.size[b] - self.size[a]
            if gap:
                share = (self.lv_share[lp] if lp >= 0 else 0) - (
                    self.lv_share[lq] if lq >= 0 else 0
                )
                delta -= W_LEVEL * 2 * gap * share
        rp, rq = self.region[p], self.region[q]
        if rp != rq:
            ra, rb = self.rg[a], self.rg[b]
            if rp >= 0:
                delta += W_REGION * 2 * (rb[rp] - ra[rp] + 1)
            if rq >= 0:
                delta += W_REGION * 2 * (ra[rq] - rb[rq] + 1)
            gap = self.size[b] - self.size[a]
            if gap:
                share = (self.rg_share[rp] if rp >= 0 else 0) - (
                    self.rg_share[rq] if rq >= 0 else 0
                )
                delta -= W_REGION * 2 * gap * share
        return delta

    def total_cost(self) -> int:
        cost = 0
        for t in range(len(self.tables)):
            cost += W_SIZE * self.size[t] ** 2
            cost += W_AGENCY * sum(c * c for c in self.ag[t].values())
            cost += W_LEVEL * sum(c * c for c in self.lv[t])
            cost += W_REGION * sum(c * c for c in self.rg[t])
        return cost


def _targets(low: Sequence[int], cap: Sequence[int], total: int) -> list[int]:
    """Water-filling: sizes as equal as possible, each between ``low`` and ``max(cap, low)``."""
    high = [max(c, lo) for c, lo in zip(cap, low, strict=True)]
    total = min(total, sum(high))
    lo_level, hi_level = 0, max(high, default=0)
    while lo_level < hi_level:  # the smallest level L with Σ clamp(L) ≥ total
        mid = (lo_level + hi_level) // 2
        if sum(min(max(mid, lo), hi) for lo, hi in zip(low, high, strict=True)) >= total:
            hi_level = mid
        else:
            lo_level = mid + 1
    sizes = [min(max(lo_level - 1, lo), hi) for lo, hi in zip(low, high, strict=True)]
    extra = total - sum(sizes)
    for i in range(len(sizes)):  # tables that can still take one more reach ``lo_level``
        if extra <= 0:
            break
        if sizes[i] < min(max(lo_level, low[i]), high[i]):
            sizes[i] += 1
            extra -= 1
    return sizes


def plan_seating(
    tables: Sequence[Table], people: Iterable[Person], *, polish_steps: int | None = None
) -> Plan:
    """Seat ``people`` at ``tables``; see the module docstring for goals and method."""
    tables = sorted(tables, key=lambda t: (t.number, t.key))
    people = sorted(people, key=lambda p: p.key)
    state = _State(tables, people)
    n_tables = len(tables)
    unmet: list[Unmet] = []
    if n_tables == 0:
        if people:
            unmet.append(Unmet("capacity", f"尚未設定桌次，{len(people)} 人無法分桌"))
        return Plan({}, tuple(p.key for p in people), tuple(unmet))

    fixed = [
        state.index.get(p.fixed_table, -1) if p.fixed_table is not None else -1 for p in people
    ]
    for i, t in enumerate(fixed):
        if t >= 0:
            state.add(i, t)
    free = [i for i, t in enumerate(fixed) if t < 0]
    targets = _targets(state.size, state.cap, len(people))
    seats_left = sum(
        max(target - size, 0) for target, size in zip(targets, state.size, strict=True)
    )

    # 1. Construction: deal people grouped by region, level and agency round the tables.
    # Big agencies first so they get the widest choice of tables.
    agency_count: dict[int, int] = {}
    for i in free:
        agency_count[state.agency[i]] = agency_count.get(state.agency[i], 0) + 1
    # Too few chairs: who goes without is decided by rank (e.g. arrival, then place in the
    # queue), never by region or agency — the dealing order below would leave out the east
    # and the islands every time.
    unseated_idx: list[int] = []
    if len(free) > seats_left:
        free.sort(key=lambda i: (people[i].rank, people[i].key))
        unseated_idx = free[seats_left:]
        free = free[:seats_left]
    free.sort(
        key=lambda i: (
            state.region[i],
            state.level[i],
            -agency_count[state.agency[i]],
            state.agency[i],
            people[i].key,
        )
    )
    quota = [max(target - size, 0) for target, size in zip(targets, state.size, strict=True)]
    cursor = 0
    scan = min(n_tables, 64)
    for i in free:
        chosen = -1
        for step in range(scan):
            t = (cursor + step) % n_tables
            if quota[t] > 0 and state.ag[t].get(state.agency[i], 0) == 0:
                chosen = t
                break
        if chosen < 0:
            for step in range(n_tables):
                t = (cursor + step) % n_tables
                if quota[t] > 0:
                    chosen = t
                    break
        quota[chosen] -= 1
        state.add(i, chosen)
        cursor = (chosen + 1) % n_tables

    movable = [f < 0 for f in fixed]

    # 2. Repair: steepest descent for everyone sharing a table with a colleague.
    for _round in range(20):
        improved = False
        for t in range(n_tables):
            for p in [m for m in state.members[t] if movable[m]]:
                if state.where[p] != t or state.ag[t][state.agency[p]] < 2:
                    continue
                best: float = 0
                best_move = None
                for b in range(n_tables):
                    if (
                        b == t
                        or state.ag[b].get(state.agency[p], 0) >= state.ag[t][state.agency[p]] - 1
                    ):
                        continue
                    if state.size[b] < state.cap[b]:
                        d: float = state.move_cost(p, b)
                        if d < best:
                            best, best_move = d, (p, b, -1)
                    for q in state.members[b]:
                        if movable[q]:
                            d = state.swap_cost(p, q)
                            if d < best - EPS:
                                best, best_move = d, (p, b, q)
                if best_move is not None:
                    _apply(state, *best_move)
                    improved = True
        if not improved:
            break

    # 3. Polish: seeded random swaps and moves accepted only when they lower the cost.
    rng = random.Random(SEED)
    movers = [i for i in range(len(people)) if movable[i] and state.where[i] >= 0]
    if polish_steps is None:
        polish_steps = min(60 * len(movers), 150_000)
    if 2 <= len(movers) <= 400 and n_tables >= 2:
        # Small rooms: sweep every pair until no swap helps (a true local optimum).
        for _sweep in range(50):
            improved = False
            for x, p in enumerate(movers):
                for q in movers[x + 1 :]:
                    if state.where[p] != state.where[q] and state.swap_cost(p, q) < -EPS:
                        _apply(state, p, state.where[q], q)
                        improved = True
            if not improved:
                break
    elif len(movers) >= 2 and n_tables >= 2:
        randrange = rng.randrange
        n_movers = len(movers)
        for _ in range(polish_steps):
            p = movers[randrange(n_movers)]
            q = movers[randrange(n_movers)]
            if state.where[p] == state.where[q]:
                continue
            if state.swap_cost(p, q) < -EPS:
                _apply(state, p, state.where[q], q)

    seats = {
        people[i].key: tables[state.where[i]].key for i in range(len(people)) if state.where[i] >= 0
    }
    unseated = tuple(people[i].key for i in unseated_idx)
    unmet.extend(_explain(state, people, fixed, targets, unseated))
    conflicts = sum(c - 1 for t in range(n_tables) for c in state.ag[t].values() if c > 1)
    return Plan(
        seats,
        unseated,
        tuple(unmet),
        state.total_cost(),
        {"people": len(people), "tables": n_tables, "agency_conflicts": conflicts},
    )


def _apply(state: _State, p: int, b: int, q: int) -> None:
    a = state.where[p]
    state.remove(p)
    if q >= 0:
        state.remove(q)
        state.add(q, a)
    state.add(p, b)


def _explain(
    state: _State,
    people: Sequence[Person],
    fixed: Sequence[int],
    targets: Sequence[int],
    unseated: Sequence[int],
) -> list[Unmet]:
    tables = state.tables
    n_tables = len(tables)
    out: list[Unmet] = []
    if unseated:
        out.append(
            Unmet(
                "capacity",
                f"{len(unseated)} 人沒有座位：各桌共 {sum(state.cap)} 個座位，"
                f"需安排 {len(people)} 人",
            )
        )
    for t in range(n_tables):
        if state.size[t] > state.cap[t]:
            pinned = sum(1 for m in state.members[t] if fixed[m] >= 0)
            number = tables[t].number
            if pinned > state.cap[t]:
                text = f"第 {number} 桌釘選了 {pinned} 人（或桌長），超過容量 {state.cap[t]} 人"
            else:
                text = (
                    f"第 {number} 桌坐了 {state.size[t]} 人，超過容量 {state.cap[t]} 人："
                    "請重新分桌或移動人員"
                )
            out.append(Unmet("capacity", text, (number,)))
    sizes = state.size
    if n_tables and max(sizes) - min(sizes) > 1:
        small = min(sizes)
        big = max(sizes)
        reasons = []
        for t in range(n_tables):
            pinned = sum(1 for m in state.members[t] if fixed[m] >= 0)
            if sizes[t] == big and pinned >= big:
                reasons.append(f"第 {tables[t].number} 桌釘選了 {pinned} 人")
            if sizes[t] == small and state.cap[t] <= small:
                reasons.append(f"第 {tables[t].number} 桌只能坐 {state.cap[t]} 人")
        if not reasons and max(targets) - min(targets) <= 1:
            # The chairs allow even tables: the seating was edited or the tables changed.
            reasons.append("可重新分桌或移動人員使人數平均")
        out.append(
            Unmet(
                "size",
                f"各桌人數相差 {big - small} 人（{small}–{big} 人）："
                + "、".join(reasons or ["容量限制"]),
                tuple(tables[t].number for t in range(n_tables) if sizes[t] in (small, big)),
            )
        )
    # Agencies that share a table.
    names: dict[int, str] = {}
    totals: dict[int, int] = {}
    for i, p in enumerate(people):
        if state.where[i] >= 0:
            names.setdefault(state.agency[i], p.agency)
            totals[state.agency[i]] = totals.get(state.agency[i], 0) + 1
    usable = sum(1 for c in state.cap if c > 0)
    crowded: dict[int, list[int]] = {}  # agency -> tables (ascending) where it sits twice
    for t, at_table in enumerate(state.ag):
        for agency in (a for a, count in at_table.items() if count > 1):
            crowded.setdefault(agency, []).append(t)
    for agency in sorted(totals, key=lambda a: (-totals[a], names[a])):
        shared = crowded.get(agency, [])
        if not shared:
            continue
        numbers = tuple(tables[t].number for t in shared)
        where = "、".join(f"第 {n} 桌" for n in numbers)
        name, count = names[agency], totals[agency]
        pinned_together = [
            t
            for t in shared
            if sum(1 for m in state.members[t] if state.agency[m] == agency and fixed[m] >= 0) > 1
        ]
        if count > usable:
            reason = f"{name} 有 {count} 人，但只有 {usable} 桌可以安排"
        elif pinned_together:
            out.append(
                Unmet("agency", f"{name} 有多人被釘選（或擔任桌長）在同一桌：{where}", numbers)
            )
            continue
        else:
            open_tables = sum(
                1
                for t in range(n_tables)
                if state.ag[t].get(agency, 0) == 0 and state.size[t] < state.cap[t]
            )
            reason = (
                f"{name} 有 {count} 人，其他桌已滿或需維持人數平均"
                f"（尚有空位且無同機關者 {open_tables} 桌）"
            )
        out.append(Unmet("agency", f"{reason}：同桌於 {where}", numbers))
    # Level and region spread: each table within one of its fair share.
    seated = sum(state.size)
    if seated:
        for goal, counts, labels, keys in (
            ("level", state.lv, LEVEL_LABELS, (COUNTY, TOWNSHIP)),
            ("region", state.rg, REGION_LABELS, tuple(REGIONS)),
        ):
            for k, key in enumerate(keys):
                total = sum(counts[t][k] for t in range(n_tables))
                if not total:
                    continue
                off = []
                for t in range(n_tables):
                    share = state.size[t] * total / seated
                    if counts[t][k] < int(share) or counts[t][k] > -(-share // 1):
                        off.append(t)
                if off:
                    detail = "、".join(
                        f"第 {tables[t].number} 桌 {counts[t][k]} 人"
                        f"（約 {state.size[t] * total / seated:.1f}）"
                        for t in off[:6]
                    )
                    more = f"等 {len(off)} 桌" if len(off) > 6 else ""
                    out.append(
                        Unmet(
                            goal,
                            f"{labels[key]}人員分布不均：{detail}{more}",
                            tuple(tables[t].number for t in off),
                        )
                    )
    return out


def evaluate(
    tables: Sequence[Table], people: Iterable[Person], seats: Mapping[int, int]
) -> tuple[Unmet, ...]:
    """The goals an existing seating (person key → table key) does not meet, with reasons.

    People without a seat in ``seats`` are reported as unseated; ``fixed_table`` marks the
    people who cannot be moved (for the reasons given)."""
    tables = sorted(tables, key=lambda t: (t.number, t.key))
    people = sorted(people, key=lambda p: p.key)
    state = _State(tables, people)
    fixed = [
        state.index.get(p.fixed_table, -1) if p.fixed_table is not None else -1 for p in people
    ]
    unseated = []
    for i, p in enumerate(people):
        t = state.index.get(seats.get(p.key, -1), -1)
        if t >= 0:
            state.add(i, t)
        else:
            unseated.append(p.key)
    if not tables:
        return (Unmet("capacity", f"尚未設定桌次，{len(people)} 人無法分桌"),) if people else ()
    targets = _targets([0] * len(tables), state.cap, len(people))
    out = _explain(state, people, fixed, targets, [])
    if unseated:
        out.insert(0, Unmet("capacity", f"{len(unseated)} 人尚未分桌"))
    return tuple(out)
