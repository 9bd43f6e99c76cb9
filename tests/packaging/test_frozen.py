"""The installer build, then the frozen app as users run it: its self-test (PDF view and print
through QtPdf, a vote counted by pabutools, the venue server, backup, import), PyInstaller's
warn file, the modules loaded by name in the frozen archive, and the frozen ``serve``.

The build takes about a minute, so it runs where it matters: in CI (``.ci/run`` sets
``CI=true``), or locally with ``WORKSHOP_DESK_BUILD_TEST=1`` (``make installer-test``).
Elsewhere it is skipped; the fast checks of the spec (tests/packaging/test_spec.py) always run.
One test does it all: a second one would build again on another xdist worker.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from desktop import __version__  # the one version (pyproject.toml reads it too)
from tests.packaging.spec_checks import (
    SPEC,
    read_warn_file,
    runtime_packages,
    spec_options,
    warn_problems,
)

RUN_BUILD = bool(os.environ.get("CI") or os.environ.get("WORKSHOP_DESK_BUILD_TEST"))
# Every step of the self-test: what users do must work in the installed app.
SELF_TEST_STEPS = (
    "resources",
    "database",
    "window",
    "screens",
    "translations",
    "multimedia",
    "pdf",
    "pdf view",
    "print",
    "vote",
    "server",
    "count",
    "backup",
    "restore",
    "import",
)


def build(tmp_path: Path) -> tuple[Path, Path, float]:
    """(the frozen folder, PyInstaller's work folder, seconds taken)."""
    pyinstaller = shutil.which("pyinstaller", path=str(Path(sys.executable).parent))
    assert pyinstaller, "PyInstaller is not installed: pip install -e '.[build]'"
    dist, work = tmp_path / "dist", tmp_path / "build"
    started = time.perf_counter()
    built = subprocess.run(
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
        cwd=SPEC.parent,
        capture_output=True,
        encoding="utf-8",
        timeout=900,
    )
    assert built.returncode == 0, built.stderr[-3000:]
    return dist / spec_options().FOLDER_NAME, work, time.perf_counter() - started


def frozen_env(home: Path) -> dict[str, str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "WORKSHOP_DESK_HOME": str(home)}
    env.pop("PYTHONPATH", None)  # the frozen app must not find this checkout's modules
    return env


def check_self_test(program: Path, env: dict[str, str], cwd: Path) -> float:
    started = time.perf_counter()
    result = subprocess.run(
        [str(program), "self-test", "--json"],
        cwd=cwd,
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )
    seconds = time.perf_counter() - started
    report = json.loads(result.stdout)
    failed = [f"{s['name']}: {s['detail']}" for s in report["steps"] if not s["ok"]]
    assert result.returncode == 0 and report["ok"], failed or result.stderr[-3000:]
    names = [s["name"] for s in report["steps"]]
    assert names == list(SELF_TEST_STEPS), f"self-test steps {names}"
    multimedia = next(s for s in report["steps"] if s["name"] == "multimedia")
    assert "warning" not in multimedia["detail"]
    return seconds


def check_warn_file(work: Path) -> None:
    """Nothing desktop/ or a runtime dependency needs was excluded; nothing of ours missing."""
    (warn_file,) = work.rglob("warn-*.txt")
    entries = read_warn_file(warn_file.read_text(encoding="utf-8"))
    assert entries, f"{warn_file} lists nothing: has PyInstaller changed its format?"
    problems = warn_problems(entries, runtime_packages())
    assert not problems, f"{warn_file.name}:\n  " + "\n  ".join(problems)


def check_archive(program: Path) -> None:
    """Every module loaded by name is in the frozen archive (the PYZ inside the program)."""
    from PyInstaller.archive.readers import CArchiveReader

    archive = CArchiveReader(str(program)).open_embedded_archive("PYZ.pyz")
    frozen = set(archive.toc)
    absent = [m for m in spec_options().modules_loaded_by_name() if m not in frozen]
    assert not absent, f"loaded by name but not frozen: {absent}"


def check_serve(program: Path, env: dict[str, str], db: Path) -> None:
    """The frozen ``serve`` starts on loopback; a table leader's report and the vote page
    answer; it stops when told to."""
    made = subprocess.run(
        [str(program), "--db", str(db), "demo"], env=env, capture_output=True, encoding="utf-8"
    )
    assert made.returncode == 0, made.stderr
    server = subprocess.Popen(
        [
            str(program),
            "--db",
            str(db),
            "serve",
            "--session",
            "臺北場次",
            "--host",
            "127.0.0.1",
            "--port",
            "0",
            "--json",
        ],
        env={**env, "WORKSHOP_DESK_PASSPHRASE": "demo"},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
    )
    watchdog = threading.Timer(60, server.kill)  # a hung start must not hang the suite
    watchdog.start()
    try:
        assert server.stdout is not None and server.stderr is not None
        line = server.stdout.readline()
        assert line, f"serve ended before listening: {server.stderr.read()[-2000:]}"
        first = json.loads(line)
        assert "tables" in first, first  # else the error object serve printed
        for url in (first["tables"][0]["url"] + "/report.json", first["address"] + "vote"):
            with urllib.request.urlopen(url, timeout=10) as answer:
                assert answer.status == 200
    finally:
        watchdog.cancel()
        server.terminate()
        server.wait(timeout=15)


@pytest.mark.skipif(
    not RUN_BUILD,
    reason="builds the installer (~1 min): CI or WORKSHOP_DESK_BUILD_TEST=1 (make installer-test)",
)
def test_frozen_app_does_what_users_do(tmp_path: Path) -> None:
    folder, work, build_seconds = build(tmp_path)
    program = folder / (spec_options().CLI_NAME + (".exe" if sys.platform == "win32" else ""))
    assert program.exists()
    env = frozen_env(tmp_path / "fresh-home")

    check_warn_file(work)
    check_archive(program)
    self_test_seconds = check_self_test(program, env, tmp_path)
    check_serve(program, env, tmp_path / "serve.sqlite3")
    version = subprocess.run(
        [str(program), "--version"], env=env, capture_output=True, encoding="utf-8", timeout=60
    )
    assert version.stdout.strip() == f"workshop-desk {__version__}"
    size_mb = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink()) / 1e6
    print(
        f"build {build_seconds:.0f} s, folder {size_mb:.0f} MB, self-test {self_test_seconds:.1f} s"
    )
