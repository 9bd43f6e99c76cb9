"""``workshop-desk vote open|show|close|ballot|revoke|export``: the room's PB vote.

``open``, ``close``, ``ballot`` (a paper ballot typed at the desk, final against the web
page), ``revoke`` (take a voter's web pass) and ``export`` are organiser actions: the
passphrase comes from ``WORKSHOP_DESK_PASSPHRASE`` or the terminal. ``show`` is read-only
and, while the vote is open, shows turnout but no votes.
"""

from __future__ import annotations

import argparse
import getpass
from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.cli import PASSPHRASE_ENV, CliError, Context, add_json_flag, emit_json, organiser_only
from desktop.core.vocabulary import VOTE_RULE_NAMES
from desktop.core.vote import Method, Rules, VoteState, beyond_budget
from desktop.services.vote import (
    close_vote,
    left_out_proposals,
    open_vote,
    vote_state,
)
from desktop.services.vote_ballots import cast_paper_ballot, revoke_web_pass


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    vote = subparsers.add_parser("vote", help="the room's participatory-budgeting vote (投票)")
    sub = vote.add_subparsers(dest="vote_command", metavar="ACTION", required=True)
    organiser = f"(organiser: passphrase from ${PASSPHRASE_ENV} or the terminal)"

    opening = sub.add_parser("open", help=f"open the vote on the tables' proposals {organiser}")
    opening.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    opening.add_argument("--budget", required=True, type=int, metavar="N", help="budget in NT$")
    opening.add_argument("--method", required=True, choices=[m.value for m in Method])
    opening.add_argument(
        "--max-approvals",
        type=int,
        metavar="K",
        help="approval: each voter approves at most K projects",
    )
    add_json_flag(opening)
    organiser_only(opening, "vote.run")
    opening.set_defaults(handler=run_open)

    show = sub.add_parser("show", help="status, turnout; after close the votes and funded sets")
    show.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    add_json_flag(show)
    show.set_defaults(handler=run_show)

    closing = sub.add_parser("close", help=f"close the vote and count it {organiser}")
    closing.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    add_json_flag(closing)
    organiser_only(closing, "vote.run")
    closing.set_defaults(handler=run_close)

    ballot = sub.add_parser("ballot", help=f"type in a paper ballot {organiser}")
    ballot.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    ballot.add_argument(
        "--voter",
        required=True,
        type=int,
        metavar="REGISTRATION_ID",
        help="the voter's registration_id (roster --json)",
    )
    ballot.add_argument(
        "--approve",
        required=True,
        type=int,
        nargs="+",
        metavar="ID",
        help="project ids on the ballot (vote show)",
    )
    add_json_flag(ballot)
    organiser_only(ballot, "vote.run")
    ballot.set_defaults(handler=run_ballot)

    revoke = sub.add_parser(
        "revoke",
        help=f"take a voter's web pass: only a paper ballot at the desk from now {organiser}",
    )
    revoke.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    revoke.add_argument(
        "--voter",
        required=True,
        type=int,
        metavar="REGISTRATION_ID",
        help="the voter's registration_id (roster --json)",
    )
    add_json_flag(revoke)
    organiser_only(revoke, "vote.run")
    revoke.set_defaults(handler=run_revoke)

    export = sub.add_parser("export", help=f"the closed vote as a pabulib .pb file {organiser}")
    export.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    export.add_argument("--out", required=True, metavar="FILE.pb")
    add_json_flag(export)
    organiser_only(export, "vote.run")
    export.set_defaults(handler=run_export)


def _actor() -> str:
    """Who typed the command, for the audit log (the passphrase was checked before it ran)."""
    return f"cli:{getpass.getuser()}"


def state_json(state: VoteState) -> dict[str, Any]:
    result = state.result
    data: dict[str, Any] = {
        "session": state.session_name,
        "status": state.status,
        "budget": state.budget,
        "method": state.method,
        "max_approvals": state.max_approvals,
        "turnout": {"ballots": state.ballots, "checked_in": state.checked_in},
        "projects": [
            # ``table``: the proposing table; a merged proposal names every table in ``tables``.
            {
                "id": p.id,
                "title": p.title,
                "table": p.tables[0] if p.tables else None,
                "tables": list(p.tables),
                "cost": p.cost,
                "votes": result.votes.get(p.id, 0) if result else None,
            }
            for p in state.on_ballot
        ],
    }
    if result is not None:
        data["funded"] = {"greedy": list(result.greedy), "equal_shares": list(result.equal_shares)}
    return data


