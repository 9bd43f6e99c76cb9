from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import select

from db.models import Attendee, AuditEntry, Event, IdStatus, Registration
from db.uow import Database
from desktop.core.idvault import DEFAULT_KDF, PUBLIC_KDF, IdOpener, IdSealer, kdf_of
from desktop.services import security
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.services.events import create_event, list_events
from desktop.services.security import RoleState, SecurityError
from tests.core.test_idvault import legacy_seal


def _audit(db: Database, action: str) -> list[AuditEntry]:
    with db.read() as s:
        entries = list(s.scalars(select(AuditEntry).where(AuditEntry.action == action)).all())
        s.expunge_all()
        return entries


def test_verify_and_change_passphrase_keeps_ids_readable(demo_db: Database) -> None:
    assert security.has_passphrase(demo_db)
    assert security.verify_passphrase(demo_db, DEMO_PASSPHRASE)
    assert not security.verify_passphrase(demo_db, "wrong")
    with pytest.raises(SecurityError):
        security.set_passphrase(demo_db, "short", old=DEMO_PASSPHRASE)
    with pytest.raises(SecurityError):
        security.set_passphrase(demo_db, "a new long passphrase", old="wrong")
    security.set_passphrase(demo_db, "a new long passphrase", old=DEMO_PASSPHRASE, actor="主辦")
    assert not security.verify_passphrase(demo_db, DEMO_PASSPHRASE)
    with demo_db.read() as s:
        attendee_id = s.scalars(select(Attendee.id).where(Attendee.id_cipher.is_not(None))).first()
    revealed = security.reveal_id(demo_db, attendee_id, "a new long passphrase", actor="主辦")
    assert revealed.id_number.startswith(revealed.mask[:6]) and len(revealed.id_number) == 10
    assert [e.actor for e in _audit(demo_db, "passphrase.change")] == ["主辦"]


@pytest.mark.real_kdf
def test_first_passphrase_creates_a_key_pair(empty_db: Database) -> None:
    with empty_db.unit_of_work() as s:
        s.add(Event(name="x", organiser="y", token_secret=b"k" * 32, created_at=dt.datetime.now()))
    assert not security.has_passphrase(empty_db)
    security.set_passphrase(empty_db, "first passphrase")
    assert security.verify_passphrase(empty_db, "first passphrase")
    assert len(_audit(empty_db, "passphrase.set")) == 1
    with empty_db.read() as s:  # a real event's key is sealed at the full cost
        assert kdf_of(s.scalars(select(Event.id_private_key_sealed)).one()) == DEFAULT_KDF


def test_reveal_needs_the_passphrase_and_is_audited_masked(demo_db: Database) -> None:
    with demo_db.read() as s:
        attendee = s.scalars(select(Attendee).where(Attendee.id_cipher.is_not(None))).first()
        attendee_id, mask = attendee.id, attendee.id_mask
    with pytest.raises(SecurityError):
        security.reveal_id(demo_db, attendee_id, "wrong")
    assert _audit(demo_db, "id.reveal") == []
    revealed = security.reveal_id(demo_db, attendee_id, DEMO_PASSPHRASE, actor="王組長")
    [entry] = _audit(demo_db, "id.reveal")
    assert entry.detail == {"mask": mask} and entry.actor == "王組長"
    assert revealed.id_number not in str(entry.detail)


def test_roles_unlock_lock_audited(demo_db: Database) -> None:
    state = RoleState()
    assert not state.organiser and state.allows("checkin") and not state.allows("id.reveal")
    assert not security.unlock_organiser(demo_db, state, "nope", actor="志工", desk="desk-2")
    assert not state.organiser
    assert security.unlock_organiser(demo_db, state, DEMO_PASSPHRASE, actor="主辦", desk="desk-1")
    assert state.organiser and state.allows("id.reveal")
    security.lock_organiser(demo_db, state, actor="主辦", desk="desk-1")
    assert not state.organiser
    (failed,) = _audit(demo_db, "role.unlock_failed")
    assert (failed.actor, failed.detail["desk"]) == ("志工", "desk-2")
    assert len(_audit(demo_db, "role.unlock")) == 1 and len(_audit(demo_db, "role.lock")) == 1


