"""報到: the desk staff's screen on the day.

Scans are caught wherever the focus is in the main window while this screen is showing (see
``desktop.ui.checkin.scan_keys``); the parts of the desk are in ``desktop.ui.checkin``.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QCheckBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services import checkin as service
from desktop.services import checkin_log, desk_counts, desk_search
from desktop.services.events import SessionInfo
from desktop.ui import settings
from desktop.ui.checkin.arrival_display import ArrivalDisplay
from desktop.ui.checkin.card import BAD, COLOURS, INFO, MODE_KIND, CardText, ResultCard, card_text
from desktop.ui.checkin.chimes import Chimes
from desktop.ui.checkin.counts_panel import CountsPanel
from desktop.ui.checkin.log_dialog import LogDialog
from desktop.ui.checkin.scan_keys import ScanKeys
from desktop.ui.checkin.scanner_test import ScannerTestDialog
from desktop.ui.checkin.void_dialog import VoidDialog
from desktop.ui.checkin.walk_in_dialog import WalkInDialog
from desktop.ui.labels import status_label
from desktop.ui.messages import error_text
from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.tablemodel import Column, RowTableModel, row_table_view

if TYPE_CHECKING:  # the camera (zxing-cpp, QtMultimedia) is loaded when first switched on
    from desktop.ui.camera import CameraPanel


class CheckInScreen(Screen):
    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.setObjectName("checkin")
        self.clock: Callable[[], dt.datetime] = dt.datetime.now
        self.key_clock: Callable[[], float] = time.monotonic
        self.mode = "in"
        self.last_result: service.CheckInResult | None = None
        self.index = desk_search.SearchIndex(())
        # The loaded people (counts, not-arrived list, search index), kept current after scans;
        # loaded afresh for another session or when ``people_stamp`` moved (imports, seating).
        self.tally: desk_counts.LiveTally | None = None
        self._stamp = -1
        self.chimes = Chimes(self)
        self.chimes.muted = settings.read(settings.CHIMES_MUTED)
        self.arrival_display = ArrivalDisplay()
        self.destroyed.connect(self.arrival_display.deleteLater)
        self.camera: CameraPanel | None = None

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
        self.walk_in_button = QPushButton(self.tr("現場報名…"))
        self.room_code_button = QPushButton(self.tr("房間碼…"))  # the person on the card
        self.void_button = QPushButton(self.tr("作廢紀錄…"))
        self.log_button = QPushButton(self.tr("報到紀錄…"))
        self.test_button = QPushButton(self.tr("掃描器測試…"))
        self.camera_button = QPushButton(self.tr("攝影機掃描"))
        self.camera_button.setCheckable(True)
        self.welcome_button = QPushButton(self.tr("歡迎畫面"))
        self.welcome_button.setCheckable(True)
        self.mute_box = QCheckBox(self.tr("靜音"))
        self.mute_box.setChecked(self.chimes.muted)
        tool_widgets = (
            self.walk_in_button,
            self.room_code_button,
            self.void_button,
            self.log_button,
            self.test_button,
            self.camera_button,
            self.welcome_button,
            self.mute_box,
        )
        for w in tool_widgets:
            w.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.walk_in_button.clicked.connect(self.open_walk_in)
        self.room_code_button.clicked.connect(self.open_room_code)
        self.void_button.clicked.connect(self.open_void)
        self.log_button.clicked.connect(self.open_log)
        self.test_button.clicked.connect(self.open_scanner_test)
        self.camera_button.toggled.connect(self.toggle_camera)
        self.welcome_button.toggled.connect(self.toggle_welcome)
        self.mute_box.toggled.connect(self._on_mute)
        top = QHBoxLayout()
        top.addWidget(self.in_button)
        top.addWidget(self.out_button)
        top.addWidget(self.scan_field, 1)
        tools = QHBoxLayout()
        for w in tool_widgets:
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
        self.counts_panel = CountsPanel()
        self.counts_panel.missing_view.activated.connect(self._check_in_missing)
        right = self.counts_panel

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(tools)
        layout.addWidget(splitter, 1)
        self.keys = ScanKeys(self)
        self._show_mode()
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.shutdown)

    def title(self) -> str:
        return self.tr("報到")

    # --- session ------------------------------------------------------------------------

    def show_session(self, session: SessionInfo | None) -> None:
        enabled = session is not None
        for w in (
            self.scan_field,
            self.search_field,
            self.walk_in_button,
            self.void_button,
            self.log_button,
        ):
            w.setEnabled(enabled)
        if session is None:
            self.index = desk_search.SearchIndex(())
            self.card.show_text(
                CardText(INFO, self.tr("尚無場次"), self.tr("請由「檔案」選單開啟活動資料庫。"))
            )
            self.counts_panel.clear()
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
        self._show_counts(self.tally.counts(), all_rows=change.returned, arrived=change.arrived)

    def _show_counts(
        self, c: desk_counts.LiveCounts, *, all_rows: bool, arrived: tuple[int, ...] = ()
    ) -> None:
        assert self.session is not None and self.tally is not None
        self.counts_panel.show_counts(
            c,
            session_date=self.session.date,
            today=self.clock().date(),
            all_rows=all_rows,
            arrived=arrived,
            order=self.tally.order,
        )
        self.counts = c

    # --- modes --------------------------------------------------------------------------

    def choose_mode(self, mode: str) -> None:
        """The operator's click on a mode button. Signing out is asked for once, in words, so a
        stray click cannot turn arriving people into departures."""
        # The click has already checked the button: show the mode the desk is in until the
        # switch is confirmed (簽退 looked selected while its question was still open).
        self._show_mode()
        if mode == self.mode:
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
        settings.write(settings.CHIMES_MUTED, muted)

    # --- scanning ---------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.keys.install()
        self._counts_timer.start()
        if self.session is not None:  # imports, walk-ins and seating done on other screens
            self.refresh()
        self.scan_field.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self.keys.remove()
        self._counts_timer.stop()

    # --- actions ------------------------------------------------------------------------

    def submit_scan(self, text: str, method: str = "scanner") -> service.CheckInResult | None:
        text = text.strip()
        if not text or self.session is None:
            return None
        return self._shown(
            service.scan(self.context.db, self.session.id, text, **self._how(method))
        )

    def check_in_registration(self, registration_id: int, method: str) -> service.CheckInResult:
        assert self.session is not None
        return self._shown(
            service.check_in_registration(
                self.context.db, self.session.id, registration_id, **self._how(method)
            )
        )

    def _how(self, method: str) -> service.Submission:
        """This desk's submission; the scan's identity (nonce) is fixed from the moment it was
        read, so a retried write of it is recognised and recorded once."""
        return service.Submission(
            mode=self.mode,
            desk=self.context.desk,
            operator=self.context.operator,
            method=method,
            now=self.clock(),
            nonce=service.new_nonce(),
        )

    def _shown(self, result: service.CheckInResult) -> service.CheckInResult:
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
            self.arrival_display.welcome(result.name, result.table)
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

    def step_hit(self, offset: int) -> None:
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

    def _check_in_missing(self, index: QModelIndex) -> None:
        person = self.counts_panel.missing_model.row_at(index.row())
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

    def open_room_code(self) -> None:
        """The room code of the person the card shows, else of the chosen search hit."""
        from desktop.ui.room_dialogs import RoomCodeDialog

        shown = self.last_result.registration_id if self.last_result else None
        person = shown or self._chosen_hit()
        if self.session is not None and person is not None:
            RoomCodeDialog(
                self.context.db, self.session.id, person, self.context.operator, self
            ).exec()
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

    def open_log(self) -> None:
        if self.session is not None:
            LogDialog(self.context.db, self.session.id, self).exec()
        self.scan_field.setFocus()

    def open_scanner_test(self) -> None:
        self.keys.remove()  # the dialog takes raw keys itself
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
                self.keys.install()
        self.scan_field.setFocus()

    def toggle_camera(self, on: bool) -> None:
        if on and self.camera is None:
            from desktop.ui.camera import CameraPanel

            self.camera = CameraPanel()
            self.camera.code_read.connect(lambda code: self.submit_scan(code, method="camera"))
            self.counts_panel.box.insertWidget(0, self.camera, 2)
        if self.camera is not None:
            self.camera.setVisible(on)
            if not on:
                self.camera.stop()

    def toggle_welcome(self, on: bool) -> None:
        if on:
            self.arrival_display.show_on_second_screen()
        else:
            self.arrival_display.hide()

    def shutdown(self) -> None:
        self.keys.remove()
        if self.camera is not None:
            self.camera.shutdown()
        self.arrival_display.close()

    def _state_label(self, state: str, first_at: dt.datetime | None) -> str:
        if state == "in":
            return self.tr("已報到 {time}").format(time=f"{first_at:%H:%M}" if first_at else "")
        if state == "out":
            return self.tr("已簽退")
        return ""
