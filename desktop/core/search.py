"""Search-as-you-type over people: name, agency, e-mail (台/臺-, width- and case-insensitive)
and the last digits of a phone number.

Each row gets a ``search_key`` once; a query is split on spaces and every term must match:
contained in the key, or — for a term of 3 or more digits — the end of the phone number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from desktop.core.text import clean, match_key

_NOT_DIGIT = re.compile(r"\D")


def search_key(*values: str) -> str:
    return "\x1f".join(match_key(v) for v in values if v)


def phone_digits(phone: str) -> str:
    return _NOT_DIGIT.sub("", phone.partition("#")[0])


@dataclass(frozen=True)
class Query:
    terms: tuple[str, ...]
    digit_terms: tuple[bool, ...]

    @property
    def empty(self) -> bool:
        return not self.terms

    def matches(self, key: str, phone: str) -> bool:
        for term, digits in zip(self.terms, self.digit_terms, strict=True):
            if term in key:
                continue
            if digits and phone.endswith(term):
                continue
            return False
        return True


def parse_query(text: str) -> Query:
    terms = tuple(t for t in (match_key(part) for part in clean(text).split(" ")) if t)
    return Query(terms, tuple(t.isdigit() and len(t) >= 3 for t in terms))
