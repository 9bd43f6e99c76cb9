"""The seating planner's cost model: per-table counts of people by agency, level and region,
and the cost change of seating, moving or swapping people in a handful of integer additions
(``desktop.core.seating`` explains the cost; ``desktop.core.arrival_seating`` uses the same
weights for one person on arrival)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from desktop.core.agencies import COUNTY, REGIONS, TOWNSHIP, categories

if TYPE_CHECKING:  # the planner's own types; it imports this module
    from desktop.core.seating import Person, Table

W_SIZE = 10_000
W_AGENCY = 1_000
W_LEVEL = 10
W_REGION = 8


class SeatCounts:
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
