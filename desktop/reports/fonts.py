"""The embedded Traditional Chinese font for every PDF, and the glyph check before printing.

reportlab embeds subsets of TrueType (glyf) fonts only; the bundled AR PL UKai TW face covers
Big5 and rare name characters. A fallback TrueType font can be configured for characters the
main font lacks; names are checked before printing so no certificate shows an empty box.
"""

from __future__ import annotations

import functools
from pathlib import Path
from xml.sax.saxutils import escape

from fontTools.ttLib import TTFont as FontToolsFont
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from desktop.paths import resource

MAIN_FONT = "TWKai"
FALLBACK_FONT = "TWFallback"
MAIN_FONT_FILE = resource("fonts", "ukai-tw.ttf")


@functools.cache
def register_main_font() -> str:
    """Register the bundled font with reportlab once per process (loading takes ~0.1 s)."""
    pdfmetrics.registerFont(TTFont(MAIN_FONT, str(MAIN_FONT_FILE)))
    return MAIN_FONT


@functools.cache
def _codepoints(path: str, font_number: int = 0) -> frozenset[int]:
    font = FontToolsFont(path, fontNumber=font_number, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def missing_glyphs(text: str, font_file: Path = MAIN_FONT_FILE) -> str:
    """The characters of ``text`` the font cannot draw (whitespace ignored), in order, once."""
    covered = _codepoints(str(font_file))
    seen: dict[str, None] = {}
    for char in text:
        if not char.isspace() and ord(char) not in covered:
            seen[char] = None
    return "".join(seen)


@functools.cache
def register_fallback_font(path: str) -> str:
    pdfmetrics.registerFont(TTFont(FALLBACK_FONT, path))
    return FALLBACK_FONT


def paragraph_markup(text: str, fallback_file: Path | None = None) -> str:
    """Escape ``text`` for a reportlab Paragraph; characters the main font lacks are wrapped in
    the fallback font when one is configured and covers them."""
    if fallback_file is None or not missing_glyphs(text):
        return escape(text)
    fallback = register_fallback_font(str(fallback_file))
    covered = _codepoints(str(fallback_file))
    main_missing = set(missing_glyphs(text))
    parts = []
    for char in text:
        if char in main_missing and ord(char) in covered:
            parts.append(f'<font name="{fallback}">{escape(char)}</font>')
        else:
            parts.append(escape(char))
    return "".join(parts)
