"""Seating speed: 40 people at 6 tables (target: instant, 0.1 s) and 10,000 people at 1,250
tables of 8 (target: < 3 s), median of several runs of ``plan_seating``."""

from __future__ import annotations

import random
import statistics
import time

from desktop.core.seating import Person, Table, plan_seating

RUNS = 5


def _agencies(rng: random.Random, count: int) -> list[str]:
    places = ["臺北市", "新北市", "桃園市", "臺中市", "臺南市", "高雄市", "彰化縣", "屏東縣",
              "花蓮縣", "臺東縣", "澎湖縣", "金門縣", "宜蘭縣", "雲林縣", "嘉義縣", "南投縣"]
    names = []
    for i in range(count):
        place = places[i % len(places)]
        names.append(f"{place}政府第{i}局" if rng.random() < 0.3 else f"{place}第{i}區公所")
    return names


def _case(people: int, tables: int, capacity: int, agencies: int) -> dict[str, object]:
    rng = random.Random(people)
    pool = _agencies(rng, agencies)
    persons = [Person(i, rng.choice(pool)) for i in range(people)]
    # A few pinned people, as after a round of manual edits.
    persons = [Person(p.key, p.agency, fixed_table=1000 + (i % tables) + 1 if i % 97 == 0
                      else None) for i, p in enumerate(persons)]
    table_list = [Table(1000 + n, n, capacity) for n in range(1, tables + 1)]
    samples = []
    plan = None
    for _ in range(RUNS):
        started = time.perf_counter()
        plan = plan_seating(table_list, persons)
        samples.append(time.perf_counter() - started)
    assert plan is not None
    return {"median_s": round(statistics.median(samples), 4), "max_s": round(max(samples), 4),
            "agency_conflicts": plan.stats["agency_conflicts"],
            "unmet": len(plan.unmet)}


def run() -> dict[str, object]:
    small = _case(40, 6, 7, 22)
    large = _case(10_000, 1_250, 8, 3_000)
    small |= {"target_s": 0.1, "ratio_to_target": round(small["median_s"] / 0.1, 3)}
    large |= {"target_s": 3.0, "ratio_to_target": round(large["median_s"] / 3.0, 3)}
    return {"runs": RUNS, "40_people_6_tables": small, "10000_people_1250_tables": large}
