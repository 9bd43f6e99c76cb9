from sqlalchemy import select

from db.models import VenueDevice, VenueTableKey
from db.uow import Database
from desktop.services import venue
from desktop.services.events import find_session


def test_secrets_have_160_bits_are_stored_hashed_and_replaced_on_each_start(
    demo_db: Database,
) -> None:
    session = find_session(demo_db, "臺北場次")
    first = venue.issue_secrets(demo_db, session.id)
    assert len(first) == 6 and all(len(t.secret) == 32 for t in first)  # base32: 5 bits a char
    assert len({t.secret for t in first}) == 6
    with demo_db.read() as s:
        stored = s.scalars(select(VenueTableKey.secret_hash)).all()
    assert not {t.secret for t in first} & set(stored)
    table = first[0]
    assert venue.table_for_secret(demo_db, session.id, table.code, table.secret) == table.table_id
    assert venue.table_for_secret(demo_db, session.id, "2", table.secret) is None  # other code
    second = venue.issue_secrets(demo_db, session.id)
    assert venue.table_for_secret(demo_db, session.id, table.code, table.secret) is None
    assert (
        venue.table_for_secret(demo_db, session.id, table.code, second[0].secret) == table.table_id
    )
    other = find_session(demo_db, "臺南場次")
    assert venue.table_for_secret(demo_db, other.id, table.code, second[0].secret) is None


def test_devices_survive_a_restart_but_not_a_revoked_table(demo_db: Database) -> None:
    session = find_session(demo_db, "臺北場次")
    table = venue.issue_secrets(demo_db, session.id)[0]
    device, token = venue.register_device(
        demo_db, table.table_id, label="Android", address="192.168.1.31"
    )
    with demo_db.read() as s:
        assert token not in s.scalars(select(VenueDevice.token_hash)).all()
    venue.issue_secrets(demo_db, session.id)  # the desk restarted the server
    assert venue.device_for_token(demo_db, session.id, token) == device
    venue.revoke_table(demo_db, table.table_id)
    assert venue.device_for_token(demo_db, session.id, token) is None
    assert venue.list_devices(demo_db, session.id) == ()
