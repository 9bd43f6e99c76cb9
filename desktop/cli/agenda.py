"""``workshop-desk agenda``: a session's blocks with planned and actual times, and the report;
``agenda add|import|remove`` give a session made with ``session add`` its agenda (without
credit blocks nobody earns learning hours)."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli import (
    CliError,
    Context,
    add_json_flag,
    emit_json,
    organiser_only,
    print_glyph_problems,
)
from desktop.core.agenda_csv import CLI_KINDS, NO_CREDIT_KINDS, decode, read_agenda
from desktop.core.outcomes import agenda

if TYPE_CHECKING:
    from desktop.services.events import SessionInfo


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "agenda",
        help="a session's agenda: planned and actual times, credit flags, timer state; "
        "planned-vs-actual report as CSV/PDF",
    )
    parser.add_argument("--session", metavar="NAME", help="session name or id (臺/台 alike)")
    parser.add_argument(
        "--csv", metavar="FILE", type=Path, help="write planned vs actual as CSV (UTF-8 with BOM)"
    )
    parser.add_argument(
        "--pdf", metavar="FILE", type=Path, help="write planned vs actual as an A4 PDF"
    )
    add_json_flag(parser)
    parser.set_defaults(handler=run_agenda)
    sub = parser.add_subparsers(dest="agenda_what", metavar="add|import|remove")

    def child(name: str, text: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=text)
        # SUPPRESS: ``agenda --session X add`` keeps the parent's value.
        p.add_argument(
            "--session",
            metavar="NAME",
            default=argparse.SUPPRESS,
            help="session name (臺/台 alike)",
        )
        add_json_flag(p)
        organiser_only(p, "agenda.edit")
        return p

    add = child("add", "add one block to a session's agenda")
    add.add_argument("--start", required=True, type=_hhmm, metavar="HH:MM")
    add.add_argument("--end", required=True, type=_hhmm, metavar="HH:MM")
    add.add_argument("--title", required=True, metavar="T")
    add.add_argument(
        "--kind",
        choices=tuple(CLI_KINDS),
        default="lecture",
        help="lecture (default), workshop, break, lunch, checkin, report",
    )
    add.add_argument("--speaker", default="", metavar="S")
    add.add_argument(
        "--no-credit",
        action="store_true",
        help="the block carries no learning-hours credit (break, lunch and checkin never do)",
    )
    add.set_defaults(handler=run_add)
    imp = child(
        "import", "import an agenda CSV (起迄時間, 活動議程, 主講人) into a session with no agenda"
    )
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.set_defaults(handler=run_import)
    remove = child("remove", "remove a block (--id, see agenda --json) or all blocks")
    which = remove.add_mutually_exclusive_group(required=True)
    which.add_argument("--id", type=int, metavar="ID", help="the block's id")
    which.add_argument("--all", action="store_true", help="every block of the session")
    remove.set_defaults(handler=run_remove)


def _hhmm(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text.strip().zfill(5))
    except ValueError:
        raise argparse.ArgumentTypeError(f"須為 HH:MM（got {text!r}）") from None


def _blocks_out(args: argparse.Namespace, context: Context, session: SessionInfo, done: str) -> int:
    from desktop.services import agenda as service

    rows = service.list_blocks(context.db, session.id)
    if args.json:
        emit_json(
            {
                "session": session.name,
                "done": done,
                "blocks": [
                    {
                        "id": r.id,
                        "title": r.title,
                        "kind": r.kind,
                        "start": f"{r.planned_start:%H:%M}",
                        "end": f"{r.planned_end:%H:%M}",
                        "speaker": r.speaker,
                        "counts_for_hours": r.counts_for_hours,
                    }
                    for r in rows
                ],
            }
        )
        return 0
    print(f"{session.name}：{done}")
    for r in rows:
        credit = "" if r.counts_for_hours else "（不計時數）"
        print(f"  [{r.id}] {r.planned_start:%H:%M}-{r.planned_end:%H:%M}  {r.title}{credit}")
    return 0


def run_add(args: argparse.Namespace, context: Context) -> int:
    from desktop.services import agenda as service

    session = context.session(getattr(args, "session", None))
    kind = CLI_KINDS[args.kind]
    data = service.BlockInput(
        args.title,
        kind,
        args.start,
        args.end,
        args.speaker,
        counts_for_hours=not args.no_credit and kind not in NO_CREDIT_KINDS,
    )
    service.add_block(context.db, session.id, data, actor="cli")
    return _blocks_out(args, context, session, f"已加入「{args.title.strip()}」")


def run_import(args: argparse.Namespace, context: Context) -> int:
    from desktop.services import agenda as service

    session = context.session(getattr(args, "session", None))
    try:
        lines = read_agenda(decode(args.file.read_bytes()), str(args.file))
    except OSError as exc:
        raise CliError(agenda.CSV_UNREADABLE, file=args.file, detail=exc.strerror or exc) from None
    try:
        count = service.import_blocks(context.db, session.id, lines, actor="cli")
    except service.AgendaInputError as exc:
        # The service names no command; the way to clear is the CLI's to say.
        if exc.outcome is agenda.AGENDA_NOT_EMPTY:
            raise CliError(agenda.CLEAR_FIRST, file=args.file, problem=exc, **exc.params) from None
        raise
    return _blocks_out(args, context, session, f"已匯入 {count} 段")


def run_remove(args: argparse.Namespace, context: Context) -> int:
    from desktop.services import agenda as service

    session = context.session(getattr(args, "session", None))
    if args.all:
        count = service.clear_agenda(context.db, session.id, actor="cli")
    elif args.id not in {r.id for r in service.list_blocks(context.db, session.id)}:
        raise CliError(agenda.BLOCK_NOT_IN_SESSION, session=session.name, id=args.id)
    else:
        service.delete_block(context.db, args.id, actor="cli")
        count = 1
    return _blocks_out(args, context, session, f"已移除 {count} 段")


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
    from desktop.services import agenda_run as service

    session = context.session(args.session)
    view = service.load_run(context.db, session.id)
    rows = service.planned_vs_actual(context.db, session.id)
    written = []
    for flag, target in (("--csv", args.csv), ("--pdf", args.pdf)):
        if target is not None and not target.parent.exists():
            raise CliError(f"{flag} {target}: folder does not exist: {target.parent}")
    from desktop.reports.fonts import GlyphProblem
    from desktop.services import exports

    problems: tuple[GlyphProblem, ...] = ()
    if args.csv is not None:
        written.append(exports.agenda_report(context.db, session.id, args.csv, "csv"))
    if args.pdf is not None:
        pdf = exports.agenda_report(context.db, session.id, args.pdf, "pdf")
        written.append(pdf)
        problems = pdf.missing_glyphs
    if args.json:
        data = agenda_json(view, rows, session)
        if written:
            data["written"] = [str(w.path) for w in written]
        if args.pdf is not None:
            data["missing_glyphs"] = [g.as_json() for g in problems]
        emit_json(data)
        return 0
    print(f"{session.name} {session.date}（{view.state.status.value}）")
    for r in rows:
        actual = (
            f"{r.actual_start:%H:%M}–{r.actual_end:%H:%M}"
            if r.actual_start and r.actual_end
            else f"{r.actual_start:%H:%M}–"
            if r.actual_start
            else ""
        )
        credit = "" if r.counts_for_hours else "（不計時數）"
        print(
            f"  {r.planned_start:%H:%M}-{r.planned_end:%H:%M}  實際 {actual:<11} {r.title}{credit}"
        )
    for w in written:
        print(f"已寫入：{w.path}")
    if args.pdf is not None:
        print_glyph_problems(problems)
    return 0
