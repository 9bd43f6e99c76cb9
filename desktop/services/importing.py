"""Importing the online form's export: the file → a plan → the plan written, all or nothing.

``read_registration_file`` reads the file once (``desktop.core.importing``). ``plan_import``
loads a snapshot of the event (plain rows, one read) and plans the import against it
(``desktop.core.import_plan``): the ``PlannedImport``'s summary is the preview the organiser
sees. ``apply_import`` writes that same plan in bulk in ONE unit of work — first checking, with
a few aggregate queries, that the event is still the one planned against (every change a
service makes is audited or adds a row; a check-in adds a row); only if it is not is the
import planned again, and then changes the organiser did not confirm refuse the whole import
(``ImportOutdated``, carrying the new plan to show).

ID numbers are sealed when the plan is written, one public-key operation per import
(``IdSealer``). The column mapping used is remembered per event
(``stored_settings.IMPORT_MAPPING``: ``{"fields": {field: header}}``).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from db.models import (
    Attendee,
    AuditEntry,
    CheckIn,
    Event,
    EventSession,
    Registration,
)
from db.uow import Database
from desktop import collector
from desktop.core.admission import StatusChange
from desktop.core.idvault import IdOpener, IdSealer
from desktop.core.import_model import (
    ImportPlan,
    ImportSummary,
    KnownPerson,
    KnownRegistration,
    KnownSession,
    Snapshot,
)
from desktop.core.import_plan import make_plan
from desktop.core.importing import RawTable, guess_mapping, read_table
from desktop.core.text import mask_name
from desktop.services import audit, stored_settings
from desktop.services.admission import UnconfirmedChanges, confirm
from desktop.services.arrivals import arrived_ids
from desktop.services.bulk import insert_rows, reserve_ids, update_rows
from desktop.services.registrations import event_of, id_opener


@dataclass(frozen=True)
class PlannedImport:
    """An import planned against the event as it was (``version``); ``summary`` is what the
    organiser previews and what ``apply_import`` writes."""

    plan: ImportPlan
    table: RawTable
    mapping: Mapping[str, int]
    session_id: int | None
    admit: bool
    at: dt.datetime
    opener: IdOpener | None
    snapshot: Snapshot

    @property
    def summary(self) -> ImportSummary:
        return self.plan.summary


class ImportOutdated(UnconfirmedChanges):
    """The event changed since the preview and the import now changes other statuses than
    the confirmed ones: nothing was written; ``planned`` is the import as it would be now."""

    def __init__(self, planned: PlannedImport) -> None:
        super().__init__(planned.summary.status_changes)
        self.planned = planned


def read_registration_file(path: Path | str) -> RawTable:
    """The file's cells; raises ``ImportFileError`` (one line) when it cannot be read."""
    return read_table(path)


def remembered_mapping(db: Database, event_id: int) -> dict[str, str]:
    with db.read() as s:
        return dict(
            stored_settings.read(s, stored_settings.IMPORT_MAPPING, event_id).get("fields", {})
        )


def import_mapping(db: Database, table: RawTable, event_id: int | None = None) -> dict[str, int]:
    """The column mapping to propose for ``table``: remembered corrections, then guesses."""
    if event_id is None:
        with db.read() as s:
            event_id = event_of(s, None).id
    return guess_mapping(table.headers, remembered_mapping(db, event_id))


def plan_import(
    db: Database,
    table: RawTable,
    *,
    mapping: Mapping[str, int] | None = None,
    session_id: int | None = None,
    passphrase: str | None = None,
    admit: bool = False,
    now: dt.datetime | None = None,
) -> PlannedImport:
    """Plan importing ``table`` (nothing is written). ``session_id`` chooses the session for a
    file without a 報名場次 column (and, for a file with one, imports only that session's
    rows); ``passphrase`` lets stored IDs recognise people; ``admit`` applies the admission
    rule to the imported sessions too."""
    with db.read() as s:
        event = event_of(s, session_id)
        opener = id_opener(event, passphrase)
        if mapping is None:
            remembered = stored_settings.read(s, stored_settings.IMPORT_MAPPING, event.id)
            mapping = guess_mapping(table.headers, remembered.get("fields"))
        return _plan(s, event, table, mapping, session_id, admit, now or dt.datetime.now(), opener)


