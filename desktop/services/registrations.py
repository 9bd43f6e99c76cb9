"""Registrations: importing the online form's export, admitting by the course's rules, and the
organiser's overrides (admit with a reason, move to another session, cancel, edit).

Import
    ``read_registration_file`` reads the file (``desktop.core.importing``); ``run_import``
    checks the rows, merges duplicates (``desktop.core.dedupe``), matches people already in
    the database and writes everything in ONE unit of work. ``commit=False`` is the preview:
    the very same work, rolled back, so the preview's counts are what a commit will do.
    Re-importing is idempotent: people are recognised by e-mail, or name + agency
    (``match_key``), or — only when the organiser's passphrase is given, since IDs are stored
    encrypted to the event's public key — by their decrypted ID number. People missing from
    the new export are flagged (``Registration.missing_from_import``), never deleted. The
    column mapping used is remembered per event in the ``Setting`` table
    (scope ``event:<id>``, key ``import.mapping``, value ``{"fields": {field: header}}``).

Admission
    ``apply_admission`` applies ``desktop.core.admission.propose`` to a session: nobody loses
    a seat to the rule (seat holders count first, the waitlist fills what is left), people
    who checked in are left as they are, cancelled people stay out. When an admitted person
    cancels or moves away, the next eligible waitlisted people move up. An import moves
    someone to the session their export row names only if they were not promised their place
    (``admission.promised``; ``Registration.told_at`` records the admitted list published or
    the pass issued). Every status change is returned as a ``StatusChange`` (preview with
    ``commit=False``; apply with ``expected=`` the confirmed changes) and written to the audit
    log.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Mapping, Sequence, Set
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session, selectinload

from db.models import Attendee, Event, EventSession, IdStatus, Registration, Setting, Status
from db.uow import Database
from desktop.core import admission
from desktop.core.dedupe import Merge, Person, merge_rows, person_keys
from desktop.core.ids import id_problem, mask_id, normalize_id
from desktop.core.idvault import IdOpener, IdSealer, WrongPassphrase
from desktop.core.importing import (
    ERROR,
    FIELD_LABELS,
    MAX_CELL_CHARS,
    MAX_CHARS,
    SESSION,
    WARNING,
    ImportFileError,
    ParsedRow,
    RawTable,
    RowProblem,
    guess_mapping,
    length_problem,
    mapping_by_header,
    match_session,
    parse_rows,
    read_table,
)
from desktop.core.problems import CodedError
from desktop.core.text import clean, mask_name, match_key
from desktop.services import audit
from desktop.services.seating import checked_in_ids
from desktop.services.walkins import seats_taken

MAPPING_KEY = "import.mapping"


class RegistrationError(CodedError):
    """The request cannot be done as asked (one line, saying why)."""


# --- import ---------------------------------------------------------------------------------


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
    other_sessions: int  # rows for sessions other than ``--session`` (skipped)
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


def read_registration_file(path: Path | str) -> RawTable:
    """The file's cells; raises ``ImportFileError`` (one line) when it cannot be read."""
    return read_table(path)


def remembered_mapping(db: Database, event_id: int) -> dict[str, str]:
    with db.read() as s:
        setting = _setting(s, event_id)
        return dict(setting.value.get("fields", {})) if setting else {}


def import_mapping(db: Database, table: RawTable, event_id: int | None = None) -> dict[str, int]:
    """The column mapping to propose for ``table``: remembered corrections, then guesses."""
    if event_id is None:
        event_id = _only_event_id(db)
    return guess_mapping(table.headers, remembered_mapping(db, event_id))


def import_file(db: Database, path: Path | str, **kwargs: Any) -> ImportSummary:
    """Read and import a file in one go (the CLI)."""
    return run_import(db, read_registration_file(path), **kwargs)


class _Preview(Exception):  # noqa: N818 - carries the result out of a rolled-back unit of work
    def __init__(self, summary: ImportSummary) -> None:
        super().__init__("preview")
        self.summary = summary


def run_import(
    db: Database,
    table: RawTable,
    *,
    mapping: Mapping[str, int] | None = None,
    session_id: int | None = None,
    passphrase: str | None = None,
    commit: bool = True,
    actor: str = "",
    now: dt.datetime | None = None,
    admit: bool = False,
    expected: Sequence[StatusChange] | None = None,
) -> ImportSummary:
    """Import ``table`` (all or nothing). ``session_id`` chooses the session for a file without
    a 報名場次 column (and, for a file with one, imports only that session's rows).
    ``commit=False`` previews: same work, rolled back. ``admit`` applies the admission rule
    to the imported sessions in the same unit of work. ``expected``: the status changes the
    organiser confirmed; any other outcome raises ``UnconfirmedChanges`` and writes nothing."""
    at = now or dt.datetime.now()
    try:
        with db.unit_of_work() as s:
            summary = _import(s, table, mapping, session_id, passphrase, commit, actor, at)
            if admit:
                results = tuple(_admit(s, es, actor, at) for es in _scope(s, session_id))
                summary = replace(
                    summary,
                    admissions=results,
                    status_changes=(
                        *summary.status_changes,
                        *(c for r in results for c in r.status_changes),
                    ),
                )
            _confirm(summary.status_changes, expected)
            if not commit:
                raise _Preview(summary)
            return summary
    except _Preview as preview:
        return preview.summary


