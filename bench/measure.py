"""What every benchmark reports: medians and spread of interleaved samples, and the ratio of
the product's median to its baseline's (both measured in the same run, on the same machine,
at the same moment — the machine's load is printed with them)."""

from __future__ import annotations

import os
import statistics
from collections.abc import Callable

from bench.checkin import _percentile as percentile  # the one percentile of every bench


def spread(samples: list[float], unit: float = 1.0, digits: int = 3) -> dict[str, float]:
    """Median, fastest, slowest and p90 of ``samples`` (seconds), scaled by ``unit``."""
    return {
        "median": round(statistics.median(samples) * unit, digits),
        "min": round(min(samples) * unit, digits),
        "p90": round(percentile(samples, 90) * unit, digits),
        "max": round(max(samples) * unit, digits),
    }


def interleaved(
    runs: int, product: Callable[[], float], baseline: Callable[[], float]
) -> tuple[list[float], list[float]]:
    """``runs`` samples of each, alternating, so both see the same load."""
    ours, theirs = [], []
    for _ in range(runs):
        theirs.append(baseline())
        ours.append(product())
    return ours, theirs


def row(
    ours: list[float],
    theirs: list[float],
    *,
    target_ratio: float | None = None,
    unit: float = 1.0,
    label: str = "s",
) -> dict[str, object]:
    ratio = statistics.median(ours) / statistics.median(theirs)
    out: dict[str, object] = {
        f"product_{label}": spread(ours, unit),
        f"baseline_{label}": spread(theirs, unit),
        "ratio": round(ratio, 2),
        "runs": len(ours),
        "load_1min": round(os.getloadavg()[0], 1),
    }
    if target_ratio is not None:
        out |= {"target_ratio": target_ratio, "met": ratio <= target_ratio}
    return out
