"""The whole mission's data model (SQLAlchemy 2, typed ``Mapped[]`` columns).

Conventions every later feature relies on:

* Date-times are naive wall-clock times at the venue (Asia/Taipei). The desk laptop's clock is
  the clock of record, and ROC dates and learning hours are computed on local time, so storing
  local time keeps every report free of time-zone arithmetic.
* Enumerations are stored as short English strings (``Status.ADMITTED == "admitted"``), which
  are also the values of the JSON keys the CLI prints.
* Nothing here is SQLite-only: JSON maps to ``JSON``/``JSONB``-compatible columns, booleans and
  binary columns are portable, and every constraint has a deterministic name (see
  ``NAMING_CONVENTION``) so Alembic batch migrations work on SQLite and PostgreSQL alike.
* Personal ID numbers (身分證字號) are never stored in clear: ``Attendee.id_cipher`` holds the
  number encrypted to the event's public key and ``Attendee.id_mask`` the masked form shown on
  screens (``A12345****``).
"""

from __future__ import annotations

import datetime as dt
from enum import StrEnum
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# The stored codes of statuses and check-in actions are the day's vocabulary (one place).
from desktop.core.status import CheckAction as CheckAction
from desktop.core.status import Status as Status

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map = {dict[str, Any]: JSON, list[Any]: JSON}


class IdStatus(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    MISSING = "missing"
    PURGED = "purged"


class BlockKind(StrEnum):
    CHECK_IN = "check_in"
    OPENING = "opening"
    INTRODUCTION = "introduction"
    TALK = "talk"
    GROUP_DISCUSSION = "group_discussion"
    GROUP_REPORT = "group_report"
    BREAK = "break"
    LUNCH = "lunch"
    CASE_SHARING = "case_sharing"
    DEMO = "demo"
    DISCUSSION = "discussion"


class Event(Base):
    __tablename__ = "events"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))  # 課程名稱
    organiser: Mapped[str] = mapped_column(String(200))  # 主辦單位
    executor: Mapped[str] = mapped_column(String(200), default="")  # 執行單位
    announced_on: Mapped[dt.date | None] = mapped_column(Date)
    # Learning-hours portal course fields (DOMAIN.md "Reporting learning hours").
    course_code: Mapped[str] = mapped_column(String(50), default="")  # 課程代碼
    category_code: Mapped[str] = mapped_column(String(20), default="")  # 課程類別代碼
    degree_credit: Mapped[str] = mapped_column(String(4), default="6")  # 學位學分: 6 = none
    learning_mode: Mapped[str] = mapped_column(String(4), default="2")  # 學習性質: 2 = in person
    # Per-event key for signing QR entry passes (HMAC); a pass never carries personal data.
    token_secret: Mapped[bytes] = mapped_column(LargeBinary(64))
    # ID numbers are encrypted to this public key; the private key is stored only encrypted
    # with the organiser's passphrase, so the desk can add IDs without being able to read them.
    id_public_key: Mapped[bytes | None] = mapped_column(LargeBinary)
    id_private_key_sealed: Mapped[bytes | None] = mapped_column(LargeBinary)
    organiser_pin_hash: Mapped[str | None] = mapped_column(String(200))
    hours_policy: Mapped[dict[str, Any]] = mapped_column(default=dict)
    certificate_settings: Mapped[dict[str, Any]] = mapped_column(default=dict)
    # Certificate images kept in the database (PNG/JPEG bytes, checked when set), so printing
    # does not depend on a file path or the folder a command ran in.
    seal_image: Mapped[bytes | None] = mapped_column(LargeBinary)
    signature_image: Mapped[bytes | None] = mapped_column(LargeBinary)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)

    sessions: Mapped[list[EventSession]] = relationship(
        back_populates="event", order_by="EventSession.position", cascade="all, delete-orphan"
    )
    attendees: Mapped[list[Attendee]] = relationship(
        back_populates="event", cascade="all, delete-orphan"
    )


