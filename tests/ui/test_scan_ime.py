"""A keyboard-wedge scanner with Microsoft Bopomofo on (issue 25): its keys reach the search
field as input-method events (composition, then committed text). Scans still check people in,
wherever the focus is; a Chinese name composed in the search field stays a search."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import select

from db.models import CheckIn
from desktop.core.tokens import make_token
from tests.ui import test_checkin_screen
from tests.ui.scanning import scan

desk = test_checkin_screen.desk  # the desk's check-in screen, as its own tests set it up


def _compose(field: QLineEdit, preedit: str = "", commit: str = "") -> None:
    event = QInputMethodEvent(preedit, [])
    if commit:
        event.setCommitString(commit)
    QApplication.sendEvent(field, event)


def _focus(qtbot, widget) -> None:
    widget.setFocus()
    qtbot.waitUntil(widget.hasFocus)


def _checked_in(db, registration_id: int) -> bool:
    with db.read() as s:
        return (
            s.scalar(select(CheckIn.id).where(CheckIn.registration_id == registration_id))
            is not None
        )


def test_a_scan_composed_by_the_input_method_then_committed_checks_in(qtbot, desk, demo_db) -> None:
    screen, secret, regs, _ = desk
    field = screen.search_field
    _focus(qtbot, field)
    field.setText("王")
    person = regs["admitted"][3]
    token = make_token(secret, person)
    for n in range(1, len(token) + 1):  # the input method holds each key in its composition
        _compose(field, preedit=token[:n])
    _compose(field, commit=token)  # the scanner's Enter commits it
    assert screen.last_result is not None and screen.last_result.registration_id == person
    assert screen.last_result.ok and screen.last_result.method == "scanner"
    assert _checked_in(demo_db, person)
    assert field.text() == "王"  # the search typed before is kept, nothing composed left
    assert field.inputMethodQuery(Qt.InputMethodQuery.ImSurroundingText) == "王"


def test_a_scan_committed_key_by_key_ends_with_enter_or_a_pause(qtbot, desk, demo_db) -> None:
    screen, secret, regs, _ = desk
    field = screen.search_field
    _focus(qtbot, field)
    first, second = regs["admitted"][4], regs["admitted"][5]
    for char in make_token(secret, first):
        _compose(field, commit=char)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert screen.last_result.registration_id == first and screen.last_result.ok
    assert field.text() == ""
    _focus(qtbot, field)
    for char in make_token(secret, second):
        _compose(field, commit=char)
    qtbot.waitUntil(lambda: screen.last_result.registration_id == second, timeout=3000)
    assert screen.last_result.ok and field.text() == ""


def test_a_chinese_name_composed_in_the_search_field_stays_a_search(qtbot, desk) -> None:
    screen, secret, regs, _ = desk
    field = screen.search_field
    _focus(qtbot, field)
    for preedit in ("ㄔ", "ㄔㄣ", "ㄔㄣˊ", "陳"):
        _compose(field, preedit=preedit)
    _compose(field, commit="陳")
    qtbot.waitUntil(lambda: screen.hits_model.rowCount() > 0)
    assert field.text() == "陳" and screen.last_result is None
    assert all(
        "陳" in screen.hits_model.row_at(i).name for i in range(screen.hits_model.rowCount())
    )
    # Letters and digits committed fast but not a pass (an ID number typed through the
    # input method) stay in the field too.
    field.clear()
    _compose(field, commit="A123456789")
    qtbot.wait(250)  # longer than a scan's pause
    assert field.text() == "A123456789" and screen.last_result is None


def test_scans_work_wherever_the_focus_is_with_the_input_method_on(qtbot, desk) -> None:
    screen, secret, regs, _ = desk
    people = iter(regs["admitted"][6:])
    # The search field, the input method committing the whole scan at once.
    _focus(qtbot, screen.search_field)
    person = next(people)
    _compose(screen.search_field, commit=make_token(secret, person))
    assert screen.last_result.registration_id == person
    # The scan field and the tables have no input method: the scanner's keys come as keys.
    for widget in (screen.scan_field, screen.hits_view, screen.counts_panel.missing_view):
        _focus(qtbot, widget)
        assert not widget.testAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled)
        person = next(people)
        scan(qtbot, make_token(secret, person))
        assert screen.last_result.registration_id == person and screen.last_result.ok
