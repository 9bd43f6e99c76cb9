"""Every refusal the window shows is in the window's language: coded service errors are worded
from one table (desktop/ui/messages.py), never "請輸入姓名 (name is required)"."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from db.uow import Database
from desktop.services.events import find_session
from desktop.ui.checkin.walk_in_dialog import WalkInDialog
from desktop.ui.leader_mode import PinDialog
from desktop.ui.screens.agenda import AgendaScreen
from desktop.ui.screens.base import ScreenContext

CJK = re.compile(r"[\u3400-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@pytest.fixture(params=["zh_TW", "en"])
def language(request, qapp):
    from desktop.ui import settings

    if request.param == "en":
        settings.install_translators(qapp, "en")
    yield request.param
    if request.param == "en":
        settings.remove_translators(qapp)


def one_language(text: str, language: str) -> bool:
    """zh-TW text has no English words in it; English text no Chinese."""
    return bool(text) and (
        not CJK.search(text) if language == "en" else not LATIN_WORD.search(text)
    )


def ok_button(dialog):
    return dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)


def test_walk_in_and_pin_refusals_speak_one_language(qtbot, demo_db: Database, language) -> None:
    session = find_session(demo_db, "臺北")
    walk_in = WalkInDialog(demo_db, session.id)
    qtbot.addWidget(walk_in)
    walk_in.show()
    qtbot.mouseClick(ok_button(walk_in), Qt.MouseButton.LeftButton)  # no name typed
    assert one_language(walk_in.error.text(), language), walk_in.error.text()
    meals = [walk_in.lunch.itemText(i) for i in range(walk_in.lunch.count())]
    assert all(one_language(m, language) for m in meals), meals  # was 葷/素 in English
    pin = PinDialog(None, mode="set")
    qtbot.addWidget(pin)
    pin.show()
    qtbot.keyClicks(pin.pin, "12")
    qtbot.mouseClick(ok_button(pin), Qt.MouseButton.LeftButton)
    assert one_language(pin.error.text(), language) and "4" in pin.error.text()


def test_agenda_delay_is_said_in_the_window_language(qtbot, demo_db: Database, language) -> None:
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
    assert "750" in screen.run.day_label.text()  # 13 hours on a 30-minute block
    assert one_language(screen.run.day_label.text(), language), screen.run.day_label.text()
    qtbot.keyClick(screen, Qt.Key.Key_Left)  # nothing before the first block: a coded refusal
    assert one_language(screen.feedback.text(), language), screen.feedback.text()


def words_only(text: str, *names: str) -> str:
    """``text`` without markup, the file's own values ("…" and 「…」) and the given names:
    what is left is the window's own wording."""
    for name in names:
        text = text.replace(name, "")
    return re.sub(r"<[^>]+>|\"[^\"]*\"|「[^」]*」", "", text)


def test_import_dialog_speaks_the_window_language(
    qtbot, demo_db: Database, tmp_path, language
) -> None:
    from PySide6.QtWidgets import QLabel

    from desktop.services.events import list_events
    from desktop.ui.screens.import_dialog import ImportDialog
    from tests.registration_files import MESSY_ROWS, write_csv

    sessions = [s for e in list_events(demo_db) for s in e.sessions]
    dialog = ImportDialog(ScreenContext(db=demo_db, operator="t"), sessions)
    qtbot.addWidget(dialog)
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    assert not dialog.load(empty)  # ImportFileError (file_empty)
    shown = words_only(dialog.counts.text(), empty.name)
    assert one_language(shown, language), shown
    labels = [label.text() for label in dialog.mapping_box.findChildren(QLabel)]
    assert len(labels) == 12 and all(one_language(t, language) for t in labels), labels
    assert dialog.load(write_csv(tmp_path / "messy.csv", MESSY_ROWS))
    lines = dialog.problems.model()
    problems = [lines.index(r, 3).data() for r in range(lines.rowCount())]
    assert len(problems) >= 5
    for text in problems:  # rejected rows, unreadable cells, ID numbers, merges
        assert one_language(words_only(text), language), text
    if language == "en":
        assert "No name; row not imported" in problems
        assert "Name" in labels and "Learning hours" in labels


