"""Every refusal the window shows is in the window's language: coded service errors are worded
from one table (desktop/ui/messages.py), never "請輸入姓名 (name is required)"."""

from __future__ import annotations

import ast
import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from db.uow import Database
from desktop.services.events import find_session
from desktop.ui.checkin_parts import WalkInDialog
from desktop.ui.leader_mode import PinDialog
from desktop.ui.messages import _texts
from desktop.ui.screens import ScreenContext
from desktop.ui.screens.agenda import AgendaScreen

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")
CODED = {"CodedError", "AgendaError", "PinError", "WalkInError", "SecurityError", "CheckInError",
         "RegistrationError", "CloseDayError", "AgendaInputError", "ImportFileError", "FileRejected",
         "BackupError", "PortalError"}


@pytest.fixture(params=["zh_TW", "en"])
def language(request, qapp):  # type: ignore[no-untyped-def]
    from desktop.ui import settings

    if request.param == "en":
        settings.install_translators(qapp, "en")
    yield request.param
    if request.param == "en":
        settings.remove_translators(qapp)


def one_language(text: str, language: str) -> bool:
    """zh-TW text has no English words in it; English text no Chinese."""
    return bool(text) and (not CJK.search(text) if language == "en"
                           else not LATIN_WORD.search(text))


def ok_button(dialog):  # type: ignore[no-untyped-def]
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_walk_in_and_pin_refusals_speak_one_language(qtbot, demo_db: Database, language) -> None:  # type: ignore[no-untyped-def]
    session = find_session(demo_db, "臺北")
    walk_in = WalkInDialog(demo_db, session.id)
    qtbot.addWidget(walk_in)
    walk_in.show()
    qtbot.mouseClick(ok_button(walk_in), Qt.MouseButton.LeftButton)  # no name typed
    assert one_language(walk_in.error.text(), language), walk_in.error.text()
    pin = PinDialog(None, mode="set")
    qtbot.addWidget(pin)
    pin.show()
    qtbot.keyClicks(pin.pin, "12")
    qtbot.mouseClick(ok_button(pin), Qt.MouseButton.LeftButton)
    assert one_language(pin.error.text(), language) and "4" in pin.error.text()


def test_agenda_delay_is_said_in_the_window_language(qtbot, demo_db: Database, language) -> None:  # type: ignore[no-untyped-def]
    """QA: "Behind by 778 分鐘"."""
    now = [dt.datetime(2019, 3, 15, 8, 30)]
    screen = AgendaScreen(ScreenContext(db=demo_db, operator="t"), clock=lambda: now[0])
    qtbot.addWidget(screen)
    screen.timer.stop()
    screen.set_session(find_session(demo_db, "臺北"))
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_Space)
    now[0] += dt.timedelta(hours=13)
    screen.tick()
    assert "750" in screen.day_label.text()  # 13 hours on a 30-minute block
    assert one_language(screen.day_label.text(), language), screen.day_label.text()
    qtbot.keyClick(screen, Qt.Key.Key_Left)  # nothing before the first block: a coded refusal
    assert one_language(screen.feedback.text(), language), screen.feedback.text()


def test_every_coded_refusal_has_its_words() -> None:
    """A new ``raise XError("code", …)`` without an entry in the table would show raw Chinese
    (or a code) in the English window."""
    codes: set[tuple[str, str]] = set()
    for path in (ROOT / "desktop").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and node.args
                    and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in CODED
                    and isinstance(node.args[0], ast.Constant)
                    and isinstance(node.args[0].value, str)):
                codes.add((node.args[0].value, f"{path.name}:{node.lineno}"))
    assert len(codes) > 20
    missing = sorted(f"{where} {code}" for code, where in codes if code not in _texts())
    assert not missing, missing
