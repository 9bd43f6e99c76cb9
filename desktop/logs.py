"""Logging to a file in the data folder, and the last-resort handler for uncaught errors."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType

from desktop import paths

LOG_NAME = "workshop-desk.log"


def setup_logging(level: int = logging.INFO) -> Path:
    path = paths.log_dir() / LOG_NAME
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename) != path.resolve():  # the data folder moved (tests)
            root.removeHandler(old)
            old.close()
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    return path


def install_excepthook(show: Callable[[str, Path], None] | None = None) -> None:
    """Log every uncaught exception with its traceback; ``show`` tells the user (a dialog)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        text = "".join(traceback.format_exception(kind, exc, tb))
        logging.getLogger("crash").error("uncaught exception\n%s", text)
        if show is not None:
            show(f"{kind.__name__}: {exc}", paths.log_dir() / LOG_NAME)
        else:
            sys.__excepthook__(kind, exc, tb)

    sys.excepthook = hook
