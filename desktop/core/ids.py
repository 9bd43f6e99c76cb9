"""身分證字號 / 統一證號: checksum validation and masking (rules from DOMAIN.md).

What people type into an ID cell is not always just the ID: ``A123456789（本人）``,
``F27654329(1)``, ``E134567813/0911000001`` (a phone number after it). ``normalize_id``
extracts the one ID-shaped token from such a cell; the mask is derived from that token only,
so no character of the rest of the cell can end up in clear next to the mask.

Accepted forms, after normalisation (NFKC, upper case, spaces removed):
* national ID: letter + 1/2 + 8 digits;
* new resident certificate number (2021): letter + 8/9 + 8 digits;
* old resident certificate number: letter + A-D + 8 digits, the second letter counting as the
  last digit of its letter value (A→0, B→1, C→2, D→3).
"""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum

LETTER_VALUES = {
    "A": 10, "B": 11, "C": 12, "D": 13, "E": 14, "F": 15, "G": 16, "H": 17, "I": 34,
    "J": 18, "K": 19, "L": 20, "M": 21, "N": 22, "O": 35, "P": 23, "Q": 24, "R": 25,
    "S": 26, "T": 27, "U": 28, "V": 29, "W": 32, "X": 30, "Y": 31, "Z": 33,
}  # fmt: skip
WEIGHTS = (1, 9, 8, 7, 6, 5, 4, 3, 2, 1, 1)
_SHAPE = re.compile(r"^[A-Z][12489A-D]\d{8}$")
# One ID-shaped token inside a longer cell, not glued to more letters or digits.
_TOKEN = re.compile(r"(?<![A-Z0-9])[A-Z][12489A-D]\d{8}(?!\d)")
# Notes people add in brackets: （本人）, [備註], 【】, 〔〕 (full-width ones are ASCII after NFKC).
_NOTES = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|【[^【】]*】|〔[^〔〕]*〕")
_BRACKET_CHARS = re.compile(r"[()\[\]【】〔〕]")
_TYPED = re.compile(r"^[\x21-\x7e]+$")  # printable ASCII: what can be sealed as typed
MAX_TYPED_ID = 20  # longer than any ID; a cell longer than this after normalising is not one
# The mask of anything that is not an ID-shaped number: no character of what was typed.
UNREADABLE_MASK = "**********"
# Every stored mask is "" (no ID), UNREADABLE_MASK, or fits this (DOMAIN.md's A12345****).
MASK_SHAPE = re.compile(r"^[A-Z][12489A-D]\d{4}\*{4}$")


class IdProblem(StrEnum):
    MISSING = "missing"
    BAD_FORMAT = "bad_format"
    BAD_CHECKSUM = "bad_checksum"


def normalize_id(raw: str | None) -> str:
    """The ID number in a cell: full-width to half-width, upper case, whitespace and dashes
    removed, then the one ID-shaped token found without the notes in brackets, or with the
    brackets' contents joined in (``F27654329(1)``), or in the whole cell (a phone number
    after a slash). When there is none, the normalised cell without its notes (a bad ID)."""
    if not raw:
        return ""
    text = re.sub(r"[\s\-]", "", unicodedata.normalize("NFKC", str(raw)).upper())
    if _SHAPE.match(text):
        return text
    without_notes = _NOTES.sub("", text)
    for candidate in (without_notes, _BRACKET_CHARS.sub("", text), text):
        found: list[str] = _TOKEN.findall(candidate)
        if len(found) == 1:
            return found[0]
    return without_notes


def sealable_id(raw: str | None) -> str | None:
    """What to encrypt for a cell: the extracted ID, a bad one as typed (the organiser may need
    to see it to correct it) when it is short printable ASCII, "" for a blank cell; None
    when the cell holds no recognisable ID (it is rejected, saying row and column)."""
    number = normalize_id(raw)
    if not number or _SHAPE.match(number):
        return number
    return number if len(number) <= MAX_TYPED_ID and _TYPED.match(number) else None


def id_problem(raw: str | None) -> IdProblem | None:
    """None when ``raw`` is a valid ID number, else what is wrong with it."""
    number = normalize_id(raw)
    if not number:
        return IdProblem.MISSING
    if not _SHAPE.match(number) or number[1] in "34567":
        return IdProblem.BAD_FORMAT
    return None if _checksum_ok(number) else IdProblem.BAD_CHECKSUM


def is_valid_id(raw: str | None) -> bool:
    return id_problem(raw) is None


def _checksum_ok(number: str) -> bool:
    first = LETTER_VALUES[number[0]]
    second = int(number[1]) if number[1].isdigit() else LETTER_VALUES[number[1]] % 10
    digits = [first // 10, first % 10, second, *(int(c) for c in number[2:])]
    return sum(d * w for d, w in zip(digits, WEIGHTS, strict=True)) % 10 == 0


def mask_id(raw: str | None) -> str:
    """``A123456789`` → ``A12345****``: the last four characters hidden (NDC practice).
    Anything that is not ID-shaped is masked whole (``UNREADABLE_MASK``): keeping "all but
    the last four" of a longer cell would leave an ID in it readable."""
    number = normalize_id(raw)
    if not number:
        return ""
    if not _SHAPE.match(number):
        return UNREADABLE_MASK
    return number[:6] + "****"


def make_id(letter: str, second: str, body7: str) -> str:
    """Complete ``letter + second + 7 digits`` with the check digit (for demo data and tests)."""
    stem = f"{letter}{second}{body7}"
    for check in "0123456789":
        if _checksum_ok(stem + check):
            return stem + check
    raise ValueError(f"no check digit completes {stem!r}")
