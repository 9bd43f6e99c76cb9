"""Every screen and every dialog fits a laptop, in both languages: no text is cut.

QA at 1366×768 found the session picker cut mid-character, table cards cutting the leader's
name, the import dialog's column mapping clipped, 「NT$1,200,…」 in the vote dialog, English
columns cut or pushed off-screen, drop-downs one row short and dialog titles truncated. This
test opens the window at the client area of a maximised window on a 1366×768 laptop at 100 %
and on a 1920×1080 laptop at 150 % (1280×720 logical, less the taskbar), in zh-TW and English,
shows every screen (``SCREENS``), opens every dialog a user can reach from it (each button and
menu entry whose text ends in 「…」, recursively one level into the dialog, plus the welcome
window's), and lists every text ``tests.ui.fits.clipped`` finds cut. A new screen or dialog is
covered without touching this file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, QLocale, QSize, Qt, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtPrintSupport import QPrintDialog
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMenu,
    QTableView,
    QTabWidget,
    QWidget,
)

from db.uow import Database
from desktop.ui.screens import SCREENS
from scenarios import vote_day
from tests.ui.fits import Clip, clipped, path

ROOT = Path(__file__).resolve().parents[2]
REGISTRATIONS = ROOT / "tests" / "data" / "registrations-sample.csv"
# Client areas: a maximised window less the taskbar (40 px) and the title bar (~28 px).
SIZES = {"1366x768": QSize(1366, 700), "1280x720@150%": QSize(1280, 642)}
TITLE_BAR_BUTTONS = 110  # px the window icon and the minimise/maximise/close buttons take
DEPTH = 2  # a dialog opened from a dialog (the import dialog's file picker) is looked at too


def opens_a_window(text: str) -> bool:
    """The convention: a command that asks something first ends in 「…」."""
    return text.rstrip().endswith(("…", "..."))


class Crawl:
    """Presses what opens a window, looks at each window that appears, closes it again."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.findings: list[tuple[str, Clip]] = []
        self.windows: list[str] = []  # "where → window title" of each window looked at

    def look(self, where: str, window: QWidget) -> None:
        """Clipped texts in ``window``, and its title cut in its own title bar."""
        for clip in clipped(window):
            self.findings.append((where, clip))
        title = window.windowTitle()
        if title and isinstance(window, QDialog):
            # Qt appends the application display name to every title when one is set.
            display = QApplication.applicationDisplayName()
            shown = f"{title} — {display}" if display and not title.endswith(display) else title
            need = QFontMetrics(QApplication.font()).horizontalAdvance(shown) + TITLE_BAR_BUTTONS
            if need > window.width():
                self.findings.append(
                    (where, Clip(f"{path(window)}[title]", shown, need, window.width()))
                )

    def look_at_qt_dialog(self, where: str, window: QWidget) -> None:
        """Qt's own file dialog (Windows shows its native one): its layout is Qt's, but its
        words must be in the interface's language."""
        if QLocale().language() != QLocale.Language.Chinese:
            return
        for widget in [*window.findChildren(QLabel), *window.findChildren(QAbstractButton)]:
            if widget.isVisible() and re.search(r"[A-Za-z]{2,}", widget.text()):
                self.findings.append((where, Clip(f"{path(widget)}[English]", widget.text(), 0, 0)))

    def press(self, where: str, trigger: Callable[[], object], depth: int) -> None:
        """Run ``trigger``; every window it opens (modal: from inside its event loop) is looked
        at, its own 「…」 commands pressed while ``depth`` allows, and closed."""
        before = set(QApplication.topLevelWidgets())
        seen: set[int] = set()

        def tick() -> None:
            # Re-entrant: a window can open while another is looked at (a PDF built in the
            # background opens the print dialog when it is done); ``seen`` keeps each to one visit.
            for window in QApplication.topLevelWidgets():
                if window in before or id(window) in seen or not window.isVisible():
                    continue
                if isinstance(window, QMenu) or window.windowType() in (
                    Qt.WindowType.Popup,
                    Qt.WindowType.ToolTip,
                ):
                    continue
                seen.add(id(window))
                self.visit(f"{where} → {window.windowTitle()}", window, depth)

        timer = QTimer()
        timer.setInterval(20)
        timer.timeout.connect(tick)
        timer.start()
        try:
            trigger()
            for _ in range(5):
                QApplication.processEvents()
                tick()
        finally:
            timer.stop()

    def visit(self, where: str, window: QWidget, depth: int) -> None:
        self.windows.append(where)
        if isinstance(window, QPrintDialog):
            window.reject()  # Qt's, or the system's: nothing of ours in it
            return
        if isinstance(window, QFileDialog):
            self.look_at_qt_dialog(where, window)
            window.reject()
            return
        path_field = window.findChild(QLineEdit, "importPath")
        if path_field is not None:  # the import dialog, given a form's export as a clerk would
            path_field.setText(str(REGISTRATIONS))
            self.qtbot.keyClick(path_field, Qt.Key.Key_Return)
        QApplication.processEvents()
        if depth > 0:
            for button in commands(window):
                self.press(
                    f"{where} → {button.text()}",
                    lambda b=button: self.qtbot.mouseClick(b, Qt.MouseButton.LeftButton),
                    depth - 1,
                )
        QApplication.processEvents()
        self.look(where, window)
        if isinstance(window, QDialog):
            window.reject()
        else:
            window.close()


