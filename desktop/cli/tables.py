"""``workshop-desk tables ...``: tables, the seating plan, and its paper (tent cards, rosters)."""

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
from desktop.core.outcomes import tables as words
from desktop.core.seating import Unmet
from desktop.core.text import match_key
from desktop.services import seating, table_setup
from desktop.services.seatview import SeatingView, SeatMember


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    tables = subparsers.add_parser("tables", help="workshop tables, seating plan, tent cards")
    sub = tables.add_subparsers(dest="tables_command", metavar="ACTION", required=True)

    def session_parser(name: str, help_text: str) -> argparse.ArgumentParser:
        parser = sub.add_parser(name, help=help_text)
        parser.add_argument("--session", metavar="NAME", help="session name (e.g. 臺北場次) or id")
        return parser

    assign = session_parser("assign", "seat people at the tables (pins and leaders stay)")
    assign.add_argument(
        "--on-arrival", action="store_true", help="seat only people who have checked in"
    )
    add_json_flag(assign)
    assign.set_defaults(handler=run_assign)
    organiser_only(assign, "tables.edit")

    show = session_parser("show", "tables with leader, members and unmet goals")
    add_json_flag(show)
    show.set_defaults(handler=run_show)

    template = session_parser("template", "set the tables: COUNT tables of CAPACITY chairs")
    template.add_argument("--count", type=int, required=True)
    template.add_argument("--capacity", type=int, required=True)
    template.set_defaults(handler=run_template)
    organiser_only(template, "tables.edit")

    leader = session_parser("leader", "set a table's leader (桌長)")
    leader.add_argument("--table", type=int, required=True, metavar="NUMBER")
    leader.add_argument("--name", required=True)
    leader.add_argument("--unit", default=None)
    leader.add_argument("--contact", default=None)
    leader.set_defaults(handler=run_leader)
    organiser_only(leader, "tables.edit")

    place = session_parser("location", "note where a table is (shown on the room page /me)")
    place.add_argument("--table", type=int, required=True, metavar="NUMBER")
    place.add_argument(
        "--text", required=True, metavar="TEXT", help='e.g. "靠窗第二排"; "" clears it'
    )
    place.set_defaults(handler=run_location)
    organiser_only(place, "tables.edit")

    move = session_parser("move", "move a person to a table (pinned unless --no-pin)")
    move.add_argument("--person", required=True, metavar="NAME")
    move.add_argument(
        "--table",
        type=int,
        required=True,
        metavar="NUMBER",
        help="table number; 0 takes the seat away",
    )
    move.add_argument("--no-pin", action="store_true")
    move.set_defaults(handler=run_move)
    organiser_only(move, "tables.edit")

    for name, pinned in (("pin", True), ("unpin", False)):
        pin = session_parser(name, f"{name} a person at their table")
        pin.add_argument("--person", required=True, metavar="NAME")
        pin.set_defaults(handler=run_pin, pinned=pinned)
        organiser_only(pin, "tables.edit")

    mode = session_parser("on-arrival", "seat people when they check in: on or off")
    mode.add_argument("state", choices=("on", "off"))
    mode.set_defaults(handler=run_mode)
    organiser_only(mode, "tables.edit")

    pdf = session_parser("pdf", "print tent cards (桌牌), leaders' rosters or the overview")
    pdf.add_argument("kind", choices=("tents", "rosters", "overview"))
    pdf.add_argument("--out", required=True, metavar="FILE")
    add_json_flag(pdf)
    pdf.set_defaults(handler=run_pdf)


def _print_view(view: SeatingView, unmet: tuple[Unmet, ...] | None = None) -> None:
    print(f"{view.session_name}{'（報到時分桌）' if view.on_arrival else ''}")
    for t in view.tables:
        mark = f"　⚠ 同機關：{'、'.join(t.conflicts)}" if t.conflicts else ""
        print(f"第 {t.number} 桌　桌長 {t.leader_name or '—'}　{t.size}/{t.capacity} 人{mark}")
        for m in t.members:
            flags = ("📌" if m.pinned else "") + ("（桌長）" if m.is_leader else "")
            print(f"    {m.name}{flags}　{m.agency}")
    if view.unseated:
        print(f"未分桌 {len(view.unseated)} 人：" + "、".join(m.name for m in view.unseated))
    for u in view.unmet if unmet is None else unmet:
        print(f"未達成：{u.message}")


