from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt

from db.uow import Database
from desktop.services import agenda_run as service
from desktop.services.events import find_session
from desktop.ui.projector import BACKGROUND, COLOURS
from desktop.ui.screens import screen_index
from desktop.ui.screens.agenda import AgendaScreen
from desktop.ui.screens.base import ScreenContext

DAY = dt.date(2019, 3, 15)


class SimClock:
    def __init__(self, start: dt.datetime) -> None:
        self.now = start

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, **kwargs: float) -> None:
        self.now += dt.timedelta(**kwargs)


def at(hhmm: str) -> dt.datetime:
    return dt.datetime.combine(DAY, dt.time.fromisoformat(hhmm))


def make_screen(qtbot, db: Database, clock: SimClock, name: str = "臺北") -> AgendaScreen:
    screen = AgendaScreen(ScreenContext(db=db, operator="tester"), clock=clock)
    qtbot.addWidget(screen)
    screen.timer.stop()  # the test drives the ticks with the simulated clock
    screen.set_session(find_session(db, name))
    return screen


def test_keyboard_runs_the_day_and_overrun_shifts_later_blocks(qtbot, demo_db: Database) -> None:
    clock = SimClock(at("08:30"))
    screen = make_screen(qtbot, demo_db, clock)
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_Space)  # start 報到
    assert screen.view.state.block_id == screen.view.rows[0].id
    assert screen.run.countdown.text() == "30:00"
    clock.advance(minutes=30)
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # 開場
    clock.advance(minutes=5)
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # 自我介紹
    clock.advance(minutes=15)
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # the talk, 09:20–10:20
    qtbot.keyClick(screen, Qt.Key.Key_Up)  # +1 minute
    assert screen.view.state.extra_seconds == 60
    qtbot.keyClick(screen, Qt.Key.Key_Down)
    assert screen.view.state.extra_seconds == 0
    clock.advance(minutes=70)  # the talk runs to 10:30, ten minutes over
    screen.tick()
    assert screen.run.countdown.text() == "+10:00"
    assert screen.run.overrun_box.isVisibleTo(screen)
    assert "10 分鐘" in screen.run.overrun_text.text()
    day = screen.run.day_label.text()
    assert "落後 10 分鐘" in day and "15:40 結束" in day
    screen.run.shift_button.click()
    rows = {r.title: r for r in screen.view.rows}
    assert rows["休息時間"].planned_start == at("10:30")
    assert rows["綜合討論"].planned_end == at("15:40")
    assert rows["[演講] 參與式預算過去、現在及未來 國內外推動情形"].planned_start == at("09:20")
    screen.tick()
    assert not screen.run.overrun_box.isVisibleTo(screen)
    qtbot.keyClick(screen, Qt.Key.Key_Left)  # undo "next": reopens the introduction
    assert screen.view.row(screen.view.state.block_id).title == "講師及學員自我介紹"  # type: ignore[union-attr]
    assert "→" in screen.feedback.text()  # says how to put it back
    clock.advance(seconds=20)
    qtbot.keyClick(screen, Qt.Key.Key_Right)  # right away: the stray ← is taken back
    talk = screen.view.row(screen.view.state.block_id)
    assert talk is not None and talk.actual_start == at("09:20")
    intro = next(r for r in screen.view.rows if r.title == "講師及學員自我介紹")
    assert intro.actual_end == at("09:20")
    screen.tick()
    assert screen.run.countdown.text() == "+10:20"
    qtbot.keyClick(screen, Qt.Key.Key_Left)  # back on purpose, and a while later on again
    clock.advance(minutes=2)
    qtbot.keyClick(screen, Qt.Key.Key_Right)
    talk = screen.view.row(screen.view.state.block_id)
    assert talk is not None and talk.actual_start == at("10:32:20")
    # every command is in the screen's menus with its shortcut
    menu_actions = {a for m in screen.menu_bar.actions() if m.menu() for a in m.menu().actions()}
    for action in (
        screen.act_toggle,
        screen.act_next,
        screen.act_previous,
        screen.act_plus1,
        screen.act_minus1,
        screen.act_plus5,
        screen.act_minus5,
    ):
        assert action in menu_actions and not action.shortcut().isEmpty()


