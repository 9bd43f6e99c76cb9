"""The guards that make Windows behaviour fail on Linux are in force (tests/conftest.py,
pyproject.toml's filterwarnings, the Makefile's ``test``)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest


def test_fsync_refuses_a_read_only_handle_as_windows_does(tmp_path: Path) -> None:
    file = tmp_path / "backup.sqlite3"
    file.write_bytes(b"SQLite format 3\x00")
    with open(file, "rb") as handle, pytest.raises(OSError) as refused:
        os.fsync(handle.fileno())
    assert refused.value.errno == 9  # EBADF, as FlushFileBuffers without write access
    with open(file, "r+b") as handle:
        os.fsync(handle.fileno())  # a writable handle is flushed


def test_a_default_encoding_in_desktop_or_db_is_an_error(tmp_path: Path) -> None:
    """``open(path)`` in desktop/ or db/ reads cp950 on a zh-TW Windows laptop: under
    ``make test`` (PYTHONWARNDEFAULTENCODING=1) it fails the test that reaches it."""
    if not sys.flags.warn_default_encoding:
        if os.environ.get("CI"):
            pytest.fail("make test runs with PYTHONWARNDEFAULTENCODING=1 (see the Makefile)")
        pytest.skip("run with PYTHONWARNDEFAULTENCODING=1 (make test does)")
    file = tmp_path / "名單.csv"
    file.write_bytes("姓名\n林𡘙\n".encode())
    for module in ("desktop.services.probe", "db.probe"):
        code = compile("open(path).close()", f"{module.replace('.', '/')}.py", "exec")
        with pytest.raises(EncodingWarning):
            exec(code, {"__name__": module, "path": file})
    with pytest.warns(EncodingWarning):  # elsewhere (tests, libraries) a warning only
        exec(
            compile("open(path).close()", "tests/probe.py", "exec"),
            {"__name__": "tests.probe", "path": file},
        )
