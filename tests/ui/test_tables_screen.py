from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QListView

from db.uow import Database
from desktop.services import seating
from desktop.services.events import find_session
from desktop.ui.screens.base import ScreenContext
from desktop.ui.screens.tables import TablesScreen
from desktop.ui.seating_models import MIME, PeopleModel, TablesModel


def _drop(view: QListView, registration_id: int, at: QPoint) -> None:
    """A drag from another list entering ``view``, moving to ``at`` and released there (the
    view's own handlers: offscreen Qt routes no drag through ``sendEvent``)."""
    data = QMimeData()
    data.setData(MIME, str(registration_id).encode())
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    action = Qt.DropAction.CopyAction
    enter = QDragEnterEvent(at, action, data, buttons, keys)
    view.dragEnterEvent(enter)
    move = QDragMoveEvent(at, action, data, buttons, keys)
    view.dragMoveEvent(move)
    assert enter.isAccepted() and move.isAccepted()
    view.dropEvent(QDropEvent(QPointF(at), action, data, buttons, keys))


def _card(screen: TablesScreen, table_id: int) -> QPoint:
    row = next(i for i, t in enumerate(screen.tables_model.tables) if t.id == table_id)
    index = screen.tables_model.index(row)
    screen.table_view.scrollTo(index)
    return screen.table_view.visualRect(index).center()


def _click(view: QListView, row: int) -> None:
    from pytestqt.qtbot import QtBot

    rect = view.visualRect(view.model().index(row, 0))
    QtBot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _shown(view: QListView) -> list[str]:
    model = view.model()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def _open(qtbot, demo_db: Database, name: str) -> TablesScreen:
    screen = TablesScreen(ScreenContext(db=demo_db))
    qtbot.addWidget(screen)
    screen.resize(1280, 700)
    screen.show()
    qtbot.waitExposed(screen)
    screen.set_session(find_session(demo_db, name))
    return screen


def test_assign_drag_pin_undo_redo(qtbot, demo_db: Database, tmp_path: Path) -> None:
    screen = _open(qtbot, demo_db, "臺北場次")
    session = screen.session
    assert len(screen.view.unseated) == 40 and screen.unseated_model.rowCount() == 40
    qtbot.mouseClick(screen.assign_button, Qt.MouseButton.LeftButton)
    assert sorted(t.size for t in screen.tables_model.tables) == [6, 6, 7, 7, 7, 7]
    assert screen.unseated_model.rowCount() == 0
    assert "沒有同機關同桌" in screen.summary.text()

    view = screen.view
    source = next(t for t in view.tables if t.size == 7)
    target = next(t for t in view.tables if t.size == 6)
    person = source.members[-1]
    _drop(screen.table_view, person.registration_id, _card(screen, target.id))
    moved = seating.show(demo_db, session.id)
    assert moved.table_of(person.registration_id).number == target.number
    # The card now lists them, pinned.
    card = next(t for t in screen.tables_model.tables if t.id == target.id)
    assert any(m.pinned for m in card.members if m.registration_id == person.registration_id)

    # A full table refuses the drop and says so.
    full = next(t for t in moved.tables if t.size == 7 and t.id != target.id)
    other = next(t for t in moved.tables if t.size == 6).members[0]
    _drop(screen.table_view, other.registration_id, _card(screen, full.id))
    assert "已滿" in screen.message.text()

    screen.undo_stack.undo()
    assert (
        seating.show(demo_db, session.id).table_of(person.registration_id).number == source.number
    )
    screen.undo_stack.redo()
    assert (
        seating.show(demo_db, session.id).table_of(person.registration_id).number == target.number
    )

    # Click the target's card, click the person in its list, unpin with the button; undo.
    qtbot.mouseClick(
        screen.table_view.viewport(), Qt.MouseButton.LeftButton, pos=_card(screen, target.id)
    )
    assert screen.current_table().id == target.id
    row = next(
        i
        for i, m in enumerate(screen.members_model.people)
        if m.registration_id == person.registration_id
    )
    assert "〔釘〕" in _shown(screen.members_view)[row]
    _click(screen.members_view, row)
    qtbot.mouseClick(screen.pin_button, Qt.MouseButton.LeftButton)
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
        qtbot.mouseClick(screen.undo_button, Qt.MouseButton.LeftButton)
    assert len(seating.show(demo_db, session.id).unseated) == 40
    assert screen.unseated_model.rowCount() == 40

    qtbot.mouseClick(screen.arrival_box, Qt.MouseButton.LeftButton)
    assert seating.get_on_arrival(demo_db, session.id)
    screen.assign()
    assert screen.save_pdf("tents", str(tmp_path / "t.pdf")).stat().st_size > 1000