def _import(
    s: Session,
    table: RawTable,
    mapping_in: Mapping[str, int] | None,
    session_id: int | None,
    passphrase: str | None,
    commit: bool,
    actor: str,
    at: dt.datetime,
) -> ImportSummary:
    event = _event(s, session_id)
    remembered = _setting(s, event.id)
    mapping = (
        dict(mapping_in)
        if mapping_in is not None
        else guess_mapping(
            table.headers, remembered.value.get("fields", {}) if remembered else None
        )
    )
    parsed = parse_rows(table, mapping)  # raises ImportFileError without a name column
    sessions = {es.name: es for es in event.sessions}
    chosen = next((es for es in event.sessions if es.id == session_id), None)
    if SESSION not in mapping and chosen is None:
        names = "、".join(sessions)
        raise ImportFileError(
            "no_session_column",
            f"{table.source}: 檔案沒有「報名場次」欄，請指定場次 --session（可選：{names}）",
            file=table.source,
            names=names,
        )
    opener = _opener(event, passphrase)

    rejected: list[RowProblem] = [
        p for r in parsed.rejected for p in r.problems if p.severity == ERROR
    ]
    # Each row's session first: a person's rows are merged per session, so someone who
    # registered for two sessions keeps both registrations (one attendee).
    session_cache: dict[str, str | None] = {}
    row_session: dict[int, EventSession] = {}
    in_scope: list[ParsedRow] = []
    other_sessions = 0
    for row in parsed.accepted:
        value = row.session_value
        if SESSION in mapping and value:
            if value not in session_cache:
                session_cache[value] = match_session(value, sessions)
            name = session_cache[value]
            if name is None:
                column = table.headers[mapping[SESSION]]
                rejected.append(
                    RowProblem(
                        row.row,
                        column,
                        f"報名場次「{value}」對不上任何場次，此列不匯入",
                        ERROR,
                        SESSION,
                        "row_unknown_session",
                        (("value", value),),
                    )
                )
                continue
            es = sessions[name]
            if chosen is not None and es.id != chosen.id:
                other_sessions += 1
                continue
        elif chosen is not None:
            es = chosen
        else:
            column = table.headers[mapping[SESSION]]
            rejected.append(
                RowProblem(
                    row.row, column, "沒有填報名場次，此列不匯入", ERROR, SESSION, "row_no_session"
                )
            )
            continue
        row_session[row.order] = es
        in_scope.append(row)
    people, merges = merge_rows(in_scope, session_of=lambda r: row_session[r.order].id)
    placed: list[tuple[Person, EventSession]] = [(p, row_session[p.data.order]) for p in people]

    scope = [chosen] if chosen is not None else list(event.sessions)
    existing = _Existing(s, event, opener)
    promised_ids = _promised_ids(s, existing.attendees, scope)
    session_column = table.headers[mapping[SESSION]] if SESSION in mapping else ""
    moved: list[StatusChange] = []
    sealer = IdSealer(event.id_public_key) if event.id_public_key else None
    imported = updated = unchanged = 0
    touched: set[int] = set()
    renumber: set[int] = set()
    flagged: list[RowProblem] = [p for person, _ in placed for p in person.data.problems]
    per_session: dict[str, int] = defaultdict(int)
    sessions_of: dict[int, list[tuple[Person, EventSession]]] = defaultdict(list)
    for person, es in placed:
        sessions_of[person.identity].append((person, es))
    for group in sessions_of.values():
        for person, es in group[1:]:
            first, first_es = group[0]
            column = table.headers[mapping[SESSION]] if SESSION in mapping else ""
            flagged.append(
                RowProblem(
                    person.rows[0],
                    column,
                    f"同一人（第 {first.rows[0]} 列）已報名{first_es.name}，又報名{es.name}："
                    "兩場都保留，請確認",
                    WARNING,
                    SESSION,
                    "row_two_sessions",
                    (("row", first.rows[0]), ("first", first_es.name), ("second", es.name)),
                )
            )
    new_people: list[dict[str, Any]] = []
    new_registrations: list[tuple[int, dict[str, Any]]] = []  # (index in new_people, values)
    known: dict[int, Attendee | int] = {}  # identity → attendee, or index in new_people
    changed: dict[int, bool] = {}  # identity of an existing attendee → any change
    for person, es in placed:
        per_session[es.name] += 1
        row = person.data
        if person.identity in known:
            attendee = known[person.identity]
        else:
            attendee = known[person.identity] = existing.find(row) or len(new_people)
            if isinstance(attendee, int):
                new_people.append(_new_person(event.id, row, sealer, at))
                existing.claim(row)
                imported += 1
        if isinstance(attendee, int):
            new_registrations.append(
                (
                    attendee,
                    {
                        "session_id": es.id,
                        "status": Status.WAITLISTED,
                        "status_reason": "",
                        "registered_at": person.registered_at or at,
                        "queue": 0,
                        "lunch": row.lunch,
                        "remark": row.remark,
                        "source": "import",
                        "missing_from_import": False,
                    },
                )
            )
            renumber.add(es.id)
            continue
        changes = _apply_person(attendee, row, sealer, existing.plain_id)
        keep = {e.id for _, e in sessions_of[person.identity]}
        registration = _registration_for(attendee, es.id, scope, keep, touched)
        if registration is None:
            registration = Registration(
                session_id=es.id,
                status=Status.WAITLISTED,
                registered_at=person.registered_at or at,
                lunch=row.lunch,
                remark=row.remark,
                source="import",
            )
            attendee.registrations.append(registration)
            changes.append("session")
            renumber.add(es.id)
            s.flush()
        else:
            if registration.session_id != es.id and registration.id in promised_ids:
                flagged.append(_kept_in_session(registration, es, person, session_column))
                es = registration.session
            changes += _apply_registration(registration, es, person, at, renumber, moved)
        touched.add(registration.id)
        changed[person.identity] = changed.get(person.identity, False) or bool(changes)
        if changes:
            attendee.updated_at = at
            s.flush()
            audit.record(
                s,
                "registration.import.update",
                actor=actor,
                at=at,
                entity="registration",
                entity_id=registration.id,
                name=mask_name(attendee.name),
                fields=sorted(set(changes)),
                row=row.row,
            )
    updated = sum(changed.values())
    unchanged = len(changed) - updated

    missing: list[MissingPerson] = []
    scope_ids = {es.id for es in scope}
    for attendee in existing.attendees:
        for registration in attendee.registrations:
            if (
                registration.source != "import"
                or registration.session_id not in scope_ids
                or registration.id is None
                or registration.id in touched
            ):
                continue
            if not registration.missing_from_import:
                registration.missing_from_import = True
                audit.record(
                    s,
                    "registration.import.missing",
                    actor=actor,
                    at=at,
                    entity="registration",
                    entity_id=registration.id,
                    name=mask_name(attendee.name),
                )
            missing.append(MissingPerson(registration.id, attendee.name, registration.session.name))
    s.flush()
    if new_people:
        # Bulk inserts: 10,000 new people in well under a second (the ORM unit of work would
        # take several). RETURNING keeps the ids in the order of the rows.
        # Chunks: SQLAlchemy splices RETURNING batches in quadratic time on big statements.
        ids: list[int] = []
        statement = insert(Attendee).returning(Attendee.id, sort_by_parameter_order=True)
        for start in range(0, len(new_people), 250):
            ids.extend(s.scalars(statement, new_people[start : start + 250]).all())
        s.execute(insert(Registration), [dict(r, attendee_id=ids[i]) for i, r in new_registrations])
    for sid in renumber:
        _renumber(s, sid)
    header_mapping = mapping_by_header(table.headers, mapping)
    if commit:
        if remembered is None:
            s.add(
                Setting(
                    scope=f"event:{event.id}",
                    key=MAPPING_KEY,
                    value={"fields": header_mapping},
                    updated_at=at,
                )
            )
        elif remembered.value.get("fields") != header_mapping:
            remembered.value = {"fields": header_mapping}
            remembered.updated_at = at
    summary = ImportSummary(
        source=table.source,
        encoding=table.encoding,
        committed=commit,
        headers=table.headers,
        mapping=header_mapping,
        rows_read=len(parsed.rows),
        blank_rows=parsed.blank_rows,
        imported=imported,
        updated=updated,
        unchanged=unchanged,
        rejected=tuple(sorted(rejected, key=lambda p: p.row)),
        merges=merges,
        flagged=tuple(sorted(flagged, key=lambda p: p.row)),
        missing=tuple(missing),
        other_sessions=other_sessions,
        per_session=dict(per_session),
        id_matching=opener is not None,
        status_changes=tuple(moved),
    )
    audit.record(
        s,
        "registration.import",
        actor=actor,
        at=at,
        entity="event",
        entity_id=event.id,
        file=table.source,
        rows_read=summary.rows_read,
        imported=imported,
        updated=updated,
        unchanged=unchanged,
        rejected=len(summary.rejected),
        duplicates_merged=len(merges),
        missing=len(missing),
    )
    return summary