def commands(root: QWidget) -> list[QAbstractButton]:
    return [
        b
        for b in root.findChildren(QAbstractButton)
        if b.isVisible() and b.isEnabled() and opens_a_window(b.text())
    ]


def select_row(screen: QWidget, which: int) -> None:
    """Commands on 「選取的人」 need a selection: the first row (edit, adjust hours), or the
    last (a waiting-list person, for 錄取（附理由）…)."""
    for view in screen.findChildren(QTableView):
        model = view.model()
        if view.isVisible() and model is not None and model.rowCount() > 0:
            if view.selectionModel() is not None:
                flags = QItemSelectionModel.SelectionFlag
                view.selectionModel().setCurrentIndex(
                    model.index(which % model.rowCount(), 0),
                    flags.ClearAndSelect | flags.Rows,
                )


def screen_states(screen: QWidget) -> Iterator[str]:
    """Each tab of the screen's tab widgets in turn (議程's editor and run panels)."""
    tabs = [t for t in screen.findChildren(QTabWidget) if t.isVisible()]
    if not tabs:
        yield ""
        return
    for tab in tabs:
        for index in range(tab.count()):
            tab.setCurrentIndex(index)
            QApplication.processEvents()
            yield tab.tabText(index)


@pytest.fixture
def language(request, qapp) -> Iterator[str]:
    """The product's look (font, style sheet) and ``request.param``'s catalogues on pytest-qt's
    application for one test, as they were afterwards."""
    from desktop.ui import qtapp, settings

    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    style, display = qapp.style().name(), qapp.applicationDisplayName()
    qtapp.look(qapp)
    settings.install_translators(qapp, request.param)
    try:
        yield request.param
    finally:
        settings.remove_translators(qapp)
        qapp.setStyleSheet(sheet)
        qapp.setStyle(style)
        qapp.setPalette(palette)
        qapp.setFont(font)
        qapp.setApplicationDisplayName(display)


def report(findings: list[tuple[str, Clip]]) -> str:
    unique: dict[tuple[str, str], tuple[str, Clip]] = {}
    for where, clip in findings:
        unique.setdefault((clip.where, clip.text), (where, clip))
    return "\n".join(f"  [{where}] {clip}" for where, clip in unique.values())