def test_projector_colours_follow_thresholds_and_blink_past_zero(qtbot, demo_db: Database) -> None:
    clock = SimClock(at("09:20"))
    screen = make_screen(qtbot, demo_db, clock)
    talk = screen.view.rows[3]
    screen.run.run_view.selectRow(3)
    screen.act_toggle.trigger()  # start at the selected talk
    assert screen.view.state.block_id == talk.id
    projector = screen.open_projector(full_screen=False)
    qtbot.addWidget(projector)
    projector.resize(1600, 900)
    screen.run.message_edit.setText("請講者把握時間")
    screen.send_message()

    def level_at(hhmmss: str) -> tuple[str, str]:
        clock.now = dt.datetime.combine(DAY, dt.time.fromisoformat(hhmmss))
        screen.tick()
        return projector.level, projector.countdown_colour()

    assert level_at("10:14:00") == ("normal", COLOURS["normal"])
    assert level_at("10:15:00") == ("warning", COLOURS["warning"])
    assert projector.countdown.text() == "5:00"
    assert level_at("10:19:00") == ("danger", COLOURS["danger"])
    assert level_at("10:20:00.200000") == ("over", COLOURS["over"])
    assert level_at("10:20:00.700000") == ("over", BACKGROUND)  # blink: dark half
    assert projector.countdown.text() == "+0:00"
    assert projector.message.text() == "請講者把握時間" and projector.message.isVisibleTo(projector)
    assert "10:20 休息時間" in projector.subtitle.text()
    assert screen.chime.played == 3  # warning, danger, over
    big = projector.countdown_pixel_size()
    projector.resize(800, 450)
    assert projector.countdown_pixel_size() < big  # the font follows the window
    # thresholds are configurable
    screen.run.warning_minutes.setValue(10)
    screen.run.warning_minutes.editingFinished.emit()
    assert level_at("10:12:00") == ("warning", COLOURS["warning"])
    assert service.load_run(demo_db, screen.session.id).options.warning_seconds == 600


def test_group_report_queue_on_screen_and_projector(qtbot, demo_db: Database) -> None:
    clock = SimClock(at("11:30"))
    screen = make_screen(qtbot, demo_db, clock)
    screen.run.run_view.selectRow(6)  # 小組報告+回饋
    screen.act_toggle.trigger()
    projector = screen.open_projector(full_screen=False)
    qtbot.addWidget(projector)
    clock.advance(minutes=4)
    screen.tick()
    assert projector.queue.text() == "第1桌 報告中（1/6）"
    assert projector.queue_countdown.text() == "1:00"
    screen.act_queue_next.trigger()
    clock.advance(seconds=30)
    screen.tick()
    assert projector.queue.text() == "第2桌 報告中（2/6）"
    assert projector.queue_countdown.text() == "4:30"
    assert screen.run.queue_list.count() == 6


def test_timer_resumes_after_the_app_is_killed(qtbot, demo_db_path: Path) -> None:
    from desktop.app import open_database

    db = open_database(demo_db_path)
    clock = SimClock(at("09:20"))
    screen = make_screen(qtbot, db, clock)
    screen.run.run_view.selectRow(3)
    screen.act_toggle.trigger()  # the talk starts 09:20
    clock.advance(minutes=10)
    screen.act_toggle.trigger()  # pause at 09:30
    clock.advance(minutes=2)
    screen.act_toggle.trigger()  # resume at 09:32
    clock.advance(minutes=3)
    screen.act_plus5.trigger()  # +5 minutes at 09:35
    talk_id = screen.view.state.block_id
    # "kill": drop every object without any shutdown step, then reopen the database
    screen.timer.stop()
    screen.deleteLater()
    del screen
    db.dispose()
    del db

    again = open_database(demo_db_path)
    later = SimClock(at("10:00"))
    restarted = make_screen(qtbot, again, later)
    restarted.tick()
    assert restarted.view.state.block_id == talk_id
    # 60 + 5 planned, 38 run (40 minutes minus the 2-minute pause) → 27:00 left
    assert restarted.run.countdown.text() == "27:00"
    assert "施聖文教授" in restarted.run.current_info.text()
    again.dispose()


def test_block_dialog_validates_and_suggests_the_credit_flag(qtbot, demo_db: Database) -> None:
    from desktop.ui.screens.agenda_editor import BlockDialog

    screen = make_screen(qtbot, demo_db, SimClock(at("08:00")))
    dialog = BlockDialog(screen)
    qtbot.addWidget(dialog)
    dialog._on_ok()
    assert "標題：不可空白" in dialog.errors.text() and dialog.result() == 0
    dialog.title.setText("茶敘")
    dialog.kind.setCurrentIndex(dialog.kind.findData("break"))
    assert not dialog.counts.isChecked()
    value = dialog.value()
    assert (value.title, value.kind, value.counts_for_hours) == ("茶敘", "break", False)


