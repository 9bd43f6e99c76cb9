"""The consoles a CLI child process runs under (see ``console``)."""

from __future__ import annotations

import os
import shutil
import subprocess

import pytest


def _big5_locale() -> dict[str, str]:
    """A Big5 locale (``zh_TW.BIG5``, made by scripts/install-system-deps.sh); where it is not
    installed, ``PYTHONIOENCODING=big5`` stands in for it (the streams' encoding is what a
    locale changes for the CLI)."""
    locale = shutil.which("locale")  # not on Windows
    installed = (
        subprocess.run([locale, "-a"], capture_output=True, encoding="utf-8").stdout
        if locale
        else ""
    )
    if "zh_tw.big5" in installed.lower().split():
        return {"LC_ALL": "zh_TW.BIG5", "LANG": "zh_TW.BIG5"}
    return {"PYTHONIOENCODING": "big5", "LANG": "zh_TW.BIG5"}


# The consoles of a zh-TW Windows laptop, as Linux can have them: a redirected stream there is
# in the ANSI code page (cp950); a Big5 locale does the same to a Linux process.
CONSOLES = {
    "utf-8": lambda: {},
    "cp950": lambda: {"PYTHONIOENCODING": "cp950"},
    "big5-locale": _big5_locale,
}


@pytest.fixture(params=sorted(CONSOLES))
def console(request: pytest.FixtureRequest) -> dict[str, str]:
    """The environment of one of ``CONSOLES`` for a child process."""
    return CONSOLES[request.param]()


def child_env(console: dict[str, str], **extra: str) -> dict[str, str]:
    """This process's environment for a child, under ``console`` instead of ours."""
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("PYTHONIOENCODING", "PYTHONUTF8", "LC_ALL", "LC_CTYPE", "LANG")
    }
    return {**env, **console, **extra}
