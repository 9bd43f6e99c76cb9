"""What a new event and a new session need before anything is written.

Each check returns the problems found (a field and an outcome of ``desktop.core.outcomes.
newevent``) so the window can mark the field and say why in the user's language, and the
command line can say it in zh-TW; an empty list means the input can be saved.
"""

from __future__ import annotations

import datetime as dt
import functools
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from desktop.core.outcomes import newevent
from desktop.core.problems import QT_TRANSLATE_NOOP, Outcome
from desktop.paths import resource

MIN_PASSPHRASE = 8  # the passphrase seals the ID numbers of every attendee
MAX_NAME = 100


# The fields' names, for a problem's 「欄位：原因」 (the window translates the same entries).
EVENT_FIELDS = {
    "name": QT_TRANSLATE_NOOP("vocabulary", "活動名稱"),
    "organiser": QT_TRANSLATE_NOOP("vocabulary", "主辦單位"),
    "passphrase": QT_TRANSLATE_NOOP("vocabulary", "主辦密語"),
    "repeat": QT_TRANSLATE_NOOP("vocabulary", "再次輸入主辦密語"),
}
SESSION_FIELDS = {
    "name": QT_TRANSLATE_NOOP("vocabulary", "場次名稱"),
    "venue": QT_TRANSLATE_NOOP("vocabulary", "地點"),
    "end": QT_TRANSLATE_NOOP("vocabulary", "結束時間"),
    "capacity": QT_TRANSLATE_NOOP("vocabulary", "名額"),
    "agency_limit": QT_TRANSLATE_NOOP("vocabulary", "每機關上限"),
}


@dataclass(frozen=True)
class Problem:
    field: str  # name, organiser, passphrase, repeat, venue, end, capacity, agency_limit
    outcome: Outcome  # one of desktop.core.outcomes.newevent
    params: tuple[tuple[str, object], ...] = ()  # what the sentence names (too_long: n)
    session: bool = False  # a session's field (its name is 場次名稱), not the event's

    @property
    def code(self) -> str:
        return self.outcome.code

    @property
    def label(self) -> str:
        """The field's name in zh-TW (``EVENT_FIELDS``/``SESSION_FIELDS``)."""
        names: Mapping[str, str] = SESSION_FIELDS if self.session else EVENT_FIELDS
        return names.get(self.field, self.field)

    def text(self) -> str:
        """「欄位：原因」 in zh-TW."""
        return f"{self.label}：{self.outcome.say(**dict(self.params))}"


def explain(problems: list[Problem]) -> str:
    """Every problem in zh-TW, in one line."""
    return "；".join(p.text() for p in problems)


def passphrase_problem(passphrase: str) -> str | None:  # an outcome's code
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
        problems.append(Problem("name", newevent.REQUIRED))
    elif len(name.strip()) > MAX_NAME * 2:
        problems.append(Problem("name", newevent.TOO_LONG, (("n", MAX_NAME * 2),)))
    if not organiser.strip():
        problems.append(Problem("organiser", newevent.REQUIRED))
    weak = passphrase_problem(passphrase)
    if weak is not None:
        problems.append(
            Problem("passphrase", newevent.WORDS.outcomes[weak], (("n", MIN_PASSPHRASE),))
        )
    elif repeat != passphrase:
        problems.append(Problem("repeat", newevent.MISMATCH))
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
    problems: list[tuple[str, Outcome, tuple[tuple[str, object], ...]]] = []
    clean = name.strip()
    if not clean:
        problems.append(("name", newevent.REQUIRED, ()))
    elif len(clean) > MAX_NAME:
        problems.append(("name", newevent.TOO_LONG, (("n", MAX_NAME),)))
    elif clean in existing_names:
        problems.append(("name", newevent.DUPLICATE, ()))
    if not venue.strip():
        problems.append(("venue", newevent.REQUIRED, ()))
    if end <= start:
        problems.append(("end", newevent.BEFORE_START, ()))
    if capacity < 1:
        problems.append(("capacity", newevent.TOO_SMALL, ()))
    if agency_limit < 1:
        problems.append(("agency_limit", newevent.TOO_SMALL, ()))
    elif agency_limit > capacity:
        problems.append(("agency_limit", newevent.OVER_CAPACITY, ()))
    return [Problem(f, outcome, params, session=True) for f, outcome, params in problems]
