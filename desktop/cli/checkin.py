"""``workshop-desk checkin`` (scan a pass / search and check in) and ``workshop-desk passes``.

``checkin`` follows the same rules as the window (``desktop.services.checkin``); its JSON
carries ``result`` (``ok``, ``already_checked_in``, ``already_checked_out``, ``not_checked_in``,
``not_admitted``, ``other_session``, ``other_event``, ``invalid_code``, ``forged``; with
``--search`` also ``not_found`` and ``ambiguous``) and the exit status is 0 only for ``ok``.
A check-in recorded on a day that is not the session's date counts for no hours: the JSON
carries ``warning: "not_session_day"`` (``null`` otherwise) and stderr says so.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from desktop.cli import (
    CliError,
    Context,
    add_json_flag,
    emit_json,
    organiser_only,
    print_glyph_problems,
)
from desktop.core.outcomes import checkin as checkin_words
from desktop.core.outcomes import events
from desktop.core.rocdate import roc_date
from desktop.services import checkin as service
from desktop.services import desk_search
from desktop.services.events import SessionInfo, all_sessions

DESK = "cli"


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    checkin = subparsers.add_parser(
        "checkin",
        help="check in (or sign out with --out) by pass code, or by --search TEXT",
        description="Check in a pass code the way the desk does. Exit 0 only for result ok.",
    )
    checkin.add_argument("token", nargs="?", metavar="TOKEN", help="the code read from the pass")
    checkin.add_argument(
        "--search",
        metavar="TEXT",
        help="name, agency, e-mail or last phone digits (every word must "
        "match); checks in when exactly one person matches, lists the "
        "matches otherwise",
    )
    checkin.add_argument(
        "--session", metavar="NAME", help="the desk's session (default: the pass's own session)"
    )
    checkin.add_argument("--out", action="store_true", help="sign out (簽退) instead of check in")
    checkin.add_argument("--desk", default=DESK, help=f"desk name for the log (default {DESK})")
    checkin.add_argument(
        "--nonce",
        metavar="ID",
        help="names this scan (up to 64 characters): running the command again with the same "
        "ID answers as the first time and records nothing new (a retried call)",
    )
    add_json_flag(checkin)
    checkin.set_defaults(handler=run_checkin)

    passes = subparsers.add_parser(
        "passes", help="entry passes: PDF, one PNG per attendee, CSV for mail merge"
    )
    passes.add_argument("--session", metavar="NAME", help="session name (台/臺-insensitive)")
    passes.add_argument("--out", metavar="DIR", required=True, type=Path, help="output folder")
    add_json_flag(passes)
    passes.set_defaults(handler=run_passes)
    organiser_only(passes, "export.personal_data")  # passes.csv holds e-mails


def _describe(r: service.CheckInResult) -> str:
    parts = [r.message]
    if r.name:
        parts.append(f"{r.name}（{r.agency}）")
    if r.code == "ok" and r.mode == "in":
        parts.append(f"第 {r.table} 桌" if r.table else "未排桌")
        if r.lunch:
            parts.append(f"餐食：{r.lunch}")
    if r.code in ("already_checked_in", "already_checked_out") and r.first_at:
        parts.append(f"首次報到 {r.first_at:%H:%M}（{r.first_desk or '—'}）")
    if r.code == "already_checked_out" and r.last_out_at:
        parts.append(f"簽退 {r.last_out_at:%H:%M}")
    if r.code == "other_session" and r.session_date:
        parts.append(f"{r.session_name} {roc_date(r.session_date, weekday=True)}")
    if r.code == "not_admitted":
        parts.append(f"空位 {r.seats_free}" if r.seats_free else "名額已滿")
    return "　".join(parts)


def run_checkin(args: argparse.Namespace, context: Context) -> int:
    if (args.token is None) == (args.search is None):
        raise CliError("give either a TOKEN or --search TEXT (not both)")
    if args.token is not None and not args.token.strip():
        raise CliError("TOKEN is empty: give the code read from the pass (WS1:…)")
    if args.nonce is not None and not 0 < len(args.nonce.strip()) <= 64:
        raise CliError("--nonce: give 1 to 64 characters naming this scan")
    if args.search is not None and not args.search.strip():
        raise CliError("--search is empty: give part of a name, agency, e-mail or phone")
    mode = "out" if args.out else "in"
    if args.search is not None:
        return _run_search(args, context, mode)
    session = context.session(args.session) if args.session else _own_session(context, args)
    result = service.scan(context.db, session.id, args.token, **_how(args, mode, "cli"))
    _emit(args, result, session)
    return 0 if result.ok else 1


def _how(args: argparse.Namespace, mode: str, method: str) -> service.Submission:
    return service.Submission(
        mode=mode, desk=args.desk, method=method, nonce=args.nonce.strip() if args.nonce else None
    )


def _own_session(context: Context, args: argparse.Namespace) -> SessionInfo:
    """Without --session the desk is the pass's own session (so only the code is checked)."""
    sessions = all_sessions(context.db)
    if not sessions:
        raise CliError(events.NO_SESSIONS)
    session_id = service.session_of_token(context.db, args.token)
    for s in sessions:
        if s.id == session_id:
            return s
    return sessions[0]  # a refused code: any session of the database answers the same


def _run_search(args: argparse.Namespace, context: Context, mode: str) -> int:
    sessions = [context.session(args.session)] if args.session else all_sessions(context.db)
    hits = [(s, h) for s in sessions for h in desk_search.search(context.db, s.id, args.search)]
    if len(hits) != 1:
        outcome = checkin_words.NO_MATCH if not hits else checkin_words.AMBIGUOUS
        matches = [
            {
                "registration_id": h.registration_id,
                "name": h.name,
                "agency": h.agency,
                "title": h.title,
                "session": s.name,
                "status": h.status,
                "table": h.table,
                "state": h.state,
            }
            for s, h in hits
        ]
        if args.json:
            emit_json({"result": outcome.code, "search": args.search, "matches": matches})
        else:
            print(outcome.say())
            for m in matches:
                print(f"  {m['name']}　{m['agency']}　{m['session']}　{m['status']}　{m['state']}")
        return 1
    session, hit = hits[0]
    result = service.check_in_registration(
        context.db, session.id, hit.registration_id, **_how(args, mode, "cli-search")
    )
    _emit(args, result, session)
    return 0 if result.ok else 1


NOT_SESSION_DAY = "not_session_day"


def _emit(args: argparse.Namespace, result: service.CheckInResult, session: SessionInfo) -> None:
    today = dt.date.today()
    warning = NOT_SESSION_DAY if result.ok and session.date != today else None
    if args.json:
        emit_json({**result.as_json(), "warning": warning})
    else:
        print(_describe(result))
    if warning:
        print(
            f"注意：{session.name}的日期是 {session.date:%Y-%m-%d}，今天是 {today:%Y-%m-%d}；"
            "在其他日子報到不會計入時數 (not_session_day)",
            file=sys.stderr,
        )


def run_passes(args: argparse.Namespace, context: Context) -> int:
    from desktop.services.passes import export_passes

    session = context.session(args.session)
    if args.out.exists() and not args.out.is_dir():
        raise CliError(f"--out {args.out}: not a folder")
    result = export_passes(context.db, session.id, args.out)
    if args.json:
        emit_json(result.as_json())
    else:
        print(f"{result.session}：{result.count} 張入場證")
        print(f"  PDF  {result.pdf}")
        print(f"  CSV  {result.csv}（name, email, file, room_code）")
        print(f"  PNG  {len(result.pngs)} 個檔案於 {result.pdf.parent}")
        print_glyph_problems(result.missing_glyphs)
    return 0
