"""Entry point of the frozen app (PyInstaller): the same ``workshop-desk`` command line."""

from __future__ import annotations

import os
import sys


def _attach_console() -> None:
    """The windowed Windows program (``WorkshopDesk.exe``) has no stdout: when it is given a
    command in a console anyway, write to that console; otherwise discard output instead of
    crashing on None. Commands belong to the console program, ``workshop-desk.exe``."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    if sys.platform == "win32":
        import ctypes

        if ctypes.windll.kernel32.AttachConsole(-1):  # the console we were started from
            sys.stdout = open("CONOUT$", "w", encoding="utf-8", buffering=1)
            sys.stderr = open("CONOUT$", "w", encoding="utf-8", buffering=1)
            return
    devnull = open(os.devnull, "w", encoding="utf-8")
    sys.stdout = sys.stdout or devnull
    sys.stderr = sys.stderr or devnull


if __name__ == "__main__":
    _attach_console()
    from desktop.cli import run

    run()
