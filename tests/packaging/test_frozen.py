"""The installer build: the spec ships every resource folder the code reads, and the frozen app
passes its own self-test offscreen against a fresh data folder.

The build takes ~30–40 s, so it runs where it matters: in CI (``.ci/run`` sets ``CI=true``),
or locally with ``WORKSHOP_DESK_BUILD_TEST=1`` (``make installer-test``). Elsewhere it is skipped;
the fast spec check always runs.
"""

from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from desktop import __version__  # the one version (pyproject.toml reads it too)

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "build_installer.spec"
RUN_BUILD = bool(os.environ.get("CI") or os.environ.get("WORKSHOP_DESK_BUILD_TEST"))


def spec_literal(name: str) -> list[tuple[str, str]]:
    """A list assigned at the top of the spec (read as the spec says it, not re-declared)."""
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return ast.literal_eval(node.value)
    raise AssertionError(f"{name} not found in {SPEC.name}")


def shipped_paths() -> set[str]:
    """Source paths the spec puts into the bundle (folders and single files)."""
    return {src for src, _ in spec_literal("DATA_DIRS") + spec_literal("DATA_FILES")}


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
    excluded = set(spec_literal_strings("QT_EXCLUDES"))
    for module in ("QtQuick", "QtQml", "QtOpenGL", "QtNetwork", "QtMultimedia"):
        assert module not in excluded, f"{module} is needed by the FFmpeg camera plugin"
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    strips = [
        k.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        for k in node.keywords
        if k.arg == "strip"
    ]
    assert strips and all(isinstance(v, ast.Constant) and v.value is False for v in strips), (
        "strip=True corrupts the FFmpeg libraries"
    )
    collected = {
        node.args[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "collect_submodules"
    }
    assert "desktop" in collected  # CLI modules are imported by name from COMMAND_MODULES


def spec_literal_strings(name: str) -> list[str]:
    tree = ast.parse(SPEC.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == name for t in node.targets
        ):
            return list(ast.literal_eval(node.value))
    raise AssertionError(f"{name} not found")


@pytest.mark.skipif(
    not RUN_BUILD,
    reason="builds the installer (~40 s): CI or WORKSHOP_DESK_BUILD_TEST=1 (make installer-test)",
)
def test_frozen_app_passes_its_self_test(tmp_path: Path) -> None:
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "PyInstaller is not installed: pip install -e '.[build]'"
    dist, work = tmp_path / "dist", tmp_path / "build"
    started = time.perf_counter()
    build = subprocess.run(
        [
            pyinstaller,
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(dist),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert build.returncode == 0, build.stderr[-3000:]
    build_seconds = time.perf_counter() - started
    exe = (
        dist
        / "workshop-desk"
        / ("workshop-desk.exe" if sys.platform == "win32" else "workshop-desk")
    )
    assert exe.exists()

    home = tmp_path / "fresh-home"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKSHOP_DESK_HOME": str(home)}
    env.pop("PYTHONPATH", None)
    result = subprocess.run(
        [str(exe), "self-test", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr[-3000:]
    report = json.loads(result.stdout)
    steps = {s["name"]: s for s in report["steps"]}
    assert report["ok"], report
    for name in ("resources", "database", "window", "screens", "translations", "multimedia", "pdf"):
        assert steps[name]["ok"], steps.get(name)
    assert "warning" not in steps["multimedia"]["detail"]

    version = subprocess.run(
        [str(exe), "--version"], env=env, capture_output=True, text=True, timeout=60
    )
    assert version.stdout.strip() == f"workshop-desk {__version__}"
    size_mb = sum(p.lstat().st_size for p in dist.rglob("*") if not p.is_symlink()) / 1e6
    print(f"build {build_seconds:.0f} s, folder {size_mb:.0f} MB")
