"""``workshop-desk survey template|open|close|answer|show|export``: the course questionnaire
(課後問卷).

Organiser actions (passphrase from ``WORKSHOP_DESK_PASSPHRASE`` or the terminal): changing the
template (``template --file``), ``open``, ``close``, ``answer`` (a paper form typed at the
desk) and ``export``. ``template`` without ``--file`` and ``show`` are read-only; ``show`` gives
counts, means and comments only after the close.
"""

from __future__ import annotations

import argparse
import getpass
import json
from pathlib import Path
from typing import Any

from desktop.cli import PASSPHRASE_ENV, CliError, Context, add_json_flag, emit_json, organiser_only
from desktop.core.survey import SCALE_LABELS, Kind, parse_template
from desktop.services.survey import (
    SurveyState,
    answer,
    close_survey,
    comments,
    open_survey,
    set_template,
    survey_state,
)

STATUS_NAMES = {"none": "尚未建立", "draft": "草稿", "open": "作答中", "closed": "已結束"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    survey = subparsers.add_parser("survey", help="the course questionnaire (課後問卷)")
    sub = survey.add_subparsers(dest="survey_command", metavar="ACTION", required=True)
    organiser = f"(organiser: passphrase from ${PASSPHRASE_ENV} or the terminal)"

    template = sub.add_parser(
        "template", help=f"show the questionnaire's items; --file replaces them {organiser}"
    )
    _session_arg(template)
    template.add_argument(
        "--file", metavar="FILE.json", help='items as [{"id", "text", "kind": "scale|text"}]'
    )
    add_json_flag(template)
    organiser_only(template, lambda args: "survey.run" if args.file else None)
    template.set_defaults(handler=run_template)

    for name, handler, text in (
        ("open", run_open, "open the questionnaire for answers"),
        ("close", run_close, "close it: erase who answered what, count"),
    ):
        action = sub.add_parser(name, help=f"{text} {organiser}")
        _session_arg(action)
        add_json_flag(action)
        organiser_only(action, "survey.run")
        action.set_defaults(handler=handler)

    typed = sub.add_parser("answer", help=f"type in a paper form {organiser}")
    _session_arg(typed)
    typed.add_argument(
        "--voter",
        required=True,
        type=int,
        metavar="REGISTRATION_ID",
        help="the attendee's registration_id (roster --json)",
    )
    typed.add_argument(
        "--answers", required=True, metavar="FILE.json", help='{"<item id>": 1-5 or text}'
    )
    add_json_flag(typed)
    organiser_only(typed, "survey.run")
    typed.set_defaults(handler=run_answer)

    show = sub.add_parser("show", help="status, responses; after close counts, means, comments")
    _session_arg(show)
    add_json_flag(show)
    show.set_defaults(handler=run_show)

    export = sub.add_parser("export", help=f"the closed questionnaire as PDF or XLSX {organiser}")
    _session_arg(export)
    export.add_argument("--out", required=True, metavar="FILE.pdf|FILE.xlsx")
    export.add_argument(
        "--all-sessions",
        action="store_true",
        help="every session of the course with a closed questionnaire, side by side",
    )
    add_json_flag(export)
    organiser_only(export, "survey.run")
    export.set_defaults(handler=run_export)


def _session_arg(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--session", required=True, metavar="NAME", help="session name or id")


def _actor() -> str:
    """Who typed the command, for the audit log (the passphrase was checked before it ran)."""
    return f"cli:{getpass.getuser()}"


def _read_json(option: str, name: str) -> Any:
    path = Path(name).expanduser()
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise CliError(f"{option} {name}: cannot read: {exc.strerror}") from None
    except (UnicodeDecodeError, ValueError) as exc:
        raise CliError(f"{option} {name}: not UTF-8 JSON: {exc}") from None


def state_json(state: SurveyState) -> dict[str, Any]:
    by_id = {r.item.id: r for r in state.results}
    items = []
    for item in state.items:
        entry: dict[str, Any] = item.as_json()
        if item.kind == Kind.SCALE:
            result = by_id.get(item.id)
            entry["counts"] = list(result.counts) if result else None
            entry["mean"] = result.mean if result else None
        items.append(entry)
    return {
        "status": state.status,
        "responses": state.responses,
        "checked_in": state.checked_in,
        "items": items,
        "comments": comments(state) if state.closed else None,
    }


def _print_state(state: SurveyState) -> None:
    print(
        f"{state.session_name}：課後問卷{STATUS_NAMES.get(state.status, state.status)}，"
        f"回覆 {state.responses} / 已報到 {state.checked_in}"
    )
    by_id = {r.item.id: r for r in state.results}
    for number, item in enumerate(state.items, start=1):
        kind = "量表" if item.kind == Kind.SCALE else "開放題"
        line = f"  {number}. [{item.id}] {item.text}（{kind}）"
        result = by_id.get(item.id)
        if result is not None and item.kind == Kind.SCALE:
            counts = " ".join(
                f"{label}{n}" for label, n in zip(SCALE_LABELS, result.counts, strict=True)
            )
            mean = "—" if result.mean is None else f"{result.mean:.2f}"
            line += f"\t{counts}\t平均 {mean}"
        elif result is not None:
            line += f"\t{len(result.texts)} 則"
        print(line)


def _emit(args: argparse.Namespace, state: SurveyState, **extra: object) -> int:
    if args.json:
        emit_json({**extra, **state_json(state)})
    else:
        _print_state(state)
    return 0


def run_template(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    if args.file:
        items = parse_template(_read_json("--file", args.file))
        state = set_template(context.db, session.id, items, actor=_actor())
        return _emit(args, state, ok=True)
    return _emit(args, survey_state(context.db, session.id))


def run_open(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    return _emit(args, open_survey(context.db, session.id, actor=_actor()), ok=True)


def run_close(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    return _emit(args, close_survey(context.db, session.id, actor=_actor()), ok=True)


def run_show(args: argparse.Namespace, context: Context) -> int:
    return _emit(args, survey_state(context.db, context.session(args.session).id))


def run_answer(args: argparse.Namespace, context: Context) -> int:
    session = context.session(args.session)
    answers = _read_json("--answers", args.answers)
    if not isinstance(answers, dict):
        raise CliError(
            f'--answers {args.answers}: give an object {{"<item id>": score or text, ...}}'
        )
    done = answer(context.db, session.id, args.voter, answers, paper_by=_actor())
    if args.json:
        emit_json({"ok": True, "replaced": done.replaced})
    else:
        print("已取代先前的回覆" if done.replaced else "已記錄這份問卷")
    return 0


def run_export(args: argparse.Namespace, context: Context) -> int:
    from desktop.services import exports
    from desktop.services.events import event_of_session

    out = Path(args.out).expanduser()
    if not out.parent.is_dir():
        raise CliError(f"--out {args.out}: folder does not exist: {out.parent}")
    session = context.session(args.session)
    ids: tuple[int, ...] = (session.id,)
    if args.all_sessions:
        course = event_of_session(context.db, session.id)
        ids = tuple(
            s.id for s in course.sessions if survey_state(context.db, s.id).status == "closed"
        )
    written = exports.survey_results(context.db, ids, out)
    if args.json:
        emit_json({"ok": True, "responses": written.rows, **written.as_json()})
    else:
        print(f"已匯出 {out}（{written.rows} 份回覆）")
    return 0
