"""報到: the desk staff's screen on the day.

Scans are caught wherever the focus is in the main window while this screen is showing (an
application-level event filter): in the scan field they are typed raw (input method off); on
buttons, tables and the result card the keys are sent to the scan field; in the search field a
fast burst of keys (a scanner, told apart by key timing) is taken back out of the field and
handled as a scan. A scan ends with Enter, Tab or nothing (a short pause).
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from operator import attrgetter

from PySide6.QtCore import QEvent, QObject, QSettings, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.core.scaninput import ScanDetector, split_codes
from desktop.services import checkin as service
from desktop.services import checkin_log, desk_counts, desk_search
from desktop.services.events import SessionInfo
from desktop.ui.checkin_parts import (
    BAD,
    COLOURS,
    INFO,
    MODE_KIND,
    CardText,
    Chimes,
    ResultCard,
    ScannerTestDialog,
    VoidDialog,
    WalkInDialog,
    WelcomeWindow,
    card_text,
)
from desktop.ui.labels import status_label
from desktop.ui.messages import error_text
from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.tablemodel import Column, RowTableModel, row_table_view

SCAN_TIMEOUT_MS = 150  # a burst with no terminator ends after this pause
TEXT_INPUTS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox)
_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class CheckInScreen(Screen):
    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.setObjectName("checkin")
        self.clock: Callable[[], dt.datetime] = dt.datetime.now
        self.key_clock: Callable[[], float] = time.monotonic
        # Wired later by the tables feature: seat a person on arrival (see services.checkin).
        self.detector = ScanDetector()
        self.mode = "in"
        self.last_result: service.CheckInResult | None = None
        self.index = desk_search.SearchIndex(())
        # The loaded people (counts, not-arrived list, search index), kept current after scans;
        # loaded afresh for another session or when ``people_stamp`` moved (imports, seating).
        self.tally: desk_counts.LiveTally | None = None
        self._stamp = -1
        self._burst_target: QWidget | None = None
        self._snapshot: tuple[str, int] | None = None
        self._filter_installed = False
        self.chimes = Chimes(self)
        self.chimes.muted = bool(QSettings().value("checkin/muted", False, type=bool))
        self.welcome = WelcomeWindow()
        self.destroyed.connect(self.welcome.deleteLater)
        self.camera = None

        self._scan_timer = QTimer(self)
        self._scan_timer.setSingleShot(True)
        self._scan_timer.setInterval(SCAN_TIMEOUT_MS)
        self._scan_timer.timeout.connect(self._on_scan_timeout)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(60)
        self._search_timer.timeout.connect(self.update_hits)
        # Counts and search refresh after the card, once a burst of scans pauses.
        self._after_timer = QTimer(self)
        self._after_timer.setSingleShot(True)
        self._after_timer.setInterval(250)
        self._after_timer.timeout.connect(self._after_action)
        self._counts_timer = QTimer(self)
        self._counts_timer.setInterval(15000)  # other desks on a shared database
        self._counts_timer.timeout.connect(self.refresh_counts)  # cheap: see refresh_counts

        # --- top bar: mode, scan field, tools
        self.in_button = QPushButton(self.tr("報到"))
        self.out_button = QPushButton(self.tr("簽退"))
        self.mode_group = QButtonGroup(self)
        for button, mode in ((self.in_button, "in"), (self.out_button, "out")):
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(40)
            self.mode_group.addButton(button)
            button.clicked.connect(lambda _=False, m=mode: self.choose_mode(m))
        self.in_button.setObjectName("modeIn")
        self.out_button.setObjectName("modeOut")
        self.scan_field = QLineEdit()
        self.scan_field.setObjectName("scanField")
        self.scan_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.scan_field.setMinimumHeight(40)
        self.scan_field.returnPressed.connect(self._submit_field)
        self.walk_in_button = QPushButton(self.tr("現場報名…"))
        self.void_button = QPushButton(self.tr("作廢紀錄…"))
        self.test_button = QPushButton(self.tr("掃描器測試…"))
        self.camera_button = QPushButton(self.tr("攝影機掃描"))
        self.camera_button.setCheckable(True)
        self.welcome_button = QPushButton(self.tr("歡迎畫面"))
        self.welcome_button.setCheckable(True)
        self.mute_box = QCheckBox(self.tr("靜音"))
        self.mute_box.setChecked(self.chimes.muted)
        for w in (
            self.walk_in_button,
            self.void_button,
            self.test_button,
            self.camera_button,
            self.welcome_button,
            self.mute_box,
        ):
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.void_button.clicked.connect(self.open_void)
        self.test_button.clicked.connect(self.open_scanner_test)
        self.camera_button.toggled.connect(self.toggle_camera)
        self.welcome_button.toggled.connect(self.toggle_welcome)
        self.mute_box.toggled.connect(self._on_mute)
        top = QHBoxLayout()
        top.addWidget(self.in_button)
        top.addWidget(self.out_button)
        top.addWidget(self.scan_field, 1)
        tools = QHBoxLayout()
        for w in (
            self.walk_in_button,
            self.void_button,
            self.test_button,
            self.camera_button,
            self.welcome_button,
            self.mute_box,
        ):
            tools.addWidget(w)
        tools.addStretch(1)

        # --- left: card + search
        self.card = ResultCard()
        self.card.admit_button.clicked.connect(self.admit_last)
        self.card.undo_button.clicked.connect(self.undo_shown)
        self.search_field = QLineEdit()
        self.search_field.setObjectName("searchField")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(lambda _t: self._search_timer.start())
        self.search_field.returnPressed.connect(self.check_in_selected_hit)
        self.hits_model: RowTableModel[desk_search.SearchHit] = RowTableModel(
            [
                Column(self.tr("姓名"), lambda h: h.name),
                Column(self.tr("服務機關"), lambda h: h.agency),
                Column(self.tr("職稱"), lambda h: h.title),
                Column(self.tr("狀態"), lambda h: status_label(h.status)),
                Column(self.tr("桌"), lambda h: h.table, align_right=True),
                Column(self.tr("電話末碼"), lambda h: h.phone_tail),
                Column(self.tr("報到"), lambda h: self._state_label(h.state, h.first_at)),
            ]
        )
        self.hits_view = row_table_view(self.hits_model, "searchHits", single=True)
        self.hits_view.activated.connect(lambda _i: self.check_in_selected_hit())
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.card, 3)
        left_layout.addWidget(self.search_field)
        left_layout.addWidget(self.hits_view, 2)

        # --- right: counts, tables, not arrived, camera
        self.counts_label = QLabel()
        self.counts_label.setObjectName("checkinCounts")
        self.counts_label.setWordWrap(True)
        self.counts_label.setStyleSheet("font-size:16px;")
        self.tables_label = QLabel()
        self.tables_label.setObjectName("tableCounts")
        self.tables_label.setWordWrap(True)
        self.missing_model: RowTableModel[desk_counts.PersonRow] = RowTableModel(
            [
                Column(self.tr("姓名"), lambda p: p.name),
                Column(self.tr("服務機關"), lambda p: p.agency),
                Column(self.tr("桌"), lambda p: p.table, align_right=True),
                Column(self.tr("電話末碼"), lambda p: p.phone_tail),
            ]
        )
        self.missing_view = row_table_view(self.missing_model, "notArrived", single=True)
        self.missing_view.activated.connect(self._check_in_missing)
        # Sizing columns to 10,000 rows' contents would cost ~100 ms per refresh.
        header = self.missing_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((70, 120, 36)):  # never narrower than the header's words
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        header.setStretchLastSection(True)
        self.missing_title = QLabel()
        # The wrong 場次 picked at the desk (or a rehearsal on another day): say so, because
        # every check-in would be recorded on a day the session does not take place.
        self.date_warning = QLabel()
        self.date_warning.setObjectName("dateWarning")
        self.date_warning.setWordWrap(True)
        self.date_warning.setStyleSheet("color:#B00020; font-weight:bold;")
        self.date_warning.hide()
        right = QWidget()
        self.right_layout = QVBoxLayout(right)
        self.right_layout.setContentsMargins(0, 0, 0, 0)
        self.right_layout.addWidget(self.date_warning)
        self.right_layout.addWidget(self.counts_label)
        self.right_layout.addWidget(self.tables_label)
        self.right_layout.addWidget(self.missing_title)
        self.right_layout.addWidget(self.missing_view, 2)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        self._show_mode()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def title(self) -> str:
        return self.tr("報到")

    # --- session ------------------------------------------------------------------------

    def show_session(self, session: SessionInfo | None) -> None:
        enabled = session is not None
        for w in (self.scan_field, self.search_field, self.walk_in_button, self.void_button):
            w.setEnabled(enabled)
        if session is None:
            self.index = desk_search.SearchIndex(())
            self.card.show_text(
                CardText(INFO, self.tr("尚無場次"), self.tr("請由「檔案」選單開啟活動資料庫。"))
            )
            self.counts_label.setText("")
            self.tables_label.setText("")
            self.missing_model.set_rows(())
            self.tally = None
            return
        if (
            self.tally is None
            or self.tally.session_id != session.id
            or desk_search.people_stamp(self.context.db) != self._stamp
        ):
            self.reload()
        else:
            self.refresh_counts()
            self.update_hits()

    def refresh(self) -> None:
        self.show_session(self.session)

    def reload(self) -> None:
        """Load the session's people afresh: counts, not-arrived list, search index."""
        if self.session is None:
            return
        self._stamp = desk_search.people_stamp(self.context.db)
        self.index = desk_search.load_search_index(self.context.db, self.session.id)
        self.tally = desk_counts.LiveTally(self.context.db, self.session.id)
        self._show_counts(self.tally.counts(), all_rows=True)
        self.update_hits()

    def refresh_counts(self) -> None:
        """Bring the counts up to date with the check-ins written since (by any desk): only the
        people they touch move; the not-arrived list loses just their rows."""
        if self.session is None or self.tally is None:
            return
        change = self.tally.update()
        if change.people_changed:
            self.reload()
            return
        if change.touched:
            self.index.update(
                desk_search.search_entries(self.context.db, self.session.id, change.touched)
            )
        counts = self.tally.counts()
        if change.returned:
            self._show_counts(counts, all_rows=True)
        else:
            self.missing_model.remove_rows(attrgetter("registration_id"), set(change.arrived))
            self._show_counts(counts, all_rows=False)

    def _show_counts(self, c: desk_counts.LiveCounts, *, all_rows: bool) -> None:
        assert self.session is not None
        today = self.clock().date()
        self.date_warning.setVisible(self.session.date != today)
        self.date_warning.setText(
            self.tr(
                "注意：本場次日期是 {date}，今天是 {today}。請確認上方選的場次；"
                "在其他日子報到不會計入時數。"
            ).format(date=f"{self.session.date:%Y-%m-%d}", today=f"{today:%Y-%m-%d}")
        )
        self.counts_label.setText(
            self.tr(
                "<b>已報到 {arrived} / 應到 {expected}</b>"
                "（錄取 {admitted}，現場報名 {walk_ins}）<br>"
                "在場 {present}　已簽退 {out}　名額 {capacity}"
            ).format(
                arrived=c.arrived,
                expected=c.expected,
                admitted=c.admitted,
                walk_ins=c.walk_ins,
                present=c.present,
                out=c.signed_out,
                capacity=c.capacity,
            )
        )
        each = self.tr("{n}桌 {a}/{s}")  # once, not per table (1,250 at a large day)
        self.tables_label.setText(
            self.tr("各桌已到 / 排入：")
            + "　".join(each.format(n=t.number, a=t.arrived, s=t.seated) for t in c.tables)
        )
        if all_rows:
            self.missing_model.set_rows(c.not_arrived)
        self.missing_title.setText(self.tr("<b>尚未報到（{n}）</b>").format(n=len(c.not_arrived)))
        self.counts = c

    # --- modes --------------------------------------------------------------------------

    def choose_mode(self, mode: str) -> None:
        """The operator's click on a mode button. Signing out is asked for once, in words, so a
        stray click cannot turn arriving people into departures."""
        if mode == self.mode:
            self._show_mode()
            return
        if (
            mode == "out"
            and QMessageBox.question(
                self,
                self.tr("切換到簽退模式"),
                self.tr("之後掃描的入場證都會記為「簽退」（離場）。\n確定切換到簽退模式？"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            != QMessageBox.StandardButton.Yes
        ):
            self._show_mode()
            return
        self.set_mode(mode)

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self._show_mode()
        self.card.show_text(
            CardText(
                MODE_KIND[mode],
                self.tr("報到模式") if mode == "in" else self.tr("簽退模式"),
                self.tr("掃描入場證或搜尋姓名即報到。")
                if mode == "in"
                else self.tr("掃描入場證或搜尋姓名即簽退（離場）。"),
            )
        )
        self.scan_field.setFocus()

    def _show_mode(self) -> None:
        """The whole desk wears the mode: the checked button, the scan frame's colour and
        words, and the search hint."""
        (self.in_button if self.mode == "in" else self.out_button).setChecked(True)
        colour, _background = COLOURS[MODE_KIND[self.mode]]
        for button, mode in ((self.in_button, "in"), (self.out_button, "out")):
            own = COLOURS[MODE_KIND[mode]][0]  # each button in its mode's colour, filled when on
            button.setStyleSheet(
                f"QPushButton {{ font-weight:bold; font-size:16px; padding:6px 16px;"
                f" min-height:26px; color:{own}; background:white; border:2px solid {own};"
                f" border-radius:6px; }}"
                f"QPushButton:checked {{ background:{own}; color:white; }}"
            )
        self.scan_field.setStyleSheet(
            f"#scanField {{ font-size:18px; border:3px solid {colour}; border-radius:6px; }}"
        )
        if self.mode == "in":
            self.scan_field.setPlaceholderText(
                self.tr("報到：掃描入場證（游標在任何位置都可以掃）")
            )
            self.search_field.setPlaceholderText(
                self.tr("搜尋：姓名、機關或電話末碼（Enter 報到）")
            )
        else:
            self.scan_field.setPlaceholderText(
                self.tr("簽退：掃描入場證即記為離場（游標在任何位置都可以掃）")
            )
            self.search_field.setPlaceholderText(
                self.tr("搜尋：姓名、機關或電話末碼（Enter 簽退）")
            )

    def _on_mute(self, muted: bool) -> None:
        self.chimes.muted = muted
        QSettings().setValue("checkin/muted", muted)

    # --- scanning: event filter ---------------------------------------------------------

    def showEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().showEvent(event)
        app = QApplication.instance()
        if app is not None and not self._filter_installed:
            app.installEventFilter(self)
            self._filter_installed = True
        self._counts_timer.start()
        if self.session is not None:  # imports, walk-ins and seating done on other screens
            self.refresh()
        self.scan_field.setFocus()

    def hideEvent(self, event) -> None:  # type: ignore[no-untyped-def]  # noqa: N802
        super().hideEvent(event)
        self._remove_filter()
        self._counts_timer.stop()

    def _remove_filter(self) -> None:
        app = QApplication.instance()
        if app is not None and self._filter_installed:
            app.removeEventFilter(self)
            self._filter_installed = False

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not self.isVisible():
            return False
        target = QApplication.focusWidget() or QApplication.activeWindow()
        if target is None or obj is not target or target.window() is not self.window():
            return False
        assert isinstance(event, QKeyEvent)
        return self.handle_key(target, event)

    def handle_key(self, target: QWidget, event: QKeyEvent) -> bool:
        """Route one key press; True when it was consumed."""
        if event.isAutoRepeat():
            return False
        key, text = event.key(), event.text()
        mods = event.modifiers() & (
            Qt.KeyboardModifier.ControlModifier
            | Qt.KeyboardModifier.AltModifier
            | Qt.KeyboardModifier.MetaModifier
        )
        other_input = isinstance(target, TEXT_INPUTS) and target is not self.scan_field
        if event.matches(QKeySequence.StandardKey.Undo):
            if other_input and isinstance(target, QLineEdit) and target.text():
                return False  # undo typing in the search field
            self.undo_last()
            return True
        printable = len(text) == 1 and 32 <= ord(text) < 127 and not mods
        now = self.key_clock()
        ending = key in _ENTER or (key == Qt.Key.Key_Tab and not mods)
        if target is self.scan_field:
            if printable:
                self._record(text, now, target)
            elif key == Qt.Key.Key_Tab and self.scan_field.text():
                self._submit_field()
                return True
            return False  # Enter: returnPressed
        if target is self.search_field and key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and not mods:
            self._step_hit(1 if key == Qt.Key.Key_Down else -1)
            return True
        if other_input and self.isAncestorOf(target):
            if printable:
                self._record(text, now, target)
                return False
            if ending and self.detector.is_scan(now) and self._burst_target is target:
                self._finish_burst()
                return True
            return False
        # Buttons, tables, the card, the navigation: the scan field takes the keys.
        if printable:
            self.scan_field.setFocus()
            self._record(text, now, self.scan_field)
            self.scan_field.insert(text)
            return True
        if ending and self.scan_field.text():
            self._submit_field()
            return True
        return False

    def _record(self, char: str, now: float, target: QWidget) -> None:
        """Called before the key reaches its widget."""
        if (
            self.detector.times
            and now - self.detector.times[-1] > self.detector.max_gap
            and self.detector.is_scan()
        ):
            # The next scan began before the pause that ends a scan with no terminator:
            # handle the previous one first instead of dropping it.
            self._finish_burst()
        if self._burst_target is not target:
            self.detector.reset()
        if self.detector.key(char, now) or self._burst_target is not target:
            self._burst_target = target
            # Before the key reaches the field: what to put back if this burst is a scan.
            self._snapshot = (
                (target.text(), target.cursorPosition())
                if isinstance(target, QLineEdit) and target is not self.scan_field
                else None
            )
        self._scan_timer.start()

    def _on_scan_timeout(self) -> None:
        if self.detector.is_scan():
            self._finish_burst()

    def _finish_burst(self) -> None:
        code, target = self.detector.text, self._burst_target
        self.detector.reset()
        self._scan_timer.stop()
        if isinstance(target, QLineEdit) and target is not self.scan_field:
            if self._snapshot is not None:
                target.setText(self._snapshot[0])
                target.setCursorPosition(self._snapshot[1])
        else:
            self.scan_field.clear()
        self._burst_target, self._snapshot = None, None
        for one in split_codes(code):
            self.submit_scan(one, method="scanner")

    def _submit_field(self) -> None:
        if self.detector.is_scan(self.key_clock()) and self._burst_target is self.scan_field:
            self._finish_burst()
            return
        text = self.scan_field.text()
        self.scan_field.clear()
        self.detector.reset()
        self._scan_timer.stop()
        self.submit_scan(text, method="typed")

    # --- actions ------------------------------------------------------------------------

    def submit_scan(self, text: str, method: str = "scanner") -> service.CheckInResult | None:
        text = text.strip()
        if not text or self.session is None:
            return None
        # The scan's identity from the moment it was read: a retried write of it is
        # recognised and recorded once.
        result = service.scan(
            self.context.db,
            self.session.id,
            text,
            mode=self.mode,
            desk=self.context.desk,
            operator=self.context.operator,
            method=method,
            now=self.clock(),
            nonce=service.new_nonce(),
        )
        self.show_result(result)
        return result

    def check_in_registration(self, registration_id: int, method: str) -> service.CheckInResult:
        assert self.session is not None
        result = service.check_in_registration(
            self.context.db,
            self.session.id,
            registration_id,
            mode=self.mode,
            desk=self.context.desk,
            operator=self.context.operator,
            method=method,
            now=self.clock(),
            nonce=service.new_nonce(),
        )
        self.show_result(result)
        return result

    def show_result(self, result: service.CheckInResult) -> None:
        self.last_result = result
        text = card_text(result)
        self.card.show_text(
            text,
            admit=result.code == "not_admitted" and result.seats_free > 0,
            undo=result.ok and not result.replayed and result.check_in_id is not None,
        )
        self.chimes.play(text.kind)
        if result.ok and result.mode == "in":
            self.welcome.welcome(result.name, result.table)
        self._after_timer.start()

    def _after_action(self) -> None:
        self.refresh_counts()
        if self.search_field.text():
            self.update_hits()

    def update_hits(self) -> None:
        """Fill the hits again, keeping the row the operator chose; a single hit is chosen."""
        chosen = self._chosen_hit()
        entries = self.index.find(self.search_field.text())
        self.hits_model.set_rows(desk_search.with_state(self.context.db, entries))
        ids = [self.hits_model.row_at(r).registration_id for r in range(len(entries))]
        if chosen in ids:
            self.hits_view.selectRow(ids.index(chosen))
        elif len(ids) == 1:
            self.hits_view.selectRow(0)

    def _chosen_hit(self) -> int | None:
        rows = self.hits_view.selectionModel().selectedRows()
        return self.hits_model.row_at(rows[0].row()).registration_id if rows else None

    def _step_hit(self, offset: int) -> None:
        """↓/↑ in the search field choose a row of the hits."""
        count = self.hits_model.rowCount()
        if count == 0:
            return
        rows = self.hits_view.selectionModel().selectedRows()
        row = rows[0].row() + offset if rows else (0 if offset > 0 else count - 1)
        self.hits_view.selectRow(max(0, min(count - 1, row)))

    def check_in_selected_hit(self) -> None:
        """Enter acts on an unambiguous choice only: the one hit, or the row the operator
        chose. With several hits and none chosen it asks; it never takes the first row."""
        self._search_timer.stop()
        self.update_hits()
        chosen = self._chosen_hit()
        if chosen is None:
            count = self.hits_model.rowCount()
            if count > 1:
                self.card.show_text(
                    CardText(
                        INFO,
                        self.tr("有 {n} 位符合，請選擇").format(n=count),
                        self.tr("用 ↓ ↑ 或滑鼠選一位，再按 Enter。"),
                    )
                )
            return
        self.check_in_registration(chosen, "search")
        self.search_field.clear()
        self.scan_field.setFocus()

    def _check_in_missing(self, index) -> None:  # type: ignore[no-untyped-def]
        person = self.missing_model.row_at(index.row())
        self.check_in_registration(person.registration_id, "list")

    def admit_last(self) -> None:
        r = self.last_result
        if self.session is None or r is None or r.registration_id is None:
            return
        result = service.admit_and_check_in(
            self.context.db,
            self.session.id,
            r.registration_id,
            desk=self.context.desk,
            operator=self.context.operator,
            now=self.clock(),
        )
        self.reload()  # a status changed
        self.show_result(result)

    def undo_last(self) -> checkin_log.VoidResult | None:
        if self.session is None:
            return None
        undone = checkin_log.undo_last(
            self.context.db,
            self.session.id,
            desk=self.context.desk,
            operator=self.context.operator,
            now=self.clock(),
        )
        self._show_undone(undone)
        return undone

    def undo_shown(self) -> None:
        r = self.last_result
        if r is None or r.check_in_id is None:
            return
        try:
            undone = checkin_log.void(
                self.context.db,
                r.check_in_id,
                self.tr("復原這筆"),
                desk=self.context.desk,
                operator=self.context.operator,
                now=self.clock(),
            )
        except service.CheckInError as exc:
            self.card.show_text(CardText(BAD, self.tr("無法復原"), error_text(exc)))
            return
        self._show_undone(undone)

    def _show_undone(self, undone: checkin_log.VoidResult | None) -> None:
        if undone is None:
            self.card.show_text(
                CardText(
                    INFO,
                    self.tr("沒有可復原的紀錄"),
                    self.tr("本櫃台在這個場次還沒有報到或簽退紀錄。"),
                )
            )
            return
        what = self.tr("報到") if undone.voided_action == "in" else self.tr("簽退")
        state = {"absent": self.tr("尚未報到"), "in": self.tr("在場"), "out": self.tr("已簽退")}[
            undone.state_after
        ]
        detail = self.tr("{name} 於 {time} 的{what}已作廢（紀錄保留）\n目前狀態：{state}").format(
            name=undone.name, time=f"{undone.voided_at:%H:%M}", what=what, state=state
        )
        if undone.status_restored:
            detail += "\n" + self.tr("現場錄取一併取消，報名狀態恢復為：{status}").format(
                status=status_label(undone.status_restored)
            )
            self.reload()  # a status changed back
        self.card.show_text(CardText(INFO, self.tr("已復原"), detail))
        self.last_result = None
        self.chimes.play(INFO)
        self._after_timer.start()

    # --- dialogs and extras -------------------------------------------------------------

    def open_walk_in(self) -> None:
        if self.session is None:
            return
        dialog = WalkInDialog(self.context.db, self.session.id, self.context.operator, self)
        if dialog.exec() and dialog.result_value is not None:
            self.reload()  # one more person on the list
            previous, self.mode = self.mode, "in"
            self.check_in_registration(dialog.result_value.registration_id, "walk_in")
            self.mode = previous
        self.scan_field.setFocus()

    def open_void(self) -> None:
        if self.session is None:
            return
        dialog = VoidDialog(
            self.context.db, self.session.id, self.context.desk, self.context.operator, self
        )
        if dialog.exec() and dialog.voided is not None:
            self._show_undone(dialog.voided)
        self.scan_field.setFocus()

    def open_scanner_test(self) -> None:
        self._remove_filter()  # the dialog takes raw keys itself
        try:
            session = self.session
            ScannerTestDialog(
                self,
                is_pass=lambda text: (
                    session is not None and service.is_event_pass(self.context.db, session.id, text)
                ),
            ).exec()
        finally:
            if self.isVisible():
                QApplication.instance().installEventFilter(self)  # type: ignore[union-attr]
                self._filter_installed = True
        self.scan_field.setFocus()

    def toggle_camera(self, on: bool) -> None:
        if on and self.camera is None:
            from desktop.ui.camera import CameraPanel

            self.camera = CameraPanel()
            self.camera.code_read.connect(lambda code: self.submit_scan(code, method="camera"))
            self.right_layout.insertWidget(0, self.camera, 2)
        if self.camera is not None:
            self.camera.setVisible(on)
            if not on:
                self.camera.stop()

    def toggle_welcome(self, on: bool) -> None:
        if on:
            self.welcome.show_on_second_screen()
        else:
            self.welcome.hide()

    def shutdown(self) -> None:
        self._remove_filter()
        if self.camera is not None:
            self.camera.shutdown()
        self.welcome.close()

    def _state_label(self, state: str, first_at: dt.datetime | None) -> str:
        if state == "in":
            return self.tr("已報到 {time}").format(time=f"{first_at:%H:%M}" if first_at else "")
        if state == "out":
            return self.tr("已簽退")
        return ""
