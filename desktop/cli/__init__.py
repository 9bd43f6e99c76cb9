"""``workshop-desk``: one program for the window and for organisers who script their day.

Global options come before the subcommand (``workshop-desk --db FILE summary --json``); with no
subcommand the window opens. Every subcommand module below registers its parsers; handlers get
the parsed arguments and a ``Context`` that opens the chosen database on first use.

Exit status: 0 success, 1 a result that is not ``ok`` (e.g. a refused check-in), 2 bad input or
an environment problem, with a one-line reason on stderr. Refusals are ``CodedError``s (the
services raise them; ``CliError`` is the CLI's own): with ``--json`` the same refusal is also
printed on stdout as ``{"ok": false, "error": {"code", "message", "params"}}``.

Roles: a subcommand marked with ``organiser_only(parser, action)`` (an action of
``desktop.services.security.ORGANISER_ACTIONS``, the list the window's organiser mode uses too)
runs only after the organiser passphrase was given — from ``WORKSHOP_DESK_PASSPHRASE`` or asked
on the terminal, never an option (it would land in the shell history) — and checked against the
event's ID key (audited as ``role.unlock`` / ``role.unlock_failed``).

Streams (``configure_streams``): output that goes to a pipe or a file (``--json > f``,
``| jq``) is UTF-8 whatever the console code page or locale (cp950 on a zh-TW Windows laptop
cannot encode 綉 or 𡘙); text on a real console keeps the console's encoding and shows a
character it cannot encode as an escape instead of stopping. The windowed Windows program has
no console at all (``sys.stdin``/``sys.stdout`` are None): a command there ends with exit 2
and a sentence (``outcomes.cli.NO_CONSOLE``) instead of a crash.
"""

from __future__ import annotations

import argparse
import getpass
import importlib
import io
import json
import logging
import os
import sys
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from desktop import __version__, collector, paths
from desktop.core.outcomes import cli
from desktop.core.problems import CodedError, Outcome

if TYPE_CHECKING:
    from db.uow import Database
    from desktop.services.events import SessionInfo

# Each module has ``register(subparsers)`` and is listed with the subcommands it registers:
# a command imports only its own module (and what that needs), so every command's fixed cost
# stays small; ``--help`` and an unknown command load them all. Later features add their
# module here (a test checks the names against what each module registers).
COMMAND_MODULES: dict[str, tuple[str, ...]] = {
    "desktop.cli.basics": ("demo", "summary", "self-test"),
    "desktop.cli.agenda": ("agenda",),
    "desktop.cli.tables": ("tables",),
    "desktop.cli.closeday": ("pdf", "hours", "export", "event"),
    "desktop.cli.checkin": ("checkin", "passes"),
    "desktop.cli.registrations": ("import", "admit", "roster", "admitted-list"),
    "desktop.cli.reliability": ("backup", "restore", "ids"),
    "desktop.cli.setup_commands": ("session",),
    "desktop.cli.group_reports": ("reports",),
    "desktop.cli.vote": ("vote",),
    "desktop.cli.venue": ("serve",),
    "desktop.cli.room": ("room-code", "handouts"),
    "desktop.cli.survey": ("survey",),
}


PASSPHRASE_ENV = "WORKSHOP_DESK_PASSPHRASE"


class CliError(CodedError):
    """Bad input on the command line: printed as one line on stderr, exit status 2. A string
    is a usage mistake (code ``usage``), worded here in English as argparse words its own."""

    def __init__(self, problem: Outcome | str, /, **params: object) -> None:
        if isinstance(problem, str):
            super().__init__(cli.USAGE, detail=problem)
        else:
            super().__init__(problem, **params)


def interactive() -> bool:
    """May the command ask a person on the terminal? Not through a pipe, and not in the
    windowed program (no console: ``sys.stdin`` is None); ``require_console`` says why."""
    return sys.stdin is not None and sys.stdin.isatty()


def require_console(needed: Outcome = cli.PASSPHRASE_NEEDED) -> None:
    """CliError unless ``interactive()``: ``needed`` says what would have been asked (the
    organiser passphrase: its sentence names the environment variable that gives it)."""
    if sys.stdin is None:
        raise CliError(cli.NO_CONSOLE, variable=PASSPHRASE_ENV)
    if not sys.stdin.isatty():
        raise CliError(needed, variable=PASSPHRASE_ENV)


def read_passphrase(prompt: str = "主辦密語 (organiser passphrase): ") -> str:
    """The organiser passphrase from the environment, else asked on the terminal."""
    given = os.environ.get(PASSPHRASE_ENV)
    if given:
        return given
    require_console()
    return getpass.getpass(prompt)


# An organiser action's name, or a function of the parsed arguments giving one (or None when
# this use of the subcommand is desk work, e.g. ``hours`` without ``--adjust``).
OrganiserAction = str | Callable[[argparse.Namespace], "str | None"]


