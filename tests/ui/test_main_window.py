from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.uow import Database
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.base import ScreenContext


def test_window_shows_seed_session_agenda_and_roster(qtbot, demo_db: Database) -> None:
    window = MainWindow(ScreenContext(db=demo_db), "demo.sqlite3")
    qtbot.addWidget(window)
    assert window.session_picker.count() == 3
    assert "臺北場次" in window.session_picker.currentText()
    overview = window.screens[0]
    assert overview.agenda_model.rowCount() == 11
    assert overview.roster_model.rowCount() == 45
    assert "108年3月15日（星期五）" in overview.heading.text()
    assert "demo.sqlite3" in window.database_status.text()

    window.session_picker.setCurrentIndex(1)
    assert "成功大學" in overview.heading.text()
    titles = [
        overview.agenda_model.index(r, 1).data() for r in range(overview.agenda_model.rowCount())
    ]
    assert titles[4] == "午餐及小組交流時間"


def test_organiser_screens_need_organiser_mode(qtbot, demo_db: Database, monkeypatch) -> None:
    from desktop.services.demo import DEMO_PASSPHRASE
    from desktop.ui.screens.checkin import CheckInScreen
    from desktop.ui.screens.roster import RosterScreen

    context = ScreenContext(db=demo_db)
    window = MainWindow(context, "demo.sqlite3")
    qtbot.addWidget(window)
    kinds = [type(s) for s in window.screens]
    checkin, roster = kinds.index(CheckInScreen), kinds.index(RosterScreen)
    window.show_screen(checkin)
    asked: list[bool] = []
    monkeypatch.setattr(
        context, "require_organiser", lambda parent=None: asked.append(True) or False
    )
    window.show_screen(roster)  # desk mode, passphrase refused: the desk stays where it was
    assert asked == [True] and window.stack.currentIndex() == checkin
    assert window.navigation.currentRow() == checkin
    monkeypatch.undo()
    assert context.session_state.unlock(context, DEMO_PASSPHRASE)
    window.show_screen(roster)
    assert window.stack.currentIndex() == roster
    context.session_state.lock(context)  # back to desk mode: off the organiser-only screen
    assert not window.screens[window.stack.currentIndex()].organiser_only


def test_new_session_needs_organiser_mode(qtbot, demo_db: Database, monkeypatch) -> None:
    """QA: 檔案 → 新增場次… added a 場次 to the event from desk mode, without the passphrase."""
    import desktop.ui.welcome as welcome

    context = ScreenContext(db=demo_db)
    window = MainWindow(context, "demo.sqlite3")
    qtbot.addWidget(window)
    opened: list[bool] = []
    monkeypatch.setattr(
        welcome, "add_session_interactively", lambda parent, db: opened.append(True) or False
    )
    monkeypatch.setattr(context, "require_organiser", lambda parent=None: False)
    window._on_new_session()
    assert opened == []  # refused: the session dialog never opened
    monkeypatch.setattr(context, "require_organiser", lambda parent=None: True)
    window._on_new_session()
    assert opened == [True]


def test_each_screen_shows_what_other_screens_changed(qtbot, demo_db: Database) -> None:
    """QA whole day: after 自動分桌 and a walk-in at 報到, 總覽 still said 現場報名 0 with no
    table numbers, 名單 said 現場 0, and 小組報告 had no tables until the session was switched."""
    from desktop.services import seating
    from desktop.services.demo import DEMO_PASSPHRASE
    from desktop.services.walkins import add_walk_in
    from desktop.ui.screens.group_reports import GroupReportsScreen
    from desktop.ui.screens.overview import OverviewScreen
    from desktop.ui.screens.roster import RosterScreen

    context = ScreenContext(db=demo_db)
    window = MainWindow(context, "demo.sqlite3")
    qtbot.addWidget(window)
    assert context.session_state.unlock(context, DEMO_PASSPHRASE)
    session_id = window.current_session().id
    seating.assign(demo_db, session_id)
    add_walk_in(demo_db, session_id, name="現場甲", agency="臺北市政府")

    def show(kind):
        index = next(i for i, s in enumerate(window.screens) if isinstance(s, kind))
        window.show_screen(index)
        return window.screens[index]

    roster = show(RosterScreen)
    assert "現場 1" in roster.count_label.text()
    reports = show(GroupReportsScreen)
    assert reports.table_picker.count() == 6
    overview = show(OverviewScreen)
    assert "現場報名 1" in overview.heading.text()
    assert window.current_session().counts["walk_in"] == 1
    model = overview.roster_model
    tables = {model.index(r, 6).data() for r in range(model.rowCount())}
    assert tables - {"", None}


def test_screens_are_built_on_first_view_under_their_own_titles(qtbot, demo_db: Database) -> None:
    """Start-up builds the first screen only (issue 18); the navigation names the others from
    ``SCREENS`` until they are shown, with the same title the screen gives itself."""
    from desktop.ui.screens import SCREENS

    window = MainWindow(ScreenContext(db=demo_db), "demo.sqlite3")
    qtbot.addWidget(window)
    assert [s is not None for s in window._built] == [True] + [False] * (len(SCREENS) - 1)
    window.show_screen(1)
    assert window.stack.currentWidget().widget() is window._built[1]
    assert window._built[1].session is not None  # filled for the chosen session when built
    navigation = [window.navigation.item(i).text() for i in range(window.navigation.count())]
    assert navigation == [screen.title() for screen in window.screens]
    assert [type(s).__name__ for s in window.screens] == [row.class_name for row in SCREENS]


