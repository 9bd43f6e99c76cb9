"""What an import plan reads and produces: plain copies of the event as it is in the database
(``Snapshot``), and the plan (``ImportPlan``: the ``ImportSummary`` the organiser previews and
the ``ImportWrites`` that make it true). ``desktop.core.import_plan`` makes the plan."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from desktop.core.admission import AdmissionResult, StatusChange
from desktop.core.dedupe import Merge
from desktop.core.import_rows import ERROR, RowProblem

# --- what is in the database ----------------------------------------------------------------


@dataclass(frozen=True)
class KnownSession:
    id: int
    name: str
    capacity: int
    agency_limit: int


@dataclass
class KnownRegistration:
    """A registration as stored: the one declaration of its fields. ``import_people.Reg`` is
    the plan's working copy of it (not frozen for that reason); ``services.importing`` reads
    the columns by these names."""

    id: int  # in a working copy, negative: a registration the plan adds
    session_id: int
    status: str
    status_reason: str
    registered_at: dt.datetime
    queue: int
    lunch: str
    remark: str
    source: str
    missing_from_import: bool
    told: bool
    checked_in: bool


@dataclass(frozen=True)
class KnownPerson:
    id: int
    name: str
    agency: str
    unit: str
    title: str
    email: str
    phone: str
    wants_hours: bool
    id_mask: str
    id_status: str
    id_cipher: bytes | None
    registrations: tuple[KnownRegistration, ...]


@dataclass(frozen=True)
class Snapshot:
    """The event as the plan was made against it; ``version`` tells the service whether the
    database still is that event when the plan is applied."""

    event_id: int
    sessions: tuple[KnownSession, ...]  # the event's sessions, in their order
    people: tuple[KnownPerson, ...]  # in id order
    can_seal: bool  # the event has a public key to seal ID numbers with
    version: tuple[object, ...]


# --- the plan -------------------------------------------------------------------------------


@dataclass(frozen=True)
class MissingPerson:
    registration_id: int
    name: str
    session: str


@dataclass(frozen=True)
class ImportSummary:
    source: str
    encoding: str
    committed: bool
    headers: tuple[str, ...]
    mapping: dict[str, str]  # field → header text
    rows_read: int  # non-blank data rows
    blank_rows: int
    imported: int  # people added
    updated: int  # people whose data changed
    unchanged: int
    rejected: tuple[RowProblem, ...]  # rows not imported, with the reason
    merges: tuple[Merge, ...]  # duplicate rows folded into an earlier one
    flagged: tuple[RowProblem, ...]  # imported, but look at this
    missing: tuple[MissingPerson, ...]  # registered before, not in this export
    other_sessions: int  # rows for sessions other than the chosen one (skipped)
    per_session: dict[str, int] = field(default_factory=dict)  # people per session in the file
    id_matching: bool = False  # IDs were decrypted to recognise people
    status_changes: tuple[StatusChange, ...] = ()  # who moves into or out of a seat
    admissions: tuple[AdmissionResult, ...] = ()  # per session, when the rule was applied

    @property
    def duplicates_merged(self) -> int:
        return len(self.merges)

    def problems(self) -> tuple[RowProblem, ...]:
        """Every row's problems, errors first, in row order."""
        return tuple(
            sorted(
                self.rejected + self.flagged, key=lambda p: (p.severity != ERROR, p.row, p.column)
            )
        )

    def as_json(self) -> dict[str, Any]:
        def problem(p: RowProblem) -> dict[str, Any]:
            return {"row": p.row, "column": p.column, "code": p.code, "reason": p.message}

        return {
            "file": self.source,
            "encoding": self.encoding,
            "committed": self.committed,
            "mapping": self.mapping,
            "rows_read": self.rows_read,
            "blank_rows": self.blank_rows,
            "imported": self.imported,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "rejected": [problem(p) for p in self.rejected],
            "duplicates_merged": self.duplicates_merged,
            "merged_rows": [{"row": m.merged_row, "into_row": m.kept_row} for m in self.merges],
            "flagged": [problem(p) for p in self.flagged],
            "missing_from_import": [{"name": m.name, "session": m.session} for m in self.missing],
            "other_sessions": self.other_sessions,
            "sessions": self.per_session,
            "id_matching": self.id_matching,
            "status_changes": [c.as_json() for c in self.status_changes],
        }


@dataclass(frozen=True)
class NewPerson:
    values: Mapping[str, object]  # name … wants_hours, id_mask, id_status
    id_number: str  # to seal ("" for none); plain in memory only


@dataclass(frozen=True)
class NewRegistration:
    key: int  # negative: the plan's name for it until it has an id; keys order the inserts
    attendee_id: int | None  # an existing person …
    new_person: int | None  # … or the index of one in ``ImportWrites.new_people``
    values: Mapping[str, object]  # session_id, status, registered_at, queue, lunch, remark


@dataclass(frozen=True)
class RowUpdate:
    id: int
    values: Mapping[str, object]  # column → new value
    id_number: str | None = None  # people: an ID number to seal into ``id_cipher``


@dataclass(frozen=True)
class Audited:
    """One registration an import changed (or flagged missing), for the audit log."""

    key: int  # registration id, or a ``NewRegistration.key``
    name: str
    fields: tuple[str, ...]  # empty: flagged missing from the import
    row: int


@dataclass(frozen=True)
class ImportWrites:
    new_people: tuple[NewPerson, ...]
    new_registrations: tuple[NewRegistration, ...]  # in key order (-1, -2, …)
    people: tuple[RowUpdate, ...]
    registrations: tuple[RowUpdate, ...]
    audited: tuple[Audited, ...]
    moves: tuple[tuple[int, StatusChange], ...]  # admission moves: (registration key, change)


@dataclass(frozen=True)
class ImportPlan:
    summary: ImportSummary
    writes: ImportWrites
