"""A command imports only the module that registers it (issue 18: the fixed cost of every
command stays small), and the list saying which module registers what stays true."""

from __future__ import annotations

import argparse
import importlib
import os
import subprocess
import sys

import pytest

from desktop.cli import COMMAND_MODULES, build_parser, modules_for


def _names(parser: argparse.ArgumentParser) -> list[str]:
    action = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(action.choices)


@pytest.mark.parametrize("module_name", list(COMMAND_MODULES))
def test_each_module_registers_exactly_the_commands_listed_for_it(module_name: str) -> None:
    parser = argparse.ArgumentParser()
    subparsers = parser.add_subparsers(dest="command")
    importlib.import_module(module_name).register(subparsers)
    assert tuple(_names(parser)) == COMMAND_MODULES[module_name]


def test_a_command_line_needs_only_its_command_module() -> None:
    assert modules_for(["--db", "x.sqlite3", "tables", "show"]) == ("desktop.cli.tables",)
    assert modules_for(["--demo", "summary", "--json"]) == ("desktop.cli.basics",)
    assert modules_for(["--demo"]) == ()
    assert modules_for(["--version"]) == ()
    assert modules_for(["--help"]) == tuple(COMMAND_MODULES)
    assert modules_for(["summery"]) == tuple(COMMAND_MODULES)  # argparse lists the choices
    complete = _names(build_parser())
    assert complete == [n for names in COMMAND_MODULES.values() for n in names]


def test_version_loads_no_database_or_command_code() -> None:
    probe = (
        "import sys; from desktop.cli import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "print(sorted(m for m in sys.modules if m.startswith(('sqlalchemy', 'desktop.cli.',"
        " 'PySide6', 'reportlab', 'alembic'))))"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, encoding="utf-8", check=True
    ).stdout
    assert out.strip().splitlines()[-1] == "[]"


def test_help_of_every_command_still_works(capsys: pytest.CaptureFixture[str]) -> None:
    for name in [n for names in COMMAND_MODULES.values() for n in names]:
        with pytest.raises(SystemExit) as exit_info:
            build_parser([name, "--help"]).parse_args([name, "--help"])
        assert exit_info.value.code == 0
        assert f"workshop-desk {name}" in capsys.readouterr().out


def test_a_print_run_loads_no_cryptography(demo_db_path, tmp_path) -> None:
    """A print run never seals or opens an ID number: the ID key machinery (``cryptography``,
    about 45 ms of imports) stays unloaded."""
    probe = (
        "import sys; from desktop.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(code, 'cryptography' in sys.modules)"
    )
    out = tmp_path / "signin.pdf"
    command = ["--db", str(demo_db_path), "pdf", "signin", "--session", "臺北", "--out", str(out)]
    done = subprocess.run(
        [sys.executable, "-c", probe, *command],
        capture_output=True,
        encoding="utf-8",
        timeout=120,
        env=dict(os.environ, WORKSHOP_DESK_HOME=str(tmp_path / "home")),
    )
    assert done.stdout.strip().splitlines()[-1] == "0 False", done.stderr
    assert out.read_bytes().startswith(b"%PDF")