def test_overview_is_the_days_dashboard_refreshed_when_shown(qtbot, demo_db: Database) -> None:
    """QA: 總覽 showed no check-in figures. It shows every session's admitted, checked in,
    present, signed out, missing and walk-ins, and the chosen session's tables, read again
    each time the operator comes back to it."""
    import datetime as dt

    from PySide6.QtCore import Qt
    from sqlalchemy import select

    from db.models import Registration, Status
    from desktop.services import checkin, seating
    from desktop.ui.screens.overview import OverviewScreen

    window = MainWindow(ScreenContext(db=demo_db), "demo.sqlite3")
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    overview = window.screens[0]
    assert isinstance(overview, OverviewScreen)
    session = window.current_session()
    seating.assign(demo_db, session.id)
    with demo_db.read() as s:
        people = s.scalars(
            select(Registration.id).where(
                Registration.session_id == session.id, Registration.status == Status.ADMITTED
            )
        ).all()
    at = dt.datetime.combine(session.date, dt.time(8, 40))
    for reg in people[:3]:
        checkin.check_in_registration(demo_db, session.id, reg, now=at)
    checkin.check_in_registration(demo_db, session.id, people[0], mode="out", now=at)
    nav = window.navigation
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(1)).center()
    )
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(0)).center()
    )  # back to 總覽

    def shown(model, row: int) -> dict[str, str]:
        return {
            model.headerData(c, Qt.Orientation.Horizontal): model.index(row, c).data()
            for c in range(model.columnCount())
        }

    sessions = overview.sessions_model
    assert sessions.rowCount() == 3
    row = next(r for r in range(3) if sessions.row_at(r).session_id == session.id)
    figures = shown(sessions, row)
    assert (figures["已報到"], figures["在場"], figures["已簽退"]) == ("3", "2", "1")
    assert figures["未到"] == str(len(people) - 3) and figures["現場報名"] == "0"
    tables = overview.tables_model
    assert tables.rowCount() >= 6
    assert sum(int(shown(tables, r)["已報到"]) for r in range(tables.rowCount())) == 3


def test_first_run_opens_maximised_then_as_it_was_left(qtbot, demo_db_path) -> None:
    """QA at 1366×768: the first window was 1280×728 with the 分桌 toolbar and the third table
    column cut. The first time it opens maximised; afterwards as the user left it."""
    from desktop.app import open_database
    from desktop.ui.launch import WindowHost

    host = WindowHost()
    window = host.show(open_database(demo_db_path))
    qtbot.addWidget(window)
    assert window.isMaximized()
    window.showNormal()
    window.setGeometry(40, 50, 700, 500)  # the offscreen screen is 800 px wide
    window.close()
    host.close()
    again = WindowHost()
    second = again.show(open_database(demo_db_path))
    qtbot.addWidget(second)
    assert not second.isMaximized() and second.size().width() == 700
    again.close()


_START_PROBE = """
import json, os, sys
from PySide6.QtCore import QTimer
from desktop.ui import main_window

seen = {}
show_event, attach = main_window.MainWindow.showEvent, main_window.MainWindow.attach

def first_show(self, event):
    show_event(self, event)
    seen.setdefault("data_layer_at_show", "sqlalchemy" in sys.modules)
    seen.setdefault("title_at_show", self.windowTitle())

def attached(self, *args):
    attach(self, *args)
    seen["sessions"] = self.session_picker.count()
    seen["screen"] = type(self.work_area(self.stack.currentIndex())).__name__
    print(json.dumps(seen), flush=True)
    QTimer.singleShot(0, lambda: os._exit(0))

main_window.MainWindow.showEvent, main_window.MainWindow.attach = first_show, attached
from desktop.cli import main
raise SystemExit(main(sys.argv[1:]))
"""


def _start(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, WORKSHOP_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", _START_PROBE, *args],
        env=env,
        capture_output=True,
        encoding="utf-8",
        timeout=120,
    )


def test_the_window_shows_before_the_data_layer_loads_then_fills_in(tmp_path: Path) -> None:
    """Start-up shows the window first (#18): SQLAlchemy is not yet imported when it appears;
    the first event-loop turn opens the demo database into the same window."""
    started = _start(["--demo"], tmp_path)
    assert started.returncode == 0, started.stderr
    seen = json.loads(started.stdout.strip().splitlines()[-1])
    assert seen["data_layer_at_show"] is False
    assert seen["title_at_show"] == "研習報到台"
    assert seen["sessions"] == 3 and seen["screen"] == "OverviewScreen"


@pytest.mark.allow_log(r"damaged database")
def test_a_database_that_cannot_be_opened_ends_the_start_with_status_2(
    qtbot, tmp_path: Path, monkeypatch
) -> None:
    """The window is already up when the database turns out unreadable: the user is told in
    a dialog and the app exits with status 2, as before the window-first start."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from desktop.cli import Context
    from desktop.ui import launch

    told: list[str] = []
    exits: list[int] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: told.append(text))
    monkeypatch.setattr(QCoreApplication, "exit", lambda code=0: exits.append(code))
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"this is not a database" * 100)
    host = launch.WindowHost()
    qtbot.addWidget(host.show_opening())
    launch._open_first(host, Context(db_target=str(broken), demo=False))
    assert exits == [2]
    assert told and str(broken) in told[0]
    assert not host.window.attached
    host.close()
