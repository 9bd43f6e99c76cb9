"""The embedded Traditional Chinese font for every PDF, and the glyph check of what is drawn.

reportlab embeds subsets of TrueType (glyf) fonts only; the bundled AR PL UKai TW face covers
Big5 and rare name characters. A fallback TrueType font can be configured for characters the
main font lacks (checked when it is set: ``fallback_face``).

The glyph check is one mechanism for every document: while ``glyph_record()`` is open, every
string reportlab draws with our fonts is checked against the font it is drawn in, so the
report names exactly the text that printed as an empty box (``GlyphProblem``, JSON key
``missing_glyphs``).

reportlab writes the ToUnicode entry of a character outside the Basic Multilingual Plane as
five hex digits (``<2161B>``), which PDF readers take as another character (𡘙 extracts as
"Ⅱ"); ``_to_unicode_cmap`` replaces reportlab's writer with one that writes UTF-16 (a
surrogate pair), so copy, search and pdftotext give the real character.
"""

from __future__ import annotations

import contextlib
import contextvars
import functools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics, ttfonts

from desktop.paths import resource

# Every PDF draws with these fonts, so this module sets how all of them are written: compressed
# page streams as binary, not also ASCII85-encoded (reportlab's encoder is pure Python and
# took a fifth of a certificate batch's time).
rl_config.useA85 = 0

MAIN_FONT = "TWKai"
FALLBACK_FONT = "TWFallback"
MAIN_FONT_FILE = resource("fonts", "ukai-tw.ttf")


class FontError(ValueError):
    """A font file the PDFs cannot use; the message says why in one sentence."""


def _to_unicode_cmap(fontname: str, subset: list[int]) -> str:
    """A ToUnicode CMap for one subset of a font: code ``i`` is the character ``subset[i]``,
    written as UTF-16BE so characters above U+FFFF are a surrogate pair."""
    entries = [
        f"<{i:02X}> <{chr(code).encode('utf-16-be').hex().upper()}>"
        for i, code in enumerate(subset)
    ]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            "/CIDSystemInfo",
            f"<< /Registry ({fontname})",
            f"/Ordering ({fontname})",
            "/Supplement 0",
            ">> def",
            f"/CMapName /{fontname} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *entries,
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


# reportlab calls this module-level function when it writes each font subset.
ttfonts.makeToUnicodeCMap = _to_unicode_cmap


@dataclass(frozen=True)
class GlyphProblem:
    text: str  # the drawn text the characters were in
    missing: str  # characters the main font lacks
    unresolved: str  # of those, the ones that printed as empty boxes (no fallback covers them)

    def as_json(self) -> dict[str, str]:
        return {"text": self.text, "missing": self.missing, "unresolved": self.unresolved}


class GlyphRecord:
    """What the fonts were asked to draw and could not (or drew only with the fallback)."""

    def __init__(self) -> None:
        self._problems: dict[str, GlyphProblem] = {}

    def add(self, text: str, missing: str, unresolved: str) -> None:
        text = text.strip()
        if text not in self._problems:
            self._problems[text] = GlyphProblem(text, missing, unresolved)

    def problems(self) -> tuple[GlyphProblem, ...]:
        return tuple(self._problems.values())


_RECORD: contextvars.ContextVar[GlyphRecord | None] = contextvars.ContextVar(
    "glyph_record", default=None
)


@contextlib.contextmanager
def glyph_record() -> Iterator[GlyphRecord]:
    """Record the glyph problems of everything drawn inside the block (this thread only)."""
    record = GlyphRecord()
    token = _RECORD.set(record)
    try:
        yield record
    finally:
        _RECORD.reset(token)


class _CheckedFont(ttfonts.TTFont):
    """A TrueType font that reports the characters it is asked to draw and lacks."""

    def __init__(self, name: str, path: str, *, fallback: bool, subfont_index: int = 0) -> None:
        super().__init__(name, path, subfontIndex=subfont_index)
        self._is_fallback = fallback

    def splitString(  # reportlab's name
        self, text: str, doc: object, encoding: str = "utf-8"
    ) -> list[tuple[int, bytes]]:
        record = _RECORD.get()
        if record is not None:
            chars = self.face.charToGlyph
            lacking = "".join(
                dict.fromkeys(c for c in text if not c.isspace() and ord(c) not in chars)
            )
            if self._is_fallback:  # only characters the main font lacks are drawn here
                record.add(
                    text, "".join(dict.fromkeys(c for c in text if not c.isspace())), lacking
                )
            elif lacking:
                record.add(text, lacking, lacking)
        return super().splitString(text, doc, encoding)


