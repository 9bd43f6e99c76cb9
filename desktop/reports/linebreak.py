"""Chinese line breaking (DOMAIN.md) for every wrapped text: the paragraphs of every PDF
(``pdfdoc`` hands it to reportlab) and the canvas-drawn certificates. Without platypus, so a
certificate batch does not import it."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.lib.textsplit import ALL_CANNOT_START
from reportlab.rl_config import _FUZZ

# Chinese line breaking (DOMAIN.md): no line begins with closing punctuation and none ends with
# opening punctuation. reportlab's CJK wrapping knows only part of the first rule (not ，；：？！)
# and none of the second, so every CJK-wrapped paragraph is broken by ``break_at``.
CANNOT_START = frozenset("，。、；：？！）」』》〉】〕｝﹚…‥・·,.;:?!)]}%％’”") | frozenset(
    ALL_CANNOT_START
)
CANNOT_END = frozenset("（「『《〈【〔｛﹙([{‘“")


def break_at(chars: Sequence[str], start: int, end: int) -> int:
    """Where to end the line ``chars[start:end]`` that overflowed at ``end``: moved back so the
    next line does not start with closing punctuation, this one does not end with opening
    punctuation, and a Latin word or number is not cut (while the line keeps one character)."""
    at = end
    while at > start + 1 and (chars[at] in CANNOT_START or chars[at - 1] in CANNOT_END):
        at -= 1
    word = at
    while (
        word > start + 1
        and chars[word].isascii()
        and chars[word].isalnum()
        and chars[word - 1].isascii()
        and chars[word - 1].isalnum()
    ):
        word -= 1
    return word if word > start + 1 else at


def cjk_lines(
    text: str, widths: Sequence[float], max_widths: Sequence[float]
) -> list[tuple[int, int]]:
    """Where the lines of ``text`` (character ``i`` is ``widths[i]`` wide) start and end, line
    ``n`` at most ``max_widths[n]`` wide (the last width for the rest), each line ended where
    ``break_at`` allows. Paragraphs and the canvas-drawn certificates both wrap with it."""
    lines: list[tuple[int, int]] = []
    start = i = 0
    used = 0.0
    while i < len(text):
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        if used + widths[i] > max_width + _FUZZ and i > start:
            end = break_at(text, start, i)
            lines.append((start, end))
            start = i = end
            used = 0.0
            continue
        used += widths[i]
        i += 1
    if start < len(text):
        lines.append((start, len(text)))
    return lines
