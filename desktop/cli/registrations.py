"""Subcommands of registrations: ``import``, ``admit``, ``roster``, ``admitted-list``.

``import`` and ``admit`` are organiser actions (the passphrase from ``WORKSHOP_DESK_PASSPHRASE``
or the terminal). ``import`` recognises people already in the database by e-mail or name +
agency, and with that passphrase also by their decrypted stored ID numbers. An import that
would move someone out of a seat (their export row names another session) writes nothing unless
``--yes`` confirms the listed changes. ``admit`` only ever moves people into free seats, so it
needs no confirmation; ``--dry-run`` lists who would move in.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import (
    CliError,
    Context,
    add_json_flag,
    emit_json,
    organiser_only,
    print_glyph_problems,
)
from desktop.core.admission import StatusChange
from desktop.core.outcomes import importing
from desktop.core.problems import CodedError
from desktop.core.vocabulary import CHANGE_REASONS, STATUS_NAMES
from desktop.services.admission import apply_admission
from desktop.services.events import SessionInfo, all_sessions
from desktop.services.importing import apply_import, plan_import, read_registration_file
from desktop.services.roster import list_roster

# What the organiser can do about a refusal, in this command's own terms (the services do not
# know the CLI's flags).
_IMPORT_HINTS = {
    "no_session_column": "（用 --session 指定場次）",
    "several_events": "（用 --session 指定場次）",
}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    imp = subparsers.add_parser(
        "import", help="import the registration form's export (CSV or XLSX) into the roster"
    )
    imp.add_argument("file", metavar="FILE", help="CSV (UTF-8 or Big5) or XLSX export")
    imp.add_argument(
        "--session",
        metavar="NAME",
        help="session for a file without a 報名場次 column (or: only this session)",
    )
    imp.add_argument("--dry-run", action="store_true", help="preview only: write nothing")
    imp.add_argument(
        "--yes",
        action="store_true",
        help="apply even when someone moves out of a seat (listed in the output)",
    )
    add_json_flag(imp)
    imp.set_defaults(handler=run_import_command)
    organiser_only(imp, "registrations.edit")

    admit = subparsers.add_parser(
        "admit", help="apply the default admission proposal (first come, capacity, agency limit)"
    )
    admit.add_argument("--session", metavar="NAME", help="one session (default: every session)")
    admit.add_argument(
        "--dry-run",
        action="store_true",
        help="preview only: who would move into a seat, write nothing",
    )
    add_json_flag(admit)
    admit.set_defaults(handler=run_admit)
    organiser_only(admit, "registrations.edit")

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


def _sessions(context: Context, name: str | None) -> list[SessionInfo]:
    if name is not None:
        return [context.session(name)]
    return list(all_sessions(context.db))


def run_import_command(args: argparse.Namespace, context: Context) -> int:
    session_id = context.session(args.session).id if args.session else None
    try:
        planned = plan_import(
            context.db,
            read_registration_file(Path(args.file)),
            session_id=session_id,
            passphrase=context.passphrase,
        )
        summary = planned.summary
        unconfirmed = () if args.yes or args.dry_run else summary.status_changes
        if not args.dry_run and not unconfirmed:
            summary = apply_import(
                context.db, planned, actor="cli", expected=summary.status_changes
            )
    except CodedError as exc:
        hint = _IMPORT_HINTS.get(exc.code, "")
        raise CliError(importing.NOTHING_IMPORTED, reason=f"{exc}{hint}", cause=exc.code) from exc
    if args.json:
        emit_json(summary.as_json())
        return 1 if unconfirmed else 0
    if unconfirmed:
        print(f"未匯入：{len(unconfirmed)} 人的錄取狀態會改變（如下）；確認後加 --yes 再執行一次")
        _print_changes(unconfirmed)
        return 1
    verb = "預覽（未寫入）" if args.dry_run else "已匯入"
    print(
        f"{verb} {summary.source}（{summary.encoding}）：讀取 {summary.rows_read} 列，"
        f"新增 {summary.imported}，更新 {summary.updated}，未變 {summary.unchanged}，"
        f"拒收 {len(summary.rejected)}，合併重複 {summary.duplicates_merged}，"
        f"待確認 {len(summary.flagged)}，本次名單中沒有 {len(summary.missing)}"
    )
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
    _print_changes(summary.status_changes)
    return 0


def _print_changes(changes: tuple[StatusChange, ...]) -> None:
    for c in changes:
        mark = "錄取" if c.new == "admitted" else "移出名額"
        print(
            f"  [{mark}] {c.session} {c.name}：{STATUS_NAMES.get(c.old, c.old)} → "
            f"{STATUS_NAMES.get(c.new, c.new)}（{CHANGE_REASONS.get(c.reason, c.reason)}）"
        )


def run_admit(args: argparse.Namespace, context: Context) -> int:
    results = [
        apply_admission(context.db, s.id, actor="cli", commit=not args.dry_run)
        for s in _sessions(context, args.session)
    ]
    if args.json:
        emit_json([r.as_json() for r in results])
        return 0
    verb = "預覽（未寫入）" if args.dry_run else ""
    for r in results:
        print(
            f"{verb}{r.session}：錄取 {r.admitted}/{r.capacity}，候補 {r.waitlisted}，"
            f"現場報名 {r.walk_in}，取消 {r.cancelled}；異動 {r.changed} 人"
            f"（每機關上限 {r.agency_limit}，因機關額滿候補 {r.over_agency_limit} 人）"
        )
        _print_changes(r.status_changes)
    return 0


def run_roster(args: argparse.Namespace, context: Context) -> int:
    session_id = context.session(args.session).id if args.session else None
    rows = list_roster(context.db, session_id)
    if args.json:
        emit_json([r.as_json() for r in rows])
        return 0
    from desktop.core.text import mask_phone

    for r in rows:
        print(
            f"{r.session}\t{r.queue:>3}\t{r.status}\t{r.name}\t{r.agency}\t{r.unit}\t{r.title}"
            f"\t{mask_phone(r.phone)}\t{r.id_mask}"
        )
    return 0


def run_admitted_list(args: argparse.Namespace, context: Context) -> int:
    from desktop.services import exports

    session = context.session(args.session)
    target = Path(args.out)
    written = exports.admitted_list(
        context.db, session.id, target, mask_names=args.mask_names, actor="cli"
    )
    count = written.rows
    if args.json:
        emit_json(
            {
                "file": str(target),
                "session": session.name,
                "rows": count,
                "missing_glyphs": [g.as_json() for g in written.missing_glyphs],
            }
        )
    else:
        print(f"上課名單已寫入 {target}（{session.name}，{count} 人）")
        print_glyph_problems(written.missing_glyphs)
    return 0