class _Existing:
    """People already in the event, recognised by e-mail, name + agency, or (with the
    passphrase) their decrypted ID number."""

    def __init__(self, s: Session, event: Event, opener: IdOpener | None) -> None:
        self.attendees = list(
            s.scalars(
                select(Attendee)
                .where(Attendee.event_id == event.id)
                .options(selectinload(Attendee.registrations).selectinload(Registration.session))
                .order_by(Attendee.id)
            )
        )
        self.opener = opener
        self._plain: dict[int | None, str] = {}
        self._index: dict[str, Attendee] = {}
        self._id_index: dict[str, Attendee] | None = None
        self._claimed: set[int] = set()
        self._markers: list[object] = []  # keeps the ids of new people's markers unique
        for a in self.attendees:
            for key in person_keys(a.name, a.agency, a.email, None):
                self._index.setdefault(key, a)

    def plain_id(self, a: Attendee) -> str | None:
        if self.opener is None or a.id_cipher is None:
            return None
        if a.id not in self._plain:
            self._plain[a.id] = self.opener.open(a.id_cipher)
        return self._plain[a.id]

    def find(self, row: Any) -> Attendee | None:
        own_id = row.id_number if row.id_valid else None
        candidates: list[Attendee] = []
        if own_id and self.opener is not None:
            if self._id_index is None:
                self._id_index = {}
                for a in self.attendees:
                    if a.id_status == IdStatus.VALID and a.id_cipher is not None:
                        self._id_index.setdefault(self.plain_id(a) or "", a)
            hit = self._id_index.get(own_id)
            if hit is not None:
                candidates.append(hit)
        for key in person_keys(row.name, row.agency, row.email, None):
            hit = self._index.get(key)
            if hit is not None:
                candidates.append(hit)
        for a in candidates:
            if id(a) in self._claimed or not isinstance(a, Attendee):
                continue
            if own_id and self.opener is not None and a.id_status == IdStatus.VALID:
                if self.plain_id(a) != own_id:
                    continue  # different valid IDs: not the same person
            self._claimed.add(id(a))
            return a
        return None

    def claim(self, row: Any) -> None:
        """A new person from this file: nobody else in it may match them again."""
        marker = object()
        self._claimed.add(id(marker))
        self._markers.append(marker)
        for key in person_keys(row.name, row.agency, row.email, None):
            self._index.setdefault(key, marker)  # type: ignore[arg-type]


