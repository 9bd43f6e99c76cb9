"""身分證字號 / 統一證號: checksum validation and masking (rules from DOMAIN.md).

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


class IdProblem(StrEnum):
    MISSING = "missing"
    BAD_FORMAT = "bad_format"
    BAD_CHECKSUM = "bad_checksum"


def normalize_id(raw: str | None) -> str:
    """Full-width to half-width, upper case, all whitespace and dashes removed."""
    if not raw:
        return ""
    text = unicodedata.normalize("NFKC", str(raw)).upper()
    return re.sub(r"[\s\-]", "", text)


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
    """``A123456789`` → ``A12345****``: the last four characters hidden (NDC practice)."""
    number = normalize_id(raw)
    if not number:
        return ""
    keep = max(len(number) - 4, 1)
    return number[:keep] + "*" * (len(number) - keep)


def make_id(letter: str, second: str, body7: str) -> str:
    """Complete ``letter + second + 7 digits`` with the check digit (for demo data and tests)."""
    stem = f"{letter}{second}{body7}"
    for check in "0123456789":
        if _checksum_ok(stem + check):
            return stem + check
    raise ValueError(f"no check digit completes {stem!r}")