@pytest.mark.parametrize("language", ["zh_TW", "en"], indirect=True)
@pytest.mark.parametrize("size", list(SIZES))
@pytest.mark.allow_log(r".")  # dialogs opened and closed may log what they refused
def test_no_text_is_cut_on_any_screen_or_dialog(
    qtbot, demo_db: Database, language: str, size: str, tmp_path: Path, monkeypatch
) -> None:
    from desktop.services.demo import DEMO_PASSPHRASE
    from desktop.ui.main_window import MainWindow
    from desktop.ui.screens.base import ScreenContext
    from desktop.ui.welcome import WelcomeWindow

    monkeypatch.setenv("HOME", str(tmp_path))  # file dialogs start in an empty folder
    context = ScreenContext(db=demo_db)
    assert context.session_state.unlock(context, DEMO_PASSPHRASE)
    window = MainWindow(context, "demo.sqlite3")
    qtbot.addWidget(window)
    # A day under way: seated, a dozen checked in, the tables' proposals (the vote dialog's
    # costs) written.
    vote_day.prepare(demo_db)
    window.reload_sessions()
    window.resize(SIZES[size])
    window.show()
    qtbot.waitExposed(window)
    crawl = Crawl(qtbot)
    # A print dialog opened after its command's turn (the PDF is built in the background):
    # Qt's or the system's, closed whenever it shows.
    stray_prints = QTimer()
    stray_prints.setInterval(50)
    stray_prints.timeout.connect(
        lambda: [
            w.reject()
            for w in QApplication.topLevelWidgets()
            if isinstance(w, QPrintDialog) and w.isVisible()
        ]
    )
    stray_prints.start()
    for index, row in enumerate(SCREENS):
        window.show_screen(index)
        QApplication.processEvents()
        screen = window.work_area(index)
        name = row.title()
        pressed: set[str] = set()
        for state in screen_states(screen):
            crawl.look(f"{name} {state}", window)
            page = window.stack.currentWidget()
            if page.horizontalScrollBar().isVisible():  # the screen is wider than the window
                crawl.findings.append(
                    (name, Clip(f"{path(page)}[scrolls]", name, screen.width(), page.width()))
                )
            for which in (0, -1):
                select_row(screen, which)
                for button in commands(screen):
                    select_row(screen, which)  # the command before may have reloaded the rows
                    if button.text() in pressed or not button.isEnabled():
                        continue
                    pressed.add(button.text())
                    crawl.press(
                        f"{name} {state} → {button.text()}",
                        lambda b=button: qtbot.mouseClick(b, Qt.MouseButton.LeftButton),
                        DEPTH,
                    )
        for action in window.menuBar().actions():
            menu = action.menu()
            for entry in menu.actions() if menu is not None else []:
                if index == 0 and entry.isEnabled() and opens_a_window(entry.text()):
                    crawl.press(f"{name} → {entry.text()}", entry.trigger, DEPTH)
    stray_prints.stop()
    welcome = WelcomeWindow(tmp_path / "new.sqlite3")
    qtbot.addWidget(welcome)
    welcome.show()
    crawl.look("welcome", welcome)
    crawl.press("welcome → new event", welcome.start_new_event, DEPTH)
    assert len(crawl.windows) >= 15, crawl.windows  # the dialogs really were opened
    assert not crawl.findings, (
        f"{language} at {size}: text cut (need vs have, px):\n{report(crawl.findings)}"
    )


def test_the_checker_sees_a_cut_label_and_accepts_a_wrapped_or_elided_one(qtbot) -> None:
    from PySide6.QtWidgets import QLabel, QVBoxLayout

    box = QWidget()
    qtbot.addWidget(box)
    layout = QVBoxLayout(box)
    cut, wrapped = QLabel("參與式預算實務應用培訓班" * 3), QLabel("參與式預算實務應用培訓班" * 3)
    wrapped.setWordWrap(True)
    full = "參與式預算實務應用培訓班" * 3
    elided = QLabel()
    for label in (cut, wrapped, elided):
        label.setMinimumWidth(10)
        layout.addWidget(label)
    box.setFixedWidth(200)
    box.show()
    qtbot.waitExposed(box)
    # Cut on purpose: elided to its room, the whole text in the tooltip.
    room = elided.contentsRect().width()
    elided.setText(elided.fontMetrics().elidedText(full, Qt.TextElideMode.ElideRight, room))
    elided.setToolTip(full)
    found = clipped(box)
    assert [c.text for c in found] == [cut.text()]
    assert found[0].need > found[0].have
    assert elided.toolTip() == full and elided.text().endswith("…")


@pytest.mark.parametrize("language", ["zh_TW", "en"], indirect=True)
def test_the_vote_dialog_reads_a_million_dollar_proposal_whole(
    qtbot, demo_db: Database, language: str
) -> None:
    """Issue 28 saw 「NT$1,200,…」 in the vote dialog at 1366×768: a proposal of NT$1,200,000
    and the budget box read whole in both languages."""
    from desktop.core.group_report import Proposal, ReportContent
    from desktop.services import group_reports
    from desktop.services import vote as votes
    from desktop.ui.vote_dialog import VoteDialog

    day = vote_day.prepare(demo_db)
    table = group_reports.find_table(demo_db, day.session_id, 1)
    group_reports.save_report(
        demo_db,
        table.id,
        ReportContent(topic="Parks", proposals=(Proposal(title="共融公園", cost_text="1200000"),)),
    )
    votes.build_ballot(demo_db, day.session_id)  # the ballot from the reports
    dialog = VoteDialog(demo_db, day.session_id, "http://192.0.2.1:8765/vote")
    qtbot.addWidget(dialog)
    dialog.budget.setValue(12_000_000)
    dialog.show()
    dialog.resize(dialog.size().boundedTo(SIZES["1366x768"]))
    qtbot.waitExposed(dialog)
    model = dialog.table.model()
    row = [model.index(r, 3).data() for r in range(model.rowCount())].index("NT$1,200,000")
    cost = dialog.table.visualRect(model.index(row, 3))
    # The cell carries its text as a tooltip, so the crawl takes a cut cost as elided on
    # purpose: the cost column itself must hold the number.
    assert dialog.table.fontMetrics().horizontalAdvance("NT$1,200,000") < cost.width() - 4
    assert clipped(dialog) == []
