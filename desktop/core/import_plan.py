"""Planning an import: the file's rows against a snapshot of the people already in the event.

``make_plan`` is pure: it reads a ``Snapshot`` (plain copies of the event's sessions, people
and registrations) and returns an ``ImportPlan`` — the ``ImportSummary`` the organiser
previews, and the ``ImportWrites`` that make it true (people and registrations to insert,
columns to update, flags to set, who moves into or out of a seat). The service writes the
plan as it is once the organiser confirms it, so the preview is exactly what gets written and
the import never runs twice.

Rules kept from the first import (``docs``: DOMAIN.md): re-importing is idempotent; people are
recognised by e-mail, name + agency, or — when IDs can be opened — their ID number (two
different valid IDs are never the same person); a blank answer keeps what is stored; people
missing from the new export are flagged, never deleted; someone promised their place
(``admission.promised``) is not moved to the session their export row now names.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop.core import admission
from desktop.core.admission import AdmissionResult, StatusChange
from desktop.core.dedupe import Person, merge_rows
from desktop.core.ids import mask_id
from desktop.core.import_model import (
    Audited,
    ImportPlan,
    ImportSummary,
    ImportWrites,
    KnownSession,
    MissingPerson,
    NewPerson,
    NewRegistration,
    RowUpdate,
    Snapshot,
)
from desktop.core.import_people import (
    INVALID,
    MISSING,
    TEXT_FIELDS,
    VALID,
    Matcher,
    Reg,
    Who,
    working_copy,
)
from desktop.core.import_rows import ERROR, WARNING, ParsedRow, ParseResult, RowProblem, parse_rows
from desktop.core.importing import (
    SESSION,
    ImportFileError,
    RawTable,
    mapping_by_header,
    match_session,
)
from desktop.core.outcomes import importing, security
from desktop.core.problems import CodedError
from desktop.core.status import Status
from desktop.core.text import match_key


# --- planning -------------------------------------------------------------------------------
def _no_id_key() -> CodedError:
    return CodedError(security.NO_ID_KEY)


def make_plan(
    table: RawTable,
    mapping: Mapping[str, int],
    snapshot: Snapshot,
    *,
    session_id: int | None,
    admit: bool,
    at: dt.datetime,
    open_id: Callable[[bytes], str] | None = None,
) -> ImportPlan:
    """What importing ``table`` under ``mapping`` does to ``snapshot``. ``session_id``: the
    session of a file without a 報名場次 column (for a file with one: only its rows);
    ``admit``: apply the admission rule to the imported sessions afterwards; ``open_id``
    opens stored IDs to recognise people by them (only with the organiser's passphrase)."""
    parsed = parse_rows(table, mapping)  # raises ImportFileError without a name column
    chosen = _chosen_session(table, mapping, snapshot, session_id)
    sorted_rows = _sort_by_session(parsed, table, mapping, snapshot, chosen)
    # A person's rows are merged per session, so someone who registered for two sessions
    # keeps both registrations (one attendee).
    people, merges = merge_rows(
        sorted_rows.rows, session_of=lambda r: sorted_rows.session[r.order].id
    )
    placed = [(p, sorted_rows.session[p.data.order]) for p in people]
    scope = [chosen] if chosen is not None else list(snapshot.sessions)
    planning = _Planning(snapshot, placed, {es.id for es in scope}, sorted_rows.column, at, open_id)
    planning.flag_second_sessions()
    for person, es in placed:
        planning.apply_row(person, es)
    missing = planning.flag_missing()
    everyone = planning.existing + planning.new_people
    _number(everyone, planning.renumber)
    admission_moves: list[tuple[int, StatusChange]] = []
    admissions = tuple(_admit(es, everyone, admission_moves) for es in scope) if admit else ()
    updated = sum(planning.changed.values())
    summary = ImportSummary(
        source=table.source,
        encoding=table.encoding,
        committed=False,
        headers=table.headers,
        mapping=mapping_by_header(table.headers, mapping),
        rows_read=len(parsed.rows),
        blank_rows=parsed.blank_rows,
        imported=len(planning.new_people),
        updated=updated,
        unchanged=len(planning.changed) - updated,
        rejected=tuple(sorted(sorted_rows.rejected, key=lambda p: p.row)),
        merges=merges,
        flagged=tuple(sorted(planning.flagged, key=lambda p: p.row)),
        missing=tuple(missing),
        other_sessions=sorted_rows.other_sessions,
        per_session=dict(planning.per_session),
        id_matching=open_id is not None,
        status_changes=(*planning.moved, *(c for _, c in admission_moves)),
        admissions=admissions,
    )
    return ImportPlan(summary, _writes(planning, admission_moves))


def _chosen_session(
    table: RawTable, mapping: Mapping[str, int], snapshot: Snapshot, session_id: int | None
) -> KnownSession | None:
    """The session the organiser chose for the file, if any; a file without a 報名場次 column
    needs one."""
    chosen = next((es for es in snapshot.sessions if es.id == session_id), None)
    if SESSION not in mapping and chosen is None:
        names = "、".join(es.name for es in snapshot.sessions)
        raise ImportFileError(importing.NO_SESSION_COLUMN, file=table.source, names=names)
    return chosen


@dataclass
class _RowsBySession:
    """The file's accepted rows that belong to the import, each with its session."""

    column: str  # the 報名場次 column's header ("" without one)
    rows: list[ParsedRow] = field(default_factory=list)  # in file order
    session: dict[int, KnownSession] = field(default_factory=dict)  # row order → session
    rejected: list[RowProblem] = field(default_factory=list)  # every row not imported
    other_sessions: int = 0  # rows for a session other than the chosen one


def _sort_by_session(
    parsed: ParseResult,
    table: RawTable,
    mapping: Mapping[str, int],
    snapshot: Snapshot,
    chosen: KnownSession | None,
) -> _RowsBySession:
    """Each row's session: its 報名場次 answer matched to a session name, else the chosen
    session. A row whose answer names no session, or with neither, is rejected; rows of
    another session than the chosen one are counted and skipped."""
    sessions = {es.name: es for es in snapshot.sessions}
    found = _RowsBySession(table.headers[mapping[SESSION]] if SESSION in mapping else "")
    found.rejected = [p for r in parsed.rejected for p in r.problems if p.severity == ERROR]
    matched: dict[str, str | None] = {}  # an answer → the session name it matches
    for row in parsed.accepted:
        value = row.session_value
        if SESSION in mapping and value:
            if value not in matched:
                matched[value] = match_session(value, sessions)
            name = matched[value]
            if name is None:
                found.rejected.append(
                    RowProblem(
                        row.row,
                        found.column,
                        importing.ROW_UNKNOWN_SESSION,
                        ERROR,
                        SESSION,
                        (("value", value),),
                    )
                )
                continue
            es = sessions[name]
            if chosen is not None and es.id != chosen.id:
                found.other_sessions += 1
                continue
        elif chosen is not None:
            es = chosen
        else:
            found.rejected.append(
                RowProblem(row.row, found.column, importing.ROW_NO_SESSION, ERROR, SESSION)
            )
            continue
        found.session[row.order] = es
        found.rows.append(row)
    return found


class _Planning:
    """The plan as the rows make it: the event's people and registrations as the file leaves
    them (``Who``, ``Reg``), the people and registrations it adds, and what the organiser is
    told (flagged rows, status changes, the audit of each changed registration)."""

    def __init__(
        self,
        snapshot: Snapshot,
        placed: Sequence[tuple[Person, KnownSession]],
        scope_ids: set[int],
        session_column: str,
        at: dt.datetime,
        open_id: Callable[[bytes], str] | None,
    ) -> None:
        self.sessions = {es.id: es for es in snapshot.sessions}
        self.scope_ids = scope_ids  # the sessions the import covers
        self.session_column = session_column
        self.at = at
        self.can_seal = snapshot.can_seal
        self.existing = [working_copy(p) for p in snapshot.people]
        self.matcher = Matcher(self.existing, open_id)
        self.new_people: list[Who] = []
        self.new_regs: list[tuple[Who, Reg]] = []
        self.flagged = [p for person, _ in placed for p in person.data.problems]
        self.audited: list[Audited] = []
        self.moved: list[StatusChange] = []
        self.renumber: set[int] = set()  # sessions whose places in line change
        self.touched: set[int] = set()  # registrations a row updated
        self.known: dict[int, Who] = {}  # identity → the person it is
        self.changed: dict[int, bool] = {}  # identity of an existing person → any change
        self.per_session: dict[str, int] = defaultdict(int)
        # identity → the person's rows and sessions in this file
        self.sessions_of: dict[int, list[tuple[Person, KnownSession]]] = defaultdict(list)
        for person, es in placed:
            self.sessions_of[person.identity].append((person, es))

    def flag_second_sessions(self) -> None:
        """Note who the file registers for more than one session: both registrations are
        kept, and the organiser is asked to check."""
        for group in self.sessions_of.values():
            first, first_es = group[0]
            for person, es in group[1:]:
                self.flagged.append(
                    RowProblem(
                        person.rows[0],
                        self.session_column,
                        importing.ROW_TWO_SESSIONS,
                        WARNING,
                        SESSION,
                        (("row", first.rows[0]), ("first", first_es.name), ("second", es.name)),
                    )
                )

    def apply_row(self, person: Person, es: KnownSession) -> None:
        """One person's (merged) row for session ``es``: a new person, or an existing one
        updated, with their registration for ``es`` added or updated."""
        self.per_session[es.name] += 1
        row = person.data
        who = self.known.get(person.identity)
        if who is None:
            who = self.known[person.identity] = self._recognise(row)
        if who.id < 0:
            self.add_registration(who, person, es)
            return
        changes = _update_person(who, row, self.matcher, self.can_seal)
        keep = {e.id for _, e in self.sessions_of[person.identity]}
        reg = _registration_for(who, es.id, self.scope_ids, keep, self.touched)
        if reg is None:
            reg = self.add_registration(who, person, es)
            changes.append("session")
        else:
            if reg.session_id != es.id and _promised(reg):
                kept = self.sessions[reg.session_id]
                self.flagged.append(_kept_in_session(kept, es, person, self.session_column))
                es = kept
            changes += _update_registration(reg, es, person, who, self.renumber, self.moved)
        self.touched.add(reg.id)
        self.changed[person.identity] = self.changed.get(person.identity, False) or bool(changes)
        if changes:
            who.set("updated_at", self.at)
            self.audited.append(
                Audited(reg.id, who.values["name"], tuple(sorted(set(changes))), row.row)
            )

    def _recognise(self, row: ParsedRow) -> Who:
        """The person already in the event this row is, else a new person."""
        found = self.matcher.find(row)
        if found is None:
            found = _new_person(row, len(self.new_people), self.can_seal)
            self.new_people.append(found)
            self.matcher.claim(row)
        return found

    def add_registration(self, who: Who, person: Person, es: KnownSession) -> Reg:
        """A new registration on the waiting list of ``es``; its place in line comes later."""
        row = person.data
        reg = Reg(
            id=-(len(self.new_regs) + 1),
            session_id=es.id,
            status=Status.WAITLISTED,
            status_reason="",
            registered_at=person.registered_at or self.at,
            queue=0,
            lunch=row.lunch,
            remark=row.remark,
            source="import",
            missing_from_import=False,
            told=False,
            checked_in=False,
        )
        who.registrations.append(reg)
        self.new_regs.append((who, reg))
        self.renumber.add(es.id)
        return reg

    def flag_missing(self) -> list[MissingPerson]:
        """Imported registrations in the import's sessions that no row updated: flagged
        missing from the export (once), never deleted."""
        missing: list[MissingPerson] = []
        for who in self.existing:
            for reg in who.registrations:
                if (
                    reg.source != "import"
                    or reg.session_id not in self.scope_ids
                    or reg.id < 0
                    or reg.id in self.touched
                ):
                    continue
                if not reg.missing_from_import:
                    reg.set("missing_from_import", True)
                    self.audited.append(Audited(reg.id, who.values["name"], (), 0))
                name = self.sessions[reg.session_id].name
                missing.append(MissingPerson(reg.id, who.values["name"], name))
        return missing


def _writes(planning: _Planning, moves: Sequence[tuple[int, StatusChange]]) -> ImportWrites:
    """The rows to insert and the columns to update that make the plan true."""
    return ImportWrites(
        new_people=tuple(NewPerson(dict(w.values), w.seal or "") for w in planning.new_people),
        new_registrations=tuple(
            NewRegistration(
                reg.id,
                who.id if who.id > 0 else None,
                -who.id - 1 if who.id < 0 else None,
                {
                    "session_id": reg.session_id,
                    "status": reg.status,
                    "registered_at": reg.registered_at,
                    "queue": reg.queue,
                    "lunch": reg.lunch,
                    "remark": reg.remark,
                },
            )
            for who, reg in planning.new_regs
        ),
        people=tuple(
            RowUpdate(w.id, dict(w.changed), w.seal)
            for w in planning.existing
            if w.changed or w.seal
        ),
        registrations=tuple(
            RowUpdate(r.id, dict(r.changed))
            for w in planning.existing
            for r in w.registrations
            if r.id > 0 and r.changed
        ),
        audited=tuple(planning.audited),
        moves=tuple(moves),
    )


def _new_person(row: ParsedRow, index: int, can_seal: bool) -> Who:
    number = row.id_number  # as ``sealable_id`` made it: an ID, a short ASCII typo, or ""
    values: dict[str, Any] = {f: getattr(row, f) for f in TEXT_FIELDS}
    values.update(wants_hours=row.wants_hours, id_mask="", id_status=MISSING)
    if number:
        if not can_seal:
            raise _no_id_key()
        values.update(id_mask=mask_id(number), id_status=INVALID if row.id_problem else VALID)
    return Who(-(index + 1), values, None, [], seal=number or None)


def _update_person(who: Who, row: ParsedRow, matcher: Matcher, can_seal: bool) -> list[str]:
    """Copy a row's person data onto an existing person; the names of what changed. A blank
    answer keeps what the database has (like a blank answer in a later duplicate)."""
    changes = []
    for name in TEXT_FIELDS:
        value = getattr(row, name)
        if value and value != who.values[name]:
            who.set(name, value)
            changes.append(name)
    if who.values["wants_hours"] != row.wants_hours:
        who.set("wants_hours", row.wants_hours)
        changes.append("wants_hours")
    number = row.id_number
    if number:
        status = INVALID if row.id_problem else VALID
        mask = mask_id(number)
        stored = who.id_cipher is not None or who.seal is not None
        if not (stored and (who.seal or matcher.plain_id(who)) == number):
            # Without the passphrase an ID whose visible part is unchanged cannot be compared:
            # it is sealed again from the export (the export is the truth), not counted.
            same_visible = (
                stored and who.values["id_mask"] == mask and who.values["id_status"] == status
            )
            if not can_seal:
                raise _no_id_key()
            who.seal = number
            who.set("id_mask", mask)
            who.set("id_status", status)
            if not same_visible:
                changes.append("id_number")
    return changes


def _registration_for(
    who: Who, session_id: int, scope_ids: set[int], keep: set[int], taken: set[int]
) -> Reg | None:
    """The registration a row updates: the one in the row's session, else the person's
    imported registration in another session of the import's scope (they changed session) —
    but not one in a session the person still registers for in this file (``keep``), nor one
    another row already updated (``taken``)."""
    for r in who.registrations:
        if r.session_id == session_id:
            return r
    for r in who.registrations:
        if (
            r.source == "import"
            and r.session_id in scope_ids
            and r.session_id not in keep
            and r.id not in taken
        ):
            return r
    return None


def _promised(r: Reg) -> bool:
    return admission.promised(
        r.status,
        checked_in=r.checked_in,
        by_hand=r.status == Status.ADMITTED and bool(r.status_reason),
        told=r.told,
    )


def _update_registration(
    r: Reg,
    es: KnownSession,
    person: Person,
    who: Who,
    renumber: set[int],
    moved: list[StatusChange],
) -> list[str]:
    row = person.data
    changes = []
    if r.session_id != es.id:
        renumber.update((r.session_id, es.id))
        r.set("session_id", es.id)
        r.set("told_at", None)  # what they were told was about the other session
        r.told = False
        if r.status == Status.ADMITTED:
            moved.append(
                StatusChange(
                    r.id,
                    who.values["name"],
                    es.name,
                    Status.ADMITTED,
                    Status.WAITLISTED,
                    admission.SESSION_CHANGED,
                )
            )
        if r.status in (Status.ADMITTED, Status.WAITLISTED):
            r.set("status", Status.WAITLISTED)
            r.set("status_reason", "")
        changes.append("session")
    if person.registered_at is not None and person.registered_at < r.registered_at:
        r.set("registered_at", person.registered_at)
        renumber.add(es.id)
        changes.append("registered_at")
    if r.lunch != row.lunch:
        r.set("lunch", row.lunch)
        changes.append("lunch")
    if row.remark and r.remark != row.remark:
        r.set("remark", row.remark)
        changes.append("remark")
    if r.missing_from_import:
        r.set("missing_from_import", False)
        changes.append("back_in_import")
    return changes


def _kept_in_session(
    kept: KnownSession, es: KnownSession, person: Person, column: str
) -> RowProblem:
    return RowProblem(
        person.rows[0],
        column,
        importing.ROW_KEPT_IN_SESSION,
        WARNING,
        SESSION,
        (("session", es.name), ("kept", kept.name)),
    )


def _number(everyone: Sequence[Who], sessions: set[int]) -> None:
    """Places in line in ``sessions``: registration time, then the order rows were added
    (existing rows by id; the plan's new ones after them in key order, which is the order
    the service gives them their ids)."""
    lines: dict[int, list[Reg]] = defaultdict(list)
    for who in everyone:
        for r in who.registrations:
            if r.session_id in sessions:
                lines[r.session_id].append(r)
    for line in lines.values():
        line.sort(key=lambda r: (r.registered_at, r.id < 0, abs(r.id)))
        for queue, r in enumerate(line, start=1):
            if r.queue != queue:
                if r.id > 0:
                    r.set("queue", queue)
                else:
                    r.queue = queue


def _admit(
    es: KnownSession, everyone: Sequence[Who], moves: list[tuple[int, StatusChange]]
) -> AdmissionResult:
    """The admission rule on one session as the import leaves it."""
    regs = [(r, who) for who in everyone for r in who.registrations if r.session_id == es.id]
    by_key = {r.id: (r, who) for r, who in regs}
    proposal = admission.propose(
        (
            admission.Applicant(
                key=r.id,
                agency_key=match_key(who.values["agency"]),
                queue=r.queue,
                status=r.status,
                checked_in=r.checked_in,
            )
            for r, who in regs
        ),
        capacity=es.capacity,
        agency_limit=es.agency_limit,
    )
    changes = []
    for move in proposal.moves:
        r, who = by_key[move.key]
        r.set("status", move.new)
        change = StatusChange(
            max(r.id, 0), who.values["name"], es.name, move.old, move.new, move.reason
        )
        moves.append((r.id, change))
        changes.append(change)
    return admission.admission_result(
        es.name, es.capacity, es.agency_limit, (r.status for r, _ in regs), proposal, changes
    )
