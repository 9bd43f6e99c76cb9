"""Shared fixtures: an offscreen Qt, a private data folder, and databases copied from
templates that are migrated (and filled with the demo event) once per test session."""

from __future__ import annotations

import errno
import logging
import os
import re
import sqlite3
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The loggers of this product; a warning or error from one of them fails the test that caused
# it unless the test declares it with ``@pytest.mark.allow_log(r"message pattern", ...)``.
OUR_LOGGERS = ("desktop", "db", "crash")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "allow_log(*patterns): warnings/errors this test expects our loggers to log "
        "(regular expressions searched in the message)",
    )
    config.addinivalue_line(
        "markers",
        "real_kdf: seal ID keys with the product's scrypt cost (tests of the cost itself)",
    )


@pytest.fixture(autouse=True)
def quick_id_key_seals(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Sealing an event's ID key costs ~0.25 s of scrypt on purpose (a passphrase guess must
    be slow); every test that creates or unlocks an event paid it, ~15 s of the suite. Tests
    seal with the demo's cheap parameters (``PUBLIC_KDF``), except those marked ``real_kdf``.
    Other processes a test starts (the CLI as a subprocess) keep the real cost."""
    if request.node.get_closest_marker("real_kdf") is None:
        from desktop.core import idvault

        monkeypatch.setattr(idvault, "DEFAULT_KDF", idvault.PUBLIC_KDF)


@pytest.fixture(autouse=True)
def windows_fsync(monkeypatch: pytest.MonkeyPatch) -> None:
    """``os.fsync`` refuses a file opened read-only, as on Windows: there it is
    ``FlushFileBuffers``, which needs a writable handle (``OSError: [Errno 9]``), so code that
    fsyncs a file it opened ``"rb"`` works on Linux and fails on every office laptop. A folder
    passes: Windows cannot open one at all, and the product syncs folders only on POSIX."""
    if sys.platform == "win32":
        return  # the real thing
    import fcntl

    real_fsync = os.fsync

    def fsync(fd: int | object) -> None:
        number = fd if isinstance(fd, int) else fd.fileno()  # type: ignore[attr-defined]
        read_only = fcntl.fcntl(number, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY
        if read_only and not stat.S_ISDIR(os.fstat(number).st_mode):
            raise OSError(errno.EBADF, "Bad file descriptor (fsync of a read-only handle)")
        real_fsync(number)

    monkeypatch.setattr(os, "fsync", fsync)


def _ours(record: logging.LogRecord) -> bool:
    return any(record.name == n or record.name.startswith(n + ".") for n in OUR_LOGGERS)


@pytest.fixture(autouse=True)
def no_unexpected_log(
    request: pytest.FixtureRequest, caplog: pytest.LogCaptureFixture
) -> Iterator[None]:
    """qutebrowser's log-fail pattern: a warning nobody asked for is a bug found, not noise."""
    yield
    patterns = [re.compile(p) for m in request.node.iter_markers("allow_log") for p in m.args]
    unexpected = [
        r
        for phase in ("setup", "call")
        for r in caplog.get_records(phase)
        if r.levelno >= logging.WARNING
        and _ours(r)
        and not any(p.search(r.getMessage()) for p in patterns)
    ]
    if unexpected:
        lines = [f"{r.levelname} {r.name}: {r.getMessage().splitlines()[0]}" for r in unexpected]
        pytest.fail("unexpected log records:\n" + "\n".join(lines), pytrace=False)


@pytest.fixture(autouse=True)
def no_leaked_windows() -> Iterator[None]:
    """A test closes every window it opens (``qtbot.addWidget`` does it): windows left alive
    pile up over the suite and make every later widget operation slower."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance()
    before = set(QApplication.topLevelWidgets()) if app is not None else set()
    yield
    app = QApplication.instance()
    if app is None:
        return
    if _alive_windows(before):
        # Windows only a reference cycle still holds are not a leak: collect and look again
        # (the first list is not kept: it would hold them).
        import gc

        gc.collect()
    leaked = _alive_windows(before)
    if leaked:
        names = sorted(type(w).__name__ for w in leaked)
        for widget in leaked:
            widget.close()
            widget.deleteLater()
        _flush_deletes()
        pytest.fail(f"test left {len(names)} window(s) alive: {', '.join(names)}", pytrace=False)


def _flush_deletes() -> None:
    """Run the pending ``deleteLater``s (qtbot's included): without an event loop they never
    run, and thousands of closed windows piled up over the suite. Twice: a window deleted
    now may ``deleteLater`` its own helpers (the check-in screen's welcome window)."""
    from PySide6.QtCore import QCoreApplication, QEvent

    for _ in range(2):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _alive_windows(before: set[object]) -> list[QWidget]:  # noqa: F821
    from PySide6.QtWidgets import QApplication

    _flush_deletes()
    return [w for w in QApplication.topLevelWidgets() if w not in before]


@pytest.fixture(autouse=True)
def private_data_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test ever touches the real user data folder."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKSHOP_DESK_HOME", str(home))
    return home


def _copy_sqlite(source: Path, target: Path) -> Path:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)
    src.close()
    dst.close()
    return target


