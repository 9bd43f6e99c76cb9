"""Spreadsheet formula injection ("CSV injection"): neutralise cells before any export.

A cell that a spreadsheet would read as a formula — text starting with ``=``, ``+``, ``-``,
``@``, or with one of those after leading tab / carriage return / line feed / spaces — gets a
leading apostrophe, so Excel, LibreOffice and Google Sheets show it as text. A registrant who
types ``=HYPERLINK("http://evil", "點我")`` as their unit name cannot run anything on the
organiser's laptop. Call ``neutralise_formula`` on every *text* cell of every CSV/XLSX export;
numbers, dates and None pass through unchanged (a real negative number is not a formula).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

FORMULA_STARTS = ("=", "+", "-", "@")
# Characters spreadsheets skip before deciding a cell is a formula. Full-width ＝＋－＠ are
# turned into ASCII by some spreadsheet locales' input handling, so they are treated alike.
_LEADING = "\t\r\n \u3000"
_FULL_WIDTH = {"＝": "=", "＋": "+", "－": "-", "＠": "@"}

T = TypeVar("T")


def is_formula_like(text: str) -> bool:
    stripped = text.lstrip(_LEADING)
    if not stripped:
        return False
    first = _FULL_WIDTH.get(stripped[0], stripped[0])
    return first in FORMULA_STARTS or (stripped is not text and text[0] in "\t\r")


def neutralise_formula(value: T) -> T | str:
    """``'=1+2`` for ``=1+2``; anything that is not a string is returned unchanged."""
    if isinstance(value, str) and value and is_formula_like(value):
        return "'" + value
    return value


def neutralise_row(values: Iterable[object]) -> list[object]:
    """``neutralise_formula`` over one row of cells."""
    return [neutralise_formula(v) for v in values]
