"""Group reports (小組報告): the tables, load and save as typed, revisions and merge bases.

Saving: every call of ``save_report`` writes the current content immediately (one short
transaction, ``synchronous=FULL``), so what the form has saved survives the app being killed.
Revisions are kept by content: while one author keeps typing, the latest revision is updated
in place; a new revision starts when ``REVISION_SECONDS`` have passed since the latest revision
started, or another author saves, and a content the latest revision holds is not stored
again. So the history has one entry per minute of typing; a revision holding a conflict's
losing text is never updated, so that text stays in the history. What venue devices may store
is bounded (``group_report_usage``).

Members present: the people seated at the table (``SeatAssignment``), ticked when they have
checked in. "Checked in" means the session's check-in log holds a non-voided ``in`` for the
registration: someone who signed out at 15:30 still took part in the 11:00 discussion, so a
later ``out`` does not untick them.

The flip-chart photo is ``group_report_photo``; a session's reports compiled, and a report as
JSON, are ``group_report_compile``.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, joinedload

from db.models import (
    Attendee,
    GroupReport,
    GroupReportRevision,
    GroupReportState,
    Registration,
    SeatAssignment,
    WorkshopTable,
)
from db.uow import Database
from desktop.core import group_report as form
from desktop.core import report_limits as limits
from desktop.core import report_merge
from desktop.core.group_report import (
    Member,
    ReportContent,
)
from desktop.core.outcomes import group_reports as words
from desktop.core.problems import CodedError
from desktop.core.report_merge import Conflict
from desktop.services import audit
from desktop.services import group_report_usage as usage
from desktop.services.arrivals import arrived_ids

REVISION_SECONDS = 60
# How long every state of a report is kept as a possible merge base: a page polls every few
# seconds, so only a device that was offline longer than this saves on an older base — and then
# the oldest kept state serves, which can only show more conflicts, never lose a word.
STATE_SECONDS = 30 * 60
PRUNE_BATCH = 8  # expired states forgotten per save at most


class GroupReportError(CodedError):
    """Bad input (an unknown table, a file that is not an image...)."""


@dataclass(frozen=True)
class TableInfo:
    id: int
    session_id: int
    number: int
    name: str
    leader_name: str
    leader_unit: str
    has_report: bool
    updated_at: dt.datetime | None

    @property
    def label(self) -> str:
        leader = f"　桌長 {self.leader_name}" if self.leader_name else ""
        return f"{self.name or f'第{self.number}桌'}{leader}"


@dataclass(frozen=True)
class ReportSnapshot:
    table: TableInfo
    content: ReportContent
    report_id: int | None  # None: nothing saved yet (members are the prefill)
    updated_at: dt.datetime | None
    photo_name: str
    photo_size: int
    revision: int  # the number a save of this snapshot is based on


@dataclass(frozen=True)
class SaveResult:
    report_id: int
    revision_id: int | None  # the revision holding this content (None when nothing changed)
    new_revision: bool
    changed: bool
    saved_at: dt.datetime
    revision: int  # the report's revision number now (what the next save is based on)
    content: ReportContent  # as stored at ``revision``
    conflicts: Mapping[str, Conflict] = field(default_factory=dict)  # field → both texts


@dataclass(frozen=True)
class RevisionInfo:
    id: int
    saved_at: dt.datetime
    author: str
    content: ReportContent


def table_info(t: WorkshopTable) -> TableInfo:
    return TableInfo(
        id=t.id,
        session_id=t.session_id,
        number=t.number,
        name=t.name,
        leader_name=t.leader_name,
        leader_unit=t.leader_unit,
        has_report=t.report is not None,
        updated_at=t.report.updated_at if t.report is not None else None,
    )


def list_tables(db: Database, session_id: int) -> tuple[TableInfo, ...]:
    with db.read() as s:
        tables = s.scalars(
            select(WorkshopTable)
            .options(joinedload(WorkshopTable.report))
            .where(WorkshopTable.session_id == session_id)
            .order_by(WorkshopTable.number)
        ).all()
        return tuple(table_info(t) for t in tables)


def workshop_table(s: Session, table_id: int) -> WorkshopTable:
    """The table, or the coded refusal when there is none."""
    table = s.get(WorkshopTable, table_id)
    if table is None:
        raise GroupReportError(words.NO_TABLE, id=table_id)
    return table


def report_of(s: Session, table: WorkshopTable, at: dt.datetime) -> tuple[GroupReport, bool]:
    """The table's report, and whether it was made just now: a table's first save (or photo)
    makes it, its members filled in from the seating."""
    if table.report is not None:
        return table.report, False
    prefill = form.to_json(ReportContent(members=table_members(s, table)))
    report = GroupReport(table_id=table.id, content=prefill, updated_at=at, revision=0)
    s.add(report)
    s.flush()
    return report, True


def find_table(db: Database, session_id: int, number: int) -> TableInfo:
    for table in list_tables(db, session_id):
        if table.number == number:
            return table
    raise GroupReportError(words.NO_TABLE_NUMBER, n=number)


def seated_members(db: Database, table_id: int) -> tuple[Member, ...]:
    """The people seated at the table, in seat order, ticked when they checked in."""
    with db.read() as s:
        return table_members(s, s.get_one(WorkshopTable, table_id))


def table_members(s: Session, table: WorkshopTable) -> tuple[Member, ...]:
    present = arrived_ids(s, table.session_id, table_id=table.id)
    seats = s.execute(
        select(SeatAssignment.registration_id, Attendee.name, Attendee.agency)
        .join(Registration, Registration.id == SeatAssignment.registration_id)
        .join(Attendee, Attendee.id == Registration.attendee_id)
        .where(SeatAssignment.table_id == table.id, Registration.status != "cancelled")
        .order_by(SeatAssignment.assigned_at, SeatAssignment.id)
    ).all()
    return tuple(
        Member(name=name, agency=agency, registration_id=rid, present=rid in present)
        for rid, name, agency in seats
    )


def load_report(db: Database, table_id: int, *, reset_presence: bool = False) -> ReportSnapshot:
    """The table's report; members merged with the current seating (new people appended)."""
    with db.read() as s:
        table = workshop_table(s, table_id)
        report = table.report
        seated = table_members(s, table)
        if report is None:
            return ReportSnapshot(
                table_info(table), ReportContent(members=seated), None, None, "", 0, 0
            )
        content = form.from_json(report.content)
        content = content.with_members(
            form.merge_members(content.members, seated, reset_presence=reset_presence)
        )
        return ReportSnapshot(
            table_info(table),
            content,
            report.id,
            report.updated_at,
            report.photo_name,
            len(report.photo or b""),
            report.revision,
        )


