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
of integer additions (``2·(c_to − c_from + 1)`` per attribute, ``desktop.core.seat_counts``),
so a local search can try hundreds of thousands of changes per second in plain Python, with no
solver to ship.

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
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from desktop.core.agencies import COUNTY, LEVEL_LABELS, REGION_LABELS, REGIONS, TOWNSHIP
from desktop.core.seat_counts import SeatCounts

SEED = 20190315
EPS = 1e-9
DEAL_SCAN = 64  # tables ahead of the dealer searched for one without a colleague
REPAIR_ROUNDS = 20
SWEEP_LIMIT = 400  # up to this many movable people the polish tries every pair
SWEEPS = 50


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
    if not tables:
        return Plan({}, tuple(p.key for p in people), _no_tables(people))
    state = SeatCounts(tables, people)
    fixed = _fixed_tables(state, people)
    for i, t in enumerate(fixed):
        if t >= 0:
            state.add(i, t)
    targets = _targets(state.size, state.cap, len(people))
    free = [i for i, t in enumerate(fixed) if t < 0]
    agency_sizes = Counter(state.agency[i] for i in free)
    dealt, left_out = _who_gets_a_chair(state, people, free, targets)
    _deal(state, people, dealt, targets, agency_sizes)
    movable = [t < 0 for t in fixed]
    _repair(state, movable)
    _polish(state, movable, polish_steps)
    unseated = tuple(people[i].key for i in left_out)
    return Plan(
        {people[i].key: tables[t].key for i, t in enumerate(state.where) if t >= 0},
        unseated,
        tuple(_explain(state, people, fixed, targets, unseated)),
        state.total_cost(),
        {
            "people": len(people),
            "tables": len(tables),
            "agency_conflicts": sum(c - 1 for at in state.ag for c in at.values() if c > 1),
        },
    )


def _no_tables(people: Sequence[Person]) -> tuple[Unmet, ...]:
    return (Unmet("capacity", f"尚未設定桌次，{len(people)} 人無法分桌"),) if people else ()


def _fixed_tables(state: SeatCounts, people: Sequence[Person]) -> list[int]:
    """Each person's table index when they cannot be moved (pinned, or a leader), else -1
    (also for a ``fixed_table`` that is not one of the tables)."""
    return [state.index.get(p.fixed_table, -1) if p.fixed_table is not None else -1 for p in people]


def _who_gets_a_chair(
    state: SeatCounts, people: Sequence[Person], free: list[int], targets: Sequence[int]
) -> tuple[list[int], list[int]]:
    """The free people split into those dealt a chair and those left without one.

    Too few chairs: who goes without is decided by rank (e.g. arrival, then place in the
    queue), never by region or agency — the dealing order would leave out the east and the
    islands every time."""
    chairs = sum(max(target - size, 0) for target, size in zip(targets, state.size, strict=True))
    if len(free) <= chairs:
        return free, []
    by_rank = sorted(free, key=lambda i: (people[i].rank, people[i].key))
    return by_rank[:chairs], by_rank[chairs:]


def _deal(
    state: SeatCounts,
    people: Sequence[Person],
    free: Sequence[int],
    targets: Sequence[int],
    agency_sizes: Mapping[int, int],
) -> None:
    """Step 1, construction: deal ``free`` people grouped by region, level and agency round
    the tables, each table up to its target size. Big agencies (``agency_sizes``: people per
    agency among everyone not pinned) first so they get the widest choice of tables. ``free``
    never outnumbers the chairs the targets leave."""
    order = sorted(
        free,
        key=lambda i: (
            state.region[i],
            state.level[i],
            -agency_sizes[state.agency[i]],
            state.agency[i],
            people[i].key,
        ),
    )
    quota = [max(target - size, 0) for target, size in zip(targets, state.size, strict=True)]
    cursor = 0
    for i in order:
        chosen = _next_table(state, quota, cursor, state.agency[i])
        quota[chosen] -= 1
        state.add(i, chosen)
        cursor = (chosen + 1) % len(quota)


def _next_table(state: SeatCounts, quota: Sequence[int], cursor: int, agency: int) -> int:
    """The next table from ``cursor`` on with a chair left in its quota: among the next
    ``DEAL_SCAN`` tables one without a colleague if there is one, else the first open one."""
    n_tables = len(quota)
    for step in range(min(n_tables, DEAL_SCAN)):
        t = (cursor + step) % n_tables
        if quota[t] > 0 and state.ag[t].get(agency, 0) == 0:
            return t
    return next(t for t in ((cursor + step) % n_tables for step in range(n_tables)) if quota[t] > 0)