def organiser_only(parser: argparse.ArgumentParser, action: OrganiserAction) -> None:
    """Run this subcommand only for the organiser (see the module's docstring)."""
    from desktop.services.security import ORGANISER_ACTIONS

    if isinstance(action, str) and action not in ORGANISER_ACTIONS:
        raise ValueError(f"not an organiser action: {action}")
    parser.set_defaults(organiser_action=action)


@dataclass
class Context:
    db_target: str | None
    demo: bool
    _db: Database | None = field(default=None, repr=False)
    # The organiser passphrase once checked (organiser actions that decrypt IDs need it).
    passphrase: str | None = field(default=None, repr=False)

    def unlock_organiser(self, action: str) -> str:
        """Check the organiser passphrase against the chosen database's event before
        ``action``; CliError when it is missing or wrong."""
        from desktop.services import security

        passphrase = read_passphrase()
        try:
            ok = security.unlock_organiser(
                self.db,
                security.RoleState(),
                passphrase,
                actor=f"cli:{getpass.getuser()}",
                desk="cli",
            )
        except security.SecurityError as exc:
            raise CliError(cli.ORGANISER_REFUSED, detail=exc, action=action) from None
        if not ok:
            raise CliError(cli.WRONG_PASSPHRASE, variable=PASSPHRASE_ENV, action=action)
        self.passphrase = passphrase
        return passphrase

    @property
    def db(self) -> Database:
        if self._db is None:
            from desktop.app import open_database, open_demo_database

            if self.demo:
                self._db = open_demo_database(Path(self.db_target) if self.db_target else None)
            else:
                self._check_chosen_file()
                self._db = open_database(self.db_target or paths.default_database())
        return self._db

    def session(self, name: str | None) -> SessionInfo:
        """The session ``--session NAME`` names (``find_session``: 臺/台 alike, or the only
        one); CliError naming the choices when it names none or several."""
        from desktop.services.events import SessionNotFound, find_session

        try:
            return find_session(self.db, name)
        except SessionNotFound as exc:
            if exc.code != "session_required":
                raise
            raise CliError(cli.SESSION_REQUIRED, choices=exc.params["choices"]) from None

    @property
    def where(self) -> str:
        """The database these options point at, as messages name it (never a password)."""
        from db.engine import safe_url

        if self.db_target and "://" in self.db_target:
            return safe_url(self.db_target)
        if self.db_target:
            return str(Path(self.db_target).expanduser())
        return str(paths.demo_database() if self.demo else paths.default_database())

    def _check_chosen_file(self) -> None:
        """``--db FILE`` must name an existing database file: a typo must not silently create
        an empty database (and its folders) somewhere. ``demo`` creates files; the window's
        welcome creates the default one."""
        if not self.db_target or "://" in self.db_target:
            return
        path = Path(self.db_target).expanduser()
        if path.is_dir():
            raise CliError(cli.DB_IS_FOLDER, path=path)
        if not path.exists():
            raise CliError(cli.NO_DATABASE_FILE, path=path)

    def create_db(self) -> Database:
        """The chosen database, created when the file does not exist yet (``event create``)."""
        if self._db is None:
            from desktop.app import open_database

            path = Path(self.db_target).expanduser() if self.db_target else None
            if path is not None and "://" not in str(self.db_target) and path.is_dir():
                raise CliError(cli.DB_IS_FOLDER, path=path)
            self._db = open_database(self.db_target or paths.default_database())
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()


def configure_streams() -> None:
    """UTF-8 for output to a pipe or a file, a console's own encoding with escapes for what it
    cannot show (see the module text). Python picks the locale's encoding (cp950, Big5)
    for a redirected stream on Windows and under a Big5 locale."""
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # None (no console), or a test's capture, which is text already
        if stream.isatty():
            stream.reconfigure(errors="backslashreplace")
        else:
            stream.reconfigure(encoding="utf-8", errors="strict")


def emit_json(data: Any) -> None:
    """Machine-readable output: UTF-8 JSON with English keys, Chinese values unescaped."""
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")


def add_json_flag(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="machine-readable JSON output")


def print_glyph_problems(problems: Sequence[Any]) -> None:
    """The text of a document that printed as empty boxes (JSON: ``missing_glyphs``)."""
    for g in problems:
        print(
            f"  字型缺字：{g.text}「{g.missing}」"
            + (f"（印成空白框：{g.unresolved}）" if g.unresolved else "（以備用字型印出）")
        )


def modules_for(command_line: Sequence[str] | None) -> tuple[str, ...]:
    """The command modules a command line needs: the one registering its subcommand; none
    for the window or ``--version``; all for ``--help``, an unknown subcommand or no command
    line (the complete parser)."""
    if command_line is None:
        return tuple(COMMAND_MODULES)
    globals_only = argparse.ArgumentParser(add_help=False)
    globals_only.add_argument("--db")
    globals_only.add_argument("--demo", action="store_true")
    globals_only.add_argument("words", nargs=argparse.REMAINDER)
    words = globals_only.parse_known_args(list(command_line))[0].words
    if not words:
        return tuple(COMMAND_MODULES) if {"-h", "--help"} & set(command_line) else ()
    owners = tuple(m for m, names in COMMAND_MODULES.items() if words[0] in names)
    return owners or tuple(COMMAND_MODULES)