@functools.cache
def register_main_font() -> str:
    """Register the bundled font with reportlab once per process (loading takes ~0.1 s)."""
    pdfmetrics.registerFont(_CheckedFont(MAIN_FONT, str(MAIN_FONT_FILE), fallback=False))
    return MAIN_FONT


def truetype_face(name: str) -> ttfonts.TTFontFace:
    """The parsed face of a registered TrueType font (reportlab's ``getFont`` is typed as
    answering any font; every font this project registers is TrueType)."""
    font = pdfmetrics.getFont(name)
    assert isinstance(font, ttfonts.TTFont), name
    return font.face


@functools.cache
def _codepoints(path: str, font_number: int = 0) -> frozenset[int]:
    from fontTools.ttLib import TTFont as FontToolsFont  # only with a fallback font

    font = FontToolsFont(path, fontNumber=font_number, lazy=True)
    try:
        return frozenset(font.getBestCmap())
    finally:
        font.close()


def missing_glyphs(text: str) -> str:
    """The characters of ``text`` the main font cannot draw (whitespace ignored), in order,
    once. Read from the font reportlab parsed to draw with: the 16.8 MB file is parsed once."""
    covered = truetype_face(register_main_font()).charToGlyph
    return "".join(dict.fromkeys(c for c in text if not c.isspace() and ord(c) not in covered))


def fallback_face(path: str | Path) -> int:
    """The face of ``path`` reportlab can embed: the file itself (``.ttf``) or, in a
    collection (``.ttc``), the first face with TrueType outlines. Raises ``FontError`` with a
    sentence for a file that is not a font or has only PostScript (CFF) outlines."""
    from fontTools.ttLib import TTCollection, TTLibError
    from fontTools.ttLib import TTFont as FontToolsFont  # only when a fallback font is set

    path = Path(path)
    if not path.is_file():
        raise FontError(f"找不到字型檔 {path}")
    try:
        if path.read_bytes()[:4] == b"ttcf":
            collection = TTCollection(str(path), lazy=True)
            faces = [("glyf" in face, face) for face in collection.fonts]
        else:
            font = FontToolsFont(str(path), lazy=True)
            faces = [("glyf" in font, font)]
    except (TTLibError, OSError, AssertionError) as exc:
        raise FontError(f"{path.name} 不是可讀取的字型檔（{exc}）") from None
    for index, (truetype, _) in enumerate(faces):
        if truetype:
            return index
    raise FontError(
        f"{path.name} 是 PostScript (CFF) 外框字型，PDF 無法內嵌；"
        "請改用 TrueType 字型（.ttf，或內含 TrueType 字面的 .ttc，如全字庫正楷體）"
    )


@dataclass(frozen=True)
class Fallback:
    """A configured fallback font: the file and the face inside it."""

    path: Path
    face: int = 0

    @classmethod
    def of(cls, path: str | Path | None) -> Fallback | None:
        """The usable fallback at ``path`` (``None`` when unset, missing or unusable: the
        setting was checked when it was made; a font removed since then is simply unused)."""
        if not path:
            return None
        try:
            return cls(Path(path), fallback_face(path))
        except FontError:
            return None

    def covers(self, char: str) -> bool:
        return ord(char) in _codepoints(str(self.path), self.face)


@functools.cache
def register_fallback_font(fallback: Fallback) -> str:
    name = f"{FALLBACK_FONT}{abs(hash(fallback)) % 10**8}"
    pdfmetrics.registerFont(
        _CheckedFont(name, str(fallback.path), fallback=True, subfont_index=fallback.face)
    )
    return name


def paragraph_markup(text: str, fallback: Fallback | None = None) -> str:
    """Escape ``text`` for a reportlab Paragraph; characters the main font lacks are wrapped in
    the fallback font when one is configured and covers them."""
    main_missing = set(missing_glyphs(text))
    if fallback is None or not main_missing:
        return escape(text)
    name = register_fallback_font(fallback)
    return "".join(
        f'<font name="{name}">{escape(c)}</font>'
        if c in main_missing and fallback.covers(c)
        else escape(c)
        for c in text
    )
