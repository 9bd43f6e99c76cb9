"""File names the product proposes, valid on Windows whatever the session is called.

A session named ``3/15 上午場 9:00?`` is fine as a name, but not as a file name: Windows refuses
``<>:"/\\|?*`` and control characters (``:`` even writes an NTFS alternate stream instead of
the file), drops trailing dots and spaces, reserves device names (``CON``, ``NUL``, ``COM1``…,
with any extension: ``con.pdf`` is the console too) and limits a name's length. Every name
the window or the CLI proposes for a document, an export, passes or a backup goes through
``windows_safe_name``; the person may still type anything in a save dialog.
"""

from __future__ import annotations

import re
from pathlib import Path

# Characters Windows refuses in a file name, and the ASCII control characters.
_FORBIDDEN = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')
_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"}
    | {f"{device}{n}" for device in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")}
)
# NTFS allows 255 UTF-16 units per name; stay well below so a folder path plus the name fits
# the classic 260-character path limit of older programs (Acrobat Reader, Excel 2016).
MAX_NAME = 120
REPLACEMENT = "_"


def windows_safe_name(text: str, suffix: str = "") -> str:
    """``text`` as a file name valid on Windows (and everywhere else), ending in ``suffix``
    (e.g. ``".pdf"``): forbidden characters become ``_``, runs of blanks one space, no dot
    or space at either end, a reserved device name gets a ``_`` after it, and the stem is cut
    so the whole name is at most ``MAX_NAME`` characters (UTF-16 units, as NTFS counts)."""
    stem = _FORBIDDEN.sub(REPLACEMENT, text)
    stem = " ".join(stem.split())
    room = MAX_NAME - _utf16_units(suffix) - len(REPLACEMENT)  # room for a device name's _
    while _utf16_units(stem) > room:
        stem = stem[:-1]
    stem = stem.strip(" .") or REPLACEMENT
    device, dot, rest = stem.partition(".")
    if device.rstrip(" ").upper() in _RESERVED:  # CON, con.tar, "nul .txt": all the device
        stem = device + REPLACEMENT + dot + rest
    return stem + suffix


def numbered(path: Path, number: int) -> Path:
    """``path`` with `` (number)`` before its suffix: ``名單.pdf`` → ``名單 (2).pdf``, the
    name a file gets when the last one is open in another program."""
    return path.with_name(windows_safe_name(path.stem, f" ({number}){path.suffix}"))


def _utf16_units(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2