def apply_import(
    db: Database,
    planned: PlannedImport,
    *,
    actor: str = "",
    expected: Sequence[StatusChange] | None = None,
) -> ImportSummary:
    """Write ``planned`` (all or nothing). ``expected``: the status changes the organiser
    confirmed; if the import would now make others, nothing is written (``ImportOutdated``)."""
    with db.unit_of_work(immediate=True) as s:  # the event cannot change while it is written
        event = s.get_one(Event, planned.snapshot.event_id)
        if _version(s, event) != planned.snapshot.version:
            planned = _plan(
                s,
                event,
                planned.table,
                planned.mapping,
                planned.session_id,
                planned.admit,
                planned.at,
                planned.opener,
            )
        try:
            confirm(planned.summary.status_changes, expected)
        except UnconfirmedChanges:
            raise ImportOutdated(planned) from None
        return _write(s, event, planned, actor)


def run_import(
    db: Database,
    table: RawTable,
    *,
    commit: bool = True,
    actor: str = "",
    expected: Sequence[StatusChange] | None = None,
    **request: Any,
) -> ImportSummary:
    """Plan and (with ``commit``) write in one go: the CLI and scripts. ``request``: the
    arguments of ``plan_import``."""
    planned = plan_import(db, table, **request)
    if not commit:
        return planned.summary
    return apply_import(db, planned, actor=actor, expected=expected)


def import_file(db: Database, path: Path | str, **kwargs: Any) -> ImportSummary:
    """Read and import a file in one go."""
    return run_import(db, read_registration_file(path), **kwargs)


# --- the snapshot ---------------------------------------------------------------------------


def _plan(
    s: Session,
    event: Event,
    table: RawTable,
    mapping: Mapping[str, int],
    session_id: int | None,
    admit: bool,
    at: dt.datetime,
    opener: IdOpener | None,
) -> PlannedImport:
    with collector.paused():
        snapshot = _snapshot(s, event)
        plan = make_plan(
            table,
            mapping,
            snapshot,
            session_id=session_id,
            admit=admit,
            at=at,
            open_id=opener.open if opener is not None else None,
        )
    return PlannedImport(plan, table, dict(mapping), session_id, admit, at, opener, snapshot)


def _version(s: Session, event: Event) -> tuple[object, ...]:
    """What changes when anything an import depends on changes: the people and registrations
    of the event (counts, newest row, latest edit), the audit log (every service change is
    recorded there), the check-in log, and the sessions' names and limits."""
    people = s.execute(
        select(func.count(), func.max(Attendee.id), func.max(Attendee.updated_at)).where(
            Attendee.event_id == event.id
        )
    ).one()
    registrations = s.execute(
        select(func.count(), func.max(Registration.id))
        .join(Attendee, Attendee.id == Registration.attendee_id)
        .where(Attendee.event_id == event.id)
    ).one()
    sessions = s.execute(
        select(EventSession.id, EventSession.name, EventSession.capacity, EventSession.agency_limit)
        .where(EventSession.event_id == event.id)
        .order_by(EventSession.id)
    ).all()
    return (
        tuple(people),
        tuple(registrations),
        s.scalar(select(func.max(AuditEntry.id))),
        s.scalar(select(func.max(CheckIn.id))),
        tuple(tuple(row) for row in sessions),
    )


def _snapshot(s: Session, event: Event) -> Snapshot:
    sessions = tuple(
        KnownSession(es.id, es.name, es.capacity, es.agency_limit) for es in event.sessions
    )
    arrived: set[int] = set()
    for es in event.sessions:
        arrived |= arrived_ids(s, es.id)
    # Columns stored under the fields' own names; ``told`` and ``checked_in`` are derived.
    stored = [f.name for f in fields(KnownRegistration) if f.name not in ("told", "checked_in")]
    registrations: dict[int, list[KnownRegistration]] = defaultdict(list)
    for row in s.execute(
        select(
            Registration.attendee_id,
            Registration.told_at,
            *(getattr(Registration, name) for name in stored),
        )
        .join(Attendee, Attendee.id == Registration.attendee_id)
        .where(Attendee.event_id == event.id)
        .order_by(Registration.id)
    ):
        registrations[row.attendee_id].append(
            KnownRegistration(
                **{name: row._mapping[name] for name in stored},
                told=row.told_at is not None,
                checked_in=row.id in arrived,
            )
        )
    person_columns = [f.name for f in fields(KnownPerson) if f.name != "registrations"]
    people = tuple(
        KnownPerson(
            **{name: row._mapping[name] for name in person_columns},
            registrations=tuple(registrations[row.id]),
        )
        for row in s.execute(
            select(*(getattr(Attendee, name) for name in person_columns))
            .where(Attendee.event_id == event.id)
            .order_by(Attendee.id)
        )
    )
    return Snapshot(event.id, sessions, people, event.id_public_key is not None, _version(s, event))


