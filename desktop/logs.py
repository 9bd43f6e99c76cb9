"""Logging to a file in the data folder, and the last-resort handler for uncaught errors.

A traceback in the log names each exception's type, its code (a ``CodedError``) and where it
was raised, never its message: messages carry what was being processed — openpyxl's
``IllegalCharacterError`` quotes the report's text, a database error its parameters — and the
log holds no personal data. The size of the message withheld is kept, to tell cases apart.
"""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Callable
from logging.handlers import RotatingFileHandler
from pathlib import Path
from types import TracebackType
from typing import TypeAlias

from desktop import paths

LOG_NAME = "workshop-desk.log"

ExcInfo: TypeAlias = tuple[type[BaseException], BaseException, TracebackType | None]


class WithoutContent(logging.Formatter):
    """Tracebacks without exception messages (see the module)."""

    def format(self, record: logging.LogRecord) -> str:
        # Another handler (a console's, a test's) may have cached the whole traceback on the
        # record: this one writes its own, and leaves theirs as it found it.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: ExcInfo | tuple[None, None, None]) -> str:
        return describe_exception(ei[1]) if ei[1] is not None else ""


def describe_exception(exc: BaseException) -> str:
    """The chain of ``exc`` (causes first, as Python prints it), frames and types only."""
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain:
        chain.append(current)
        cause = current.__cause__
        current = (
            cause if cause is not None or current.__suppress_context__ else current.__context__
        )
    parts = []
    for e in reversed(chain):
        kind = type(e)
        try:
            size = len(str(e))
        except Exception:  # a broken __str__ must not break the log
            size = -1
        code = getattr(e, "code", None)
        said = f" code={code}" if isinstance(code, str) else ""
        parts.append(
            "Traceback (most recent call last):\n"
            + "".join(traceback.format_tb(e.__traceback__))
            + f"{kind.__module__}.{kind.__qualname__}{said} (message withheld: {size} characters)"
        )
    return "\n\nwhich led to:\n".join(parts)


def setup_logging(level: int = logging.INFO) -> Path:
    path = paths.log_dir() / LOG_NAME
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, RotatingFileHandler)]:
        if Path(old.baseFilename) != path.resolve():  # the data folder moved (tests)
            root.removeHandler(old)
            old.close()
    if not any(isinstance(h, RotatingFileHandler) for h in root.handlers):
        handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3, encoding="utf-8")
        handler.setFormatter(WithoutContent("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    root.setLevel(level)
    return path


def install_excepthook(show: Callable[[str, Path], None] | None = None) -> None:
    """Log every uncaught exception with its traceback; ``show`` tells the user (a dialog)."""

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, exc, tb)
            return
        logging.getLogger("crash").error("uncaught exception", exc_info=(kind, exc, tb))
        if show is not None:
            show(f"{kind.__name__}: {exc}", paths.log_dir() / LOG_NAME)
        else:
            sys.__excepthook__(kind, exc, tb)

    sys.excepthook = hook