def save_report(
    db: Database,
    table_id: int,
    content: ReportContent | Mapping[str, Any],
    *,
    base_revision: int | None = None,
    author: str = "",
    device_id: int | None = None,
    now: dt.datetime | None = None,
    revision_seconds: float = REVISION_SECONDS,
    audit_detail: Mapping[str, Any] | None = None,
    typed: bool = True,
) -> SaveResult:
    """Write a report, merged with whatever was saved since ``base_revision``.

    ``content`` is the whole form, or (from the venue pages) a mapping of some top-level JSON
    fields; ``members`` there may be a list of ``{"present": bool}`` in the order shown (the
    pages only see masked names). With ``base_revision`` (every editor passes the revision it
    loaded), fields others changed since are kept and a field changed on both sides stays as
    it was, both texts coming back in ``conflicts``; the incoming text is kept in the history
    either way. Without it (restoring a revision, scripts), ``content`` replaces the report.
    A save coalesces into the latest revision of the same author within ``revision_seconds``
    when that revision holds the content this save changes (never into one kept for a
    conflict's text); a content the latest revision holds is not stored again. Text typed
    over a field's limit raises ``FieldTooLong`` (``typed=False``: a revision restored, whose
    text was stored before the limits); a device (``device_id``) over what it may store
    raises ``StorageRefused`` — either way nothing is written.
    """
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        table = workshop_table(s, table_id)
        report, created = report_of(s, table, at)
        theirs = form.from_json(report.content)
        mine, sent = _incoming(theirs, content)
        if base_revision is not None and base_revision > report.revision:
            # Taken as current, a made-up revision would overwrite what others saved since.
            raise GroupReportError(
                words.REVISION_UNKNOWN,
                table=table.number,
                revision=base_revision,
                current=report.revision,
            )
        if typed:
            _check_lengths(form.to_json(theirs), mine)
        if base_revision is None or base_revision >= report.revision:
            base = form.to_json(theirs)
        else:
            base = _content_at(s, report.id, base_revision)
        merged = report_merge.merge(base, form.to_json(theirs), mine, sent)
        data = form.to_json(form.from_json(merged.content))
        history = 0
        if merged.conflicts:
            # The losing text must survive: it goes into the history as its own entry.
            history += _keep_revision(s, report.id, at, author, form.to_json(form.from_json(mine)))
        if report.content == data and not created:
            usage.charge(s, report.id, device_id, at, stored=history, history=history)
            return SaveResult(
                report.id,
                _last_revision_id(s, report.id),
                False,
                False,
                report.updated_at,
                report.revision,
                form.from_json(data),
                merged.conflicts,
            )
        before = dict(report.content)
        report.content = data
        report.updated_at = at
        report.revision += 1
        stored = _keep_state(s, report, before, at)
        last = _latest_revision(s, report.id)
        held = last is not None and last.content == data  # e.g. a revision restored
        coalesce = (
            not held
            and last is not None
            and last.author == author
            and last.content == before  # it holds what this save changes, nothing else
            and 0 <= (at - last.saved_at).total_seconds() < revision_seconds
        )
        if held or coalesce:  # the latest entry holds this content already, or takes it now
            assert last is not None
            if coalesce:
                history += _size(data) - _size(last.content)
                last.content = data
            if audit_detail:
                audit.record(
                    s,
                    "group_report.save",
                    actor=author,
                    entity="group_report",
                    entity_id=report.id,
                    at=at,
                    table=table.number,
                    revision=report.revision,
                    **audit_detail,
                )
        else:
            history += _keep_revision(s, report.id, at, author, data)
            last = _latest_revision(s, report.id)
            assert last is not None
            audit.record(
                s,
                "group_report.revision",
                actor=author,
                entity="group_report",
                entity_id=report.id,
                at=at,
                table=table.number,
                revision=last.id,
                created=created,
                **(audit_detail or {}),
            )
        usage.charge(s, report.id, device_id, at, stored=stored + history, history=history)
        assert last is not None
        return SaveResult(
            report.id,
            last.id,
            not coalesce and not held,
            True,
            at,
            report.revision,
            form.from_json(data),
            merged.conflicts,
        )