def build_parser(command_line: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser for ``command_line`` (see ``modules_for``); the complete one without it."""
    parser = argparse.ArgumentParser(
        prog="workshop-desk",
        description="研習報到台 Workshop Desk. Without a subcommand the window opens.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        metavar="PATH",
        help="database file or SQLAlchemy URL (default: workshop-desk.sqlite3 in the data folder)",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="use the demo database (built from the seed announcement on first use)",
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module_name in modules_for(command_line):
        importlib.import_module(module_name).register(subparsers)
    return parser


def _log_to_file() -> Path | None:
    """Log records go to the log file, never to the terminal (stderr carries one line)."""
    from desktop.logs import setup_logging

    try:
        return setup_logging()
    except OSError:  # no writable data folder: still keep records off the terminal
        logging.getLogger().addHandler(logging.NullHandler())
        return None


def main(argv: Sequence[str] | None = None) -> int:
    command_line = sys.argv[1:] if argv is None else list(argv)
    args = build_parser(command_line).parse_args(command_line)
    context = Context(db_target=args.db, demo=args.demo)
    if args.command is None:
        from desktop.ui.launch import run_window

        return run_window(context)  # it ends start-up once the window shows its database
    collector.started()  # the command's modules are imported
    log_file = _log_to_file()
    if sys.stdout is None or sys.stderr is None:  # the windowed program: nowhere to say it
        return _no_console(args, log_file)
    try:
        action = getattr(args, "organiser_action", None)
        if callable(action):
            action = action(args)
        if action:
            context.unlock_organiser(action)
        return int(args.handler(args, context))
    except CodedError as exc:
        return _refused(args, exc)
    except KeyboardInterrupt:
        print(f"workshop-desk {args.command}: 已中斷 (interrupted)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`workshop-desk roster --json | head`): not an error of ours.
        # Point stdout at devnull so the interpreter's final flush does not complain again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except Exception as exc:  # environment problems (locked file, failed migration, ...)
        from desktop.errors import environment_problem

        problem = environment_problem(exc, context.where)
        if problem is None:  # a bug: the traceback goes to the log, one line to the user
            logging.getLogger("crash").exception("workshop-desk %s failed", args.command)
            detail = f"{type(exc).__name__}: {exc}"
            problem = (
                CodedError(cli.UNEXPECTED, detail=detail, log=log_file)
                if log_file
                else CodedError(cli.UNEXPECTED_UNLOGGED, detail=detail)
            )
        return _refused(args, problem)
    finally:
        context.close()


def run() -> NoReturn:
    """The ``workshop-desk`` program (console script, ``python -m desktop``, the installer).

    Once ``main`` returns, the command's work is on disk: its files were written, closed and
    renamed into place and its database disposed. What is left is the interpreter freeing,
    one by one, every object SQLAlchemy, reportlab's parsed font and the rest built: 0.3 s of
    a certificate run that nobody needs, so the process ends here instead. Only when no other
    thread is still at work: then the normal exit waits for it.

    Start-up runs with the cycle collector paused (``desktop.collector``)."""
    collector.pause_for_startup()
    configure_streams()
    code = main()
    if any(
        t.is_alive() and not t.daemon
        for t in threading.enumerate()
        if t is not threading.main_thread()
    ):
        sys.exit(code)
    logging.shutdown()
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):  # a closed pipe or stream: nothing more to say there
            pass
    os._exit(code)


def _no_console(args: argparse.Namespace, log_file: Path | None) -> int:
    """A command in the windowed program, which has no console to print to: exit 2 with the
    sentence on whichever stream exists, and in the log file (the one place left to read)."""
    sentence = cli.NO_CONSOLE.say(variable=PASSPHRASE_ENV)
    logging.getLogger(__name__).error("workshop-desk %s: %s", args.command, sentence)
    for stream in (sys.stderr, sys.stdout):
        if stream is not None:
            print(f"workshop-desk {args.command}: {sentence}", file=stream)
            break
    return 2


def _refused(args: argparse.Namespace, problem: CodedError) -> int:
    """A refusal: its sentence on stderr (one line), with ``--json`` also its code on stdout."""
    message = " ".join(str(problem).split())
    print(f"workshop-desk {args.command}: {message}", file=sys.stderr)
    if getattr(args, "json", False):
        error = {"code": problem.code, "message": message, "params": problem.params}
        print(json.dumps({"ok": False, "error": error}, ensure_ascii=False, default=str))
    return 2
