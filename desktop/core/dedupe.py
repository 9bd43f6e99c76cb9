"""One person, one attendee: merging the rows of someone who registered more than once.

Two rows are the same person when they share a valid ID number, or an e-mail address, or a
name and agency (compared with ``match_key``: 台/臺, width and spaces ignored). Two rows with
*different valid* ID numbers are never the same person, whatever else they share.

People usually register again to correct something, so the later row's data wins (a blank
answer in the later row keeps the earlier one), but the person keeps the place in line of
their first registration: the earliest time stamp of the group.

Someone who registers for two *different* sessions is still one person, but keeps both
registrations: with ``session_of``, rows of one person are merged per session, and the
``Person`` of each session carries the same ``identity``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace
from typing import Any

from desktop.core.import_rows import ParsedRow
from desktop.core.outcomes import importing
from desktop.core.text import match_key

_PERSON_FIELDS = (
    "name",
    "agency",
    "unit",
    "title",
    "email",
    "phone",
    "id_number",
    "id_problem",
    "wants_hours",
)
_MERGED_FIELDS = (
    "name",
    "agency",
    "unit",
    "title",
    "email",
    "phone",
    "session_value",
    "lunch",
    "remark",
)


def person_keys(name: str, agency: str, email: str, id_number: str | None) -> tuple[str, ...]:
    """The keys under which a person can be recognised (``id_number``: valid plain ID)."""
    keys = []
    if id_number:
        keys.append("id:" + id_number)
    if email:
        keys.append("mail:" + email.strip().lower())
    if name:
        keys.append("who:" + match_key(name) + "\x1f" + match_key(agency))
    return tuple(keys)


def row_keys(row: ParsedRow) -> tuple[str, ...]:
    return person_keys(row.name, row.agency, row.email, row.id_number if row.id_valid else None)


@dataclass(frozen=True)
class Person:
    """The merged data of one or more rows (the last of ``rows`` is the latest)."""

    data: ParsedRow  # merged values; ``row`` is the latest row's number
    rows: tuple[int, ...]  # row numbers, in file order
    registered_at: dt.datetime | None  # earliest time stamp of the group
    first_order: int  # file position of the first row: the tie-breaker for the queue
    identity: int = 0  # the same for every session's Person of one human being

    @property
    def merged(self) -> int:
        return len(self.rows) - 1


@dataclass(frozen=True)
class Merge:
    kept_row: int  # the first row of the person
    merged_row: int  # a later row folded into it


def merge_rows(
    rows: Iterable[ParsedRow], session_of: Callable[[ParsedRow], Hashable] | None = None
) -> tuple[tuple[Person, ...], tuple[Merge, ...]]:
    """Group accepted rows by person, in file order; with ``session_of``, a person's rows for
    different sessions stay apart (one ``Person`` per session, sharing ``identity``)."""
    groups: list[list[ParsedRow]] = []
    group_ids: list[str | None] = []  # the group's valid ID, if any
    index: dict[str, int] = {}
    for row in rows:
        own_id = row.id_number if row.id_valid else None
        found = None
        keys = row_keys(row)
        for key in keys:
            g = index.get(key)
            if g is None:
                continue
            if own_id and group_ids[g] and group_ids[g] != own_id:
                continue  # different valid IDs: different people
            found = g
            break
        if found is None:
            found = len(groups)
            groups.append([])
            group_ids.append(None)
        groups[found].append(row)
        if own_id and group_ids[found] is None:
            group_ids[found] = own_id
        for key in keys:
            index.setdefault(key, found)
    parts: list[tuple[int, list[ParsedRow]]] = []
    whole: dict[int, ParsedRow] = {}  # a person's data merged over all their sessions' rows
    for identity, group in enumerate(groups):
        by_session: dict[Hashable, list[ParsedRow]] = {}
        for row in group:
            by_session.setdefault(session_of(row) if session_of else None, []).append(row)
        parts.extend((identity, part) for part in by_session.values())
        if len(by_session) > 1:  # only then is the person's data more than one part's
            whole[identity] = _merge(group).data
    parts.sort(key=lambda p: p[1][0].order)
    people = []
    for identity, part in parts:
        person = _merge(part, identity)
        if len(part) < len(groups[identity]):  # the latest answers about the person win
            data = whole[identity]
            person = replace(
                person, data=replace(person.data, **{f: getattr(data, f) for f in _PERSON_FIELDS})
            )
            person = replace(person, data=_drop_stale_id_problems(person.data))
        people.append(person)
    merges = tuple(
        sorted(
            (Merge(p[0].row, r.row) for _, p in parts for r in p[1:]), key=lambda m: m.merged_row
        )
    )
    return tuple(people), merges


def _merge(group: list[ParsedRow], identity: int = 0) -> Person:
    merged = group[0]
    for later in group[1:]:
        changes: dict[str, Any] = {
            f: getattr(later, f) for f in _MERGED_FIELDS if getattr(later, f)
        }
        if later.id_number:
            changes.update(id_number=later.id_number, id_problem=later.id_problem)
        changes.update(
            wants_hours=later.wants_hours,
            row=later.row,
            order=later.order,
            problems=merged.problems + later.problems,
        )
        merged = replace(merged, **changes)
    merged = _drop_stale_id_problems(merged)
    stamps = [r.registered_at for r in group if r.registered_at is not None]
    return Person(
        data=merged,
        rows=tuple(r.row for r in group),
        registered_at=min(stamps) if stamps else None,
        first_order=group[0].order,
        identity=identity,
    )


def _drop_stale_id_problems(row: ParsedRow) -> ParsedRow:
    """ "No ID given" on a row whose person gave one in another row is no longer true."""
    if not row.id_number:
        return row
    kept = tuple(p for p in row.problems if p.outcome is not importing.ROW_ID_MISSING_WANTS_HOURS)
    return row if len(kept) == len(row.problems) else replace(row, problems=kept)
