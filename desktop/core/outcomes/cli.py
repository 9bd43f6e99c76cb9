"""Outcomes only the command line has: a usage mistake (worded by the CLI in English, as
argparse words its own) and a command that needs a terminal it does not have."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("cli")

USAGE = WORDS("usage", "{detail}")
NO_CONSOLE = WORDS(
    "no_console",
    QT_TRANSLATE_NOOP(
        "messages",
        "沒有主控台：請設定環境變數 {variable}，或改用主控台程式 workshop-desk "
        "(no console: set that variable or use the console program workshop-desk)",
    ),
)