def _new_person(
    event_id: int, row: Any, sealer: IdSealer | None, at: dt.datetime
) -> dict[str, Any]:
    number = row.id_number  # as ``sealable_id`` made it: an ID, a short ASCII typo, or ""
    values: dict[str, Any] = {
        "event_id": event_id,
        "name": row.name,
        "agency": row.agency,
        "unit": row.unit,
        "title": row.title,
        "email": row.email,
        "phone": row.phone,
        "wants_hours": row.wants_hours,
        "created_at": at,
        "updated_at": at,
        "id_cipher": None,
        "id_mask": "",
        "id_status": IdStatus.MISSING,
    }
    if number:
        if sealer is None:
            raise RegistrationError("no_id_key", "活動沒有身分證加密金鑰")
        values.update(
            id_cipher=sealer.seal(number),
            id_mask=mask_id(number),
            id_status=IdStatus.INVALID if id_problem(number) else IdStatus.VALID,
        )
    return values


def _apply_person(
    a: Attendee, row: Any, sealer: IdSealer | None, plain_of: Callable[[Attendee], str | None]
) -> list[str]:
    """Copy a row's person data onto ``a``; the names of what changed (for an existing person).
    A blank answer keeps what the database has (like a blank answer in a later duplicate)."""
    is_new = a.id is None
    changes = []
    for name in ("name", "agency", "unit", "title", "email", "phone"):
        value = getattr(row, name)
        if is_new:
            setattr(a, name, value)
        elif value and value != getattr(a, name):
            setattr(a, name, value)
            changes.append(name)
    if is_new or a.wants_hours != row.wants_hours:
        a.wants_hours = row.wants_hours
        changes.append("wants_hours")
    number = row.id_number
    if number:
        status = IdStatus.INVALID if id_problem(number) else IdStatus.VALID
        mask = mask_id(number)
        stored = not is_new and a.id_cipher is not None
        if not (stored and plain_of(a) == number):
            # Without the passphrase an ID whose visible part is unchanged cannot be compared:
            # it is sealed again from the export (the export is the truth), not counted.
            same_visible = stored and a.id_mask == mask and a.id_status == status
            if sealer is None:
                raise RegistrationError("no_id_key", "活動沒有身分證加密金鑰")
            a.id_cipher = sealer.seal(number)
            a.id_mask, a.id_status = mask, status
            if not same_visible:
                changes.append("id_number")
    elif is_new:
        a.id_cipher, a.id_mask, a.id_status = None, "", IdStatus.MISSING
    return [] if is_new else changes


def _registration_for(
    a: Attendee,
    session_id: int,
    scope: Sequence[EventSession],
    keep: Set[int] = frozenset(),
    taken: Set[int] = frozenset(),
) -> Registration | None:
    """The registration a row updates: the one in the row's session, else the person's
    imported registration in another session of the import's scope (they changed session) —
    but not one in a session the person still registers for in this file (``keep``), nor one
    another row already updated (``taken``, registration ids)."""
    for r in a.registrations:
        if r.session_id == session_id:
            return r
    scope_ids = {es.id for es in scope}
    for r in a.registrations:
        if (
            r.source == "import"
            and r.session_id in scope_ids
            and r.session_id not in keep
            and r.id not in taken
        ):
            return r
    return None


def _apply_registration(
    r: Registration,
    es: EventSession,
    person: Person,
    at: dt.datetime,
    renumber: set[int],
    moved: list[StatusChange],
) -> list[str]:
    row = person.data
    changes = []
    if r.session_id != es.id:
        renumber.update((r.session_id, es.id))
        r.session_id = es.id
        r.session = es
        r.told_at = None  # what they were told was about the other session
        if r.status == Status.ADMITTED:
            moved.append(
                StatusChange(
                    r.id,
                    r.attendee.name,
                    es.name,
                    admission.ADMITTED,
                    admission.WAITLISTED,
                    admission.SESSION_CHANGED,
                )
            )
        if r.status in (Status.ADMITTED, Status.WAITLISTED):
            r.status, r.status_reason = Status.WAITLISTED, ""
        changes.append("session")
    if person.registered_at is not None and person.registered_at < r.registered_at:
        r.registered_at = person.registered_at
        renumber.add(es.id)
        changes.append("registered_at")
    if r.lunch != row.lunch:
        r.lunch = row.lunch
        changes.append("lunch")
    if row.remark and r.remark != row.remark:
        r.remark = row.remark
        changes.append("remark")
    if r.missing_from_import:
        r.missing_from_import = False
        changes.append("back_in_import")
    return changes


