"""A live database on a network share is refused (WAL is not safe there); backups may go."""

from __future__ import annotations

import sys
from pathlib import Path, PureWindowsPath

import pytest

from db import engine
from desktop.errors import environment_problem
from desktop.services import backup

UNC = [
    r"\\fileserver\研習\2019\event.sqlite3",
    r"\\?\UNC\fileserver\share\event.sqlite3",
    "//fileserver/share/event.sqlite3",
]


@pytest.fixture
def windows(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """``sys.platform`` is win32 and ``GetDriveTypeW`` answers from a table (3 fixed, 4
    remote): drive letter → type."""
    types = {"C:\\": 3, "Z:\\": engine.DRIVE_REMOTE}
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(engine, "drive_type", lambda root: types[root])
    return types


@pytest.mark.parametrize("path", UNC)
def test_a_unc_path_is_a_network_drive(windows: dict[str, int], path: str) -> None:
    assert engine.on_network_drive(PureWindowsPath(path))


def test_opening_a_database_on_a_share_is_refused_with_a_sentence(
    windows: dict[str, int],
) -> None:
    with pytest.raises(engine.NetworkDatabase) as refused:
        engine.make_engine(f"sqlite:///{UNC[0]}")
    problem = environment_problem(refused.value)
    assert problem is not None and problem.code == "database_on_network_drive"
    assert "網路磁碟" in str(problem) and "備份" in str(problem)


def test_a_mapped_drive_is_refused_and_a_local_one_is_not(windows: dict[str, int]) -> None:
    assert engine.on_network_drive(PureWindowsPath(r"Z:\研習\event.sqlite3"))
    assert engine.on_network_drive(PureWindowsPath(r"\\?\Z:\event.sqlite3"))
    with pytest.raises(engine.NetworkDatabase):
        engine.make_engine(r"sqlite:///Z:\研習\event.sqlite3")
    assert not engine.on_network_drive(PureWindowsPath(r"C:\Users\me\event.sqlite3"))
    assert not engine.on_network_drive(PureWindowsPath(r"\\.\C:\event.sqlite3"))  # a device


def test_elsewhere_nothing_is_a_network_drive() -> None:
    """A share mounted on Linux or macOS is a local path as far as anyone can tell (and
    ``//x`` is a local path on POSIX)."""
    if sys.platform == "win32":
        pytest.skip("this is about other systems")
    assert not engine.on_network_drive("//fileserver/share/event.sqlite3")


def test_a_backup_to_a_network_drive_stays_allowed(
    windows: dict[str, int], demo_db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The backup is a plain copy (no WAL): ``backup_to`` never asks about the drive."""
    info = backup.backup_to(demo_db_path, tmp_path / "share" / "event-backup.sqlite3")
    assert info.path.is_file()
