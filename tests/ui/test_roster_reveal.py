"""Revealed ID numbers in the roster (名單 → 顯示個資): opened once when the organiser reveals
them, so painting the table neither reads the database nor decrypts; a damaged cipher shows
its mask."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import event, select

from bench.crowd import add_people
from db.models import Attendee
from db.uow import Database
from desktop.core.ids import is_valid_id, make_id, mask_id
from desktop.core.idvault import IdOpener, IdSealer
from desktop.services.idnumbers import store_id_number
from desktop.ui.screens.base import ScreenContext
from desktop.ui.screens.roster import RosterScreen


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every cipher an ``IdOpener`` opens, in order."""
    calls: list[bytes] = []
    real = IdOpener.open

    def counting(self: IdOpener, cipher: bytes) -> str:
        calls.append(cipher)
        return real(self, cipher)

    monkeypatch.setattr(IdOpener, "open", counting)
    return calls


@contextmanager
def statements(db: Database) -> Iterator[list[str]]:
    """The SQL statements ``db`` runs inside the block."""
    seen: list[str] = []

    def record(conn, cursor, statement, parameters, context, executemany) -> None:
        seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(db.engine, "before_cursor_execute", record)


def _roster(qtbot, db: Database) -> RosterScreen:
    screen = RosterScreen(ScreenContext(db=db, operator="主辦"))
    qtbot.addWidget(screen)
    screen.show_session(None)
    screen.session_filter.setCurrentIndex(0)  # all sessions: every attendee of the event
    screen.resize(1366, 768)
    screen.show()
    qtbot.waitExposed(screen)
    return screen


def _ids(screen: RosterScreen) -> list[str]:
    model = screen.model
    column = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == "身分證字號"
    )
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _ciphers(db: Database) -> int:
    with db.read() as s:
        return len(s.scalars(select(Attendee.id).where(Attendee.id_cipher.is_not(None))).all())


def _more_people_with_ids(db: Database, count: int) -> None:
    """``count`` more people in the first session, each with a sealed valid ID number: a
    roster too long for the screen to size its columns from every cell."""
    add_people(db, 1, count)
    with db.unit_of_work() as s:
        people = s.scalars(select(Attendee).where(Attendee.id_cipher.is_(None))).all()
        sealer = IdSealer(people[0].event.id_public_key or b"")
        for n, attendee in enumerate(people):
            number = make_id("B", "1", f"{n:07d}")
            attendee.id_cipher = sealer.seal(number)
            attendee.id_mask = mask_id(number)
            attendee.id_status = "valid"


def test_painting_revealed_ids_reads_nothing_and_opens_nothing(
    qtbot, demo_db: Database, opened: list[bytes]
) -> None:
    _more_people_with_ids(demo_db, 600)
    screen = _roster(qtbot, demo_db)
    assert screen.reveal("demo")
    assert len(opened) == _ciphers(demo_db)  # every stored ID, once, when revealed
    opened.clear()
    with statements(demo_db) as seen:
        for _ in range(2):
            ids = _ids(screen)
            screen.table.viewport().grab()  # painted, every visible cell
        screen.table.scrollToBottom()
        screen.table.viewport().grab()
    assert seen == [] and opened == []
    full = [i for i in ids if i != "—"]
    assert len(full) == _ciphers(demo_db) > 700 and all(is_valid_id(i) for i in full)


def test_an_id_changed_while_revealed_is_opened_alone_on_reload(
    qtbot, demo_db: Database, opened: list[bytes]
) -> None:
    screen = _roster(qtbot, demo_db)
    assert screen.reveal("demo")
    opened.clear()
    with demo_db.unit_of_work() as s:
        attendee = s.scalars(select(Attendee).where(Attendee.id_cipher.is_not(None))).first()
        assert attendee is not None
        store_id_number(attendee, attendee.event, "B120000005")
        changed = attendee.id
    screen.reload()
    assert len(opened) == 1
    assert screen.full_ids[changed] == "B120000005"
    assert "B120000005" in _ids(screen)


@pytest.mark.parametrize(
    "damage",
    [lambda c: c[:-1] + bytes([c[-1] ^ 1]), lambda c: c[:7]],
    ids=["changed byte", "cut short"],
)
def test_a_damaged_cipher_shows_its_mask_and_the_rest_are_revealed(
    qtbot, demo_db: Database, damage
) -> None:
    with demo_db.unit_of_work() as s:
        attendee = s.scalars(
            select(Attendee).where(Attendee.id_cipher.is_not(None), Attendee.id_status == "valid")
        ).first()
        assert attendee is not None and attendee.id_cipher is not None
        attendee.id_cipher = damage(attendee.id_cipher)
        mask = attendee.id_mask
    screen = _roster(qtbot, demo_db)
    assert screen.reveal("demo")
    ids = _ids(screen)
    assert mask in ids and "*" in mask
    assert sum(1 for i in ids if is_valid_id(i)) == _ciphers(demo_db) - 1