# --- writing the plan -----------------------------------------------------------------------


def _write(s: Session, event: Event, planned: PlannedImport, actor: str) -> ImportSummary:
    w, summary, at = planned.plan.writes, planned.summary, planned.at
    to_seal = any(p.id_number for p in w.new_people) or any(u.id_number for u in w.people)
    sealer = IdSealer(event.id_public_key) if to_seal and event.id_public_key else None

    def sealed(number: str | None) -> bytes | None:
        return sealer.seal(number) if sealer is not None and number else None

    person_ids = reserve_ids(s, Attendee, len(w.new_people))
    insert_rows(
        s,
        Attendee,
        [
            dict(
                p.values,
                id=i,
                event_id=event.id,
                created_at=at,
                updated_at=at,
                id_cipher=sealed(p.id_number),
            )
            for p, i in zip(w.new_people, person_ids, strict=True)
        ],
    )
    if w.people:
        update_rows(
            s,
            Attendee,
            [
                dict(
                    u.values, id=u.id, **({"id_cipher": sealed(u.id_number)} if u.id_number else {})
                )
                for u in w.people
            ],
        )
    update_rows(s, Registration, [dict(u.values, id=u.id) for u in w.registrations])
    new_ids = reserve_ids(s, Registration, len(w.new_registrations))
    insert_rows(
        s,
        Registration,
        [
            dict(
                r.values,
                id=i,
                attendee_id=r.attendee_id if r.new_person is None else person_ids[r.new_person],
                status_reason="",
                source="import",
                missing_from_import=False,
                told_at=None,
            )
            for r, i in zip(w.new_registrations, new_ids, strict=True)
        ],
    )
    ids = {r.key: i for r, i in zip(w.new_registrations, new_ids, strict=True)}

    def real(key: int) -> int:
        return ids.get(key, key)

    _audit(s, event, planned, actor, real)
    _remember_mapping(s, event.id, summary.mapping, at)
    admitted = tuple(replace(c, registration_id=real(key)) for key, c in w.moves)
    imported_moves = summary.status_changes[: len(summary.status_changes) - len(admitted)]
    return replace(
        summary,
        committed=True,
        status_changes=(*imported_moves, *admitted),
        admissions=tuple(
            replace(a, status_changes=tuple(c for c in admitted if c.session == a.session))
            for a in summary.admissions
        ),
    )


def _audit(
    s: Session, event: Event, planned: PlannedImport, actor: str, real: Callable[[int], int]
) -> None:
    w, summary = planned.plan.writes, planned.summary
    session_ids = {es.name: es.id for es in planned.snapshot.sessions}
    entries: list[tuple[str, str, int, dict[str, Any]]] = []
    for note in w.audited:
        if note.fields:
            detail = {"name": mask_name(note.name), "fields": list(note.fields), "row": note.row}
            entries.append(("registration.import.update", "registration", real(note.key), detail))
        else:
            entries.append(
                (
                    "registration.import.missing",
                    "registration",
                    note.key,
                    {"name": mask_name(note.name)},
                )
            )
    for key, c in w.moves:
        detail = {
            "name": mask_name(c.name),
            "old": c.old,
            "new": c.new,
            "reason": "default proposal",
        }
        entries.append(("registration.status", "registration", real(key), detail))
    for a in summary.admissions:
        detail = {"changed": a.changed, **a.counts()}
        entries.append(("admission.apply", "session", session_ids[a.session], detail))
    entries.append(
        (
            "registration.import",
            "event",
            event.id,
            {
                "file": summary.source,
                "rows_read": summary.rows_read,
                "imported": summary.imported,
                "updated": summary.updated,
                "unchanged": summary.unchanged,
                "rejected": len(summary.rejected),
                "duplicates_merged": summary.duplicates_merged,
                "missing": len(summary.missing),
            },
        )
    )
    audit.record_many(s, entries, actor=actor, at=planned.at)


def _remember_mapping(s: Session, event_id: int, mapping: dict[str, str], at: dt.datetime) -> None:
    remembered = stored_settings.read(s, stored_settings.IMPORT_MAPPING, event_id)
    if remembered.get("fields") != mapping:
        stored_settings.write(s, stored_settings.IMPORT_MAPPING, event_id, {"fields": mapping}, at)