class EventSession(Base):
    """A 場次: one day of the course at one venue."""

    __tablename__ = "sessions"
    __table_args__ = (UniqueConstraint("event_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    name: Mapped[str] = mapped_column(String(100))  # 臺北場次
    date: Mapped[dt.date] = mapped_column(Date)
    start_time: Mapped[dt.time] = mapped_column(Time)  # class time, not check-in
    end_time: Mapped[dt.time] = mapped_column(Time)
    venue: Mapped[str] = mapped_column(String(200))
    address: Mapped[str] = mapped_column(String(300), default="")
    city_code: Mapped[str] = mapped_column(String(4), default="")  # 上課縣市 code
    term: Mapped[str] = mapped_column(String(20), default="")  # 期別
    capacity: Mapped[int] = mapped_column(Integer, default=40)
    agency_limit: Mapped[int] = mapped_column(Integer, default=2)  # per 機關

    event: Mapped[Event] = relationship(back_populates="sessions")
    agenda: Mapped[list[AgendaBlock]] = relationship(
        back_populates="session", order_by="AgendaBlock.position", cascade="all, delete-orphan"
    )
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="session", cascade="all, delete-orphan"
    )
    tables: Mapped[list[WorkshopTable]] = relationship(
        back_populates="session", order_by="WorkshopTable.number", cascade="all, delete-orphan"
    )


class AgendaBlock(Base):
    __tablename__ = "agenda_blocks"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=0)
    planned_start: Mapped[dt.datetime] = mapped_column(DateTime)
    planned_end: Mapped[dt.datetime] = mapped_column(DateTime)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(30))  # BlockKind
    speaker: Mapped[str] = mapped_column(String(200), default="")
    description: Mapped[str] = mapped_column(Text, default="")
    counts_for_hours: Mapped[bool] = mapped_column(Boolean, default=True)
    actual_start: Mapped[dt.datetime | None] = mapped_column(DateTime)
    actual_end: Mapped[dt.datetime | None] = mapped_column(DateTime)

    session: Mapped[EventSession] = relationship(back_populates="agenda")


class Attendee(Base):
    """A person; their place in a session is a ``Registration``."""

    __tablename__ = "attendees"

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(100), index=True)
    agency: Mapped[str] = mapped_column(String(200), default="", index=True)  # 服務機關
    unit: Mapped[str] = mapped_column(String(200), default="")  # 單位
    title: Mapped[str] = mapped_column(String(100), default="")  # 職稱
    email: Mapped[str] = mapped_column(String(254), default="", index=True)
    phone: Mapped[str] = mapped_column(String(40), default="")
    id_mask: Mapped[str] = mapped_column(String(12), default="")  # A12345****
    id_cipher: Mapped[bytes | None] = mapped_column(LargeBinary)
    id_status: Mapped[str] = mapped_column(String(10), default=IdStatus.MISSING)
    wants_hours: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)

    event: Mapped[Event] = relationship(back_populates="attendees")
    registrations: Mapped[list[Registration]] = relationship(
        back_populates="attendee", cascade="all, delete-orphan"
    )