def _scope(s: Session, session_id: int | None) -> list[EventSession]:
    """The sessions an import covers: the chosen one, else every session of the event."""
    if session_id is not None:
        return [s.get_one(EventSession, session_id)]
    return list(_event(s, None).sessions)


def _promised_ids(
    s: Session, attendees: Sequence[Attendee], scope: Sequence[EventSession]
) -> set[int]:
    """Registrations in ``scope`` that an import must not move to another session."""
    checked_in = set().union(*(checked_in_ids(s, es.id) for es in scope))
    return {r.id for a in attendees for r in a.registrations if _promised(r, checked_in)}


def _kept_in_session(r: Registration, es: EventSession, person: Person, column: str) -> RowProblem:
    return RowProblem(
        person.rows[0],
        column,
        f"此列改報{es.name}，但此人在{r.session.name}已報到或已確定名額："
        f"仍留在{r.session.name}，要改場次請在名單用「改場次…」",
        WARNING,
        SESSION,
    )


def _renumber(s: Session, session_id: int) -> None:
    """Places in line: registration time order, then the order rows were added."""
    s.flush()
    rows = s.execute(
        select(Registration.id, Registration.queue)
        .where(Registration.session_id == session_id)
        .order_by(Registration.registered_at, Registration.id)
    ).all()
    changes = [{"id": rid, "queue": q} for q, (rid, old) in enumerate(rows, start=1) if old != q]
    if changes:
        s.execute(update(Registration), changes)
        for obj in s.identity_map.values():  # keep loaded objects in step with the table
            if isinstance(obj, Registration) and obj.session_id == session_id:
                s.expire(obj, ["queue"])


def _setting(s: Session, event_id: int) -> Setting | None:
    return s.scalars(
        select(Setting).where(Setting.scope == f"event:{event_id}", Setting.key == MAPPING_KEY)
    ).one_or_none()


def _event(s: Session, session_id: int | None) -> Event:
    if session_id is not None:
        es = s.get(EventSession, session_id)
        if es is None:
            raise RegistrationError("no_session", f"找不到場次 #{session_id}", id=session_id)
        return es.event
    events = s.scalars(select(Event).order_by(Event.id)).all()
    if not events:
        raise RegistrationError("no_event_create_first", "資料庫中沒有活動，請先建立活動")
    if len(events) > 1:
        raise RegistrationError("several_events", "資料庫中有多個活動，請以 --session 指定場次")
    return events[0]


def _only_event_id(db: Database) -> int:
    with db.read() as s:
        return _event(s, None).id


def _opener(event: Event, passphrase: str | None) -> IdOpener | None:
    if not passphrase:
        return None
    if event.id_private_key_sealed is None:
        raise RegistrationError("no_id_key", "活動沒有身分證金鑰")
    try:
        return IdOpener(event.id_private_key_sealed, passphrase)
    except WrongPassphrase as exc:
        raise RegistrationError("wrong_passphrase", "主辦單位密語不正確") from exc


def check_passphrase(db: Database, event_id: int, passphrase: str) -> bool:
    with db.read() as s:
        event = s.get_one(Event, event_id)
        try:
            return _opener(event, passphrase) is not None
        except RegistrationError:
            return False


def reveal_ids(
    db: Database, event_id: int, passphrase: str, attendee_ids: Sequence[int], *, actor: str = ""
) -> dict[int, str]:
    """Full ID numbers for the organiser (needs the passphrase); the reveal is audited."""
    with db.unit_of_work() as s:
        opener = _opener(s.get_one(Event, event_id), passphrase)
        assert opener is not None
        found = s.scalars(select(Attendee).where(Attendee.id.in_(attendee_ids))).all()
        result = {a.id: opener.open(a.id_cipher) for a in found if a.id_cipher is not None}
        audit.record(
            s, "id.reveal", actor=actor, entity="event", entity_id=event_id, count=len(result)
        )
        return result


class IdReader:
    """Reads full ID numbers one at a time for the organiser's screen (after the passphrase)."""

    def __init__(self, db: Database, opener: IdOpener) -> None:
        self._db = db
        self._opener = opener
        self._cache: dict[int, str] = {}

    def read(self, attendee_id: int) -> str:
        if attendee_id not in self._cache:
            with self._db.read() as s:
                cipher = s.scalar(select(Attendee.id_cipher).where(Attendee.id == attendee_id))
            self._cache[attendee_id] = self._opener.open(cipher) if cipher else ""
        return self._cache[attendee_id]


def open_id_reader(db: Database, event_id: int, passphrase: str, *, actor: str = "") -> IdReader:
    """Check the organiser's passphrase and audit that IDs were revealed on screen."""
    with db.unit_of_work() as s:
        opener = _opener(s.get_one(Event, event_id), passphrase)
        if opener is None:
            raise RegistrationError("passphrase_required", "請輸入主辦單位密語")
        audit.record(
            s, "id.reveal", actor=actor, entity="event", entity_id=event_id, where="roster"
        )
    return IdReader(db, opener)