def test_keyboard_moves_unseats_and_picks_a_leader(qtbot, demo_db: Database) -> None:
    """Without a mouse: arrows choose a table and a person, buttons by Tab and Space."""
    screen = _open(qtbot, demo_db, "臺南場次")
    screen.assign()
    first = screen.tables_model.tables[0]
    screen.table_view.setFocus()
    qtbot.keyClick(screen.table_view, Qt.Key.Key_Home)
    qtbot.keyClick(screen.table_view, Qt.Key.Key_Right)
    second = screen.current_table()
    assert second is not None and second.number == 2
    assert [
        line.split("　")[0].replace("（桌長）", "") for line in _shown(screen.members_view)
    ] == [m.name for m in second.members]
    # Take the second table's last person out: pick them with the arrows, press 移出.
    screen.members_view.setFocus()
    qtbot.keyClick(screen.members_view, Qt.Key.Key_Home)  # the first key lands on the top row
    qtbot.keyClick(screen.members_view, Qt.Key.Key_End)
    leaving = screen.members_model.people[-1]
    assert screen.picked == leaving.registration_id
    screen.unseat_button.setFocus()
    qtbot.keyClick(screen.unseat_button, Qt.Key.Key_Space)
    assert seating.show(demo_db, screen.session.id).table_of(leaving.registration_id) is None
    assert [m.registration_id for m in screen.unseated_model.people] == [leaving.registration_id]

    # Back to table 1 with the arrows, the unseated person picked, 移到所選桌.
    screen.table_view.setFocus()
    qtbot.keyClick(screen.table_view, Qt.Key.Key_Left)
    assert screen.current_table().id == first.id
    screen.unseated_view.setFocus()
    qtbot.keyClick(screen.unseated_view, Qt.Key.Key_Home)
    screen.move_button.setFocus()
    qtbot.keyClick(screen.move_button, Qt.Key.Key_Space)
    assert "已滿" in screen.message.text()  # table 1 has its 7
    qtbot.keyClick(screen.table_view, Qt.Key.Key_Right)
    screen.move_button.setFocus()
    qtbot.keyClick(screen.move_button, Qt.Key.Key_Space)
    assert seating.show(demo_db, screen.session.id).table_of(leaving.registration_id).number == 2

    # 設為桌長: the picked person leads table 2; undo gives the table its leader back.
    before = screen.current_table().leader_name
    screen.leader_button.setFocus()
    qtbot.keyClick(screen.leader_button, Qt.Key.Key_Space)
    now = seating.show(demo_db, screen.session.id).table(2)
    assert now.leader_registration_id == leaving.registration_id
    assert now.leader_name == leaving.name and screen.current_table().leader_name == leaving.name
    screen.undo_stack.undo()
    assert seating.show(demo_db, screen.session.id).table(2).leader_name == before


def test_template_is_undoable(qtbot, demo_db: Database) -> None:
    screen = _open(qtbot, demo_db, "臺中場次")
    screen.count_spin.setValue(8)
    screen.capacity_spin.setValue(5)
    qtbot.mouseClick(screen.template_button, Qt.MouseButton.LeftButton)
    assert [t.capacity for t in screen.view.tables] == [5] * 8
    assert screen.tables_model.rowCount() == 8
    screen.undo_stack.undo()
    assert [t.capacity for t in screen.view.tables] == [7] * 6


def test_refusal_is_worded_in_the_english_window(qtbot, qapp, demo_db: Database) -> None:
    """Issue 14: a full table's refusal in the English window is English, not 第 3 桌已滿."""
    from desktop.ui import settings

    settings.install_translators(qapp, "en")
    try:
        screen = _open(qtbot, demo_db, "臺北場次")
        assert screen.assign()
        view = seating.show(demo_db, screen.session.id)
        full = next(t for t in view.tables if t.size == t.capacity)
        other = next(t for t in view.tables if t.size < t.capacity).members[0]
        _drop(screen.table_view, other.registration_id, _card(screen, full.id))
        shown = screen.message.text()
        assert shown == f"⚠ Table {full.number} is full ({full.size}/{full.capacity} people)"
    finally:
        settings.remove_translators(qapp)


def test_models_pass_the_model_tester(qtmodeltester, demo_db: Database) -> None:
    view = seating.assign(demo_db, find_session(demo_db, "臺北場次").id).view
    tables = TablesModel()
    tables.set_tables(view.tables)
    qtmodeltester.check(tables)
    people = PeopleModel()
    people.set_people(view.tables[0].members, view.tables[0].id)
    qtmodeltester.check(people)