def test_purge_erases_ciphers_of_the_session_only(demo_db: Database) -> None:
    sessions = list_events(demo_db)[0].sessions
    with pytest.raises(SecurityError):
        security.purge_session_ids(demo_db, sessions[0].id, "wrong")
    result = security.purge_session_ids(demo_db, sessions[0].id, DEMO_PASSPHRASE, actor="主辦")
    assert result.purged > 0 and result.kept_other_sessions == 0
    with demo_db.read() as s:
        rows = s.execute(
            select(
                Registration.session_id, Attendee.id_cipher, Attendee.id_status, Attendee.id_mask
            ).join(Attendee)
        ).all()
    first = [r for r in rows if r.session_id == sessions[0].id]
    other = [r for r in rows if r.session_id != sessions[0].id]
    assert all(r.id_cipher is None for r in first)
    assert sum(r.id_status == IdStatus.PURGED for r in first) == result.purged
    assert all(r.id_mask for r in first if r.id_status == IdStatus.PURGED)  # masked form kept
    assert any(r.id_cipher is not None for r in other)
    [entry] = _audit(demo_db, "ids.purge")
    assert entry.detail["purged"] == result.purged and entry.entity_id == sessions[0].id
    assert security.purged_sessions(demo_db) == {sessions[0].id}


def test_purge_keeps_a_person_registered_in_a_session_not_yet_purged(demo_db: Database) -> None:
    sessions = list_events(demo_db)[0].sessions
    with demo_db.unit_of_work() as s:
        person = s.scalars(
            select(Attendee)
            .join(Registration)
            .where(Registration.session_id == sessions[0].id, Attendee.id_cipher.is_not(None))
        ).first()
        person.registrations.append(
            Registration(session_id=sessions[1].id, registered_at=dt.datetime(2019, 3, 1))
        )
        person_id = person.id
    first = security.purge_session_ids(demo_db, sessions[0].id, DEMO_PASSPHRASE)
    assert first.kept_other_sessions == 1
    with demo_db.read() as s:
        assert s.get_one(Attendee, person_id).id_cipher is not None
    security.purge_session_ids(demo_db, sessions[1].id, DEMO_PASSPHRASE)
    with demo_db.read() as s:
        assert s.get_one(Attendee, person_id).id_cipher is None


def test_only_the_demo_event_hints_its_passphrase(demo_db, empty_db) -> None:
    from desktop.services.security import passphrase_hint

    assert passphrase_hint(demo_db) == "demo"
    create_event(empty_db, name="課程", organiser="主辦", passphrase="a-real-secret")
    assert passphrase_hint(empty_db) == ""


@pytest.mark.real_kdf
def test_unlocking_reseals_a_pbkdf2_key_with_scrypt(empty_db: Database) -> None:
    public, sealed = legacy_seal("tea at four, room 707")  # as version 0.1 stored it
    with empty_db.unit_of_work() as s:
        s.add(
            Event(
                name="x",
                organiser="y",
                token_secret=b"k" * 32,
                created_at=dt.datetime.now(),
                id_public_key=public,
                id_private_key_sealed=sealed,
            )
        )
    cipher = IdSealer(public).seal("F131104093")
    assert not security.unlock_organiser(empty_db, RoleState(), "wrong guess")
    with empty_db.read() as s:
        assert s.scalars(select(Event.id_private_key_sealed)).one() == sealed
    assert security.unlock_organiser(empty_db, RoleState(), "tea at four, room 707", actor="主辦")
    with empty_db.read() as s:
        resealed = s.scalars(select(Event.id_private_key_sealed)).one()
    assert kdf_of(resealed) == DEFAULT_KDF
    assert security.passphrase_opens(resealed, "tea at four, room 707")
    assert IdOpener(resealed, "tea at four, room 707").open(cipher) == "F131104093"
    assert [e.actor for e in _audit(empty_db, "passphrase.reseal")] == ["主辦"]


def test_a_real_event_refuses_a_weak_passphrase_the_public_demo_is_exempt(
    empty_db: Database, demo_db: Database
) -> None:
    with pytest.raises(SecurityError) as refused:
        create_event(empty_db, name="課程", organiser="主辦", passphrase="12345678")
    assert refused.value.code == "common" and list_events(empty_db) == ()
    with pytest.raises(SecurityError):
        security.set_passphrase(demo_db, "password1", old=DEMO_PASSPHRASE)
    # The demo's passphrase is published: sealed cheaply, never "upgraded" on unlock.
    with demo_db.read() as s:
        sealed = s.scalars(select(Event.id_private_key_sealed)).one()
    assert kdf_of(sealed) == PUBLIC_KDF
    assert security.unlock_organiser(demo_db, RoleState(), DEMO_PASSPHRASE)
    with demo_db.read() as s:
        assert s.scalars(select(Event.id_private_key_sealed)).one() == sealed