# --- admission ------------------------------------------------------------------------------


@dataclass(frozen=True)
class StatusChange:
    """Someone who moves into a seat or out of one; ``reason`` is a code
    (``admission.SEAT_FREE``, ``admission.SESSION_CHANGED``) the window translates."""

    registration_id: int
    name: str
    session: str  # where the person is after the change
    old: str
    new: str
    reason: str

    def as_json(self) -> dict[str, Any]:
        return {
            "registration_id": self.registration_id,
            "name": self.name,
            "session": self.session,
            "from": self.old,
            "to": self.new,
            "reason": self.reason,
        }


class UnconfirmedChanges(RegistrationError):
    """Applying would change statuses other than the ones confirmed (none, for a caller that
    confirmed nothing): nothing was written. ``changes`` are the ones it would make now."""

    def __init__(self, changes: tuple[StatusChange, ...]) -> None:
        super().__init__(
            "unconfirmed_changes",
            f"{len(changes)} 人的錄取狀態會改變，尚未確認，未寫入",
            n=len(changes),
        )
        self.changes = changes


def _confirm(changes: Sequence[StatusChange], expected: Sequence[StatusChange] | None) -> None:
    """Refuse (roll back) when the changes differ from what the organiser confirmed, e.g. a
    desk checked someone in between the preview and the click. Compared without the ids: a
    preview's new people got ids in a rolled-back transaction (PostgreSQL does not reuse them)."""

    def seen(c: StatusChange) -> tuple[str, ...]:
        return c.session, c.name, c.old, c.new, c.reason

    if expected is not None and [seen(c) for c in changes] != [seen(c) for c in expected]:
        raise UnconfirmedChanges(tuple(changes))


@dataclass(frozen=True)
class AdmissionResult:
    session: str
    capacity: int
    agency_limit: int
    admitted: int
    waitlisted: int
    walk_in: int
    cancelled: int
    changed: int
    over_agency_limit: int  # waitlisted only because their agency was full
    status_changes: tuple[StatusChange, ...] = ()
    committed: bool = True

    def as_json(self) -> dict[str, Any]:
        return {
            "session": self.session,
            "capacity": self.capacity,
            "agency_limit": self.agency_limit,
            "admitted": self.admitted,
            "waitlisted": self.waitlisted,
            "walk_in": self.walk_in,
            "cancelled": self.cancelled,
            "changed": self.changed,
            "over_agency_limit": self.over_agency_limit,
            "committed": self.committed,
            "status_changes": [c.as_json() for c in self.status_changes],
        }


def _applicant(r: Registration, checked_in: set[int]) -> admission.Applicant:
    return admission.Applicant(
        key=r.id,
        agency_key=match_key(r.attendee.agency),
        queue=r.queue,
        status=r.status,
        checked_in=r.id in checked_in,
    )


def _promised(r: Registration, checked_in: set[int]) -> bool:
    return admission.promised(
        r.status,
        checked_in=r.id in checked_in,
        by_hand=r.status == Status.ADMITTED and bool(r.status_reason),
        told=r.told_at is not None,
    )


def _session_registrations(s: Session, session_id: int) -> list[Registration]:
    return list(
        s.scalars(
            select(Registration)
            .where(Registration.session_id == session_id)
            .options(selectinload(Registration.attendee))
            .order_by(Registration.queue)
            .execution_options(populate_existing=True)
        )
    )


def _admit(s: Session, es: EventSession, actor: str, at: dt.datetime) -> AdmissionResult:
    """Apply the rule to one session inside the caller's unit of work."""
    registrations = _session_registrations(s, es.id)
    by_id = {r.id: r for r in registrations}
    checked_in = checked_in_ids(s, es.id)
    proposal = admission.propose(
        (_applicant(r, checked_in) for r in registrations),
        capacity=es.capacity,
        agency_limit=es.agency_limit,
    )
    changes = []
    for move in proposal.moves:
        r = by_id[move.key]
        audit.record(
            s,
            "registration.status",
            actor=actor,
            at=at,
            entity="registration",
            entity_id=r.id,
            name=mask_name(r.attendee.name),
            old=r.status,
            new=move.new,
            reason="default proposal",
        )
        r.status = move.new
        changes.append(
            StatusChange(r.id, r.attendee.name, es.name, move.old, move.new, move.reason)
        )
    counts: Counter[str] = Counter(r.status for r in registrations)
    audit.record(
        s,
        "admission.apply",
        actor=actor,
        at=at,
        entity="session",
        entity_id=es.id,
        changed=len(changes),
        **dict(counts),
    )
    return AdmissionResult(
        session=es.name,
        capacity=es.capacity,
        agency_limit=es.agency_limit,
        admitted=counts[Status.ADMITTED],
        waitlisted=counts[Status.WAITLISTED],
        walk_in=counts[Status.WALK_IN],
        cancelled=counts[Status.CANCELLED],
        changed=len(changes),
        over_agency_limit=len(proposal.over_agency_limit),
        status_changes=tuple(changes),
    )


