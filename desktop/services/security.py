"""The organiser's passphrase, ID numbers (reveal, purge) and the two roles of the app.

Roles
-----
``desk`` (default, no passphrase): check-in, search, walk-ins (IDs of walk-ins are encrypted to
the event's public key, so the desk can store them but never read them back), backups.
``organiser`` (after the event's passphrase was given): editing registrations and settings,
exports with personal data (the portal file), revealing one ID on screen, purging IDs, restoring
a backup. ``ORGANISER_ACTIONS`` lists the named actions, for the window (screens call
``ScreenContext.require_organiser(parent)`` before doing one of them) and the command line
(which asks for the passphrase before running one).

The passphrase is the one that seals the event's ID private key (``desktop.core.idvault``), so
"knows the passphrase" and "can read IDs" are the same thing — there is no second secret to
keep in step. Unlocking, locking, failed attempts, reveals and purges go to the audit log with
who (operator, desk), when and what (masked ID only).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

from sqlalchemy import select

from db.models import Attendee, Event, EventSession, IdStatus, Registration
from db.uow import Database
from desktop.core.idvault import IdOpener, WrongPassphrase, needs_reseal, new_key_pair, reseal
from desktop.core.newevent import MIN_PASSPHRASE, passphrase_problem
from desktop.core.outcomes import events
from desktop.core.outcomes import security as words
from desktop.core.problems import CodedError
from desktop.services import audit, stored_settings


class Role(StrEnum):
    DESK = "desk"
    ORGANISER = "organiser"


# The one list of what needs the organiser: the window's organiser-only screens name one of
# these (``Screen.action``), and so do the CLI's subcommands (``desktop.cli.organiser_only``).
# Everything else is desk work: check-in, search, walk-ins, summaries, backups.
ORGANISER_ACTIONS: dict[str, str] = {
    "registrations.edit": "import, admit, edit registrations (名單)",
    "tables.edit": "seat people, set tables and leaders (分桌)",
    "agenda.edit": "edit and run the agenda (議程)",
    "reports.edit": "group reports and table-leader mode (小組報告)",
    "venue.serve": "open the venue server to the room's phones (serve, 開放現場連線)",
    "handouts.edit": "add and remove the session's handouts for the room page (講義)",
    "vote.run": "build, open and close the room's vote, type paper ballots, export it (投票)",
    "survey.run": "edit, open, close the questionnaire, type paper forms, export it (課後問卷)",
    "settings.edit": "event and session settings (event set, session add)",
    "hours.adjust": "override a person's learning hours",
    "export.personal_data": "exports with e-mails or ID numbers (passes CSV, portal file)",
    "id.reveal": "show one full ID number",
    "ids.purge": "erase a session's encrypted ID numbers",
    "backup.restore": "replace the database with a backup",
    "backup.folder": "choose the backup folder",
    "passphrase.change": "set or change the organiser passphrase",
}


class SecurityError(CodedError):
    """The action is refused (wrong passphrase, passphrase too short, no such person...)."""


@dataclass(frozen=True)
class RevealedId:
    attendee_id: int
    id_number: str
    mask: str


@dataclass(frozen=True)
class PurgeResult:
    session_id: int
    session_name: str
    purged: int  # attendees whose ID cipher was erased
    kept_other_sessions: int  # still registered in a session whose IDs were not purged yet


@dataclass
class RoleState:
    """Which role this window is in. Plain Python; the UI wraps it with a Qt signal."""

    role: Role = Role.DESK
    event_id: int | None = None
    since: dt.datetime | None = field(default=None)

    @property
    def organiser(self) -> bool:
        return self.role is Role.ORGANISER

    def allows(self, action: str) -> bool:
        return self.organiser or action not in ORGANISER_ACTIONS


# --- passphrase -------------------------------------------------------------------------------


def _event_id(db: Database, event_id: int | None) -> int:
    with db.read() as s:
        if event_id is not None:
            if s.get(Event, event_id) is None:
                raise SecurityError(words.NO_EVENT, id=event_id)
            return event_id
        first = s.scalar(select(Event.id).order_by(Event.id).limit(1))
    if first is None:
        raise SecurityError(words.NO_EVENT_IN_DATABASE)
    return first


def has_passphrase(db: Database, event_id: int | None = None) -> bool:
    with db.read() as s:
        event = s.get_one(Event, _event_id(db, event_id))
        return event.id_private_key_sealed is not None


def passphrase_hint(db: Database, event_id: int | None = None) -> str:
    """The public passphrase of the demo event ("" for real events)."""
    with db.read() as s:
        hint = stored_settings.read(s, stored_settings.PASSPHRASE_HINT, _event_id(db, event_id))
        return str(hint.get("text", ""))


def passphrase_opens(sealed: bytes | None, passphrase: str) -> bool:
    """Does ``passphrase`` open this sealed ID key? (Costs the key's KDF: ~0.5 s.)"""
    if sealed is None or not passphrase:
        return False
    try:
        IdOpener(sealed, passphrase)
    except WrongPassphrase:
        return False
    return True


def verify_passphrase(db: Database, passphrase: str, event_id: int | None = None) -> bool:
    with db.read() as s:
        sealed = s.get_one(Event, _event_id(db, event_id)).id_private_key_sealed
    return passphrase_opens(sealed, passphrase)


def _reseal_if_old(
    db: Database, event_id: int, passphrase: str, actor: str, at: dt.datetime
) -> None:
    """The organiser has just given the right passphrase: a key sealed with PBKDF2 (before
    0.2) or with cheaper scrypt parameters than today's is sealed again, same key and
    passphrase. The demo's published passphrase keeps its cheap seal (``PUBLIC_KDF``)."""
    if passphrase_hint(db, event_id):
        return
    with db.unit_of_work() as s:
        event = s.get_one(Event, event_id)
        sealed = event.id_private_key_sealed
        if sealed is None or not needs_reseal(sealed):
            return
        event.id_private_key_sealed = reseal(sealed, passphrase, passphrase)
        audit.record(s, "passphrase.reseal", actor=actor, at=at, entity="event", entity_id=event_id)


def check_passphrase(passphrase: str) -> None:
    """Refuse a passphrase that may not seal an event's ID numbers: too short, or common."""
    problem = passphrase_problem(passphrase)
    if problem == "too_short":
        raise SecurityError(words.TOO_SHORT, n=MIN_PASSPHRASE)
    if problem is not None:
        raise SecurityError(words.COMMON)


def set_passphrase(
    db: Database,
    new: str,
    *,
    old: str | None = None,
    event_id: int | None = None,
    actor: str = "",
    now: dt.datetime | None = None,
) -> None:
    """First-time setup (a new key pair) or a change (the same key, re-encrypted with ``new``)."""
    check_passphrase(new)
    event_id = _event_id(db, event_id)
    with db.unit_of_work() as s:
        event = s.get_one(Event, event_id)
        if event.id_private_key_sealed is None:
            # No key yet means no ID was ever stored (storing one needs the public key).
            keys = new_key_pair(new)
            event.id_public_key, event.id_private_key_sealed = (
                keys.public_pem,
                keys.sealed_private_pem,
            )
            action = "passphrase.set"
        else:
            try:
                event.id_private_key_sealed = reseal(event.id_private_key_sealed, old or "", new)
            except WrongPassphrase:
                raise SecurityError(words.WRONG_CURRENT_PASSPHRASE) from None
            action = "passphrase.change"
        audit.record(s, action, actor=actor, at=now, entity="event", entity_id=event_id)


# --- roles ------------------------------------------------------------------------------------


def unlock_organiser(
    db: Database,
    state: RoleState,
    passphrase: str,
    *,
    event_id: int | None = None,
    actor: str = "",
    desk: str = "",
    now: dt.datetime | None = None,
) -> bool:
    """Switch ``state`` to organiser mode if ``passphrase`` is right; audited either way."""
    at = now or dt.datetime.now()
    event_id = _event_id(db, event_id)
    ok = verify_passphrase(db, passphrase, event_id)
    with db.unit_of_work() as s:
        audit.record(
            s,
            "role.unlock" if ok else "role.unlock_failed",
            actor=actor,
            at=at,
            entity="event",
            entity_id=event_id,
            desk=desk,
        )
    if ok:
        _reseal_if_old(db, event_id, passphrase, actor, at)
        state.role, state.event_id, state.since = Role.ORGANISER, event_id, at
    return ok


def lock_organiser(
    db: Database,
    state: RoleState,
    *,
    actor: str = "",
    desk: str = "",
    now: dt.datetime | None = None,
) -> None:
    if not state.organiser:
        return
    with db.unit_of_work() as s:
        audit.record(
            s, "role.lock", actor=actor, at=now, entity="event", entity_id=state.event_id, desk=desk
        )
    state.role, state.since = Role.DESK, None


# --- ID numbers -------------------------------------------------------------------------------


def _opener(event: Event, passphrase: str) -> IdOpener:
    if event.id_private_key_sealed is None:
        raise SecurityError(words.NO_PASSPHRASE)
    try:
        return IdOpener(event.id_private_key_sealed, passphrase)
    except WrongPassphrase:
        raise SecurityError(words.WRONG_PASSPHRASE) from None


def reveal_id(
    db: Database,
    attendee_id: int,
    passphrase: str,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> RevealedId:
    """One attendee's full ID number, for the organiser's eyes; audited with the masked form."""
    with db.unit_of_work() as s:
        attendee = s.get(Attendee, attendee_id)
        if attendee is None:
            raise SecurityError(words.NO_ATTENDEE, id=attendee_id)
        if attendee.id_cipher is None:
            raise SecurityError(words.NO_ID_NUMBER)
        number = _opener(attendee.event, passphrase).open(attendee.id_cipher)
        audit.record(
            s,
            "id.reveal",
            actor=actor,
            at=now,
            entity="attendee",
            entity_id=attendee_id,
            mask=attendee.id_mask,
        )
        return RevealedId(attendee_id, number, attendee.id_mask)


def purged_sessions(db: Database) -> set[int]:
    with db.read() as s:
        return stored_settings.owners(s, stored_settings.IDS_PURGED)


def purge_session_ids(
    db: Database,
    session_id: int,
    passphrase: str,
    *,
    actor: str = "",
    now: dt.datetime | None = None,
) -> PurgeResult:
    """Erase the ID ciphers of a session's attendees (after its hours report is done).

    A person also registered in another session keeps the cipher until that session is purged
    too. The masked form stays (``A12345****``) so lists still show that an ID had been given.
    ``secure_delete`` (db/engine.py) zeroes the erased bytes, and the WAL is checkpointed and
    truncated afterwards so no old page with the cipher stays in the ``-wal`` file either.
    """
    at = now or dt.datetime.now()
    done = purged_sessions(db) | {session_id}
    with db.unit_of_work() as s:
        es = s.get(EventSession, session_id)
        if es is None:
            raise SecurityError(events.NO_SESSION, id=session_id)
        _opener(s.get_one(Event, es.event_id), passphrase)  # organiser only
        attendees = (
            s.scalars(
                select(Attendee).join(Registration).where(Registration.session_id == session_id)
            )
            .unique()
            .all()
        )
        purged = kept = 0
        for attendee in attendees:
            if attendee.id_cipher is None:
                continue
            if any(r.session_id not in done for r in attendee.registrations):
                kept += 1
                continue
            attendee.id_cipher = None
            attendee.id_status = IdStatus.PURGED
            attendee.updated_at = at
            purged += 1
        value = {"at": at.isoformat(timespec="seconds"), "by": actor, "purged": purged}
        stored_settings.write(s, stored_settings.IDS_PURGED, session_id, value, at)
        audit.record(
            s,
            "ids.purge",
            actor=actor,
            at=at,
            entity="session",
            entity_id=session_id,
            purged=purged,
            kept_other_sessions=kept,
        )
        name = es.name
    checkpoint(db)
    return PurgeResult(session_id, name, purged, kept)


def checkpoint(db: Database) -> bool:
    """Copy the WAL into the main file and truncate it; False if a reader kept it busy."""
    if db.engine.dialect.name != "sqlite":
        return True
    with db.engine.connect() as connection:
        busy, _log, _done = connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").one()
    return busy == 0
