"""What ``build_installer.spec`` decides, in plain Python, so a test can evaluate it on any OS.

* ``executables(workpath)``: the programs of the one-folder build. On Windows two, sharing one
  folder: ``WorkshopDesk.exe`` (windowed: the Start menu's app, no console window) and
  ``workshop-desk.exe`` (a console program: the command line, which a windowed exe cannot serve
  because it has no stdin/stdout and ``cmd.exe`` does not wait for it). Both carry the icon and
  a version resource made from ``desktop.__version__``. Elsewhere one console program.
* ``modules_loaded_by_name()``: the modules the app imports with ``importlib.import_module``
  from its own lists, which PyInstaller's analysis cannot see; the spec lists them as hidden
  imports, so a new entry in one of those lists is frozen without anyone remembering it.

The spec loads this file by path (a folder named ``packaging`` would clash with the PyPI
``packaging`` library PyInstaller itself imports); ``sys.platform`` is read at call time, so
``tests/packaging`` can patch it to ``win32``.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FOLDER_NAME = "workshop-desk"  # dist/workshop-desk, the folder the installer wraps
CLI_NAME = "workshop-desk"  # the command-line program (workshop-desk.exe on Windows)
GUI_NAME = "WorkshopDesk"  # Windows only: the windowed program the Start menu opens
PRODUCT = "研習報到台 Workshop Desk"


@dataclass(frozen=True)
class Executable:
    """One ``EXE(...)`` of the spec."""

    name: str
    console: bool
    icon: Path
    description: str
    version_file: Path | None  # Windows version resource (PyInstaller's text form)


def app_version() -> str:
    """``desktop.__version__``, read from the file (the spec must not import the package's
    dependencies to learn it)."""
    text = (ROOT / "desktop" / "__init__.py").read_text(encoding="utf-8")
    found = re.search(r'^__version__ = "([^"]+)"', text, re.M)
    if found is None:
        raise ValueError("desktop/__init__.py has no __version__ line")
    return found.group(1)


def version_numbers(version: str) -> tuple[int, int, int, int]:
    """``0.2.0`` → (0, 2, 0, 0): the four numbers of a Windows file version (a pre-release
    suffix such as ``rc1`` is left to the text fields)."""
    release = re.match(r"\d+(?:\.\d+)*", version)
    if release is None:
        raise ValueError(f"version {version!r} does not start with a number")
    numbers = [int(n) for n in release.group(0).split(".")][:4]
    first, second, third, fourth = numbers + [0] * (4 - len(numbers))
    return first, second, third, fourth


def version_file_text(program: str, description: str, version: str) -> str:
    """PyInstaller's text form of a ``VSVersionInfo`` (what ``pyi-grab_version`` writes and
    ``EXE(version=FILE)`` reads): what Explorer's Properties → Details and SmartScreen show."""
    numbers = version_numbers(version)
    strings = {
        "CompanyName": "Workshop Desk",
        "FileDescription": description,
        "FileVersion": version,
        "InternalName": program,
        "LegalCopyright": "",
        "OriginalFilename": f"{program}.exe",
        "ProductName": PRODUCT,
        "ProductVersion": version,
    }
    table = ",\n          ".join(f"StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return (
        "# -*- coding: utf-8 -*-\n"
        "VSVersionInfo(\n"
        "  ffi=FixedFileInfo(\n"
        f"    filevers={numbers},\n"
        f"    prodvers={numbers},\n"
        "    mask=0x3f, flags=0x0, OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),\n"
        "  kids=[\n"
        "    StringFileInfo([\n"
        "      StringTable('040404B0', [\n"  # zh-TW, Unicode
        f"          {table}])]),\n"
        "    VarFileInfo([VarStruct('Translation', [0x0404, 1200])])])\n"
    )


def executables(workpath: Path) -> list[Executable]:
    """The programs to build on this platform (Windows: version files written to ``workpath``)."""
    if sys.platform != "win32":
        icon = ROOT / "resources" / "icons" / "app.png"
        return [Executable(CLI_NAME, True, icon, "Workshop Desk", None)]
    icon = ROOT / "resources" / "icons" / "app.ico"
    version = app_version()
    programs = [
        (GUI_NAME, False, PRODUCT),
        (CLI_NAME, True, "Workshop Desk command line (命令列)"),
    ]
    built = []
    for name, console, description in programs:
        version_file = Path(workpath) / f"version-{name}.txt"
        version_file.parent.mkdir(parents=True, exist_ok=True)
        version_file.write_text(version_file_text(name, description, version), encoding="utf-8")
        built.append(Executable(name, console, icon, description, version_file))
    return built


def modules_loaded_by_name() -> list[str]:
    """Every module the app imports by name: the venue server's ``FEATURES``, the window's
    ``SCREENS`` and the command line's ``COMMAND_MODULES``."""
    from desktop.cli import COMMAND_MODULES
    from desktop.server.app import FEATURES
    from desktop.ui.screens import SCREENS

    return sorted({*FEATURES, *(row.module for row in SCREENS), *COMMAND_MODULES})
