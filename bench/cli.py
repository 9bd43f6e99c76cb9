"""Any command's fixed cost: ``workshop-desk --version`` as a process against a bare
interpreter (``python -c pass``), interleaved (target: ≤ 0.3 s). ``--help`` (every command's
module loaded) is shown next to it."""

from __future__ import annotations

import subprocess
import sys
import time

from bench.measure import interleaved, row, spread

RUNS = 11


def _timed(args: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(args, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - started


def run() -> dict[str, object]:
    version = [sys.executable, "-m", "desktop", "--version"]
    bare = [sys.executable, "-c", "pass"]
    _timed(version)
    ours, theirs = interleaved(RUNS, lambda: _timed(version), lambda: _timed(bare))
    helps = [_timed([sys.executable, "-m", "desktop", "--help"]) for _ in range(3)]
    median = sorted(ours)[len(ours) // 2]
    return (
        {"what": "workshop-desk --version vs python -c pass (processes)"}
        | row(ours, theirs)
        | {"target_s": 0.3, "met": median <= 0.3, "help_all_commands_s": spread(helps)}
    )
