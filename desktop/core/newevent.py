"""What a new event and a new session need before anything is written.

Each check returns the problems found (field, code) so the window can mark the field and say
why in the user's language; an empty list means the input can be saved.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

MIN_PASSPHRASE = 8  # the passphrase seals the ID numbers of every attendee
MAX_NAME = 100


@dataclass(frozen=True)
class Problem:
    field: str  # name, organiser, passphrase, repeat, venue, end, capacity, agency_limit
    # required, too_long, too_short, mismatch, before_start, too_small, over_capacity, duplicate
    code: str


def check_event(name: str, organiser: str, passphrase: str, repeat: str) -> list[Problem]:
    problems: list[Problem] = []
    if not name.strip():
        problems.append(Problem("name", "required"))
    elif len(name.strip()) > MAX_NAME * 2:
        problems.append(Problem("name", "too_long"))
    if not organiser.strip():
        problems.append(Problem("organiser", "required"))
    if len(passphrase) < MIN_PASSPHRASE:
        problems.append(Problem("passphrase", "too_short"))
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
