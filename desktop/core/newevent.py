"""What a new event and a new session need before anything is written.

Each check returns the problems found (field, code) so the window can mark the field and say
why in the user's language; an empty list means the input can be saved.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from dataclasses import dataclass

from desktop.paths import resource

MIN_PASSPHRASE = 8  # the passphrase seals the ID numbers of every attendee
MAX_NAME = 100


@dataclass(frozen=True)
class Problem:
    field: str  # name, organiser, passphrase, repeat, venue, end, capacity, agency_limit
    # required, too_long, too_short, common, mismatch, before_start, too_small, over_capacity,
    # duplicate
    code: str


def passphrase_problem(passphrase: str) -> str | None:
    """Why ``passphrase`` may not seal an event's ID numbers: ``too_short``, or ``common`` — in
    the shipped list of common passwords (``resources/passwords/common.txt``), digits only
    (dates and phone numbers are guessed first), one repeated character or a straight run
    like ``abcdefgh``; None when it may. Anyone holding a copy of the database can try
    guesses offline, so these are refused even though each guess costs half a second."""
    if len(passphrase) < MIN_PASSPHRASE:
        return "too_short"
    folded = unicodedata.normalize("NFKC", passphrase).casefold().replace(" ", "")
    steps = {ord(b) - ord(a) for a, b in zip(folded, folded[1:], strict=False)}
    if (
        folded in _common_passwords()
        or folded.isdigit()
        or len(set(folded)) == 1
        or steps in ({1}, {-1})
    ):
        return "common"
    return None


@functools.cache
def _common_passwords() -> frozenset[str]:
    lines = resource("passwords", "common.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line.strip() for line in lines if line.strip() and not line.startswith("#"))


def check_event(name: str, organiser: str, passphrase: str, repeat: str) -> list[Problem]:
    problems: list[Problem] = []
    if not name.strip():
        problems.append(Problem("name", "required"))
    elif len(name.strip()) > MAX_NAME * 2:
        problems.append(Problem("name", "too_long"))
    if not organiser.strip():
        problems.append(Problem("organiser", "required"))
    weak = passphrase_problem(passphrase)
    if weak is not None:
        problems.append(Problem("passphrase", weak))
    elif repeat != passphrase:
        problems.append(Problem("repeat", "mismatch"))
    return problems


def check_session(
    name: str,
    date: dt.date,
    start: dt.time,
    end: dt.time,
    venue: str,
    capacity: int,
    agency_limit: int,
    existing_names: tuple[str, ...] = (),
) -> list[Problem]:
    problems: list[Problem] = []
    clean = name.strip()
    if not clean:
        problems.append(Problem("name", "required"))
    elif len(clean) > MAX_NAME:
        problems.append(Problem("name", "too_long"))
    elif clean in existing_names:
        problems.append(Problem("name", "duplicate"))
    if not venue.strip():
        problems.append(Problem("venue", "required"))
    if end <= start:
        problems.append(Problem("end", "before_start"))
    if capacity < 1:
        problems.append(Problem("capacity", "too_small"))
    if agency_limit < 1:
        problems.append(Problem("agency_limit", "too_small"))
    elif agency_limit > capacity:
        problems.append(Problem("agency_limit", "over_capacity"))
    return problems
