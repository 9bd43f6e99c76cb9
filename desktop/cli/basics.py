"""Subcommands of the foundation: ``demo``, ``summary``, ``self-test``."""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop import paths
from desktop.cli import CliError, Context, add_json_flag, emit_json
from desktop.core.outcomes import cli
from desktop.services.events import EventInfo, list_events


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    demo = subparsers.add_parser(
        "demo", help="build the demo database from the seed announcement (separate file)"
    )
    demo.add_argument("--reset", action="store_true", help="delete and rebuild it if it exists")
    add_json_flag(demo)
    demo.set_defaults(handler=run_demo)

    summary = subparsers.add_parser("summary", help="events, sessions, agendas and counts")
    add_json_flag(summary)
    summary.set_defaults(handler=run_summary)

    selftest = subparsers.add_parser(
        "self-test",
        help="build the window offscreen on a fresh demo database, visit every screen, exit 0",
    )
    add_json_flag(selftest)
    selftest.set_defaults(handler=run_self_test)


def run_demo(args: argparse.Namespace, context: Context) -> int:
    from desktop.app import open_database
    from desktop.services.demo import build_demo

    target = Path(args.db) if args.db else paths.demo_database()
    if "://" in str(target):
        raise CliError("demo builds an SQLite file; give --db a file path")
    if target.exists():
        if not args.reset:
            raise CliError(cli.DEMO_EXISTS, path=target)
        for suffix in ("", "-wal", "-shm"):
            Path(f"{target}{suffix}").unlink(missing_ok=True)
    db = open_database(target)
    try:
        result = build_demo(db)
    finally:
        db.dispose()
    if args.json:
        emit_json(
            {
                "database": str(target),
                "event_id": result.event_id,
                "sessions": result.sessions,
                "attendees": result.attendees,
            }
        )
    else:
        print(f"示範活動已建立：{target}（{result.sessions} 場次，{result.attendees} 位報名者）")
        print(f"開啟視窗：workshop-desk --db {target}   或   workshop-desk --demo")
    return 0


def summary_json(events: tuple[EventInfo, ...]) -> dict[str, object]:
    return {
        "events": [
            {
                "id": e.id,
                "name": e.name,
                "organiser": e.organiser,
                "executor": e.executor,
                "sessions": [
                    {
                        "id": s.id,
                        "name": s.name,
                        "date": s.date.isoformat(),
                        "start": s.start_time.strftime("%H:%M"),
                        "end": s.end_time.strftime("%H:%M"),
                        "venue": s.venue,
                        "address": s.address,
                        "capacity": s.capacity,
                        "agency_limit": s.agency_limit,
                        "counts": s.counts,
                        "agenda": [
                            {
                                "start": b.planned_start.strftime("%H:%M"),
                                "end": b.planned_end.strftime("%H:%M"),
                                "title": b.title,
                                "kind": b.kind,
                                "speaker": b.speaker,
                                "counts_for_hours": b.counts_for_hours,
                            }
                            for b in s.agenda
                        ],
                    }
                    for s in e.sessions
                ],
            }
            for e in events
        ]
    }


def run_summary(args: argparse.Namespace, context: Context) -> int:
    events = list_events(context.db)
    if args.json:
        emit_json(summary_json(events))
        return 0
    if not events:
        print("資料庫中沒有活動。建立示範活動：workshop-desk demo")
    for e in events:
        print(f"{e.name}（{e.organiser}）")
        for s in e.sessions:
            counts = "，".join(f"{k} {v}" for k, v in s.counts.items())
            print(
                f"  {s.name} {s.date} {s.start_time:%H:%M}-{s.end_time:%H:%M} {s.venue}：{counts}"
            )
            for b in s.agenda:
                print(f"    {b.planned_start:%H:%M}-{b.planned_end:%H:%M} {b.title}")
    return 0


def run_self_test(args: argparse.Namespace, context: Context) -> int:
    from desktop.selftest import run_self_test as run

    report = run(db_target=args.db)
    if args.json:
        emit_json(report)
    else:
        for step in report["steps"]:
            print(f"{'OK ' if step['ok'] else 'FAIL'} {step['name']}: {step['detail']}")
    return 0 if report["ok"] else 1
