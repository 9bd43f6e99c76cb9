"""報到時分桌: the table for a person arriving now, from per-table counters of the present.

Only the people already checked in count for balance and mixing, so the tables that actually
fill stay even and mixed even when planned people don't come. The cost of a table is the
planner's (``seat_counts.SeatCounts.add_cost``) for one person, which needs only per-table counts:
everyone present, and those sharing the person's agency, level and region.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from desktop.core.agencies import categories
from desktop.core.seat_counts import W_AGENCY, W_LEVEL, W_REGION, W_SIZE
from desktop.core.seating import Person, Table


@dataclass(frozen=True)
class ArrivalCounts:
    """Per-table counters of the people present (checked in) at each table key: everyone, and
    those sharing the arriving person's agency, level and region (the service keeps them
    per desk, so a scan stays cheap at a 10,000-person day)."""

    size: Mapping[int, int]
    same_agency: Mapping[int, int]
    same_level: Mapping[int, int]
    same_region: Mapping[int, int]


def arrival_counts(present: Iterable[tuple[Person, int]], person: Person) -> ArrivalCounts:
    """The counters of ``present`` (each person with their table key) for ``person``."""
    agency, level, region = categories(person.agency)
    size: dict[int, int] = {}
    same_agency: dict[int, int] = {}
    same_level: dict[int, int] = {}
    same_region: dict[int, int] = {}
    for other, key in present:
        size[key] = size.get(key, 0) + 1
        a, lv, rg = categories(other.agency)
        if a == agency:
            same_agency[key] = same_agency.get(key, 0) + 1
        if level and lv == level:
            same_level[key] = same_level.get(key, 0) + 1
        if region and rg == region:
            same_region[key] = same_region.get(key, 0) + 1
    return ArrivalCounts(size, same_agency, same_level, same_region)


def assign_on_arrival(
    tables: Sequence[Table],
    counts: ArrivalCounts,
    taken: Mapping[int, int],
    person: Person,
) -> int | None:
    """The table key for ``person`` arriving now, or None when every table is full.

    ``counts`` are of the people already checked in (``arrival_counts``). ``taken`` is the
    number of chairs already spoken for at each table key (the present plus pinned people who
    have not arrived); a table is full when ``taken`` reaches its capacity. Ties go to the
    lower table number.
    """
    if person.fixed_table is not None and any(t.key == person.fixed_table for t in tables):
        return person.fixed_table
    _, level, region = categories(person.agency)
    ordered = sorted(tables, key=lambda t: (t.number, t.key))
    best: tuple[int, int] | None = None
    for t, table in enumerate(ordered):
        key = table.key
        if taken.get(key, 0) >= table.capacity:
            continue
        cost = W_AGENCY * (2 * counts.same_agency.get(key, 0) + 1)
        cost += W_SIZE * (2 * counts.size.get(key, 0) + 1)
        if level:
            cost += W_LEVEL * (2 * counts.same_level.get(key, 0) + 1)
        if region:
            cost += W_REGION * (2 * counts.same_region.get(key, 0) + 1)
        if best is None or cost < best[0]:
            best = (cost, t)
    return None if best is None else ordered[best[1]].key
