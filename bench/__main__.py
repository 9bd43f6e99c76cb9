from __future__ import annotations

import importlib
import json
import os
import sys

# Later features add their benchmark module here.
BENCHMARKS = (
    "startup",
    "cli",
    "certificates",
    "live_desk",
    "registrations",
    "tables",
    "agenda",
    "closeday",
    "checkin",
    "group_reports",
    "desks_pg",
    "kdf",
    "dashboard",
    "venue",
    "vote",
    "survey",
)


def main(names: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    results = {}
    for name in names or BENCHMARKS:
        results[name] = importlib.import_module(f"bench.{name}").run()
    print(json.dumps(results, ensure_ascii=False, indent=2))
    return 0


raise SystemExit(main(sys.argv[1:]))
