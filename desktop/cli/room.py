"""``workshop-desk room-code show|replace`` and ``workshop-desk handouts add|list|remove``.

Room codes are desk work: the desk shows or prints a walk-in's code and replaces a lost one
while the person waits (the organiser may be anywhere in the building). Replacing cannot
reveal anything and only shuts out the old code, and the audit log records who did it for
whom (never the code). Adding and removing handouts changes what the whole room downloads:
an organiser action (``handouts.edit``); listing them is desk work.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from desktop.cli import PASSPHRASE_ENV, Context, add_json_flag, emit_json, organiser_only


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    codes = subparsers.add_parser(
        "room-code", help="a person's room code for the room page and the vote (房間碼)"
    )
    code_sub = codes.add_subparsers(dest="room_code_command", metavar="ACTION", required=True)
    for name, text in (
        ("show", "show (or print) one person's code; issued if they had none"),
        ("replace", "give the person a new code: the old one stops working at once"),
    ):
        action = code_sub.add_parser(name, help=text)
        action.add_argument("--session", required=True, metavar="NAME", help="session name or id")
        action.add_argument(
            "--person",
            required=True,
            metavar="NAME|REGISTRATION_ID",
            help="name or registration id",
        )
        add_json_flag(action)
        action.set_defaults(handler=run_room_code, replace=name == "replace")

    handouts = subparsers.add_parser("handouts", help="the session's handouts (講義) for /me")
    sub = handouts.add_subparsers(dest="handouts_command", metavar="ACTION", required=True)
    organiser = f"(organiser: passphrase from ${PASSPHRASE_ENV} or the terminal)"
    add = sub.add_parser("add", help=f"add a PDF, PPTX, DOCX or ZIP file {organiser}")
    add.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    add.add_argument("file", metavar="FILE")
    add.add_argument("--title", default="", metavar="T", help="title shown (default: file name)")
    add_json_flag(add)
    organiser_only(add, "handouts.edit")
    add.set_defaults(handler=run_add)

    listing = sub.add_parser("list", help="the session's handouts")
    listing.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    add_json_flag(listing)
    listing.set_defaults(handler=run_list)

    remove = sub.add_parser("remove", help=f"remove a handout {organiser}")
    remove.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    remove.add_argument("--id", required=True, type=int, metavar="ID", help="handout id (list)")
    add_json_flag(remove)
    organiser_only(remove, "handouts.edit")
    remove.set_defaults(handler=run_remove)


def run_room_code(args: argparse.Namespace, context: Context) -> int:
    from desktop.services import room

    session = context.session(args.session)
    act = room.replace_code if args.replace else room.show_code
    shown = act(context.db, session.id, args.person, actor="cli")
    if args.json:
        emit_json({"ok": True, **shown.as_json(), "replaced": args.replace})
    else:
        done = "新的房間碼（舊碼已失效）" if args.replace else "房間碼"
        print(
            f"{shown.name}（{shown.session}，報名編號 {shown.registration_id}）{done}：{shown.code}"
        )
    return 0


def _size(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{size / 1024:.0f} KB"


def run_add(args: argparse.Namespace, context: Context) -> int:
    from desktop.services.handouts import add_handout

    session = context.session(args.session)
    added = add_handout(context.db, session.id, Path(args.file), title=args.title, actor="cli")
    if args.json:
        emit_json({"ok": True, "session": session.name, **added.as_json()})
    else:
        print(f"已加入講義 #{added.id}「{added.title}」{added.file_name}（{_size(added.size)}）")
    return 0


def run_list(args: argparse.Namespace, context: Context) -> int:
    from desktop.core.handouts import MAX_FILE, MAX_SESSION
    from desktop.services.handouts import list_handouts

    session = context.session(args.session)
    found = list_handouts(context.db, session.id)
    total = sum(h.size for h in found)
    if args.json:
        emit_json(
            {
                "session": session.name,
                "handouts": [h.as_json() for h in found],
                "bytes": total,
                "limit_file_bytes": MAX_FILE,
                "limit_session_bytes": MAX_SESSION,
            }
        )
        return 0
    for h in found:
        print(f"#{h.id}　{h.title}　{h.file_name}　{_size(h.size)}")
    print(f"{session.name}：{len(found)} 份講義，共 {_size(total)}（上限 {_size(MAX_SESSION)}）")
    return 0


def run_remove(args: argparse.Namespace, context: Context) -> int:
    from desktop.services.handouts import remove_handout

    session = context.session(args.session)
    removed = remove_handout(context.db, session.id, args.id, actor="cli")
    if args.json:
        emit_json({"ok": True, "session": session.name, **removed.as_json()})
    else:
        print(f"已移除講義 #{removed.id}「{removed.title}」")
    return 0