def _repair(state: SeatCounts, movable: Sequence[bool]) -> None:
    """Step 2, repair: everyone movable who shares a table with a colleague takes the best
    improving move or swap over all tables (steepest descent), until nothing improves."""
    for _round in range(REPAIR_ROUNDS):
        improved = False
        for t, members in enumerate(state.members):
            for p in [m for m in members if movable[m]]:
                if state.where[p] != t or state.ag[t][state.agency[p]] < 2:
                    continue
                best = _best_relief(state, movable, p)
                if best is not None:
                    _apply(state, *best)
                    improved = True
        if not improved:
            break


def _best_relief(state: SeatCounts, movable: Sequence[bool], p: int) -> tuple[int, int, int] | None:
    """The move (``(p, table, -1)``) or swap (``(p, table, q)``) that lowers the cost most for
    ``p``, among tables with fewer of ``p``'s colleagues than ``p``'s own would keep; None
    when none lowers it."""
    t, agency = state.where[p], state.agency[p]
    best: float = 0
    best_move = None
    for b in range(len(state.tables)):
        if b == t or state.ag[b].get(agency, 0) >= state.ag[t][agency] - 1:
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
    return best_move


def _polish(state: SeatCounts, movable: Sequence[bool], steps: int | None = None) -> None:
    """Step 3, polish: swaps between tables accepted only when they lower the cost. A small
    room is swept pair by pair (a true local optimum); a large one gets ``steps`` seeded random
    swaps (default 60 per person, at most 150,000)."""
    movers = [i for i, t in enumerate(state.where) if movable[i] and t >= 0]
    if len(movers) < 2 or len(state.tables) < 2:
        return
    if len(movers) <= SWEEP_LIMIT:
        _sweep(state, movers)
    else:
        _random_swaps(state, movers, min(60 * len(movers), 150_000) if steps is None else steps)


def _sweep(state: SeatCounts, movers: Sequence[int]) -> None:
    for _round in range(SWEEPS):
        improved = False
        for x, p in enumerate(movers):
            for q in movers[x + 1 :]:
                if state.where[p] != state.where[q] and state.swap_cost(p, q) < -EPS:
                    _apply(state, p, state.where[q], q)
                    improved = True
        if not improved:
            break


def _random_swaps(state: SeatCounts, movers: Sequence[int], steps: int) -> None:
    randrange = random.Random(SEED).randrange
    n_movers = len(movers)
    for _ in range(steps):
        p = movers[randrange(n_movers)]
        q = movers[randrange(n_movers)]
        if state.where[p] != state.where[q] and state.swap_cost(p, q) < -EPS:
            _apply(state, p, state.where[q], q)


def _apply(state: SeatCounts, p: int, b: int, q: int) -> None:
    a = state.where[p]
    state.remove(p)
    if q >= 0:
        state.remove(q)
        state.add(q, a)
    state.add(p, b)


def _explain(
    state: SeatCounts,
    people: Sequence[Person],
    fixed: Sequence[int],
    targets: Sequence[int],
    unseated: Sequence[int],
) -> list[Unmet]:
    """The goals the seating in ``state`` does not meet, each with its reason, in the order
    of the goals' weights."""
    out = _capacity_unmet(state, people, fixed, unseated)
    size = _size_unmet(state, fixed, targets)
    if size is not None:
        out.append(size)
    out += _agency_unmet(state, people, fixed)
    if sum(state.size):
        out += _spread_unmet(state, "level", state.lv, LEVEL_LABELS, (COUNTY, TOWNSHIP))
        out += _spread_unmet(state, "region", state.rg, REGION_LABELS, tuple(REGIONS))
    return out


def _pinned_at(state: SeatCounts, fixed: Sequence[int], t: int) -> int:
    return sum(1 for m in state.members[t] if fixed[m] >= 0)


def _capacity_unmet(
    state: SeatCounts, people: Sequence[Person], fixed: Sequence[int], unseated: Sequence[int]
) -> list[Unmet]:
    """People left without a chair, and tables over their capacity (pinned people, or an
    edited seating)."""
    out: list[Unmet] = []
    if unseated:
        out.append(
            Unmet(
                "capacity",
                f"{len(unseated)} 人沒有座位：各桌共 {sum(state.cap)} 個座位，"
                f"需安排 {len(people)} 人",
            )
        )
    for t, table in enumerate(state.tables):
        cap = state.cap[t]
        if state.size[t] <= cap:
            continue
        pinned = _pinned_at(state, fixed, t)
        if pinned > cap:
            text = f"第 {table.number} 桌釘選了 {pinned} 人（或桌長），超過容量 {cap} 人"
        else:
            text = (
                f"第 {table.number} 桌坐了 {state.size[t]} 人，超過容量 {cap} 人："
                "請重新分桌或移動人員"
            )
        out.append(Unmet("capacity", text, (table.number,)))
    return out