def test_run_keys_work_after_the_sidebar_was_clicked(qtbot, demo_db: Database) -> None:
    """QA: once the navigation was clicked, Space and F5 did nothing and ↑ (+1 分) switched the
    window to another screen. The run keys belong to the 議程 screen whatever has focus; the
    projector button follows the projector window, however it was closed."""
    from desktop.services.demo import DEMO_PASSPHRASE
    from desktop.ui.main_window import MainWindow

    context = ScreenContext(db=demo_db)
    assert context.session_state.unlock(context, DEMO_PASSPHRASE)
    window = MainWindow(context, "demo.sqlite3")
    qtbot.addWidget(window)
    index = screen_index("AgendaScreen")
    agenda = window.screen_of(AgendaScreen)
    agenda.timer.stop()
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    nav = window.navigation
    qtbot.mouseClick(
        nav.viewport(), Qt.MouseButton.LeftButton, pos=nav.visualItemRect(nav.item(index)).center()
    )
    assert window.stack.currentIndex() == index and nav.hasFocus()
    qtbot.keyClick(nav, Qt.Key.Key_Space)  # start
    assert agenda.view.state.block_id == agenda.view.rows[0].id
    qtbot.keyClick(nav, Qt.Key.Key_Up)  # +1 分, not the screen above
    assert window.stack.currentIndex() == index and nav.currentRow() == index
    assert agenda.view.state.extra_seconds == 60
    agenda.run.warning_minutes.setFocus()  # a spin box inside the screen: ↓ is still −1 分
    qtbot.keyClick(agenda.run.warning_minutes, Qt.Key.Key_Down)
    assert agenda.view.state.extra_seconds == 0
    qtbot.keyClick(nav, Qt.Key.Key_F5)
    assert agenda.projector is not None and agenda.projector.isVisible()
    qtbot.addWidget(agenda.projector)
    assert agenda.run.projector_button.text() == "關閉投影畫面 (F5)"
    agenda.projector.showNormal()
    qtbot.keyClick(agenda.projector, Qt.Key.Key_Escape)  # closed on the projector itself
    assert not agenda.projector.isVisible()
    assert agenda.run.projector_button.text() == "開啟投影畫面 (F5)"
    # another screen keeps its own keys: ↓ in the navigation moves on
    qtbot.keyClick(nav, Qt.Key.Key_Up)
    assert agenda.view.state.extra_seconds == 60
    window.show_screen(0)
    qtbot.keyClick(nav, Qt.Key.Key_Down)
    assert window.stack.currentIndex() == 1 and agenda.view.state.extra_seconds == 60


def test_f5_on_the_only_screen_keeps_the_desk_in_sight_and_one_esc_leaves_full_screen(
    qtbot, demo_db: Database
) -> None:
    """QA: F5 on a one-screen laptop put the black timer over the whole desk, and the first
    Esc only swapped full screen for a window the size of the screen."""
    from PySide6.QtGui import QGuiApplication

    assert len(QGuiApplication.screens()) == 1  # the offscreen platform: a one-screen laptop
    screen = make_screen(qtbot, demo_db, SimClock(at("08:30")))
    screen.show()
    qtbot.waitExposed(screen)
    screen.activateWindow()
    qtbot.waitUntil(screen.isActiveWindow)
    qtbot.keyClick(screen, Qt.Key.Key_F5)
    projector = screen.projector
    assert projector is not None and projector.isVisible()
    qtbot.addWidget(projector)
    room = projector.screen().availableGeometry()
    assert not projector.isFullScreen()
    assert projector.width() < room.width() and projector.height() < room.height()
    assert "Esc" in projector.windowTitle() and "F11" in projector.windowTitle()
    qtbot.keyClick(projector, Qt.Key.Key_F11)  # a mirrored projector: full screen on demand
    assert projector.isFullScreen()
    qtbot.keyClick(projector, Qt.Key.Key_Escape)  # one Esc: a window again, the desk beside
    assert projector.isVisible() and not projector.isFullScreen()
    assert projector.width() < room.width() and projector.height() < room.height()
    qtbot.keyClick(projector, Qt.Key.Key_Escape)  # a second Esc closes it
    assert not projector.isVisible()


def test_one_esc_on_the_full_screen_projector_shows_the_desk(qtbot, demo_db: Database) -> None:
    """On a projector screen F5 opens full screen; one Esc must leave it visibly, not restore
    a window exactly as large as the screen."""
    screen = make_screen(qtbot, demo_db, SimClock(at("08:30")))
    projector = screen.open_projector(full_screen=True)
    qtbot.addWidget(projector)
    projector.setGeometry(projector.screen().geometry())  # what F5 does on a second screen
    projector.showFullScreen()
    assert projector.isFullScreen()
    qtbot.keyClick(projector, Qt.Key.Key_Escape)
    room = projector.screen().availableGeometry()
    assert projector.isVisible() and not projector.isFullScreen()
    assert projector.width() < room.width() and projector.height() < room.height()
