"""The desk's search: the session's people with match keys, found as staff type."""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from db.models import Attendee, AuditEntry, Registration, WorkshopTable
from db.uow import Database
from desktop.core.search import parse_query, phone_digits, search_key
from desktop.core.text import clean, match_key
from desktop.services.desk_counts import ABSENT, presences
from desktop.services.people_query import with_person_and_table


@dataclass(frozen=True)
class SearchEntry:
    registration_id: int
    name: str
    agency: str
    title: str
    status: str
    table: int | None
    phone_tail: str  # last 3 digits, for display
    name_key: str
    agency_key: str  # agency, unit and e-mail (search_key)
    digits: str  # all digits of the phone, for "last digits" matching


@dataclass(frozen=True)
class SearchHit:
    registration_id: int
    name: str
    agency: str
    title: str
    status: str
    table: int | None
    phone_tail: str
    state: str  # absent / in / out
    first_at: dt.datetime | None


class SearchIndex:
    """The session's people with match keys, loaded once so results show as staff type, and
    updated in place for the people a scan or a walk-in touches.

    All keys are also joined into one text (one line per person): a query's first term is
    found there at C speed, and only the lines it occurs in are checked term by term, so a
    search costs what it finds, not the size of the session."""

    def __init__(self, entries: Sequence[SearchEntry]) -> None:
        self.entries = list(entries)
        self._position = {e.registration_id: i for i, e in enumerate(self.entries)}
        self._join()

    @staticmethod
    def _line(e: SearchEntry) -> str:
        return f"{e.name_key}\x1f{e.agency_key}\x1e{e.digits}"

    def _join(self) -> None:
        lines = [self._line(e) for e in self.entries]
        self._text = "\n".join(lines) + "\n"
        starts, at = [], 0
        for line in lines:
            starts.append(at)
            at += len(line) + 1
        self._starts = starts

    def update(self, entries: Sequence[SearchEntry]) -> None:
        """Replace these people's entries (a new one goes last). The joined text is built
        again only when a key changed (a table or a status changes nothing there)."""
        rejoin = False
        for e in entries:
            at = self._position.get(e.registration_id)
            if at is None:
                self._position[e.registration_id] = len(self.entries)
                self.entries.append(e)
                rejoin = True
            else:
                rejoin = rejoin or self._line(self.entries[at]) != self._line(e)
                self.entries[at] = e
        if rejoin:
            self._join()

    def find(self, text: str, limit: int = 30) -> list[SearchEntry]:
        """Every space-separated term must match the name, the agency/unit/e-mail, or (3+
        digits) the end of the phone number: 「詹 三重」 finds 詹堃霖 of 新北市三重區公所.
        People whose name starts with the first term come first."""
        query = parse_query(text)
        if query.empty:
            return []
        first = query.terms[0]
        name_hits: list[SearchEntry] = []
        other_hits: list[SearchEntry] = []
        seen = -1
        at = self._text.find(first)
        while at >= 0:
            line = bisect_right(self._starts, at) - 1
            if line != seen:
                seen = line
                e = self.entries[line]
                if query.matches(f"{e.name_key}\x1f{e.agency_key}", e.digits):
                    (name_hits if e.name_key.startswith(first) else other_hits).append(e)
            next_line = self._starts[line + 1] if line + 1 < len(self._starts) else len(self._text)
            at = self._text.find(first, next_line)
        return (name_hits + other_hits)[:limit]


def search_entries(
    db: Database, session_id: int, registration_ids: Iterable[int] | None = None
) -> list[SearchEntry]:
    """The session's people as search entries (only ``registration_ids`` when given)."""
    query = (
        with_person_and_table(
            select(
                Registration.id,
                Attendee.name,
                Attendee.agency,
                Attendee.unit,
                Attendee.title,
                Registration.status,
                Attendee.phone,
                WorkshopTable.number,
                Attendee.email,
            )
        )
        .where(Registration.session_id == session_id)
        .order_by(Registration.queue, Registration.id)
    )
    if registration_ids is not None:
        query = query.where(Registration.id.in_(list(registration_ids)))
    with db.read() as s:
        rows = s.execute(query).all()
    entries = []
    for reg_id, name, agency, unit, title, status, phone, table, email in rows:
        digits = phone_digits(clean(phone))
        entries.append(
            SearchEntry(
                reg_id,
                name,
                agency,
                title,
                status,
                table,
                digits[-3:],
                match_key(name),
                search_key(agency, unit, email),
                digits,
            )
        )
    return entries


def people_stamp(db: Database) -> int:
    """The newest audited change to who is on a list or where they sit, check-ins and
    on-arrival seats aside (``LiveTally.update`` follows those): while it stays the same, a
    desk's loaded people and search index are still right."""
    with db.read() as s:
        return (
            s.scalar(
                select(func.max(AuditEntry.id)).where(
                    AuditEntry.action.not_like("checkin.%"), AuditEntry.action != "seat.arrival"
                )
            )
            or 0
        )


def load_search_index(db: Database, session_id: int) -> SearchIndex:
    return SearchIndex(search_entries(db, session_id))


def with_state(db: Database, entries: Sequence[SearchEntry]) -> list[SearchHit]:
    with db.read() as s:
        states = presences(s, [e.registration_id for e in entries]) if entries else {}
    hits = []
    for e in entries:
        p = states.get(e.registration_id, ABSENT)
        hits.append(
            SearchHit(
                e.registration_id,
                e.name,
                e.agency,
                e.title,
                e.status,
                e.table,
                e.phone_tail,
                p.state,
                p.first_in.at if p.first_in else None,
            )
        )
    return hits


def search(db: Database, session_id: int, text: str, limit: int = 30) -> list[SearchHit]:
    return with_state(db, load_search_index(db, session_id).find(text, limit))
