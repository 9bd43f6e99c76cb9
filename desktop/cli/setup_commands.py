"""Setting up an event from nothing on the command line: ``event create`` and ``session add``.

The passphrase that seals the ID numbers is never an option (it would land in the shell
history): it comes from ``WORKSHOP_DESK_PASSPHRASE`` or is asked twice on the terminal.
"""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os

from desktop.cli import (
    PASSPHRASE_ENV,
    CliError,
    Context,
    add_json_flag,
    emit_json,
    organiser_only,
    require_console,
)
from desktop.core.newevent import check_event, explain
from desktop.core.outcomes import events, newevent
from desktop.services.events import create_event, find_session, list_events
from desktop.services.newevent import InvalidInput, add_session


def register_event_create(event_sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    create = event_sub.add_parser(
        "create", help=f"a new event in the --db file (passphrase from {PASSPHRASE_ENV} or asked)"
    )
    create.add_argument("--name", required=True, help="課程名稱")
    create.add_argument("--organiser", required=True, help="主辦單位")
    create.add_argument("--executor", default="", help="執行單位")
    add_json_flag(create)
    create.set_defaults(handler=run_event_create)


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    session = subparsers.add_parser("session", help="sessions (場次) of the event")
    session_sub = session.add_subparsers(dest="session_what", metavar="WHAT", required=True)
    add = session_sub.add_parser("add", help="add a session to the event")
    add.add_argument("--name", required=True, help="e.g. 臺北場次")
    add.add_argument("--date", required=True, type=_date, help="YYYY-MM-DD")
    add.add_argument("--start", required=True, type=_time, help="class start, HH:MM")
    add.add_argument("--end", required=True, type=_time, help="class end, HH:MM")
    add.add_argument("--venue", required=True)
    add.add_argument("--address", default="")
    add.add_argument("--capacity", type=int, default=40)
    add.add_argument("--agency-limit", type=int, default=2)
    add_json_flag(add)
    add.set_defaults(handler=run_session_add)
    organiser_only(add, "settings.edit")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式應為 YYYY-MM-DD (not a date): {text}") from None


def _time(text: str) -> dt.time:
    try:
        return dt.time.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"時間格式應為 HH:MM (not a time): {text}") from None


def _passphrase() -> tuple[str, str]:
    given = os.environ.get(PASSPHRASE_ENV)
    if given is not None:
        return given, given
    require_console()
    first = getpass.getpass("主辦密語 (organiser passphrase): ")
    return first, getpass.getpass("再輸入一次 (again): ")


def run_event_create(args: argparse.Namespace, context: Context) -> int:
    passphrase, repeat = _passphrase()
    problems = check_event(args.name, args.organiser, passphrase, repeat)
    if problems:
        raise CliError(newevent.INVALID_INPUT, problems=explain(problems))
    db = context.create_db()
    if list_events(db):
        raise CliError(events.EVENT_EXISTS, path=context.where)
    event_id = create_event(
        db,
        name=args.name.strip(),
        organiser=args.organiser.strip(),
        executor=args.executor.strip(),
        passphrase=passphrase,
        actor="cli",
    )
    if args.json:
        emit_json({"ok": True, "event_id": event_id, "database": context.where})
    else:
        print(f"已建立活動「{args.name.strip()}」：{context.where}")
        print(
            f"新增場次：workshop-desk --db {context.where} session add --name ... "
            "--date YYYY-MM-DD --start HH:MM --end HH:MM --venue ..."
        )
    return 0


def run_session_add(args: argparse.Namespace, context: Context) -> int:
    existing = list_events(context.db)
    if not existing:
        raise CliError(events.NO_EVENT_CREATE_FIRST)
    try:
        session_id = add_session(
            context.db,
            existing[0].id,
            name=args.name,
            date=args.date,
            start=args.start,
            end=args.end,
            venue=args.venue,
            address=args.address,
            capacity=args.capacity,
            agency_limit=args.agency_limit,
            actor="cli",
        )
    except InvalidInput as exc:
        raise CliError(newevent.INVALID_INPUT, problems=explain(exc.problems)) from exc
    session = find_session(context.db, str(session_id))
    if args.json:
        emit_json(
            {
                "ok": True,
                "session_id": session.id,
                "name": session.name,
                "date": session.date.isoformat(),
            }
        )
    else:
        print(f"已新增場次「{session.name}」{session.date}")
    return 0
