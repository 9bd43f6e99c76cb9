"""The desk's room code window (from the check-in card) and the handouts window; the venue
panel counts the attendees signed in to the room page."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from sqlalchemy import select

from db.models import Registration
from db.uow import Database
from desktop.core import room_code as rules
from desktop.services import handouts as store
from desktop.services import room
from desktop.services.walkins import add_walk_in
from desktop.ui.main_window import MainWindow
from desktop.ui.room_dialogs import HandoutsDialog, RoomCodeDialog
from desktop.ui.screens import screen_index
from desktop.ui.screens.base import ScreenContext
from desktop.ui.screens.checkin import CheckInScreen
from tests.ui.test_group_reports_ui import open_window


def _stored(db: Database, registration_id: int) -> str:
    with db.read() as s:
        code = s.get_one(Registration, registration_id).room_code
    assert code is not None
    return rules.shown(code)


def test_the_card_opens_the_walk_ins_code_and_the_desk_replaces_a_lost_one(
    qtbot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits())
    window = MainWindow(ScreenContext(db=demo_db, desk="desk-1"), "demo")
    qtbot.addWidget(window)
    screen = window.screen_of(CheckInScreen)
    window.show()
    window.show_screen(screen_index("CheckInScreen"))
    screen.chimes.muted = True
    assert screen.session is not None
    walk_in = add_walk_in(demo_db, screen.session.id, name="林小華", agency="臺南市政府")
    screen.reload()
    screen.check_in_registration(walk_in.registration_id, "walk_in")
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, RoomCodeDialog)
        seen.append(dialog.code_label.text())
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    qtbot.mouseClick(screen.room_code_button, Qt.MouseButton.LeftButton)
    assert seen == [_stored(demo_db, walk_in.registration_id)]
    screen.shutdown()

    dialog = RoomCodeDialog(demo_db, screen.session.id, walk_in.registration_id, "desk-1")
    qtbot.addWidget(dialog)
    old = dialog.code_label.text()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    qtbot.mouseClick(dialog.replace_button, Qt.MouseButton.LeftButton)
    new = dialog.code_label.text()
    assert new != old and new == _stored(demo_db, walk_in.registration_id)
    refused = room.identify_by_room_code(demo_db, screen.session.id, old, "10.1.1.1")
    assert isinstance(refused, room.RoomCodeError)


def test_the_slip_for_a_walk_in_carries_the_code(qtbot, demo_db: Database, tmp_path: Path) -> None:
    from pypdf import PdfReader
    from PySide6.QtGui import QPdfWriter

    with demo_db.read() as s:
        session_id = s.scalars(select(Registration.session_id)).first()
    assert session_id is not None
    walk_in = add_walk_in(demo_db, session_id, name="林小華", agency="臺南市政府")
    dialog = RoomCodeDialog(demo_db, session_id, walk_in.registration_id)
    qtbot.addWidget(dialog)
    writer = QPdfWriter(str(tmp_path / "slip.pdf"))
    writer.setResolution(300)
    dialog.paint_slip(writer)
    del writer  # the file is finished when the writer goes
    text = PdfReader(tmp_path / "slip.pdf").pages[0].extract_text()
    assert _stored(demo_db, walk_in.registration_id) in text


def test_handouts_are_added_refused_with_a_reason_and_removed(
    qtbot, demo_db: Database, tmp_path: Path
) -> None:
    with demo_db.read() as s:
        session_id = s.scalars(select(Registration.session_id)).first()
    assert session_id is not None
    good = tmp_path / "第一天講義.pdf"
    good.write_bytes(b"%PDF-1.4\n" + b"x" * 4000)
    bad = tmp_path / "簡報.pptx"
    bad.write_bytes(b"not a presentation")
    dialog = HandoutsDialog(demo_db, session_id, "organiser")
    qtbot.addWidget(dialog)
    dialog.add_files([good, bad])
    assert dialog.model.rowCount() == 1 and dialog.model.row_at(0).title == "第一天講義"
    assert "簡報.pptx" in dialog.error.text()
    assert "共 1 份" in dialog.total.text()
    dialog.view.selectRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.model.rowCount() == 0 and store.list_handouts(demo_db, session_id) == []


def test_the_venue_panel_counts_attendees_signed_in(
    qtbot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits())
    window, screen = open_window(qtbot, demo_db)
    panel = screen.open_venue()
    assert panel is not None and panel.start("127.0.0.1", 0)
    try:
        assert panel.attendees_label.text() == "與會者已登入：0 人"
        with demo_db.read() as s:
            code = s.scalars(
                select(Registration.room_code).where(
                    Registration.session_id == panel.session.id,
                    Registration.room_code.is_not(None),
                )
            ).first()
        assert code is not None
        request = urllib.request.Request(
            panel.server.address + "me/api/sign-in",
            data=json.dumps({"code": code}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        with urllib.request.urlopen(request, timeout=5) as answer:
            assert json.loads(answer.read())["ok"] is True
        qtbot.waitUntil(lambda: panel.attendees_label.text() == "與會者已登入：1 人", timeout=5000)
    finally:
        panel.stop()