class Registration(Base):
    __tablename__ = "registrations"
    __table_args__ = (UniqueConstraint("attendee_id", "session_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    attendee_id: Mapped[int] = mapped_column(
        ForeignKey("attendees.id", ondelete="CASCADE"), index=True
    )
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    status: Mapped[str] = mapped_column(String(12), default=Status.WAITLISTED)  # Status
    status_reason: Mapped[str] = mapped_column(String(300), default="")
    registered_at: Mapped[dt.datetime] = mapped_column(DateTime)  # the form's 時間戳記
    queue: Mapped[int] = mapped_column(Integer, default=0)  # place in line, 1-based
    lunch: Mapped[str] = mapped_column(String(10), default="")  # 葷 / 素 / "" (none)
    remark: Mapped[str] = mapped_column(Text, default="")  # 備註
    source: Mapped[str] = mapped_column(String(12), default="import")  # import/walk_in/manual
    missing_from_import: Mapped[bool] = mapped_column(Boolean, default=False)
    # When the person was told of their seat in this session: the admitted list naming them
    # was published, or their pass issued. From then on only the organiser's hand moves them.
    told_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    # The personal room code (desktop.core.room_code), issued to seat holders. Kept in clear:
    # it is printed again on every pass and badge export, and the file that holds it also
    # holds the event's pass-signing secret; it never goes into a log, the audit or an export
    # other than passes.csv.
    room_code: Mapped[str | None] = mapped_column(String(9), unique=True)

    attendee: Mapped[Attendee] = relationship(back_populates="registrations")
    session: Mapped[EventSession] = relationship(back_populates="registrations")
    seat: Mapped[SeatAssignment | None] = relationship(
        back_populates="registration", cascade="all, delete-orphan"
    )


class CheckIn(Base):
    """Append-only check-in log of every attempt at a desk: rows are only ever added; undo
    adds a ``void`` row; a refused scan adds a ``refused`` row with its ``result`` code (and
    the registration when the pass named one), which no state is ever computed from."""

    __tablename__ = "check_ins"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    # The session the desk was serving (a refused scan may name no registration at all).
    desk_session_id: Mapped[int | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    action: Mapped[str] = mapped_column(String(8))  # CheckAction
    # desktop.core.checkin.Code: "ok" for in/out/void rows, the refusal for refused rows.
    result: Mapped[str] = mapped_column(String(30), default="ok", server_default="ok")
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    desk: Mapped[str] = mapped_column(String(50), default="")
    operator: Mapped[str] = mapped_column(String(100), default="")
    method: Mapped[str] = mapped_column(String(20), default="")  # scanner/camera/search/...
    voids_id: Mapped[int | None] = mapped_column(ForeignKey("check_ins.id"))
    reason: Mapped[str] = mapped_column(String(300), default="")
    # A scan's nonce makes a repeated submission of the same scan harmless.
    nonce: Mapped[str | None] = mapped_column(String(64), unique=True)


class WorkshopTable(Base):
    __tablename__ = "workshop_tables"
    __table_args__ = (UniqueConstraint("session_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(100), default="")
    capacity: Mapped[int] = mapped_column(Integer, default=7)
    leader_name: Mapped[str] = mapped_column(String(100), default="")  # 桌長
    leader_unit: Mapped[str] = mapped_column(String(200), default="")
    leader_contact: Mapped[str] = mapped_column(String(100), default="")
    leader_registration_id: Mapped[int | None] = mapped_column(
        ForeignKey("registrations.id", ondelete="SET NULL")
    )
    location: Mapped[str] = mapped_column(String(200), default="", server_default="")  # 靠窗第二排

    session: Mapped[EventSession] = relationship(back_populates="tables")
    seats: Mapped[list[SeatAssignment]] = relationship(
        back_populates="table", cascade="all, delete-orphan"
    )
    report: Mapped[GroupReport | None] = relationship(
        back_populates="table", cascade="all, delete-orphan"
    )


class SeatAssignment(Base):
    __tablename__ = "seat_assignments"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), unique=True
    )
    table_id: Mapped[int] = mapped_column(
        ForeignKey("workshop_tables.id", ondelete="CASCADE"), index=True
    )
    pinned: Mapped[bool] = mapped_column(Boolean, default=False)
    source: Mapped[str] = mapped_column(String(12), default="plan")  # plan/arrival/manual
    assigned_at: Mapped[dt.datetime] = mapped_column(DateTime)

    registration: Mapped[Registration] = relationship(back_populates="seat")
    table: Mapped[WorkshopTable] = relationship(back_populates="seats")


class GroupReport(Base):
    """A table's 小組討論 record; ``content`` holds the form (members, points, proposals...)."""

    __tablename__ = "group_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(
        ForeignKey("workshop_tables.id", ondelete="CASCADE"), unique=True
    )
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)
    photo: Mapped[bytes | None] = mapped_column(LargeBinary)
    photo_name: Mapped[str] = mapped_column(String(200), default="")
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)
    # Counts every change of ``content``: a save names the revision it was based on, so two
    # editors (phones over the venue Wi-Fi, 桌長模式 at the desk) never overwrite each other.
    revision: Mapped[int] = mapped_column(Integer, default=0, server_default="0")

    table: Mapped[WorkshopTable] = relationship(back_populates="report")
    revisions: Mapped[list[GroupReportRevision]] = relationship(
        order_by="GroupReportRevision.id", cascade="all, delete-orphan"
    )


class GroupReportRevision(Base):
    __tablename__ = "group_report_revisions"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("group_reports.id", ondelete="CASCADE"), index=True
    )
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime)
    author: Mapped[str] = mapped_column(String(100), default="")
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)