FIELDS = (
    "members",
    "topic",
    "points_for",
    "points_against",
    "proposals",
    "ranking",
    "open_questions",
    "feedback",
)


def _incoming(
    theirs: ReportContent,
    content: ReportContent | Mapping[str, Any],
) -> tuple[dict[str, Any], tuple[str, ...] | None]:
    """The incoming save as report JSON (proposals without an id get a new one), and the
    top-level fields it carries."""
    if isinstance(content, ReportContent):
        proposals = form.with_ids(content.proposals, fresh=True)
        return form.to_json(replace(content, proposals=proposals)), None
    current = form.to_json(theirs)
    mine = dict(current)
    sent = tuple(k for k in FIELDS if k in content)
    for key in sent:
        if key == "members":
            flags = content["members"] if isinstance(content["members"], list) else []
            mine["members"] = [
                {
                    **m,
                    "present": bool(flags[i].get("present", m["present"]))
                    if i < len(flags) and isinstance(flags[i], Mapping)
                    else m["present"],
                }
                for i, m in enumerate(current["members"])
            ]
        else:
            mine[key] = form.to_json(form.from_json({key: content[key]}, fresh_ids=True))[key]
    return mine, sent


def _check_lengths(theirs: Mapping[str, Any], mine: Mapping[str, Any]) -> None:
    """Refuse text over a field's limit, and more proposals or members than a report holds —
    only what this save changes: a longer value stored before the limits stays exportable."""
    stored = set(report_merge.flatten(theirs).items())
    for where, value in report_merge.flatten(mine).items():
        if isinstance(value, str) and (where, value) not in stored:
            refusal = limits.too_long(where, value)
            if refusal is not None:
                raise refusal
    for key, limit in (("proposals", limits.MAX_PROPOSALS), ("members", limits.MAX_MEMBERS)):
        count = len(mine.get(key) or ())
        if count > max(limit, len(theirs.get(key) or ())):
            raise GroupReportError(
                words.TOO_MANY,
                field=key,
                label=limits.field_name(key),
                limit=limit,
                count=count,
            )


