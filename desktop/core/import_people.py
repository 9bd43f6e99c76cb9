"""The people an import works on: the event's people and registrations as the plan changes
them (``Who``, ``Reg``: each records the columns it changed), and recognising a row's person
among them (``Matcher``)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from typing import Any

from desktop.core.dedupe import person_keys
from desktop.core.import_model import KnownPerson, KnownRegistration
from desktop.core.import_rows import ParsedRow

# Status and ID-status values as stored (db.models.Status / IdStatus are StrEnums of these).
VALID, INVALID, MISSING = "valid", "invalid", "missing"
TEXT_FIELDS = ("name", "agency", "unit", "title", "email", "phone")


@dataclass
class Reg(KnownRegistration):
    """A registration as the import leaves it; ``changed`` collects the columns to write."""

    changed: dict[str, object] = field(default_factory=dict)

    def set(self, column: str, value: object) -> None:
        setattr(self, column, value)
        self.changed[column] = value


@dataclass
class Who:
    """A person as the import leaves them."""

    id: int  # negative: the index of a new person, minus one
    values: dict[str, Any]
    id_cipher: bytes | None
    registrations: list[Reg]
    changed: dict[str, object] = field(default_factory=dict)
    seal: str | None = None  # the ID number to seal
    plain: str | None = None  # the stored ID, opened once

    def set(self, column: str, value: object) -> None:
        self.values[column] = value
        self.changed[column] = value


def working_copy(p: KnownPerson) -> Who:
    values = {f: getattr(p, f) for f in (*TEXT_FIELDS, "wants_hours", "id_mask", "id_status")}
    regs = [
        Reg(**{f.name: getattr(r, f.name) for f in fields(KnownRegistration)})
        for r in p.registrations
    ]
    return Who(p.id, values, p.id_cipher, regs)


class Matcher:
    """People already in the event, recognised by e-mail, name + agency, or (when IDs can be
    opened) their ID number; each is matched by one person of the file at most."""

    def __init__(self, people: list[Who], open_id: Callable[[bytes], str] | None) -> None:
        self.people = people
        self.open_id = open_id
        self._index: dict[str, Who | None] = {}  # None: a new person of this file
        self._id_index: dict[str, Who] | None = None
        self._claimed: set[int] = set()
        for who in people:
            v = who.values
            for key in person_keys(v["name"], v["agency"], v["email"], None):
                self._index.setdefault(key, who)

    def plain_id(self, who: Who) -> str | None:
        if self.open_id is None or who.id_cipher is None:
            return None
        if who.plain is None:
            who.plain = self.open_id(who.id_cipher)
        return who.plain

    def find(self, row: ParsedRow) -> Who | None:
        own_id = row.id_number if row.id_valid else None
        candidates: list[Who | None] = []
        if own_id and self.open_id is not None:
            if self._id_index is None:
                self._id_index = {}
                for person in self.people:
                    if person.values["id_status"] == VALID and person.id_cipher is not None:
                        self._id_index.setdefault(self.plain_id(person) or "", person)
            candidates.append(self._id_index.get(own_id))
        candidates += [
            self._index.get(k) for k in person_keys(row.name, row.agency, row.email, None)
        ]
        for who in candidates:
            if who is None or who.id in self._claimed:
                continue
            if own_id and self.open_id is not None and who.values["id_status"] == VALID:
                if self.plain_id(who) != own_id:
                    continue  # different valid IDs: not the same person
            self._claimed.add(who.id)
            return who
        return None

    def claim(self, row: ParsedRow) -> None:
        """A new person from this file: nobody else in it may match an older person by the
        keys this one took first."""
        for key in person_keys(row.name, row.agency, row.email, None):
            self._index.setdefault(key, None)
