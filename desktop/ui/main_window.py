"""The main window: session picker, navigation of work areas, status bar with the open file.

Start-up shows the window before the database is open (``MainWindow(None)``, then
``attach``): the data layer (SQLAlchemy, the models, migrations check) loads after the first
paint, so this module imports nothing from it at module level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from desktop import __version__
from desktop.ui import settings
from desktop.ui.elide import fit_combo
from desktop.ui.qtapp import app_name
from desktop.ui.screens import SCREENS, screen_index
from desktop.ui.settings import language_menu

if TYPE_CHECKING:
    from desktop.services.events import SessionInfo
    from desktop.ui.screens.base import Screen, ScreenContext

S = TypeVar("S", bound="Screen")

TITLE_BAR = 40  # px the window manager's title bar and frame take above the client area


def _scrollable(screen: Screen) -> QScrollArea:
    """A screen in a frameless scroll area: the screen fills the space it is given, and only
    when the window is narrower than the screen's toolbar (English labels, a small laptop)
    a scroll bar appears, instead of the window growing past the edge of the monitor."""
    area = QScrollArea()
    area.setObjectName(f"{screen.objectName() or type(screen).__name__}Scroll")
    area.setWidget(screen)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return area


class MainWindow(QMainWindow):
    session_changed = Signal(object)  # SessionInfo | None
    open_database_requested = Signal(str)
    open_demo_requested = Signal()
    context: ScreenContext  # set by ``attach``

    def __init__(self, context: ScreenContext | None, database_label: str = "") -> None:
        """With a context, the window is ready; with None it shows its frame while the
        database opens, and ``attach`` fills it in (start-up)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(app_name())
        self.resize(self._initial_size())

        self.session_picker = QComboBox()
        self.session_picker.setObjectName("sessionPicker")
        self.session_picker.setMinimumContentsLength(30)  # until the sessions are known
        self.session_picker.currentIndexChanged.connect(self._on_session_picked)
        toolbar = QToolBar(self.tr("場次"))
        toolbar.setObjectName("sessionToolbar")
        toolbar.setMovable(False)
        toolbar.addWidget(QLabel(self.tr("場次：")))
        toolbar.addWidget(self.session_picker)
        self.addToolBar(toolbar)

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.stack = QStackedWidget()
        # Screens are built on first view (see desktop/ui/screens/__init__.py): an empty page
        # holds each one's place in the stack until then.
        self._built: list[Screen | None] = [None] * len(SCREENS)
        for row in SCREENS:
            self.stack.addWidget(QWidget())
            self.navigation.addItem(row.title())
        self.navigation.setFixedWidth(self._navigation_width())
        # Navigation sized to its titles, the work area takes all the rest (a splitter here
        # handed the navigation a wide empty column).
        body = QWidget()
        body.setObjectName("mainBody")
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.next_step = self._build_next_step()
        central = QWidget()
        # banners above the work area (the next step here, the backup warning from reliability)
        self.banner_column = QVBoxLayout(central)
        self.banner_column.setContentsMargins(0, 0, 0, 0)
        self.banner_column.setSpacing(0)
        self.banner_column.addWidget(self.next_step)
        self.banner_column.addWidget(body, 1)
        self.setCentralWidget(central)

        self.database_status = QLabel(self.tr("正在開啟資料庫…"))
        self.database_status.setObjectName("databaseStatus")
        self.statusBar().addPermanentWidget(self.database_status)
        self._build_menus()
        self.navigation.setEnabled(False)
        self.menuBar().setEnabled(False)
        self.attached = False
        if context is not None:
            self.attach(context, database_label)

    def attach(self, context: ScreenContext, database_label: str) -> None:
        """The database is open: list its sessions and show the first screen."""
        self.context, self.attached = context, True
        self.setWindowTitle(f"{database_label} — {app_name()}")
        self.database_status.setText(self.tr("資料庫：{path}").format(path=database_label))
        context.session_state.organiser_changed.connect(self._on_mode_changed)
        self.navigation.currentRowChanged.connect(self._on_screen_chosen)
        self.navigation.setEnabled(True)
        self.menuBar().setEnabled(True)
        self.reload_sessions()
        self.navigation.setCurrentRow(0)

    def _build_next_step(self) -> QFrame:
        """A banner that tells a new event's organiser what to do next, with a button there."""
        banner = QFrame()
        banner.setObjectName("nextStep")
        banner.setStyleSheet("#nextStep { background:#fff4d6; border-bottom:2px solid #9a6700; }")
        self.next_step_text = QLabel()
        self.next_step_text.setObjectName("nextStepText")
        self.next_step_text.setWordWrap(True)
        self.next_step_button = QPushButton(self.tr("前往「名單」匯入"))
        self.next_step_button.setObjectName("nextStepGo")
        self.next_step_button.clicked.connect(self._go_to_roster)
        close = QPushButton(self.tr("知道了"))
        close.setObjectName("nextStepClose")
        close.clicked.connect(banner.hide)
        row = QHBoxLayout(banner)
        row.setContentsMargins(12, 8, 12, 8)
        row.addWidget(self.next_step_text, 1)
        row.addWidget(self.next_step_button)
        row.addWidget(close)
        banner.hide()
        return banner

    def show_next_step(self) -> None:
        """A new, empty event: nothing happens until registrations are imported on 名單 (and,
        for an event made without one, a 場次 is added first)."""
        if self.current_session() is None:
            text = self.tr(
                "活動已建立。下一步：由「檔案 → 新增場次…」加入場次，"
                "再到「名單」按「匯入報名資料…」匯入報名表單的匯出檔。"
            )
        else:
            text = self.tr(
                "活動已建立。下一步：到「名單」按「匯入報名資料…」，"
                "匯入報名表單的匯出檔（CSV 或 XLSX），再錄取、分桌、印入場證。"
            )
        self.next_step_text.setText(text)
        self.next_step_button.setVisible(self.current_session() is not None)
        self.next_step.show()

    def _go_to_roster(self) -> None:
        roster = screen_index("RosterScreen")
        self.show_screen(roster)
        if self.stack.currentIndex() == roster:
            self.next_step.hide()

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("檔案(&F)"))
        open_action = file_menu.addAction(self.tr("開啟資料庫…"))
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._on_open_database)
        demo_action = file_menu.addAction(self.tr("開啟示範活動"))
        demo_action.triggered.connect(self.open_demo_requested)
        new_session = file_menu.addAction(self.tr("新增場次…"))
        new_session.triggered.connect(self._on_new_session)
        # Backup, restore and mode actions are inserted before this separator by
        # desktop/ui/reliability.py (the window host attaches them).
        self.file_menu = file_menu
        self.file_menu_end = file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("結束"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        view_menu = self.menuBar().addMenu(self.tr("檢視(&V)"))
        for index, row in enumerate(SCREENS):
            action = view_menu.addAction(row.title())
            if index < 9:
                action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _=False, i=index: self.show_screen(i))
        help_menu = self.menuBar().addMenu(self.tr("說明(&H)"))
        self.language_menu = language_menu(self, help_menu)
        about = help_menu.addAction(self.tr("關於研習報到台"))
        about.triggered.connect(self._on_about)

    def show_as_last_time(self) -> None:
        """The first time on a machine the window opens maximised (on a 1366×768 laptop every
        screen is laid out for the whole screen); later, where and as large as it was left."""
        saved = settings.read(settings.WINDOW_GEOMETRY)
        if not saved.isEmpty() and self.restoreGeometry(saved):
            self.show()
        else:
            self.showMaximized()

    def closeEvent(self, event: QCloseEvent) -> None:
        # Closing stops the venue server: phones in the room lose the desk. Ask first.
        panels = self.findChildren(QWidget, "venuePanel")  # built only with 小組報告
        if panels:
            from desktop.ui.venue_panel import VenuePanel  # already imported: a panel exists

            serving = [p for p in panels if isinstance(p, VenuePanel) and p.running]
            if serving:
                devices = sum(p.connected_devices() for p in serving)
                answer = QMessageBox.question(
                    self,
                    self.tr("現場連線進行中"),
                    self.tr(
                        "現場連線仍在進行，目前有 {n} 台裝置連線中。"
                        "關閉視窗會停止現場連線，桌長的手機將無法再儲存。仍要關閉嗎？"
                    ).format(n=devices),
                    QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                    QMessageBox.StandardButton.No,
                )
                if answer != QMessageBox.StandardButton.Yes:
                    event.ignore()
                    return
        settings.write(settings.WINDOW_GEOMETRY, self.saveGeometry())
        super().closeEvent(event)

    def _initial_size(self) -> QSize:
        """1280×800, but never larger than the screen: on a 1366×768 laptop the status bar
        (database, desk/organiser mode) must stay visible. Room is left for the title bar."""
        size = QSize(1280, 800)
        screen = self.screen() or QGuiApplication.primaryScreen()
        # The offscreen platform (tests, self-test) has no monitor to fit, only a nominal one.
        if screen is not None and QGuiApplication.platformName() != "offscreen":
            available = screen.availableGeometry()
            size = size.boundedTo(QSize(available.width(), available.height() - TITLE_BAR))
        return size

    def _navigation_width(self) -> int:
        """As wide as the longest screen title plus padding, never a wide empty column."""
        self.navigation.ensurePolished()  # the style sheet's larger font
        metrics = self.navigation.fontMetrics()
        widest = max((metrics.horizontalAdvance(row.title()) for row in SCREENS), default=0)
        return max(metrics.horizontalAdvance("報到報到報到"), widest) + 56

    def _on_new_session(self) -> None:
        """Adding a 場次 edits the event: organiser mode (the passphrase) first."""
        from desktop.ui.welcome import add_session_interactively

        if not self.context.require_organiser(self):
            return
        if add_session_interactively(self, self.context.db):
            self.reload_sessions()

    def reload_sessions(self) -> None:
        """Re-read events and sessions, keeping the chosen session when it still exists."""
        from desktop.services.events import list_events

        current = self.current_session()
        self.session_picker.blockSignals(True)
        self.session_picker.clear()
        for event in list_events(self.context.db):
            for session in event.sessions:
                label = f"{session.name}　{session.date:%Y-%m-%d}　{event.name}"
                self.session_picker.addItem(label, session)
        self.session_picker.blockSignals(False)
        fit_combo(self.session_picker)
        index = 0
        if current is not None:
            for i in range(self.session_picker.count()):
                if self.session_picker.itemData(i).id == current.id:
                    index = i
        self.session_picker.setCurrentIndex(index if self.session_picker.count() else -1)
        self._on_session_picked(self.session_picker.currentIndex())

    def current_session(self) -> SessionInfo | None:
        from desktop.services.events import SessionInfo

        data = self.session_picker.currentData()
        return data if isinstance(data, SessionInfo) else None

    def show_screen(self, index: int) -> None:
        self.navigation.setCurrentRow(index)

    def work_area(self, index: int) -> Screen:
        """The screen at ``index`` in the navigation, built now if it was not yet."""
        built = self._built[index]
        if built is None:
            built = SCREENS[index].load()(self.context)
            placeholder = self.stack.widget(index)
            assert placeholder is not None  # the stack holds a widget for every screen
            current = self.stack.currentIndex()
            self.stack.insertWidget(index, _scrollable(built))
            self.stack.removeWidget(placeholder)
            placeholder.deleteLater()
            self.stack.setCurrentIndex(current)
            self.session_changed.connect(built.set_session)
            self._built[index] = built
            built.set_session(self._fresh_session())
        return built

    def screen_of(self, kind: type[S]) -> S:
        """The screen of class ``kind``, built now if it was not yet; the others stay as they
        are (building all seven takes most of a second)."""
        built = self.work_area(screen_index(kind.__name__))
        assert isinstance(built, kind)
        return built

    @property
    def screens(self) -> list[Screen]:
        """Every screen, built (the self-test and tests visit them all)."""
        return [self.work_area(i) for i in range(len(SCREENS))]

    def _on_screen_chosen(self, index: int) -> None:
        """Organiser-only work areas ask for the organiser passphrase in desk mode; refused,
        the desk stays on the screen it was on."""
        from desktop.services.security import ORGANISER_ACTIONS

        if SCREENS[index].load().action in ORGANISER_ACTIONS and not self.context.require_organiser(
            self
        ):
            self.navigation.blockSignals(True)
            self.navigation.setCurrentRow(self.stack.currentIndex())
            self.navigation.blockSignals(False)
            return
        shown_before = self._built[index] is not None
        screen = self.work_area(index)
        self.stack.setCurrentIndex(index)
        # Other screens changed the day since this one was filled (an import on 名單, seating
        # on 分桌, check-ins and walk-ins at 報到): show it again from the database.
        if shown_before:
            screen.set_session(self._fresh_session())

    def _fresh_session(self) -> SessionInfo | None:
        """The chosen session re-read (its counts change all day), kept in the picker."""
        from desktop.services.events import all_sessions

        current = self.current_session()
        if current is None:
            return None
        for session in all_sessions(self.context.db):
            if session.id == current.id:
                self.session_picker.setItemData(self.session_picker.currentIndex(), session)
                return session
        return current

    def _on_mode_changed(self, organiser: bool) -> None:
        """Back to desk mode: leave an organiser-only screen for the first desk screen."""
        from desktop.services.security import ORGANISER_ACTIONS

        current = self._built[self.stack.currentIndex()]
        if not organiser and current is not None and current.organiser_only:
            desk = next(
                i for i, row in enumerate(SCREENS) if row.load().action not in ORGANISER_ACTIONS
            )
            self.show_screen(desk)

    def _on_session_picked(self, _index: int) -> None:
        self.session_changed.emit(self.current_session())

    def _on_open_database(self) -> None:
        from desktop.ui.welcome import ask_database_file

        path = ask_database_file(self)
        if path:
            self.open_database_requested.emit(path)

    def _on_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("關於研習報到台"),
            self.tr(
                "研習報到台 Workshop Desk {version}\n離線運作的研習活動報到與管理工具。"
            ).format(version=__version__),
        )