def apply_admission(
    db: Database,
    session_id: int,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
    commit: bool = True,
    expected: Sequence[StatusChange] | None = None,
) -> AdmissionResult:
    """Apply the rule (first come, capacity, agency limit; nobody loses a seat) to a session.
    ``commit=False`` previews: the same work, rolled back. ``expected``: the changes the
    organiser confirmed; anything else raises ``UnconfirmedChanges`` and writes nothing."""
    at = now or dt.datetime.now()
    with db.unit_of_work() if commit else db.read() as s:
        result = _admit(s, s.get_one(EventSession, session_id), actor, at)
        _confirm(result.status_changes, expected)
        return replace(result, committed=commit)


def record_told(
    s: Session,
    session_id: int,
    registration_ids: Sequence[int],
    how: str,
    *,
    actor: str,
    at: dt.datetime,
) -> int:
    """The people of ``registration_ids`` were told of their seat (``how``: the admitted list
    was published, passes were issued): from now on only the organiser's hand moves them."""
    rows = s.scalars(
        select(Registration).where(
            Registration.session_id == session_id,
            Registration.id.in_(registration_ids),
            Registration.told_at.is_(None),
        )
    ).all()
    for r in rows:
        r.told_at = at
    audit.record(
        s,
        "admission.told",
        actor=actor,
        at=at,
        entity="session",
        entity_id=session_id,
        how=how,
        people=len(registration_ids),
        first_time=len(rows),
    )
    return len(rows)


def publish_admitted_list(
    db: Database,
    session_id: int,
    target: Path,
    *,
    mask_names: bool = False,
    actor: str = "",
    now: dt.datetime | None = None,
) -> int:
    """Write the admitted list (上課名單, PDF or XLSX) and record that the people on it were
    told; returns the number of people on it."""
    from desktop.reports.admitted_list import write_admitted_list
    from desktop.services.events import list_events
    from desktop.services.roster import list_roster

    rows = [r for r in list_roster(db, session_id) if r.status == Status.ADMITTED]
    event = next(e for e in list_events(db) if any(x.id == session_id for x in e.sessions))
    session = next(x for x in event.sessions if x.id == session_id)
    count = write_admitted_list(target, event, session, rows, mask_names=mask_names)
    with db.unit_of_work() as s:
        record_told(
            s,
            session_id,
            [r.registration_id for r in rows],
            "admitted_list",
            actor=actor,
            at=now or dt.datetime.now(),
        )
    return count


@dataclass(frozen=True)
class OverrideResult:
    registration_id: int
    status: str
    session: str
    promoted: tuple[str, ...] = ()  # names of people who moved up from the waitlist
    seats_taken: int = 0
    capacity: int = 0


def _promote(
    s: Session, es: EventSession, actor: str, at: dt.datetime, because: int
) -> tuple[str, ...]:
    registrations = _session_registrations(s, es.id)
    by_id = {r.id: r for r in registrations}
    checked_in = checked_in_ids(s, es.id)
    moves = admission.propose(
        (_applicant(r, checked_in) for r in registrations), es.capacity, es.agency_limit
    ).moves
    names = []
    for move in moves:
        r = by_id[move.key]
        audit.record(
            s,
            "registration.status",
            actor=actor,
            at=at,
            entity="registration",
            entity_id=r.id,
            name=mask_name(r.attendee.name),
            old=r.status,
            new=Status.ADMITTED,
            reason="moved up from the waitlist",
            vacated_by=because,
        )
        r.status = Status.ADMITTED
        names.append(r.attendee.name)
    return tuple(names)


