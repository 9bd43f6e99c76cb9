"""Subcommands of registrations: ``import``, ``admit``, ``roster``, ``admitted-list``.

``import`` recognises people already in the database by e-mail or name + agency; with the
organiser's passphrase in the environment variable ``WORKSHOP_DESK_PASSPHRASE`` it also
decrypts stored ID numbers to recognise people by ID.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from desktop.cli import CliError, Context, add_json_flag, emit_json, print_glyph_problems
from desktop.core.importing import ImportFileError
from desktop.services.events import SessionInfo, SessionNotFound, find_session, list_events
from desktop.services.registrations import (
    RegistrationError,
    apply_admission,
    import_file,
)
from desktop.services.roster import list_roster

PASSPHRASE_ENV = "WORKSHOP_DESK_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    imp = subparsers.add_parser(
        "import", help="import the registration form's export (CSV or XLSX) into the roster"
    )
    imp.add_argument("file", metavar="FILE", help="CSV (UTF-8 or Big5) or XLSX export")
    imp.add_argument("--session", metavar="NAME",
                     help="session for a file without a 報名場次 column (or: only this session)")
    imp.add_argument("--dry-run", action="store_true", help="preview only: write nothing")
    add_json_flag(imp)
    imp.set_defaults(handler=run_import_command)

    admit = subparsers.add_parser(
        "admit", help="apply the default admission proposal (first come, capacity, agency limit)"
    )
    admit.add_argument("--session", metavar="NAME", help="one session (default: every session)")
    add_json_flag(admit)
    admit.set_defaults(handler=run_admit)

    roster = subparsers.add_parser("roster", help="the roster: attendees with status and queue")
    roster.add_argument("--session", metavar="NAME", help="one session (default: every session)")
    add_json_flag(roster)
    roster.set_defaults(handler=run_roster)

    export = subparsers.add_parser(
        "admitted-list", help="write the admitted list (上課名單) as PDF or XLSX, no IDs or phones"
    )
    export.add_argument("--session", metavar="NAME", help="one session (default: the only one)")
    export.add_argument("--out", metavar="FILE", required=True, help="target .pdf or .xlsx")
    export.add_argument("--mask-names", action="store_true", help="王○明 instead of full names")
    add_json_flag(export)
    export.set_defaults(handler=run_admitted_list)


def _session(context: Context, name: str | None) -> SessionInfo:
    try:
        return find_session(context.db, name)
    except SessionNotFound as exc:
        raise CliError(str(exc)) from exc


def _sessions(context: Context, name: str | None) -> list[SessionInfo]:
    if name is not None:
        return [_session(context, name)]
    return [s for e in list_events(context.db) for s in e.sessions]


def run_import_command(args: argparse.Namespace, context: Context) -> int:
    session_id = _session(context, args.session).id if args.session else None
    try:
        summary = import_file(
            context.db, Path(args.file), session_id=session_id,
            passphrase=os.environ.get(PASSPHRASE_ENV) or None,
            commit=not args.dry_run, actor="cli",
        )
    except (ImportFileError, RegistrationError) as exc:
        raise CliError(f"{exc}；未匯入任何資料 (nothing imported)") from exc
    if args.json:
        emit_json(summary.as_json())
        return 0
    verb = "預覽（未寫入）" if args.dry_run else "已匯入"
    print(f"{verb} {summary.source}（{summary.encoding}）：讀取 {summary.rows_read} 列，"
          f"新增 {summary.imported}，更新 {summary.updated}，未變 {summary.unchanged}，"
          f"拒收 {len(summary.rejected)}，合併重複 {summary.duplicates_merged}，"
          f"待確認 {len(summary.flagged)}，本次名單中沒有 {len(summary.missing)}")
    for problem in summary.problems():
        mark = "拒收" if problem.severity == "error" else "注意"
        print(f"  [{mark}] {problem.text()}")
    for merge in summary.merges:
        print(f"  [合併] 第 {merge.merged_row} 列與第 {merge.kept_row} 列是同一人")
    shown = 20  # the whole list is in --json and on the roster screen (不在最新匯入)
    for person in summary.missing[:shown]:
        print(f"  [不在本次名單] {person.session} {person.name}（保留，未刪除）")
    if len(summary.missing) > shown:
        print(f"  [不在本次名單] …另 {len(summary.missing) - shown} 人（完整名單：--json）")
    return 0


def run_admit(args: argparse.Namespace, context: Context) -> int:
    results = [apply_admission(context.db, s.id, actor="cli") for s in _sessions(context, args.session)]
    if args.json:
        emit_json([r.as_json() for r in results])
        return 0
    for r in results:
        print(f"{r.session}：錄取 {r.admitted}/{r.capacity}，候補 {r.waitlisted}，"
              f"現場報名 {r.walk_in}，取消 {r.cancelled}；異動 {r.changed} 人"
              f"（每機關上限 {r.agency_limit}，因機關額滿候補 {r.over_agency_limit} 人）")
    return 0


def run_roster(args: argparse.Namespace, context: Context) -> int:
    session_id = _session(context, args.session).id if args.session else None
    rows = list_roster(context.db, session_id)
    if args.json:
        emit_json([r.as_json() for r in rows])
        return 0
    from desktop.core.text import mask_phone

    for r in rows:
        print(f"{r.session}\t{r.queue:>3}\t{r.status}\t{r.name}\t{r.agency}\t{r.unit}\t{r.title}"
              f"\t{mask_phone(r.phone)}\t{r.id_mask}")
    return 0


def run_admitted_list(args: argparse.Namespace, context: Context) -> int:
    from desktop.reports.admitted_list import write_admitted_list
    from desktop.reports.fonts import glyph_record

    session = _session(context, args.session)
    target = Path(args.out)
    if target.suffix.lower() not in (".pdf", ".xlsx"):
        raise CliError(f"{target.name}: 請用 .pdf 或 .xlsx 副檔名")
    rows = [r for r in list_roster(context.db, session.id) if r.status == "admitted"]
    event = next(e for e in list_events(context.db) if e.id == session.event_id)
    with glyph_record() as drawn:
        count = write_admitted_list(target, event, session, rows, mask_names=args.mask_names)
    if args.json:
        emit_json({"file": str(target), "session": session.name, "rows": count,
                   "missing_glyphs": [g.as_json() for g in drawn.problems()]})
    else:
        print(f"上課名單已寫入 {target}（{session.name}，{count} 人）")
        print_glyph_problems(drawn.problems())
    return 0