def test_hours_review_and_portal_problems_speak_the_window_language(
    qtbot, demo_db: Database, tmp_path, language
) -> None:
    from PySide6.QtCore import Qt

    from desktop.ui.screens.documents import DocumentsScreen
    from tests.closeday_sim import simulate_day

    simulate_day(demo_db)
    screen = DocumentsScreen(ScreenContext(db=demo_db, operator="organiser"))
    qtbot.addWidget(screen)
    screen.set_session(find_session(demo_db, "臺北"))
    columns = [
        screen.model.headerData(c, Qt.Orientation.Horizontal)
        for c in range(screen.model.columnCount())
    ]
    rule_column, reason_column = (columns.index(screen.tr(n)) for n in ("依據", "說明"))
    rules = {screen.model.index(r, rule_column).data() for r in range(screen.model.rowCount())}
    reasons = {
        screen.model.index(r, reason_column).data() for r in range(screen.model.rowCount())
    } - {""}
    assert len(reasons) >= 3 and all(one_language(t, language) for t in reasons | rules), (
        reasons,
        rules,
    )
    text = screen.write_portal_file("full", "demo", tmp_path / "a.csv")  # 課程類別代碼 missing
    assert not (tmp_path / "a.csv").exists() and one_language(text, language), text
    if language == "en":
        assert "Course category code not set" in text and "No sign-out" in reasons
        screen.review_only.setChecked(True)
        screen.resize(1366, 700)
        screen.grab().save("/tmp/documents-hours-review-en.png")


def test_environment_refusal_speaks_the_window_language(
    qtbot, demo_db_path: Path, monkeypatch, language
) -> None:
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import open_database
    from desktop.lockfile import DatabaseLock
    from desktop.ui import reliability
    from desktop.ui.launch import _open_or_explain

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda _parent, title, text, *_a, **_k: shown.append(f"{title}: {text}")),
    )
    with DatabaseLock(demo_db_path).acquire():  # another window has it open
        assert (
            reliability.lock_and_open(
                demo_db_path, lambda: open_database(demo_db_path), None, None, _open_or_explain
            )
            is None
        )
    text = words_only(shown[-1], str(demo_db_path))
    assert one_language(text, language), shown


def test_roster_and_agenda_editor_refusals_speak_the_window_language(
    qtbot, demo_db: Database, monkeypatch, language
) -> None:
    from PySide6.QtCore import QTime
    from PySide6.QtWidgets import QMessageBox

    from desktop.ui.screens.agenda_editor import BlockDialog
    from desktop.ui.screens.roster import RosterScreen

    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox,
        "warning",
        staticmethod(lambda _parent, title, text, *_a, **_k: shown.append(f"{title}: {text}")),
    )
    roster = RosterScreen(ScreenContext(db=demo_db, operator="t"))
    qtbot.addWidget(roster)
    roster.show_session(find_session(demo_db, "臺北"))
    roster.table.selectRow(0)
    assert not roster.admit_selected("")  # RegistrationError: a reason is required
    assert len(shown) == 1 and one_language(shown[0], language), shown

    dialog = BlockDialog(roster)  # no title, ends before it starts: AgendaInputError problems
    qtbot.addWidget(dialog)
    dialog.start.setTime(QTime(10, 0))
    dialog.end.setTime(QTime(9, 0))
    dialog.show()
    qtbot.mouseClick(ok_button(dialog), Qt.MouseButton.LeftButton)
    lines = dialog.errors.text().split("\n")
    assert len(lines) == 2 and all(one_language(t, language) for t in lines), lines
    assert "09:00" in lines[1] and not dialog.result()


def test_a_field_named_in_a_refusal_follows_the_window_language(
    demo_db: Database, language
) -> None:
    """The field a too-long walk-in names is a vocabulary name (``Term``): the CLI and the log
    say 服務機關, the English window "Agency", not "服務機關: too long"."""
    from desktop.core.problems import CodedError
    from desktop.services.walkins import add_walk_in
    from desktop.ui.messages import error_text

    session = find_session(demo_db, "臺北")
    with pytest.raises(CodedError) as refused:
        add_walk_in(demo_db, session.id, name="林小明", agency="機" * 500)
    assert str(refused.value).startswith("服務機關內容過長")
    shown = error_text(refused.value)
    assert one_language(shown, language), shown
    assert shown.startswith("Agency" if language == "en" else "服務機關")


def test_the_hours_review_says_what_the_papers_say(qapp) -> None:
    """The review list's 原因 and 依據 columns word the same entries the attendance PDF and the
    hours file print (``desktop.core.hours``), not a table of their own that can drift."""
    from desktop.core import hours
    from desktop.ui import messages

    for reason, label in hours.REASON_LABELS.items():
        assert messages.reasons_text([reason]) == label
    for rule in hours.RULE_LABELS:
        for schedule in hours.SCHEDULE_LABELS:
            assert messages.rule_text(rule, schedule) == hours.rule_text(rule, schedule)
