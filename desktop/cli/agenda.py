"""``workshop-desk agenda``: a session's blocks with planned and actual times, and the report."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from desktop.cli import CliError, Context, add_json_flag, emit_json, print_glyph_problems


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "agenda",
        help="a session's agenda: planned and actual times, credit flags, timer state; "
             "planned-vs-actual report as CSV/PDF",
    )
    parser.add_argument("--session", metavar="NAME", help="session name or id (臺/台 alike)")
    parser.add_argument("--csv", metavar="FILE", type=Path,
                        help="write planned vs actual as CSV (UTF-8 with BOM)")
    parser.add_argument("--pdf", metavar="FILE", type=Path,
                        help="write planned vs actual as an A4 PDF")
    add_json_flag(parser)
    parser.set_defaults(handler=run_agenda)


def _iso(value: dt.datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None


def agenda_json(view: Any, rows: Any, session: Any) -> dict[str, Any]:
    from desktop.core.agenda import format_clock

    state = view.state
    now = dt.datetime.now()
    timing = view.timing(now)
    current = view.row(state.block_id)
    original = {r.position: r for r in rows}
    return {
        "session": {"id": session.id, "name": session.name, "date": session.date.isoformat()},
        "blocks": [
            {
                "id": b.id,
                "position": b.position,
                "title": b.title,
                "kind": b.kind,
                "speaker": b.speaker,
                "counts_for_hours": b.counts_for_hours,
                "planned_start": _iso(b.planned_start),
                "planned_end": _iso(b.planned_end),
                "original_start": _iso(original[i].original_start),
                "original_end": _iso(original[i].original_end),
                "actual_start": _iso(b.actual_start),
                "actual_end": _iso(b.actual_end),
            }
            for i, b in enumerate(view.rows, start=1)
        ],
        "run": {
            "status": state.status.value,
            "current_block_id": state.block_id if state.finished_at is None else None,
            "current_title": current.title if current and state.finished_at is None else None,
            "started_at": _iso(state.started_at),
            "paused_at": _iso(state.paused_at),
            "paused_seconds": state.paused_seconds,
            "extra_seconds": state.extra_seconds,
            "remaining_seconds": round(timing.remaining, 1),
            "remaining": format_clock(timing.remaining) if current else None,
            "behind_seconds": round(timing.behind, 1),
            "projected_end": _iso(timing.projected_end),
            "finished_at": _iso(state.finished_at),
        },
    }


def run_agenda(args: argparse.Namespace, context: Context) -> int:
    from desktop.services import agenda as service
    from desktop.services.events import SessionNotFound, find_session

    try:
        session = find_session(context.db, args.session)
    except SessionNotFound as exc:
        raise CliError(str(exc)) from exc
    view = service.load_run(context.db, session.id)
    rows = service.planned_vs_actual(context.db, session.id)
    written = []
    for target in (args.csv, args.pdf):
        if target is not None and not target.parent.exists():
            raise CliError(f"資料夾不存在 (folder does not exist): {target.parent}")
        if target is not None and target.is_dir():
            raise CliError(f"這是資料夾，請給檔名 (a folder: give a file name): {target}")
    if args.csv is not None:
        from desktop.reports.agenda_report import write_csv

        written.append(str(write_csv(rows, args.csv)))
    if args.pdf is not None:
        from desktop.reports.agenda_report import write_pdf
        from desktop.reports.fonts import glyph_record
        from desktop.services.events import list_events

        event = next(e for e in list_events(context.db) if e.id == session.event_id)
        with glyph_record() as drawn:
            written.append(str(write_pdf(rows, session, args.pdf, event_name=event.name)))
        problems = drawn.problems()
    if args.json:
        data = agenda_json(view, rows, session)
        if written:
            data["written"] = written
        if args.pdf is not None:
            data["missing_glyphs"] = [g.as_json() for g in problems]
        emit_json(data)
        return 0
    print(f"{session.name} {session.date}（{view.state.status.value}）")
    for r in rows:
        actual = (f"{r.actual_start:%H:%M}–{r.actual_end:%H:%M}" if r.actual_start and r.actual_end
                  else f"{r.actual_start:%H:%M}–" if r.actual_start else "")
        credit = "" if r.counts_for_hours else "（不計時數）"
        print(f"  {r.planned_start:%H:%M}-{r.planned_end:%H:%M}  實際 {actual:<11} "
              f"{r.title}{credit}")
    for path in written:
        print(f"已寫入：{path}")
    if args.pdf is not None:
        print_glyph_problems(problems)
    return 0
