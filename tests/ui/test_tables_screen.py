from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QDropEvent

from db.uow import Database
from desktop.services import seating
from desktop.services.events import find_session
from desktop.ui.screens.base import ScreenContext
from desktop.ui.screens.tables import MIME, TablesScreen


def _drop(widget, registration_id: int) -> None:  # type: ignore[no-untyped-def]
    data = QMimeData()
    data.setData(MIME, str(registration_id).encode())
    event = QDropEvent(
        QPointF(5, 5),
        Qt.DropAction.MoveAction,
        data,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    widget.dropEvent(event)


def test_assign_drag_pin_undo_redo(qtbot, demo_db: Database, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    screen = TablesScreen(ScreenContext(db=demo_db))
    qtbot.addWidget(screen)
    session = find_session(demo_db, "臺北場次")
    screen.set_session(session)
    assert len(screen.view.unseated) == 40
    assert screen.assign()
    assert sorted(card.members.count() for key, card in screen.cards.items() if key) == [
        6,
        6,
        7,
        7,
        7,
        7,
    ]
    assert "沒有同機關同桌" in screen.summary.text()

    view = screen.view
    source = next(t for t in view.tables if t.size == 7)
    target = next(t for t in view.tables if t.size == 6)
    person = source.members[-1]
    _drop(screen.cards[target.id].members, person.registration_id)
    moved = seating.show(demo_db, session.id)
    assert moved.table_of(person.registration_id).number == target.number
    assert (
        "〔釘〕"
        in screen.cards[target.id]
        .members.findItems(person.name, Qt.MatchFlag.MatchContains)[0]
        .text()
    )

    # A full table refuses the drop and says so.
    full = next(t for t in moved.tables if t.size == 7 and t.id != target.id)
    other = next(t for t in moved.tables if t.size == 6).members[0]
    _drop(screen.cards[full.id].members, other.registration_id)
    assert "已滿" in screen.message.text()

    screen.undo_stack.undo()
    assert (
        seating.show(demo_db, session.id).table_of(person.registration_id).number == source.number
    )
    screen.undo_stack.redo()
    assert (
        seating.show(demo_db, session.id).table_of(person.registration_id).number == target.number
    )

    # Unpin via the button, undo puts the pin back.
    items = screen.cards[target.id].members.findItems(person.name, Qt.MatchFlag.MatchContains)
    screen.cards[target.id].members.setCurrentItem(items[0])
    assert screen.toggle_pin()
    assert not any(
        m.pinned
        for m in seating.show(demo_db, session.id).table(target.number).members
        if m.registration_id == person.registration_id
    )
    screen.undo_stack.undo()
    assert any(
        m.pinned
        for m in seating.show(demo_db, session.id).table(target.number).members
        if m.registration_id == person.registration_id
    )

    # Undo of the whole plan empties the tables again.
    while screen.undo_stack.canUndo():
        screen.undo_stack.undo()
    assert len(seating.show(demo_db, session.id).unseated) == 40

    screen.arrival_box.setChecked(True)
    assert seating.get_on_arrival(demo_db, session.id)
    screen.assign()
    assert screen.save_pdf("tents", str(tmp_path / "t.pdf")).stat().st_size > 1000


def test_template_is_undoable(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    screen = TablesScreen(ScreenContext(db=demo_db))
    qtbot.addWidget(screen)
    session = find_session(demo_db, "臺中場次")
    screen.set_session(session)
    screen.count_spin.setValue(8)
    screen.capacity_spin.setValue(5)
    assert screen.apply_template()
    assert [t.capacity for t in screen.view.tables] == [5] * 8
    screen.undo_stack.undo()
    assert [t.capacity for t in screen.view.tables] == [7] * 6


def test_refusal_is_worded_in_the_english_window(qtbot, qapp, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    """Issue 14: a full table's refusal in the English window is English, not 第 3 桌已滿."""
    from desktop.ui import settings

    settings.install_translators(qapp, "en")
    try:
        screen = TablesScreen(ScreenContext(db=demo_db))
        qtbot.addWidget(screen)
        session = find_session(demo_db, "臺北場次")
        screen.set_session(session)
        assert screen.assign()
        view = seating.show(demo_db, session.id)
        full = next(t for t in view.tables if t.size == t.capacity)
        other = next(t for t in view.tables if t.size < t.capacity).members[0]
        _drop(screen.cards[full.id].members, other.registration_id)
        shown = screen.message.text()
        assert shown == f"⚠ Table {full.number} is full ({full.size}/{full.capacity} people)"
    finally:
        settings.remove_translators(qapp)
