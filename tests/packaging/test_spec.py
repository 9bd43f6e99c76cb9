"""The installer's spec, read without building: it ships every resource folder the code reads,
keeps every Qt module ``desktop/`` imports, freezes the modules loaded by name, and on Windows
(evaluated here with ``sys.platform`` patched) makes a windowed and a console program, both
with the icon and a version resource."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from desktop import __version__
from tests.packaging.spec_checks import (
    ROOT,
    import_module_call_sites,
    qt_excludes_the_app_needs,
    read_warn_file,
    runtime_packages,
    spec_literal,
    spec_options,
    spec_tree,
    warn_problems,
)


def shipped_paths() -> set[str]:
    """Source paths the spec puts into the bundle (folders and single files)."""
    pairs = spec_literal("DATA_DIRS") + spec_literal("DATA_FILES")
    return {str(pair[0]) for pair in pairs if isinstance(pair, tuple)}


def resource_folders_used_by_code() -> set[str]:
    """``resources/<first part>`` of every ``resource("…", …)`` call in desktop/ and db/."""
    used: set[str] = set()
    for path in [*ROOT.joinpath("desktop").rglob("*.py"), *ROOT.joinpath("db").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and getattr(node.func, "id", None) == "resource"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                used.add(f"resources/{node.args[0].value}")
    return used


def test_spec_ships_every_resource_the_app_uses() -> None:
    from desktop.selftest import REQUIRED_RESOURCES

    shipped = shipped_paths()
    needed = resource_folders_used_by_code()
    needed |= {f"resources/{parts[0]}" for parts in REQUIRED_RESOURCES}
    needed |= {
        f"resources/{p.name}"
        for p in ROOT.joinpath("resources").iterdir()
        if not p.name.startswith(".") and p.name != "README.md"
    }
    needed.add("db/migrations")
    missing = sorted(n for n in needed if n not in shipped)
    assert not missing, (
        f"build_installer.spec does not ship {missing}: add them to DATA_DIRS/DATA_FILES"
    )
    for src in shipped:
        assert ROOT.joinpath(src).exists(), f"the spec ships {src}, which does not exist"


def test_spec_check_catches_a_missing_folder() -> None:
    """The check above really fails when the code reads a folder the spec leaves out."""
    folders = resource_folders_used_by_code() | {"resources/a-folder-nobody-ships"}
    assert not folders <= shipped_paths()


def test_spec_keeps_the_modules_the_camera_backend_needs() -> None:
    excluded = set(spec_literal("QT_EXCLUDES"))
    for module in ("QtQuick", "QtQml", "QtOpenGL", "QtNetwork", "QtMultimedia"):
        assert module not in excluded, f"{module} is needed by the FFmpeg camera plugin"
    strips = [
        k.value
        for node in ast.walk(spec_tree())
        if isinstance(node, ast.Call)
        for k in node.keywords
        if k.arg == "strip"
    ]
    assert strips and all(isinstance(v, ast.Constant) and v.value is False for v in strips), (
        "strip=True corrupts the FFmpeg libraries"
    )


def test_spec_excludes_no_qt_module_the_app_imports() -> None:
    """QA (issue 25): the spec excluded QtPdf, which 列印 and the certificate preview import."""
    needed = qt_excludes_the_app_needs()
    assert not needed, (
        "build_installer.spec's QT_EXCLUDES leaves out Qt modules desktop/ imports: "
        + "; ".join(f"{m} (imported by {sorted(files)})" for m, files in sorted(needed.items()))
    )


def test_the_qt_lint_fails_on_a_spec_that_excludes_qtpdf(tmp_path: Path) -> None:
    spec = tmp_path / "build_installer.spec"
    spec.write_text('QT_EXCLUDES = ["QtCharts", "QtPdf"]\n', encoding="utf-8")
    assert set(qt_excludes_the_app_needs(spec)) == {"QtPdf"}


def test_every_module_loaded_by_name_is_a_hidden_import_of_the_spec() -> None:
    """Modules imported with importlib.import_module are invisible to PyInstaller's analysis
    (the frozen ``serve`` died on ``desktop.server.tables``): the spec lists the ones of the
    three lists, and no other place of the product loads modules by name."""
    from desktop.cli import COMMAND_MODULES
    from desktop.server.app import FEATURES
    from desktop.ui.screens import SCREENS

    loaded = set(spec_options().modules_loaded_by_name())
    assert {*FEATURES, *(row.module for row in SCREENS), *COMMAND_MODULES} <= loaded
    assert "desktop.server.tables" in loaded and "desktop.server.vote" in loaded
    calls = {
        ast.unparse(node.func)
        for node in ast.walk(spec_tree())
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert "options.modules_loaded_by_name" in calls, "the spec must use the by-name list"
    assert import_module_call_sites() == {
        "desktop/server/app.py",
        "desktop/ui/screens/__init__.py",
        "desktop/cli/__init__.py",
    }, (
        "a new place loads modules by name: add its list to "
        "packaging/spec_options.modules_loaded_by_name, then to this set"
    )


def test_windows_build_has_a_windowed_and_a_console_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Guard (no Windows machine here): the spec's win32 options, evaluated on Linux."""
    options = spec_options()
    monkeypatch.setattr(sys, "platform", "win32")
    programs = {p.name: p for p in options.executables(tmp_path)}
    assert set(programs) == {"WorkshopDesk", "workshop-desk"}
    assert programs["WorkshopDesk"].console is False  # the Start menu's window
    assert programs["workshop-desk"].console is True  # commands: stdin/stdout, cmd waits
    numbers = options.version_numbers(__version__)
    for name, program in programs.items():
        assert program.icon.name == "app.ico" and program.icon.is_file()
        assert program.version_file is not None, f"{name}.exe has no version resource"
        info = version_strings(program.version_file)
        assert info["filevers"] == numbers == info["prodvers"]
        assert info["FileVersion"] == __version__ == info["ProductVersion"]
        assert info["OriginalFilename"] == f"{name}.exe"
    exe_keywords = {
        k.arg
        for node in ast.walk(spec_tree())
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "EXE"
        for k in node.keywords
    }
    assert {"name", "console", "icon", "version"} <= exe_keywords


