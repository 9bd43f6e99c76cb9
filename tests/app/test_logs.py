import logging
import sys
from pathlib import Path

import pytest

from desktop.logs import install_excepthook, setup_logging


@pytest.mark.allow_log(r"^uncaught exception\n")
def test_uncaught_exception_is_logged_and_shown(
    private_data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    log_file = setup_logging()
    shown: list[tuple[str, Path]] = []
    install_excepthook(lambda summary, path: shown.append((summary, path)))
    try:
        raise ValueError("boom at the desk")
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "boom at the desk" in text and "Traceback" in text
    assert shown == [("ValueError: boom at the desk", log_file)]
    assert log_file.parent.parent == private_data_home