def _size_unmet(state: SeatCounts, fixed: Sequence[int], targets: Sequence[int]) -> Unmet | None:
    """Table sizes more than one apart, with why: pinned people, small tables, or (when the
    chairs allow even tables) an edited seating."""
    sizes = state.size
    if not sizes or max(sizes) - min(sizes) <= 1:
        return None
    small, big = min(sizes), max(sizes)
    reasons = []
    for t, table in enumerate(state.tables):
        pinned = _pinned_at(state, fixed, t)
        if sizes[t] == big and pinned >= big:
            reasons.append(f"第 {table.number} 桌釘選了 {pinned} 人")
        if sizes[t] == small and state.cap[t] <= small:
            reasons.append(f"第 {table.number} 桌只能坐 {state.cap[t]} 人")
    if not reasons and max(targets) - min(targets) <= 1:
        # The chairs allow even tables: the seating was edited or the tables changed.
        reasons.append("可重新分桌或移動人員使人數平均")
    return Unmet(
        "size",
        f"各桌人數相差 {big - small} 人（{small}–{big} 人）：" + "、".join(reasons or ["容量限制"]),
        tuple(table.number for t, table in enumerate(state.tables) if sizes[t] in (small, big)),
    )


def _agency_unmet(state: SeatCounts, people: Sequence[Person], fixed: Sequence[int]) -> list[Unmet]:
    """Agencies that share a table, biggest agency first, each with why it could not be
    spread: more people than tables, colleagues pinned together, or full tables."""
    names: dict[int, str] = {}
    totals: dict[int, int] = {}
    for i, p in enumerate(people):
        if state.where[i] >= 0:
            names.setdefault(state.agency[i], p.agency)
            totals[state.agency[i]] = totals.get(state.agency[i], 0) + 1
    crowded: dict[int, list[int]] = {}  # agency -> tables (ascending) where it sits twice
    for t, at_table in enumerate(state.ag):
        for agency in (a for a, count in at_table.items() if count > 1):
            crowded.setdefault(agency, []).append(t)
    out = []
    for agency in sorted(totals, key=lambda a: (-totals[a], names[a])):
        shared = crowded.get(agency, [])
        if shared:
            numbers = tuple(state.tables[t].number for t in shared)
            where = "、".join(f"第 {n} 桌" for n in numbers)
            reason = _agency_reason(state, fixed, agency, names[agency], totals[agency], shared)
            out.append(Unmet("agency", reason + where, numbers))
    return out


def _agency_reason(
    state: SeatCounts, fixed: Sequence[int], agency: int, name: str, count: int, shared: list[int]
) -> str:
    """Why ``agency`` shares the tables ``shared``: the sentence up to where they are."""
    usable = sum(1 for c in state.cap if c > 0)
    if count > usable:
        return f"{name} 有 {count} 人，但只有 {usable} 桌可以安排：同桌於 "
    for t in shared:
        if sum(1 for m in state.members[t] if state.agency[m] == agency and fixed[m] >= 0) > 1:
            return f"{name} 有多人被釘選（或擔任桌長）在同一桌："
    open_tables = sum(
        1
        for t, at_table in enumerate(state.ag)
        if at_table.get(agency, 0) == 0 and state.size[t] < state.cap[t]
    )
    return (
        f"{name} 有 {count} 人，其他桌已滿或需維持人數平均"
        f"（尚有空位且無同機關者 {open_tables} 桌）：同桌於 "
    )


def _spread_unmet(
    state: SeatCounts,
    goal: str,
    counts: Sequence[Sequence[int]],
    labels: Mapping[str, str],
    keys: Sequence[str],
) -> list[Unmet]:
    """For each category of ``goal`` (level or region): the tables that hold more or fewer
    of it than their fair share (table size × the category's share of everyone seated),
    rounded either way."""
    seated = sum(state.size)
    out = []
    for k, key in enumerate(keys):
        total = sum(at_table[k] for at_table in counts)
        if not total:
            continue
        shares = [size * total / seated for size in state.size]
        off = [
            t
            for t, at_table in enumerate(counts)
            if at_table[k] < int(shares[t]) or at_table[k] > -(-shares[t] // 1)
        ]
        if off:
            detail = "、".join(
                f"第 {state.tables[t].number} 桌 {counts[t][k]} 人（約 {shares[t]:.1f}）"
                for t in off[:6]
            )
            more = f"等 {len(off)} 桌" if len(off) > 6 else ""
            out.append(
                Unmet(
                    goal,
                    f"{labels[key]}人員分布不均：{detail}{more}",
                    tuple(state.tables[t].number for t in off),
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
    state = SeatCounts(tables, people)
    fixed = _fixed_tables(state, people)
    unseated = []
    for i, p in enumerate(people):
        t = state.index.get(seats.get(p.key, -1), -1)
        if t >= 0:
            state.add(i, t)
        else:
            unseated.append(p.key)
    if not tables:
        return _no_tables(people)
    targets = _targets([0] * len(tables), state.cap, len(people))
    out = _explain(state, people, fixed, targets, [])
    if unseated:
        out.insert(0, Unmet("capacity", f"{len(unseated)} 人尚未分桌"))
    return tuple(out)