@pytest.fixture(scope="session")
def empty_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop.app import open_database

    path = tmp_path_factory.mktemp("templates") / "empty.sqlite3"
    open_database(path).dispose()
    return path


@pytest.fixture(scope="session")
def demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from desktop.app import open_demo_database

    path = tmp_path_factory.mktemp("templates") / "demo.sqlite3"
    open_demo_database(path).dispose()
    return path


@pytest.fixture
def empty_db_path(empty_template: Path, tmp_path: Path) -> Path:
    return _copy_sqlite(empty_template, tmp_path / "empty.sqlite3")


@pytest.fixture
def demo_db_path(demo_template: Path, tmp_path: Path) -> Path:
    return _copy_sqlite(demo_template, tmp_path / "demo.sqlite3")


@pytest.fixture
def empty_db(empty_db_path: Path) -> Iterator[Database]:  # noqa: F821
    from desktop.app import open_database

    db = open_database(empty_db_path)
    yield db
    db.dispose()


@pytest.fixture
def demo_db(demo_db_path: Path) -> Iterator[Database]:  # noqa: F821
    from desktop.app import open_database

    db = open_database(demo_db_path)
    yield db
    db.dispose()


PG_URL = os.environ.get("WORKSHOP_DESK_TEST_PG_URL")


@pytest.fixture(scope="session")
def pg_worker_url() -> str:
    """The test PostgreSQL database of this pytest-xdist worker: ``WORKSHOP_DESK_TEST_PG_URL``
    itself without xdist, else a sibling database named after the worker (``wd_test_gw1``),
    created on first use, so parallel workers never empty each other's schema."""
    if not PG_URL:
        if os.environ.get("CI"):
            pytest.fail("CI must provide WORKSHOP_DESK_TEST_PG_URL (scripts/ci-postgres.sh)")
        pytest.skip("no PostgreSQL: set WORKSHOP_DESK_TEST_PG_URL to an empty database")
    worker = os.environ.get("PYTEST_XDIST_WORKER")
    if not worker:
        return PG_URL
    from sqlalchemy import create_engine, make_url, text

    base = make_url(PG_URL)
    name = f"{base.database}_{worker}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        if not connection.scalar(text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}):
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


@pytest.fixture
def pg_url(pg_worker_url: str) -> str:
    """The test PostgreSQL database, emptied; skipped without a server (failed in CI)."""
    from sqlalchemy import create_engine, text

    cleaner = create_engine(pg_worker_url)
    with cleaner.begin() as connection:
        connection.execute(text("DROP SCHEMA public CASCADE"))
        connection.execute(text("CREATE SCHEMA public"))
    cleaner.dispose()
    return pg_worker_url


@pytest.fixture
def pg_db(pg_url: str) -> Iterator[Database]:  # noqa: F821
    from desktop.app import open_database

    db = open_database(pg_url)
    yield db
    db.dispose()


@pytest.fixture
def run_cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch):
    """Run ``workshop-desk`` in-process; returns (exit code, stdout, stderr).

    Organiser commands need the passphrase: the demo's is in the environment unless the test
    sets another one (or removes it: ``monkeypatch.delenv``) itself."""
    from desktop.cli import PASSPHRASE_ENV, main
    from desktop.services.demo import DEMO_PASSPHRASE

    monkeypatch.setenv(PASSPHRASE_ENV, DEMO_PASSPHRASE)

    def run(*argv: str) -> tuple[int, str, str]:
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return code, captured.out, captured.err

    return run
