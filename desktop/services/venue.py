"""Who may write a table's report over the venue Wi-Fi: table secrets and devices.

* Each table has a secret of 160 random bits, issued when the venue server starts for the
  session (and again when the organiser revokes it). Only its SHA-256 is stored; the plain
  secret lives in the table's URL (``/t/<code>/<secret>``), shown as a QR at the desk and
  printed by ``serve``. Anyone holding the URL can write that table's report, nothing else can.
* Opening that URL registers the browser as a device of the table: it gets a cookie with its
  own random token (stored hashed) and the page drops the secret from its address. The
  organiser can shut out one device, or revoke the table's secret (which also shuts out every
  device of the table and issues a new secret).

The table code printed on tent cards days before is just the table number: it names the table
on the landing page and in the URL, it grants nothing.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from db.models import GroupReport, VenueDevice, VenueTableKey, WorkshopTable
from db.uow import Database
from desktop.core import group_report as form
from desktop.core.group_report import ReportContent
from desktop.services import audit

SECRET_BYTES = 20  # 160 bits; the issue asks for at least 128


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode("ascii", "replace")).hexdigest()


def _new_secret() -> str:
    # Lower-case base32: only letters and digits, so it survives being read aloud or retyped.
    return base64.b32encode(secrets.token_bytes(SECRET_BYTES)).decode("ascii").lower().rstrip("=")


def table_code(number: int) -> str:
    return str(number)


@dataclass(frozen=True)
class TableSecret:
    table_id: int
    number: int
    code: str
    secret: str


@dataclass(frozen=True)
class Device:
    id: int
    table_id: int
    number: int
    label: str
    address: str
    created_at: dt.datetime


@dataclass(frozen=True)
class TableReport:
    """A table and its report as stored: what the desk's 開放現場連線 panel follows."""

    table_id: int
    number: int
    name: str
    updated_at: dt.datetime | None  # None: nothing saved yet
    content: ReportContent


def table_reports(db: Database, session_id: int) -> tuple[TableReport, ...]:
    """Every table of the session with its stored report, in one query that reads neither
    the photos nor the history nor the seating: the panel re-reads it while leaders type."""
    with db.read() as s:
        rows = s.execute(
            select(
                WorkshopTable.id,
                WorkshopTable.number,
                WorkshopTable.name,
                GroupReport.updated_at,
                GroupReport.content,
            )
            .outerjoin(GroupReport, GroupReport.table_id == WorkshopTable.id)
            .where(WorkshopTable.session_id == session_id)
            .order_by(WorkshopTable.number)
        ).all()
    return tuple(
        TableReport(
            r.id,
            r.number,
            r.name,
            r.updated_at,
            form.from_json(r.content) if r.content is not None else ReportContent(),
        )
        for r in rows
    )


def issue_secrets(
    db: Database, session_id: int, *, actor: str = "", now: dt.datetime | None = None
) -> tuple[TableSecret, ...]:
    """A new secret for every table of the session; the old ones stop working. Devices that
    joined before keep their access (a restarted desk must not lock out typing leaders)."""
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        tables = s.scalars(
            select(WorkshopTable)
            .where(WorkshopTable.session_id == session_id)
            .order_by(WorkshopTable.number)
        ).all()
        issued = tuple(_issue(s, t, at) for t in tables)
        audit.record(
            s,
            "venue.secrets_issued",
            actor=actor,
            entity="session",
            entity_id=session_id,
            at=at,
            tables=[t.number for t in issued],
        )
        return issued


def _issue(s: Session, table: WorkshopTable, at: dt.datetime) -> TableSecret:
    s.execute(
        update(VenueTableKey)
        .where(VenueTableKey.table_id == table.id, VenueTableKey.revoked_at.is_(None))
        .values(revoked_at=at)
    )
    secret = _new_secret()
    s.add(VenueTableKey(table_id=table.id, secret_hash=_hash(secret), created_at=at))
    return TableSecret(table.id, table.number, table_code(table.number), secret)


def revoke_table(
    db: Database, table_id: int, *, actor: str = "", now: dt.datetime | None = None
) -> TableSecret:
    """Revoke the table's secret and every device that joined with it; a new secret."""
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        table = s.get_one(WorkshopTable, table_id)
        s.execute(
            update(VenueDevice)
            .where(VenueDevice.table_id == table_id, VenueDevice.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        issued = _issue(s, table, at)
        audit.record(
            s,
            "venue.table_revoked",
            actor=actor,
            entity="table",
            entity_id=table_id,
            at=at,
            table=table.number,
        )
        return issued


def table_for_secret(db: Database, session_id: int, code: str, secret: str) -> int | None:
    """The table id when ``secret`` is the live secret of the table named ``code``."""
    with db.read() as s:
        row = s.execute(
            select(VenueTableKey.table_id, WorkshopTable.number)
            .join(WorkshopTable, WorkshopTable.id == VenueTableKey.table_id)
            .where(
                VenueTableKey.secret_hash == _hash(secret),
                VenueTableKey.revoked_at.is_(None),
                WorkshopTable.session_id == session_id,
            )
        ).first()
    if row is None or table_code(row.number) != code:
        return None
    return int(row.table_id)


def register_device(
    db: Database, table_id: int, *, label: str, address: str, now: dt.datetime | None = None
) -> tuple[Device, str]:
    """A new device of the table and the token its cookie carries."""
    at = now or dt.datetime.now()
    token = secrets.token_urlsafe(32)
    with db.unit_of_work() as s:
        table = s.get_one(WorkshopTable, table_id)
        row = VenueDevice(
            table_id=table_id,
            token_hash=_hash(token),
            label=label[:100],
            address=address[:64],
            created_at=at,
        )
        s.add(row)
        s.flush()
        audit.record(
            s,
            "venue.device_joined",
            actor=f"device:{row.id}",
            entity="table",
            entity_id=table_id,
            at=at,
            table=table.number,
            device=row.id,
            address=address,
            label=label[:100],
        )
        return Device(row.id, table_id, table.number, row.label, row.address, at), token


def device_for_token(db: Database, session_id: int, token: str) -> Device | None:
    with db.read() as s:
        row = s.execute(
            select(VenueDevice, WorkshopTable.number)
            .join(WorkshopTable, WorkshopTable.id == VenueDevice.table_id)
            .where(
                VenueDevice.token_hash == _hash(token),
                VenueDevice.revoked_at.is_(None),
                WorkshopTable.session_id == session_id,
            )
        ).first()
        if row is None:
            return None
        d = row[0]
        return Device(d.id, d.table_id, row.number, d.label, d.address, d.created_at)


def list_devices(db: Database, session_id: int) -> tuple[Device, ...]:
    """Devices not revoked, by table then arrival."""
    with db.read() as s:
        rows = s.execute(
            select(VenueDevice, WorkshopTable.number)
            .join(WorkshopTable, WorkshopTable.id == VenueDevice.table_id)
            .where(WorkshopTable.session_id == session_id, VenueDevice.revoked_at.is_(None))
            .order_by(WorkshopTable.number, VenueDevice.id)
        ).all()
        return tuple(Device(d.id, d.table_id, n, d.label, d.address, d.created_at) for d, n in rows)


def revoke_device(
    db: Database, device_id: int, *, actor: str = "", now: dt.datetime | None = None
) -> None:
    at = now or dt.datetime.now()
    with db.unit_of_work() as s:
        device = s.get_one(VenueDevice, device_id)
        if device.revoked_at is None:
            device.revoked_at = at
            audit.record(
                s,
                "venue.device_revoked",
                actor=actor,
                entity="table",
                entity_id=device.table_id,
                at=at,
                device=device_id,
            )
