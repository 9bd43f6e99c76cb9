"""Group report values as a person reads them, for the same-field conflict chooser."""

from __future__ import annotations


def shown_value(value: object) -> str:
    return "（空白）" if value in (None, "") else str(value)