def _content_at(s: Session, report_id: int, revision: int) -> dict[str, Any]:
    """The report as of ``revision``."""
    row = s.scalars(
        select(GroupReportState)
        .where(GroupReportState.report_id == report_id, GroupReportState.revision <= revision)
        .order_by(GroupReportState.revision.desc())
        .limit(1)
    ).first()
    # Pruned: an empty base makes every field both sides hold differently a visible conflict
    # (a newer base would let the late save silently overwrite what others wrote). Read as
    # the form reads it, so a state kept before proposals had ids gets the same ids.
    return form.to_json(form.from_json(row.content)) if row is not None else {}


def _keep_state(s: Session, report: GroupReport, before: dict[str, Any], at: dt.datetime) -> int:
    """Keep this save's state as a merge base; forget the oldest ones past ``STATE_SECONDS``.
    Returns the bytes the kept states grew by (what a device's save is charged).

    Every query here goes by the (report, revision) index and touches a bounded number of
    rows: a save costs the same after ten hours of typing as after ten seconds."""
    grown = _size(report.content)
    # One save adds one state, so looking at a few of the oldest each time keeps up; a
    # backlog (the desk was closed an hour) drains over the next saves. Expired states that
    # linger a little longer are still true merge bases.
    oldest = s.execute(
        select(GroupReportState.id, GroupReportState.saved_at)
        .where(
            GroupReportState.report_id == report.id,
            GroupReportState.revision < report.revision,
        )
        .order_by(GroupReportState.revision)
        .limit(PRUNE_BATCH)
    ).all()
    if not oldest:
        # Every state kept is older than this save: none at all means this is the first, and
        # it also records what the report was before this save.
        s.add(
            GroupReportState(
                report_id=report.id, revision=report.revision - 1, saved_at=at, content=before
            )
        )
    s.add(
        GroupReportState(
            report_id=report.id, revision=report.revision, saved_at=at, content=report.content
        )
    )
    cutoff = at - dt.timedelta(seconds=STATE_SECONDS)
    expired = [row.id for row in oldest if row.saved_at < cutoff]
    if expired:
        s.execute(delete(GroupReportState).where(GroupReportState.id.in_(expired)))
    return grown


def _size(data: Mapping[str, Any]) -> int:
    """The bytes ``data`` takes in the database (SQLAlchemy's JSON: ``json.dumps``, so each
    Chinese character is six bytes, ``\\u516c``)."""
    return len(json.dumps(data))


def _latest_revision(s: Session, report_id: int) -> GroupReportRevision | None:
    return s.scalars(
        select(GroupReportRevision)
        .where(GroupReportRevision.report_id == report_id)
        .order_by(GroupReportRevision.id.desc())
        .limit(1)
    ).first()


def _keep_revision(
    s: Session, report_id: int, at: dt.datetime, author: str, data: dict[str, Any]
) -> int:
    """Keep ``data`` in the history unless its latest entry holds it already (a device
    sending the same conflicting save again); the bytes added."""
    latest = _latest_revision(s, report_id)
    if latest is not None and latest.content == data:
        return 0
    s.add(GroupReportRevision(report_id=report_id, saved_at=at, author=author, content=data))
    s.flush()
    return _size(data)


def _last_revision_id(s: Session, report_id: int) -> int | None:
    return s.scalar(
        select(GroupReportRevision.id)
        .where(GroupReportRevision.report_id == report_id)
        .order_by(GroupReportRevision.id.desc())
        .limit(1)
    )


def list_revisions(db: Database, table_id: int) -> tuple[RevisionInfo, ...]:
    """Newest first."""
    with db.read() as s:
        report = s.scalar(select(GroupReport).where(GroupReport.table_id == table_id))
        if report is None:
            return ()
        revisions = s.scalars(
            select(GroupReportRevision)
            .where(GroupReportRevision.report_id == report.id)
            .order_by(GroupReportRevision.id.desc())
        ).all()
        return tuple(
            RevisionInfo(r.id, r.saved_at, r.author, form.from_json(r.content)) for r in revisions
        )


def restore_revision(
    db: Database,
    table_id: int,
    revision_id: int,
    *,
    author: str = "",
    now: dt.datetime | None = None,
) -> SaveResult:
    """Make an old revision the current content (as a new revision; nothing is deleted)."""
    for revision in list_revisions(db, table_id):
        if revision.id == revision_id:
            return save_report(
                db,
                table_id,
                revision.content,
                author=author,
                now=now,
                revision_seconds=0,
                typed=False,
            )
    raise GroupReportError(words.NO_REVISION, id=revision_id)