def admit_with_reason(
    db: Database,
    registration_id: int,
    reason: str,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> OverrideResult:
    """The organiser admits someone by hand (over the limits if need be): a reason is needed."""
    reason = clean(reason)
    if not reason:
        raise RegistrationError("admit_reason_required", "請填寫錄取理由")
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        r = s.get_one(Registration, registration_id)
        old = r.status
        r.status, r.status_reason = Status.ADMITTED, reason[:300]
        s.flush()
        audit.record(
            s,
            "registration.status",
            actor=actor,
            at=at,
            entity="registration",
            entity_id=r.id,
            name=mask_name(r.attendee.name),
            old=old,
            new=Status.ADMITTED,
            reason=reason[:300],
        )
        return OverrideResult(
            r.id,
            r.status,
            r.session.name,
            seats_taken=seats_taken(s, r.session_id),
            capacity=r.session.capacity,
        )


def cancel_registration(
    db: Database,
    registration_id: int,
    reason: str = "",
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> OverrideResult:
    """Cancel; when a seat is freed, the next eligible waitlisted people move up."""
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        r = s.get_one(Registration, registration_id)
        old = r.status
        if old == Status.CANCELLED:
            raise RegistrationError("already_cancelled", "此報名已取消")
        r.status, r.status_reason = Status.CANCELLED, clean(reason)[:300]
        r.seat = None  # the chair at the workshop table is free again (delete-orphan)
        s.flush()
        audit.record(
            s,
            "registration.status",
            actor=actor,
            at=at,
            entity="registration",
            entity_id=r.id,
            name=mask_name(r.attendee.name),
            old=old,
            new=Status.CANCELLED,
            reason=clean(reason)[:300],
        )
        promoted: tuple[str, ...] = ()
        if old in (Status.ADMITTED, Status.WALK_IN):
            promoted = _promote(s, r.session, actor, at, r.id)
        return OverrideResult(
            r.id,
            r.status,
            r.session.name,
            promoted,
            seats_taken(s, r.session_id),
            r.session.capacity,
        )


def move_registration(
    db: Database,
    registration_id: int,
    to_session_id: int,
    reason: str = "",
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> OverrideResult:
    """Move a person to another session, keeping their registration time. They are admitted
    there if a seat is free within the agency limit, else waitlisted in order; the seat they
    leave goes to the next eligible person on the old session's waitlist."""
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        r = s.get_one(Registration, registration_id)
        old_session = r.session
        target = s.get_one(EventSession, to_session_id)
        if target.id == old_session.id:
            raise RegistrationError("already_in_session", "已在此場次")
        if target.event_id != old_session.event_id:
            raise RegistrationError("session_of_other_event", "不同活動的場次")
        clash = s.scalars(
            select(Registration).where(
                Registration.attendee_id == r.attendee_id, Registration.session_id == target.id
            )
        ).first()
        if clash is not None:
            raise RegistrationError(
                "already_registered_there",
                f"{r.attendee.name} 已報名{target.name}",
                name=r.attendee.name,
                session=target.name,
            )
        old_status = r.status
        if r.seat is not None:
            s.delete(r.seat)
        r.session_id, r.session = target.id, target
        r.told_at = None  # what they were told was about the other session
        if r.status != Status.CANCELLED:
            r.status, r.status_reason = Status.WAITLISTED, ""
        s.flush()
        _renumber(s, target.id)
        _renumber(s, old_session.id)
        s.flush()
        if r.status == Status.WAITLISTED:
            registrations = _session_registrations(s, target.id)
            agency = match_key(r.attendee.agency)
            seated = [x for x in registrations if x.status in (Status.ADMITTED, Status.WALK_IN)]
            per_agency = Counter(match_key(x.attendee.agency) for x in seated)
            if len(seated) < target.capacity and not admission.agency_full(
                per_agency, agency, target.agency_limit
            ):
                r.status = Status.ADMITTED
        audit.record(
            s,
            "registration.move",
            actor=actor,
            at=at,
            entity="registration",
            entity_id=r.id,
            name=mask_name(r.attendee.name),
            old_session=old_session.name,
            new_session=target.name,
            old=old_status,
            new=r.status,
            reason=clean(reason)[:300],
        )
        promoted: tuple[str, ...] = ()
        if old_status in (Status.ADMITTED, Status.WALK_IN):
            s.flush()
            promoted = _promote(s, old_session, actor, at, r.id)
        return OverrideResult(
            r.id, r.status, target.name, promoted, seats_taken(s, target.id), target.capacity
        )


# --- editing --------------------------------------------------------------------------------

EDITABLE = ("name", "agency", "unit", "title", "email", "phone", "wants_hours", "lunch", "remark")


def update_registration(
    db: Database,
    registration_id: int,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
    id_number: str | None = None,
    **values: Any,
) -> tuple[str, ...]:
    """Edit a person's data from the roster; returns the names of the fields that changed.
    ``id_number`` (when given and not blank) replaces the stored, encrypted ID number."""
    unknown = set(values) - set(EDITABLE)
    if unknown:
        raise RegistrationError(
            "not_editable",
            f"不能編輯的欄位：{', '.join(sorted(unknown))}",
            fields=", ".join(sorted(unknown)),
        )
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        r = s.get_one(Registration, registration_id)
        a = r.attendee
        changed = []
        for name, value in values.items():
            if name == "wants_hours":
                value = bool(value)
            elif name == "email":
                value = clean(value).replace(" ", "").lower()
            elif name == "phone":
                from desktop.core.importing import normalize_phone

                value = normalize_phone(value)
            else:
                value = clean(value)
            if name == "name" and not value:
                raise RegistrationError("name_required", "請輸入姓名")
            too_long = length_problem(name, value) if isinstance(value, str) else None
            if too_long:  # the same limits as import: every document lays out the longest
                raise RegistrationError(
                    "field_too_long",
                    f"{FIELD_LABELS.get(name, name)}{too_long}",
                    field=FIELD_LABELS.get(name, name),
                    length=len(value),
                    limit=MAX_CHARS.get(name, MAX_CELL_CHARS),
                )
            if name == "lunch" and value not in ("", "葷", "素"):
                raise RegistrationError("bad_lunch", "用餐只能是 葷、素 或空白")
            target = r if name in ("lunch", "remark") else a
            if getattr(target, name) != value:
                setattr(target, name, value)
                changed.append(name)
        if id_number is not None and normalize_id(id_number):
            from desktop.services.idnumbers import store_id_number

            try:
                store_id_number(a, a.event, id_number)
            except CodedError as exc:  # no ID recognisable in what was typed, no key
                raise RegistrationError(exc.code, str(exc), **exc.params) from exc
            changed.append("id_number")
        if changed:
            a.updated_at = at
            audit.record(
                s,
                "registration.edit",
                actor=actor,
                at=at,
                entity="registration",
                entity_id=r.id,
                name=mask_name(a.name),
                fields=changed,
            )
        return tuple(changed)
