"""Subcommands for keeping data safe: ``backup``, ``restore``, ``ids purge``.

``backup`` runs while a window has the database open (SQLite's online backup API reads a
consistent snapshot). ``restore`` replaces the file, so it takes the window lock and is refused
while a window has the database open. ``ids purge`` needs the organiser passphrase, read from
the ``WORKSHOP_DESK_PASSPHRASE`` environment variable or asked on the terminal (never an
option: command lines are visible to other users in the process list).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from db.engine import database_url, sqlite_file
from desktop import paths
from desktop.cli import CliError, Context, add_json_flag, emit_json

PASSPHRASE_ENV = "WORKSHOP_DESK_PASSPHRASE"


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    backup = subparsers.add_parser(
        "backup", help="copy the database to FILE (safe while the window is open)"
    )
    backup.add_argument("--out", required=True, metavar="FILE", help="backup file to write")
    add_json_flag(backup)
    backup.set_defaults(handler=run_backup)

    restore = subparsers.add_parser(
        "restore", help="replace the database with a backup (the current file is kept aside)"
    )
    restore.add_argument("file", metavar="FILE", help="backup file to restore")
    add_json_flag(restore)
    restore.set_defaults(handler=run_restore)

    ids = subparsers.add_parser("ids", help="ID numbers (身分證字號) at rest")
    ids_commands = ids.add_subparsers(dest="ids_command", metavar="ACTION", required=True)
    purge = ids_commands.add_parser(
        "purge",
        help="erase the encrypted ID numbers of a session after its hours report "
        f"(organiser passphrase from ${PASSPHRASE_ENV} or the terminal)",
    )
    purge.add_argument("--session", required=True, metavar="NAME", help="session name or id")
    add_json_flag(purge)
    purge.set_defaults(handler=run_ids_purge)


def database_file(context: Context) -> Path:
    """The SQLite file the global options point at, without opening it."""
    if context.demo:
        return Path(context.db_target) if context.db_target else paths.demo_database()
    target = context.db_target or paths.default_database()
    path = sqlite_file(database_url(target))
    if path is None:
        raise CliError("backup/restore work on SQLite files; back up a server database with its own tools")
    return path


def run_backup(args: argparse.Namespace, context: Context) -> int:
    from desktop.services.backup import backup_to

    database = database_file(context)
    info = backup_to(database, Path(args.out))
    if args.json:
        emit_json({"ok": True, "database": str(database), "backup": str(info.path),
                   "bytes": info.bytes, "integrity": "ok"})
    else:
        print(f"已備份 {database} → {info.path}（{info.bytes:,} bytes，完整性檢查通過）")
    return 0


def run_restore(args: argparse.Namespace, context: Context) -> int:
    from desktop.lockfile import DatabaseInUse, DatabaseLock
    from desktop.services.backup import restore

    database = database_file(context)
    try:
        with DatabaseLock(database):
            result = restore(database, Path(args.file))
    except DatabaseInUse as exc:
        raise CliError(f"{exc}；請先關閉視窗再還原 (close the window before restoring)") from None
    if args.json:
        emit_json({"ok": True, "database": str(result.database),
                   "restored_from": str(result.restored_from),
                   "previous_copy": str(result.previous_copy) if result.previous_copy else None})
    else:
        print(f"已從 {result.restored_from} 還原 {result.database}")
        if result.previous_copy:
            print(f"還原前的檔案保留於 {result.previous_copy}")
    return 0


def _passphrase() -> str:
    value = os.environ.get(PASSPHRASE_ENV)
    if value:
        return value
    if sys.stdin.isatty():
        return getpass.getpass("主辦密語 (organiser passphrase): ")
    raise CliError(f"需要主辦密語：請設定環境變數 {PASSPHRASE_ENV} (organiser passphrase required)")


def run_ids_purge(args: argparse.Namespace, context: Context) -> int:
    from desktop.services.events import SessionNotFound, find_session
    from desktop.services.security import SecurityError, purge_session_ids

    try:
        session = find_session(context.db, args.session)
    except SessionNotFound as exc:
        raise CliError(str(exc)) from None
    try:
        result = purge_session_ids(
            context.db, session.id, _passphrase(), actor=f"cli:{getpass.getuser()}"
        )
    except SecurityError as exc:
        raise CliError(str(exc)) from None
    if args.json:
        emit_json({"ok": True, "session": result.session_name, "session_id": result.session_id,
                   "purged": result.purged, "kept_other_sessions": result.kept_other_sessions})
    else:
        print(f"{result.session_name}：已清除 {result.purged} 筆身分證字號"
              + (f"，{result.kept_other_sessions} 位另有其他場次未清除" if result.kept_other_sessions else ""))
    return 0
