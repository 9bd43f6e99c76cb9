"""What the packaging tests read: the spec's own lists, ``packaging/spec_options.py``, the Qt
modules ``desktop/`` imports, and PyInstaller's warn file (``build/<spec>/warn-<spec>.txt``).

The warn file has one line per module the analysis could not put in the bundle::

    excluded module named numpy - imported by pabutools.election.x (top-level), psycopg.y (delayed)
    missing module named 'numpy.typing' - imported by PIL._typing (conditional, optional)

Most lines are harmless (Windows-only modules on Linux, optional extras, names imported from a
package's namespace). The ones that break the installed app: a module ``desktop/`` or ``db/``
imports that the spec excluded; a module a runtime dependency imports at top level that the
spec excluded (``pabutools`` needs numpy to count a vote); a module of ours that is missing.
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, packages_distributions, requires
from pathlib import Path
from types import ModuleType

from tests.sourcetree import desktop_modules

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build_installer.spec"
OURS = ("desktop", "db")  # the product's packages


def spec_options() -> ModuleType:
    """``packaging/spec_options.py``, loaded by path as the spec loads it (a folder named
    ``packaging`` would clash with the PyPI ``packaging`` library)."""
    loaded = sys.modules.get("spec_options")
    if loaded is not None:
        return loaded
    spec = importlib.util.spec_from_file_location(
        "spec_options", ROOT / "packaging" / "spec_options.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["spec_options"] = module
    spec.loader.exec_module(module)
    return module


def spec_tree(spec: Path = SPEC) -> ast.Module:
    return ast.parse(spec.read_text(encoding="utf-8"))


def spec_literal(name: str, spec: Path = SPEC) -> list[object]:
    """A list assigned at the top of the spec (read as the spec says it, not re-declared)."""
    for node in spec_tree(spec).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{name} not found in {spec.name}")


def qt_modules_imported_by_desktop() -> dict[str, set[str]]:
    """``QtPdf`` → the files of ``desktop/`` importing ``PySide6.QtPdf`` (anywhere in them:
    the window imports most Qt modules inside functions)."""
    found: dict[str, set[str]] = {}
    for path, tree in desktop_modules().items():
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
                if node.module == "PySide6":
                    names = [f"PySide6.{alias.name}" for alias in node.names]
            else:
                continue
            for name in names:
                parts = name.split(".")
                if parts[0] == "PySide6" and len(parts) > 1 and parts[1].startswith("Qt"):
                    found.setdefault(parts[1], set()).add(str(path.relative_to(ROOT)))
    return found


def qt_excludes_the_app_needs(spec: Path = SPEC) -> dict[str, set[str]]:
    """Qt modules ``desktop/`` imports that the spec's ``QT_EXCLUDES`` leaves out of the
    bundle, with the files that import them."""
    excluded = set(spec_literal("QT_EXCLUDES", spec))
    return {m: files for m, files in qt_modules_imported_by_desktop().items() if m in excluded}


@dataclass(frozen=True)
class WarnEntry:
    kind: str  # "missing" or "excluded"
    module: str
    importers: dict[str, frozenset[str]]  # importing module → how (top-level, delayed, ...)


WARN_LINE = re.compile(r"^(missing|excluded) module named '?([\w.]+)'? - imported by (.*)$")
IMPORTER = re.compile(r"([\w.\-]+) \(([^)]*)\)")


def read_warn_file(text: str) -> list[WarnEntry]:
    entries = []
    for line in text.splitlines():
        found = WARN_LINE.match(line)
        if found:
            importers = {
                name: frozenset(flag.strip() for flag in flags.split(","))
                for name, flags in IMPORTER.findall(found.group(3))
            }
            entries.append(WarnEntry(found.group(1), found.group(2), importers))
    return entries


def top_package(module: str) -> str:
    return module.split(".")[0]


def runtime_packages(distribution: str = "workshop-desk") -> set[str]:
    """Import names of every distribution the product needs at run time (its dependencies
    and theirs, extras left out)."""
    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    needed: set[str] = set()
    todo = [distribution]
    while todo:
        try:
            lines = requires(todo.pop()) or []
        except PackageNotFoundError:  # a dependency for another platform
            continue
        for line in lines:
            requirement = Requirement(line)
            if requirement.marker and not requirement.marker.evaluate({"extra": ""}):
                continue
            key = canonicalize_name(requirement.name)
            if key not in needed:
                needed.add(key)
                todo.append(requirement.name)
    return {
        package
        for package, dists in packages_distributions().items()
        if any(canonicalize_name(d) in needed for d in dists)
    }


def warn_problems(entries: list[WarnEntry], runtime: set[str]) -> list[str]:
    """The lines of the warn file that mean a broken installed app, said plainly."""
    problems = []
    for entry in entries:
        if entry.kind == "missing" and top_package(entry.module) in OURS:
            problems.append(f"{entry.module} (ours) is missing from the bundle")
            continue
        if entry.kind != "excluded":
            continue
        ours = sorted(i for i in entry.importers if top_package(i) in OURS)
        needed = sorted(
            i
            for i, how in entry.importers.items()
            if "top-level" in how and top_package(i) in runtime - set(OURS)
        )
        if ours:
            problems.append(f"{entry.module} is excluded by the spec but imported by {ours}")
        if needed:
            problems.append(
                f"{entry.module} is excluded by the spec but imported at top level by the "
                f"runtime dependency module(s) {needed[:3]}"
            )
    return problems


def import_module_call_sites(folders: tuple[str, ...] = OURS) -> set[str]:
    """Files of the product that call ``importlib.import_module`` (modules loaded by name)."""
    sites = set()
    for folder in folders:
        for path in sorted((ROOT / folder).rglob("*.py")):
            tree = ast.parse(path.read_text(encoding="utf-8"))
            for node in ast.walk(tree):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "import_module"
                ):
                    sites.add(path.relative_to(ROOT).as_posix())
    return sites