def run_assign(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    result = seating.assign(context.db, session.id, on_arrival=args.on_arrival, actor="cli")
    if args.json:
        data = result.view.as_json()
        data["unmet"] = [u.as_json() for u in result.unmet]
        data["seated"], data["moved"] = result.seated, result.moved
        emit_json(data)
    else:
        print(f"已分桌 {result.seated} 人，{result.moved} 人換桌")
        _print_view(result.view, result.unmet)  # the plan's reasons, as in --json
    return 0


def run_show(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    view = seating.show(context.db, session.id)
    if args.json:
        emit_json(view.as_json())
    else:
        _print_view(view)
    return 0


def run_template(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    table_setup.apply_template(context.db, session.id, args.count, args.capacity, actor="cli")
    print(f"{session.name}：{args.count} 桌，每桌 {args.capacity} 人")
    return 0


def _table_id(view: SeatingView, number: int) -> int:
    for t in view.tables:
        if t.number == number:
            return t.id
    numbers = "、".join(str(t.number) for t in view.tables) or "（無）"
    raise CliError(words.NO_SUCH_TABLE, session=view.session_name, n=number, numbers=numbers)


def run_leader(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    view = seating.show(context.db, session.id)
    table_setup.update_table(
        context.db,
        _table_id(view, args.table),
        leader_name=args.name,
        leader_unit=args.unit,
        leader_contact=args.contact,
        actor="cli",
    )
    print(f"第 {args.table} 桌桌長：{args.name}")
    return 0


def run_location(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    view = seating.show(context.db, session.id)
    table_setup.update_table(
        context.db, _table_id(view, args.table), location=args.text, actor="cli"
    )
    print(f"第 {args.table} 桌位置：{args.text or '（未註明）'}")
    return 0


def _person(view: SeatingView, name: str) -> SeatMember:
    key = match_key(name)
    everyone = [m for t in view.tables for m in t.members] + list(view.unseated)
    found = [m for m in everyone if match_key(m.name) == key]
    if len(found) == 1:
        return found[0]
    if not found:
        raise CliError(words.NO_SUCH_PERSON, session=view.session_name, name=name)
    raise CliError(words.AMBIGUOUS_PERSON, session=view.session_name, name=name, count=len(found))


def run_move(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    view = seating.show(context.db, session.id)
    person = _person(view, args.person)
    table_id = None if args.table == 0 else _table_id(view, args.table)
    seating.move_person(
        context.db, person.registration_id, table_id, pinned=not args.no_pin, actor="cli"
    )
    print(f"{person.name} → {'未分桌' if table_id is None else f'第 {args.table} 桌'}")
    return 0


def run_pin(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    person = _person(seating.show(context.db, session.id), args.person)
    seating.set_pinned(context.db, person.registration_id, args.pinned, actor="cli")
    print(f"{person.name}：{'已釘選' if args.pinned else '已取消釘選'}")
    return 0


def run_mode(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    seating.set_on_arrival(context.db, session.id, args.state == "on", actor="cli")
    print(f"{session.name}：報到時分桌 {'開啟' if args.state == 'on' else '關閉'}")
    return 0


def run_pdf(args: argparse.Namespace, context: Context) -> int:
    from desktop.core.problems import CodedError
    from desktop.services import exports

    session = context.session(args.session)
    out = Path(args.out)
    if not out.parent.exists():
        raise CliError(f"--out {args.out}: folder does not exist: {out.parent}")
    try:
        written = exports.tables_pdf(context.db, session.id, args.kind, out)
    except CodedError as exc:
        if exc.code != "tables_not_set":
            raise
        raise CliError(words.SET_TABLES_FIRST, problem=exc, **exc.params) from None
    if args.json:
        emit_json(
            {
                "out": str(out),
                "session": session.name,
                "kind": args.kind,
                "missing_glyphs": [g.as_json() for g in written.missing_glyphs],
            }
        )
    else:
        print(str(out))
        print_glyph_problems(written.missing_glyphs)
    return 0