def test_other_systems_build_one_console_program(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "platform", "linux")
    (program,) = spec_options().executables(tmp_path)
    assert (program.name, program.console, program.version_file) == ("workshop-desk", True, None)
    assert not list(tmp_path.iterdir())


def version_strings(version_file: Path) -> dict[str, object]:
    """The version numbers and strings of PyInstaller's text form of a ``VSVersionInfo`` (read
    as Python syntax: PyInstaller's own reader needs pefile, which only Windows installs)."""
    tree = ast.parse(version_file.read_text(encoding="utf-8"), mode="eval")
    found: dict[str, object] = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", "")
        if name == "FixedFileInfo":
            found.update({k.arg: ast.literal_eval(k.value) for k in node.keywords if k.arg})
        elif name == "StringStruct":
            key, value = (ast.literal_eval(a) for a in node.args)
            found[key] = value
    assert isinstance(tree.body, ast.Call) and getattr(tree.body.func, "id", "") == "VSVersionInfo"
    return found


def test_version_numbers_of_a_pre_release() -> None:
    options = spec_options()
    assert options.version_numbers("1.4") == (1, 4, 0, 0)
    assert options.version_numbers("0.3.0rc1") == (0, 3, 0, 0)


# Lines of the warn file of the build of issue 25 (numpy and QtPdf excluded), shortened.
TODAYS_WARN_LINES = """\
excluded module named numpy - imported by psycopg.types.numeric (delayed, conditional), \
openpyxl.compat.numbers (optional), pabutools.election.satisfaction.additivesatisfaction \
(top-level), pabutools.election.satisfaction.functionalsatisfaction (top-level)
missing module named 'numpy.typing' - imported by PIL._typing (conditional, optional)
excluded module named PySide6.QtPdf - imported by desktop.ui.screens.document_parts (delayed)
missing module named msvcrt - imported by subprocess (optional), desktop.lockfile (conditional)
excluded module named _frozen_importlib - imported by importlib (optional), zipimport (top-level)
missing module named desktop.server.tables - imported by desktop.cli.venue (delayed)
"""


def test_warn_file_check_names_what_breaks_the_installed_app() -> None:
    problems = warn_problems(read_warn_file(TODAYS_WARN_LINES), runtime_packages())
    assert len(problems) == 3, problems
    numpy, qtpdf, ours = problems
    assert numpy.startswith("numpy is excluded") and "pabutools" in numpy
    assert qtpdf == (
        "PySide6.QtPdf is excluded by the spec but imported by "
        "['desktop.ui.screens.document_parts']"
    )
    assert ours == "desktop.server.tables (ours) is missing from the bundle"


def test_pabutools_and_its_numpy_are_runtime_packages() -> None:
    assert {"pabutools", "numpy", "gmpy2", "starlette"} <= runtime_packages()


def iss_lines() -> list[str]:
    script = ROOT / "packaging" / "workshop-desk.iss"
    return [line.strip() for line in script.read_text(encoding="utf-8").splitlines()]


def test_installer_script_installs_per_user_and_names_both_programs() -> None:
    options = spec_options()
    lines = iss_lines()
    assert "PrivilegesRequired=lowest" in lines
    assert "PrivilegesRequiredOverridesAllowed=dialog" in lines
    assert f'#define GuiExe "{options.GUI_NAME}.exe"' in lines
    assert f'#define CliExe "{options.CLI_NAME}.exe"' in lines
    assert f'Source: "..\\dist\\{options.FOLDER_NAME}\\*"' in " ".join(lines)
    prompt = next(line for line in lines if "{cm:CommandPrompt}" in line and "{cmd}" in line)
    assert "set PATH={app};%PATH%" in prompt and 'WorkingDir: "{app}"' in prompt


def test_firewall_task_runs_only_with_admin_for_both_programs() -> None:
    lines = iss_lines()
    task = next(line for line in lines if line.startswith('Name: "firewall"'))
    assert "Check: IsAdminInstallMode" in task
    rules = [line for line in lines if "advfirewall firewall add rule" in line]
    assert len(rules) == 2
    for rule, program in zip(rules, ("{#GuiExe}", "{#CliExe}"), strict=True):
        assert "netsh.exe" in rule and "dir=in action=allow" in rule
        assert "profile=private,public" in rule and f'program=""{{app}}\\{program}""' in rule
        assert "Tasks: firewall" in rule and "Check: IsAdminInstallMode" in rule
    assert any("advfirewall firewall delete rule" in line for line in lines)
