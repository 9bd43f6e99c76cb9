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
from pathlib import Path

from sqlalchemy.exc import SQLAlchemyError

from db.engine import database_url, sqlite_file
from db.integrity import DamagedDatabase, UnreadableDatabase
from db.uow import Database
from desktop import paths
from desktop.cli import (
    PASSPHRASE_ENV,
    CliError,
    Context,
    add_json_flag,
    emit_json,
    interactive,
    organiser_only,
    read_passphrase,
)
from desktop.core.outcomes import backup as words


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
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
    restore.add_argument(
        "--force", action="store_true", help="restore a backup of another event without asking"
    )
    add_json_flag(restore)
    restore.set_defaults(handler=run_restore)  # checks the passphrase itself (see there)

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
    organiser_only(purge, "ids.purge")


def database_file(context: Context) -> Path:
    """The SQLite file the global options point at, without opening it."""
    if context.demo:
        return Path(context.db_target) if context.db_target else paths.demo_database()
    target = context.db_target or paths.default_database()
    path = sqlite_file(database_url(target))
    if path is None:
        raise CliError(
            "backup/restore work on SQLite files; back up a server database with its own tools"
        )
    return path


def run_backup(args: argparse.Namespace, context: Context) -> int:
    from desktop.services.backup import backup_to

    database = database_file(context)
    info = backup_to(database, Path(args.out))
    if args.json:
        emit_json(
            {
                "ok": True,
                "database": str(database),
                "backup": str(info.path),
                "bytes": info.bytes,
                "integrity": "ok",
            }
        )
    else:
        print(f"已備份 {database} → {info.path}（{info.bytes:,} bytes，完整性檢查通過）")
    return 0


def run_restore(args: argparse.Namespace, context: Context) -> int:
    from desktop.lockfile import DatabaseInUse, DatabaseLock
    from desktop.services.backup import other_event, restore

    database = database_file(context)
    backup_file = Path(args.file)
    try:
        with DatabaseLock(database):  # first: with a window open, nothing else happens
            _unlock_restore(context, database, backup_file)
            other = other_event(database, backup_file)
            if (
                other is not None
                and not args.force
                and not _confirm(
                    f"這個備份屬於另一個活動「{other}」，還原會取代目前整個活動。確定還原？(y/N) "
                )
            ):
                raise CliError(words.OTHER_EVENT, event=other)
            context.close()  # no connection of ours on the file that is swapped
            result = restore(database, backup_file)
    except DatabaseInUse as exc:
        raise CliError(words.RESTORE_IN_USE, path=exc.database) from None
    if args.json:
        emit_json(
            {
                "ok": True,
                "database": str(result.database),
                "restored_from": str(result.restored_from),
                "previous_copy": str(result.previous_copy) if result.previous_copy else None,
            }
        )
    else:
        print(f"已從 {result.restored_from} 還原 {result.database}")
        if result.previous_copy:
            print(f"還原前的檔案保留於 {result.previous_copy}")
    return 0


def _unlock_restore(context: Context, database: Path, backup_file: Path) -> None:
    """Restoring is an organiser action of the database it replaces. A file that no longer
    opens (damaged: the reason to restore) cannot check a passphrase; then the passphrase must
    open the backup's own ID key, read without writing to the backup."""
    from desktop.services.backup import events_in
    from desktop.services.security import passphrase_opens

    try:
        current: Database | None = context.db
    except (CliError, DamagedDatabase, UnreadableDatabase, SQLAlchemyError):
        current = None  # damaged or missing
    if current is not None:
        context.unlock_organiser("backup.restore")
        return
    passphrase = read_passphrase()
    if not any(passphrase_opens(e.sealed_key, passphrase) for e in events_in(backup_file)):
        raise CliError(words.PASSPHRASE_OPENS_NOTHING, variable=PASSPHRASE_ENV)


def _confirm(question: str) -> bool:
    if not interactive():
        return False
    return input(question).strip().lower() in ("y", "yes", "是")


def run_ids_purge(args: argparse.Namespace, context: Context) -> int:
    from desktop.services.security import purge_session_ids

    session = context.session(args.session)
    result = purge_session_ids(
        context.db, session.id, context.passphrase or "", actor=f"cli:{getpass.getuser()}"
    )
    if args.json:
        emit_json(
            {
                "ok": True,
                "session": result.session_name,
                "session_id": result.session_id,
                "purged": result.purged,
                "kept_other_sessions": result.kept_other_sessions,
            }
        )
    else:
        print(
            f"{result.session_name}：已清除 {result.purged} 筆身分證字號"
            + (
                f"，{result.kept_other_sessions} 位另有其他場次未清除"
                if result.kept_other_sessions
                else ""
            )
        )
    return 0