class GroupReportState(Base):
    """Every recent state of a report by revision number: the exact base a late save is
    merged against. The history (``GroupReportRevision``) coalesces a leader's typing into one
    entry a minute, so it cannot serve; states older than the merge window are pruned."""

    __tablename__ = "group_report_states"
    __table_args__ = (UniqueConstraint("report_id", "revision"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("group_reports.id", ondelete="CASCADE"))
    revision: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[dt.datetime] = mapped_column(DateTime)
    content: Mapped[dict[str, Any]] = mapped_column(default=dict)


class GroupReportUsage(Base):
    """What venue devices stored in a report's history, so no device (or table) can fill the
    disk: bytes in the current minute's window and bytes kept for good in revisions, per
    device (``device_id``) and, with ``device_id`` 0, for all the table's devices together."""

    __tablename__ = "group_report_usage"
    __table_args__ = (UniqueConstraint("report_id", "device_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("group_reports.id", ondelete="CASCADE"))
    device_id: Mapped[int] = mapped_column(Integer)
    window_start: Mapped[dt.datetime | None] = mapped_column(DateTime)
    window_bytes: Mapped[int] = mapped_column(Integer, default=0)
    history_bytes: Mapped[int] = mapped_column(Integer, default=0)


class VenueTableKey(Base):
    """The secret that lets a device write a table's report over the venue Wi-Fi.

    Only a SHA-256 of the secret is stored (the secret has 160 random bits, so a plain hash is
    enough); a new one is issued each time the venue server starts and when the organiser
    revokes the old one (``revoked_at``)."""

    __tablename__ = "venue_table_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(
        ForeignKey("workshop_tables.id", ondelete="CASCADE"), index=True
    )
    secret_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class VenueDevice(Base):
    """A browser that opened a table's page with its secret; its cookie token is stored hashed
    so the organiser can shut out one lost phone without re-keying the whole table."""

    __tablename__ = "venue_devices"

    id: Mapped[int] = mapped_column(primary_key=True)
    table_id: Mapped[int] = mapped_column(
        ForeignKey("workshop_tables.id", ondelete="CASCADE"), index=True
    )
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    label: Mapped[str] = mapped_column(String(100), default="")
    address: Mapped[str] = mapped_column(String(64), default="")
    created_at: Mapped[dt.datetime] = mapped_column(DateTime)
    revoked_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class HoursAdjustment(Base):
    """An organiser's override of a person's credited learning hours, with the reason."""

    __tablename__ = "hours_adjustments"

    id: Mapped[int] = mapped_column(primary_key=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), index=True
    )
    hours: Mapped[float] = mapped_column()
    reason: Mapped[str] = mapped_column(String(300))
    by: Mapped[str] = mapped_column(String(100), default="")
    at: Mapped[dt.datetime] = mapped_column(DateTime)


class Certificate(Base):
    """A 研習證明 issued; reprints reuse the row so the serial never changes."""

    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("event_id", "serial"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int] = mapped_column(
        ForeignKey("registrations.id", ondelete="CASCADE"), unique=True
    )
    serial: Mapped[str] = mapped_column(String(60))
    sequence: Mapped[int] = mapped_column(Integer)
    hours: Mapped[float] = mapped_column()
    issued_at: Mapped[dt.datetime] = mapped_column(DateTime)
    print_count: Mapped[int] = mapped_column(Integer, default=1)


class Setting(Base):
    """Event data that is not a row of its own: import mappings, timer run state, desk options.

    ``scope`` names the owner (``"event:1"``, ``"session:3"``, ``"app"``) so keys never collide.
    UI-only preferences (window geometry, language) live in QSettings instead.
    """

    __tablename__ = "settings"
    __table_args__ = (UniqueConstraint("scope", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(50))
    key: Mapped[str] = mapped_column(String(100))
    value: Mapped[dict[str, Any]] = mapped_column(default=dict)
    updated_at: Mapped[dt.datetime] = mapped_column(DateTime)


class AuditEntry(Base):
    """Who changed what, when; rows are only added."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[dt.datetime] = mapped_column(DateTime, index=True)
    actor: Mapped[str] = mapped_column(String(100), default="")
    action: Mapped[str] = mapped_column(String(60))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[dict[str, Any]] = mapped_column(default=dict)


class PbVote(Base):
    """A session's participatory-budgeting vote on the tables' proposals (one per round).

    ``voter_secret`` signs the voters' page passes while the vote is open; it is erased on
    close together with every ``PbVoter`` row, so nothing is left that ties a ballot to a person.
    """

    __tablename__ = "pb_votes"
    __table_args__ = (UniqueConstraint("session_id", "round"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"))
    # 1, 2, ...: a new round after a closed one; the session's vote is its highest round
    round: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    status: Mapped[str] = mapped_column(String(10), default="draft")  # core.vote.VoteStatus
    method: Mapped[str] = mapped_column(String(10), default="approval")  # core.vote.Method
    budget: Mapped[int] = mapped_column(Integer, default=0)  # NT$
    max_approvals: Mapped[int | None] = mapped_column(Integer)
    voter_secret: Mapped[bytes | None] = mapped_column(LargeBinary(32))
    opened_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)

    projects: Mapped[list[PbProject]] = relationship(
        order_by="PbProject.number", cascade="all, delete-orphan"
    )


class PbProject(Base):
    """A line of the ballot: ``number`` is the id voters and the CLI use."""

    __tablename__ = "pb_projects"
    __table_args__ = (UniqueConstraint("vote_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("pb_votes.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    tables: Mapped[list[Any]] = mapped_column(default=list)  # table numbers (several after a merge)
    cost: Mapped[int] = mapped_column(Integer)
    included: Mapped[bool] = mapped_column(Boolean, default=True)


class PbBallot(Base):
    """A ballot: what was approved, and nothing about who or when (see ``PbVoter``)."""

    __tablename__ = "pb_ballots"

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("pb_votes.id", ondelete="CASCADE"), index=True)
    approvals: Mapped[list[Any]] = mapped_column(default=list)  # project numbers


class PbVoter(Base):
    """While a vote is open: who has a ballot (so a second one replaces it), the revision of
    that ballot (a replayed old submission is refused) and failed identification attempts.
    Every row is deleted when the vote closes."""

    __tablename__ = "pb_voters"
    __table_args__ = (UniqueConstraint("vote_id", "registration_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    vote_id: Mapped[int] = mapped_column(ForeignKey("pb_votes.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id", ondelete="CASCADE"))
    ballot_id: Mapped[int | None] = mapped_column(ForeignKey("pb_ballots.id", ondelete="SET NULL"))
    revision: Mapped[int] = mapped_column(Integer, default=0)
    failed_attempts: Mapped[int] = mapped_column(Integer, default=0)
    # the desk revoked the web pass or typed the paper ballot: no web ballot replaces it
    desk_only: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class Handout(Base):
    """A file of the session's handouts (講義) that attendees download from the room page.
    Its bytes are ``HandoutChunk`` rows, so a backup carries them and a download streams
    them a chunk at a time."""

    __tablename__ = "handouts"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), index=True
    )
    title: Mapped[str] = mapped_column(String(200))
    file_name: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(8))  # desktop.core.handouts.Kind: pdf/pptx/docx/zip
    size: Mapped[int] = mapped_column(Integer)  # bytes
    sha256: Mapped[str] = mapped_column(String(64))
    added_at: Mapped[dt.datetime] = mapped_column(DateTime)


class HandoutChunk(Base):
    __tablename__ = "handout_chunks"
    __table_args__ = (UniqueConstraint("handout_id", "seq"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    handout_id: Mapped[int] = mapped_column(ForeignKey("handouts.id", ondelete="CASCADE"))
    seq: Mapped[int] = mapped_column(Integer)
    data: Mapped[bytes] = mapped_column(LargeBinary)


class Survey(Base):
    """A session's course questionnaire (課後問卷): the template as JSON items
    (``desktop.core.survey.Item``) and its state (``desktop.core.survey.SurveyStatus``)."""

    __tablename__ = "surveys"

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(
        ForeignKey("sessions.id", ondelete="CASCADE"), unique=True
    )
    status: Mapped[str] = mapped_column(String(10), default="draft")
    items: Mapped[list[Any]] = mapped_column(default=list)  # [{"id", "text", "kind"}]
    opened_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    closed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)


class SurveyResponse(Base):
    """One response: the answers only ({item id: score 1–5 or text}), no person and no time
    (see ``SurveyRespondent``)."""

    __tablename__ = "survey_responses"

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    answers: Mapped[dict[str, Any]] = mapped_column(default=dict)


class SurveyRespondent(Base):
    """While the questionnaire is open: who has answered, and which response is theirs (so a
    second answer replaces it). Every row is deleted when the questionnaire closes."""

    __tablename__ = "survey_respondents"
    __table_args__ = (UniqueConstraint("survey_id", "registration_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id", ondelete="CASCADE"), index=True)
    registration_id: Mapped[int] = mapped_column(ForeignKey("registrations.id", ondelete="CASCADE"))
    response_id: Mapped[int | None] = mapped_column(
        ForeignKey("survey_responses.id", ondelete="SET NULL")
    )