def _print_state(state: VoteState) -> None:
    labels = {"none": "尚未建立投票單", "draft": "投票單草稿", "open": "投票中", "closed": "已結束"}
    print(
        f"{state.session_name}：{labels.get(state.status, state.status)}，"
        f"預算 NT$ {state.budget:,}，"
        f"方式 {state.method}，已投 {state.ballots} / 已報到 {state.checked_in}"
    )
    result = state.result
    for p in state.on_ballot:
        votes = f"\t{result.votes.get(p.id, 0)} 票" if result else ""
        marks = ""
        if result:
            marks = ("\t" + VOTE_RULE_NAMES["greedy"] if p.id in result.greedy else "") + (
                "\t" + VOTE_RULE_NAMES["equal_shares"] if p.id in result.equal_shares else ""
            )
        print(f"  {p.id}. {p.title}（{p.table_label}，NT$ {p.cost:,}）{votes}{marks}")


def _changed(args: argparse.Namespace, change: Callable[[], VoteState]) -> int:
    """Run an open/close; print the vote as it is now (a refusal exits 2 in ``main``)."""
    return _emit(args, change(), ok=True)


def _emit(args: argparse.Namespace, state: VoteState, **extra: object) -> int:
    if args.json:
        emit_json({**extra, **state_json(state)})
    else:
        _print_state(state)
    return 0


def run_open(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    actor = _actor()
    rules = Rules(Method(args.method), args.budget, args.max_approvals)
    state = open_vote(context.db, session.id, rules, actor=actor)
    left_out = left_out_proposals(context.db, session.id)
    beyond = beyond_budget(state.rules, state.on_ballot)
    if args.json:
        emit_json(
            {
                "ok": True,
                **state_json(state),
                "left_out": [
                    {"table": p.table, "title": p.title, "reason": str(p.left_out_because)}
                    for p in left_out
                ],
                "beyond_budget": [p.id for p in beyond],
            }
        )
        return 0
    _print_state(state)
    for p in left_out:
        print(f"  未列入：{p.label}：{p.left_out_because}")
    for project in beyond:
        print(f"  不能選（經費超過總預算）：{project.id}. {project.title}")
    return 0


def run_show(args: argparse.Namespace, context: Context) -> int:
    return _emit(args, vote_state(context.db, context.session(args.session).id))


def run_close(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    actor = _actor()
    return _changed(args, lambda: close_vote(context.db, session.id, actor=actor))


def run_ballot(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    actor = _actor()
    result = cast_paper_ballot(context.db, session.id, args.voter, args.approve, actor=actor)
    if args.json:
        emit_json(
            {
                "ok": result.ok,
                "result": result.result,
                "message": result.message,
                "replaced": result.replaced,
                "approvals": list(result.approvals),
            }
        )
    else:
        print(result.message if result.ok else f"未計入：{result.message}（{result.result}）")
    return 0 if result.ok else 1


def run_revoke(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    revoke_web_pass(context.db, session.id, args.voter, actor=_actor())
    if args.json:
        emit_json({"ok": True, "session": session.name, "voter": args.voter})
    else:
        print(f"已收回報名序號 {args.voter} 的手機投票；請在報到台投紙本票")
    return 0


def run_export(args: argparse.Namespace, context: Context) -> int:
    from desktop.services import exports

    out = Path(args.out).expanduser()
    if out.suffix.lower() != ".pb":
        raise CliError(f"--out {args.out}: the extension must be .pb")
    if not out.parent.is_dir():
        raise CliError(f"--out {args.out}: folder does not exist: {out.parent}")
    session = context.session(args.session)
    exports.vote_pabulib(context.db, session.id, out)
    if args.json:
        emit_json({"ok": True, "out": str(out), "session": session.name})
    else:
        print(f"已匯出 {out}")
    return 0
