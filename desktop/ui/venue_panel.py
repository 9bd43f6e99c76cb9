"""開放現場連線: the organiser runs the venue server from the window.

Choose this machine's address on the venue Wi-Fi and a port, start: the addresses are listed
with their adapters' names, the default route's (else the Wi-Fi's) first; loopback and
link-local ones are never offered and are refused when typed, and a VPN or virtual adapter's
is marked (``desktop/ui/venue_address.py``). The panel shows the address's QR (put it on the
projector with 投影首頁 QR) and, per table, the devices connected, the last save and how many
fields are filled. 桌長 QR shows the table's own URL (with its secret) for that table's leader
to scan; the organiser can revoke a device or a table's secret.
The server stops with 停止, when the application quits, or when this panel is destroyed.
What the QR shows and the heading beside it are one state (``_qr_table``), drawn together.
「手機連不上？」 explains the Windows firewall prompt (shown at start on Windows), and the
panel says so when no phone has connected within a minute of starting.

The server runs in its own thread; what it reports (a table changed) reaches this widget as a
queued Qt signal, and ``table_changed`` is re-emitted for the screen and the projector.
"""

from __future__ import annotations

import datetime as dt
import sys
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.core.group_report import ReportContent
from desktop.reports.qr import qr_png
from desktop.server.app import LiveState, create_app
from desktop.server.runner import DEFAULT_PORT, ServerError, VenueServer
from desktop.services import venue as access
from desktop.services.events import SessionInfo
from desktop.ui.messages import error_text
from desktop.ui.palette import ALERT
from desktop.ui.report_projector import show_on_projector
from desktop.ui.tablemodel import Column, RowTableModel
from desktop.ui.venue_address import RoomAddressPicker

REFRESH_MS = 2000
NOBODY_MS = 60_000  # no phone by then: say so, and how to get phones through


@dataclass(frozen=True)
class TableStatus:
    table_id: int
    number: int
    name: str
    connected: int
    devices: int
    last_save: dt.datetime | None
    filled: int
    total: int


@dataclass(frozen=True)
class DeviceRow:
    device: access.Device
    connected: bool


class _Bridge(QObject):
    """Carries the server thread's news into the GUI thread (queued connection)."""

    changed = Signal(int)


def filled_fields(content: ReportContent) -> tuple[int, int]:
    """(filled, total) over the report's main fields and its proposals' titles."""
    texts = [
        content.topic,
        content.points_for,
        content.points_against,
        content.ranking,
        content.open_questions,
        content.feedback,
    ]
    titles = [p.title for p in content.proposals if not p.is_blank()]
    filled = sum(1 for t in texts if t.strip()) + (1 if titles else 0)
    return filled, len(texts) + 1


class VenuePanel(QWidget):
    table_changed = Signal(int)  # a table's report was written over the Wi-Fi
    running_changed = Signal(bool)

    def __init__(
        self, db: Database, session: SessionInfo, author: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("venuePanel")
        self.setWindowTitle(self.tr("開放現場連線 — {session}").format(session=session.name))
        self.db = db
        self.session = session
        self.author = author
        self.server: VenueServer | None = None
        self.live = LiveState()
        self.secrets: dict[int, access.TableSecret] = {}
        self._bridge = _Bridge()
        self._bridge.changed.connect(self._on_server_change, Qt.ConnectionType.QueuedConnection)
        self.live.subscribe(self._bridge.changed.emit)

        self.address_picker = RoomAddressPicker()
        self.port = QSpinBox()
        self.port.setObjectName("venuePort")
        self.port.setRange(1024, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.start_button = QPushButton(self.tr("開始"))
        self.start_button.setObjectName("venueStart")
        self.start_button.clicked.connect(self._toggle)
        self.project_button = QPushButton(self.tr("投影首頁 QR"))
        self.project_button.clicked.connect(self.project_address)
        self.handouts_button = QPushButton(self.tr("講義…"))
        self.handouts_button.clicked.connect(self.open_handouts)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("這台電腦在場地網路的位址：")))
        top.addWidget(self.address_picker, 1)
        top.addWidget(QLabel(self.tr("連接埠")))
        top.addWidget(self.port)
        top.addWidget(self.start_button)
        top.addWidget(self.project_button)
        top.addWidget(self.handouts_button)
        self.nobody_label = QLabel()
        self.nobody_label.setObjectName("venueNobody")
        self.nobody_label.setWordWrap(True)
        self.nobody_label.setStyleSheet(f"color:{ALERT}; font-weight:bold")
        self.nobody_label.hide()
        self.help_button = QPushButton(self.tr("手機連不上？"))
        self.help_button.setObjectName("venueHelp")
        self.help_button.setCheckable(True)
        self.help_button.toggled.connect(self._show_help)
        self.help_note = QLabel()
        self.help_note.setObjectName("venueHelpNote")
        self.help_note.setWordWrap(True)
        self.help_note.setTextFormat(Qt.TextFormat.PlainText)
        self.help_note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.help_note.setFrameShape(QFrame.Shape.StyledPanel)
        self.help_note.setMargin(8)
        self.help_note.hide()
        notes = QHBoxLayout()
        notes.addWidget(self.nobody_label, 1)
        notes.addWidget(
            self.help_button, 0, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop
        )

        self.address_label = QLabel()
        self.address_label.setObjectName("venueAddressLabel")
        self.address_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address_label.setWordWrap(True)
        self.qr = QLabel()
        self.qr.setObjectName("venueQr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.qr.setMinimumSize(220, 220)
        self.attendees_label = QLabel()  # how many attendees signed in to the room page
        self.attendees_label.setObjectName("venueAttendees")

        self.tables: RowTableModel[TableStatus] = RowTableModel(
            [
                Column(self.tr("桌次"), lambda r: r.name or f"第{r.number}桌"),
                Column(self.tr("連線裝置"), lambda r: f"{r.connected}／{r.devices}"),
                Column(
                    self.tr("上次儲存"), lambda r: f"{r.last_save:%H:%M:%S}" if r.last_save else "—"
                ),
                Column(self.tr("已填欄位"), lambda r: f"{r.filled}／{r.total}"),
            ]
        )
        self.table_view = self._view(self.tables, "venueTables")
        self.table_view.setMinimumHeight(230)  # six tables without scrolling
        self.table_view.selectionModel().currentRowChanged.connect(self._on_table_selected)
        self.leader_qr_button = QPushButton(self.tr("顯示桌長 QR"))
        self.leader_qr_button.setObjectName("venueLeaderQr")
        self.leader_qr_button.clicked.connect(self._show_selected_table_qr)
        self.revoke_table_button = QPushButton(self.tr("撤銷此桌連線碼…"))
        self.revoke_table_button.setObjectName("venueRevokeTable")
        self.revoke_table_button.clicked.connect(self.revoke_selected_table)

        self.devices: RowTableModel[DeviceRow] = RowTableModel(
            [
                Column(self.tr("桌次"), lambda r: str(r.device.number)),
                Column(self.tr("裝置"), lambda r: f"#{r.device.id} {r.device.label}"),
                Column(self.tr("位址"), lambda r: r.device.address),
                Column(
                    self.tr("狀態"), lambda r: self.tr("連線中") if r.connected else self.tr("離線")
                ),
            ]
        )
        self.device_view = self._view(self.devices, "venueDevices")
        self.revoke_device_button = QPushButton(self.tr("撤銷此裝置"))
        self.revoke_device_button.setObjectName("venueRevokeDevice")
        self.revoke_device_button.clicked.connect(self.revoke_selected_device)

        grid = QGridLayout()
        grid.addWidget(self.qr, 0, 0, 2, 1)
        grid.addWidget(self.address_label, 0, 1)
        grid.addWidget(self.attendees_label, 2, 0)
        table_buttons = QHBoxLayout()
        table_buttons.addWidget(self.leader_qr_button)
        table_buttons.addWidget(self.revoke_table_button)
        table_buttons.addStretch(1)
        tables_box = QVBoxLayout()
        tables_box.addWidget(self.table_view, 3)
        tables_box.addLayout(table_buttons)
        tables_box.addWidget(self.device_view, 2)
        tables_box.addWidget(self.revoke_device_button, 0, Qt.AlignmentFlag.AlignLeft)
        grid.addLayout(tables_box, 1, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.address_picker.warning)
        layout.addLayout(notes)
        layout.addWidget(self.help_note)
        layout.addLayout(grid, 1)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self._tick)
        self._reports: tuple[access.TableReport, ...] = ()
        self._device_list: tuple[access.Device, ...] = ()
        self._shown: tuple[list[TableStatus], list[DeviceRow]] = ([], [])
        self._stale = True
        self._projected: QWidget | None = None
        self._qr_table: int | None = None  # the table whose leader QR is shown; None: home
        self._refilling = False  # the status table is being refilled, not clicked
        self._someone_connected = False  # since the last start
        self._nobody_timer = QTimer(self)
        self._nobody_timer.setSingleShot(True)
        self._nobody_timer.setInterval(NOBODY_MS)
        self._nobody_timer.timeout.connect(self._check_nobody)
        app = QApplication.instance()
        if app is not None:
            app.aboutToQuit.connect(self.stop)
        self.destroyed.connect(self._stop_server)
        self.address_picker.list_addresses()
        self._show_state()
        self.refresh()
        self.resize(1000, 700)

    def _view(self, model: RowTableModel[Any], name: str) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        return view

    # --- start / stop -------------------------------------------------------------------------
    @property
    def running(self) -> bool:
        return self.server is not None and self.server.running

    def _toggle(self) -> None:
        if self.running:
            self.stop()
        else:
            self.start()

    # --- start / stop -------------------------------------------------------------------------
    def start(self, host: str | None = None, port: int | None = None) -> bool:
        """Serve on ``host`` (the picker's address when not given). Loopback, link-local and
        unspecified addresses are refused with a sentence only when they come from the picker:
        a caller naming one (the tests, the bench) means this computer only."""
        if self.running:
            return True
        if host is None:
            host = self.address_picker.chosen_address()
            refusal = self.address_picker.refusal()
            if refusal:
                self.address_picker.warn(refusal)
                return False
        server = VenueServer(
            create_app(self.db, self.session, live=self.live),
            host,
            self.port.value() if port is None else port,
        )
        try:
            server.start()
        except ServerError as exc:
            QMessageBox.warning(self, self.tr("無法開放現場連線"), error_text(exc))
            return False
        self.server = server
        issued = access.issue_secrets(self.db, self.session.id, actor=self.author)
        self.secrets = {t.table_id: t for t in issued}
        self._qr_table = None
        self._someone_connected = False
        self.nobody_label.hide()
        self._timer.start()
        self._nobody_timer.start()
        self._show_state()
        self.refresh()
        if sys.platform == "win32":
            self.help_button.setChecked(True)  # the firewall prompt is on screen right now
        self.running_changed.emit(True)
        return True

    def stop(self) -> None:
        self._stop_server()
        self.secrets = {}
        self._qr_table = None
        self._timer.stop()
        self._nobody_timer.stop()
        self.nobody_label.hide()
        self._show_state()
        self.refresh()
        self.running_changed.emit(False)

    def _stop_server(self) -> None:
        if self.server is not None:
            self.server.stop()
            self.server = None

    def connected_devices(self) -> int:
        """Devices seen lately (what closing the window would cut off)."""
        return len(self.live.connected()) if self.running else 0

    def table_url(self, table_id: int) -> str:
        t = self.secrets[table_id]
        assert self.server is not None
        return f"{self.server.address}t/{t.code}/{t.secret}"

    def _show_state(self) -> None:
        running = self.running
        self.start_button.setText(self.tr("停止") if running else self.tr("開始"))
        self.address_picker.setEnabled(not running)
        self.port.setEnabled(not running)
        for button in (
            self.project_button,
            self.leader_qr_button,
            self.revoke_table_button,
            self.revoke_device_button,
        ):
            button.setEnabled(running)
        if running:
            self.address_picker.warn("")
        else:
            self.address_picker.check()
        self._show_help(self.help_button.isChecked())
        self._show_qr()

    def _show_qr(self) -> None:
        """The QR and the heading beside it, from the one state: stopped, the home page, or
        one table's leader QR."""
        if not self.running or self.server is None:
            self.qr.setPixmap(QPixmap())
            self.qr.setText(self.tr("（尚未開放）"))
            self.address_label.setText(
                self.tr(
                    "開始後，與會者用手機掃描這裡（或投影幕上）的 QR 即可開啟首頁；"
                    "各桌桌長掃描自己那一桌的桌長 QR 才能填寫報告。"
                )
            )
            return
        number = next((r.number for r in self._reports if r.table_id == self._qr_table), None)
        if self._qr_table not in self.secrets or number is None:
            self._qr_table = None
        if self._qr_table is None:
            self._set_qr(self.server.address)
            self.address_label.setText(
                self.tr(
                    "<p style='font-size:16pt'><b>{address}</b></p>"
                    "<p>現場連線中（一般 HTTP，只在場地網路內使用）。"
                    "選一桌後按「顯示桌長 QR」，讓該桌桌長用手機掃描。</p>"
                ).format(address=self.server.address)
            )
            return
        self._set_qr(self.table_url(self._qr_table))
        self.address_label.setText(
            self.tr(
                "<p style='font-size:16pt'><b>第{number}桌 桌長 QR</b></p>"
                "<p>請該桌桌長用手機相機掃描左邊的 QR。這個 QR 可以填寫第{number}桌的報告，"
                "只給該桌桌長看；掃描後請點選其他桌次或按「投影首頁 QR」把它收起來。</p>"
            ).format(number=number)
        )

    # --- phones that cannot connect -------------------------------------------------------------
    def _show_help(self, shown: bool) -> None:
        port = self.server.port if self.server is not None else self.port.value()
        self.help_note.setText(
            self.tr(
                "手機連不上時：\n"
                "1. 手機和這台電腦要連同一個 Wi-Fi（不是手機的行動網路）。\n"
                "2. Windows 第一次開始時會跳出「Windows 安全性警訊」（Defender 防火牆）："
                "勾選「私人網路」並按「允許存取」。按了「取消」會封鎖連線。"
                "允許需要系統管理員權限。\n"
                "3. 場地 Wi-Fi 要設為「私人網路」：Windows 設定 → 網路和網際網路 → Wi-Fi → "
                "這個網路的內容 → 網路設定檔類型選「私人」。"
                "設為「公用」時，防火牆通常會擋下手機。\n"
                "4. 沒有管理員權限時請資訊人員：為本程式新增一條輸入規則，允許 TCP 連接埠 {port}；"
                "或以系統管理員身分執行安裝程式的防火牆工作。\n"
                "5. 有些場地 Wi-Fi 不讓裝置互連（用戶端隔離）："
                "請場地人員關閉，或改用自己的無線基地台。"
            ).format(port=port)
        )
        self.help_note.setVisible(shown)

    def _check_nobody(self) -> None:
        if self.running and not self._someone_connected and not self.live.connected():
            self.nobody_label.setText(
                self.tr(
                    "開始已超過一分鐘，還沒有任何手機連上。"
                    "請用手機掃描 QR 試試看；"
                    "打不開時請看「手機連不上？」的說明（多半是 Windows 防火牆）。"
                )
            )
            self.nobody_label.show()
            self.help_button.setChecked(True)

    def _set_qr(self, text: str) -> None:
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(text, box=8))
        self.qr.setPixmap(pixmap.scaled(220, 220, Qt.AspectRatioMode.KeepAspectRatio))
        self.qr.setToolTip(text)

    # --- status ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the tables' reports and the devices, then show them."""
        self._reports = access.table_reports(self.db, self.session.id)
        self._device_list = access.list_devices(self.db, self.session.id)
        self._stale = False
        self._show_status()

    def _tick(self) -> None:
        # On the GUI thread while leaders type: the database only when the server said a
        # table changed since the last tick; otherwise just who is connected (memory).
        if self._stale:
            self.refresh()
        else:
            self._show_status()

    def _show_status(self) -> None:
        self.attendees_label.setText(
            self.tr("與會者已登入：{n} 人").format(n=self.live.attendees_signed_in())
        )
        connected = self.live.connected()
        devices = self._device_list
        rows = []
        for table in self._reports:
            filled, total = filled_fields(table.content)
            mine = [d for d in devices if d.table_id == table.table_id]
            rows.append(
                TableStatus(
                    table.table_id,
                    table.number,
                    table.name,
                    sum(1 for d in mine if d.id in connected),
                    len(mine),
                    table.updated_at,
                    filled,
                    total,
                )
            )
        device_rows = [DeviceRow(d, d.id in connected) for d in devices]
        if connected and not self._someone_connected:
            self._someone_connected = True
            self.nobody_label.hide()
        if (rows, device_rows) == self._shown:
            return  # nothing moved: no model reset, no repaint
        self._shown = (rows, device_rows)
        keep_table = self.table_view.currentIndex().row()
        keep_device = self.device_view.currentIndex().row()
        self._refilling = True  # the same selection again: the QR shown stays
        try:
            self.tables.set_rows(rows)
            self.devices.set_rows(device_rows)
            if 0 <= keep_table < len(rows):
                self.table_view.selectRow(keep_table)
            if 0 <= keep_device < len(devices):
                self.device_view.selectRow(keep_device)
        finally:
            self._refilling = False

    def _on_server_change(self, table_id: int) -> None:
        # The status table follows on its timer: six leaders saving every second must not
        # turn into six refreshes a second on the GUI thread.
        self._stale = True
        self.table_changed.emit(table_id)

    # --- per table / device -----------------------------------------------------------------------
    def selected_table(self) -> TableStatus | None:
        index = self.table_view.currentIndex()
        return self.tables.row_at(index.row()) if index.isValid() else None

    def _on_table_selected(self, *_args: object) -> None:
        """Another table clicked: its secret QR must not stay up (back to the home page)."""
        table = self.selected_table()
        if self._refilling or (table is not None and table.table_id == self._qr_table):
            return
        self._qr_table = None
        self._show_qr()

    def _show_selected_table_qr(self) -> None:
        table = self.selected_table()
        if table is None or table.table_id not in self.secrets:
            return
        self._qr_table = table.table_id
        self._show_qr()

    def revoke_selected_table(self) -> None:
        table = self.selected_table()
        if table is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("撤銷連線碼"),
            self.tr(
                "撤銷第{number}桌的連線碼？這一桌所有已連線的裝置都會失去填寫權限，"
                "桌長需要重新掃描新的桌長 QR。"
            ).format(number=table.number),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.revoke_table(table.table_id)

    def revoke_table(self, table_id: int) -> None:
        """A new secret for the table; its new leader QR is shown."""
        self.secrets[table_id] = access.revoke_table(self.db, table_id, actor=self.author)
        self._qr_table = table_id
        self.refresh()
        self._show_state()

    def revoke_selected_device(self) -> None:
        index = self.device_view.currentIndex()
        if index.isValid():
            access.revoke_device(
                self.db, self.devices.row_at(index.row()).device.id, actor=self.author
            )
            self.refresh()

    def open_handouts(self) -> None:
        from desktop.ui.room_dialogs import HandoutsDialog

        HandoutsDialog(self.db, self.session.id, self.author, self).exec()

    def project_address(self) -> None:
        """The home page's QR and address in large type on the projector."""
        if self.server is None:
            return
        self._qr_table = None  # the desk's own QR goes back to the home page too
        self._show_qr()
        window = QWidget(None, Qt.WindowType.Window)
        window.setObjectName("venueProjectedQr")
        window.setWindowTitle(self.tr("現場連線"))
        window.setStyleSheet("background:white")
        window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        code = QLabel()
        code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        pixmap = QPixmap()
        room_page = self.server.address + "me"  # the attendees' room page (/me)
        pixmap.loadFromData(qr_png(room_page, box=16))
        code.setPixmap(pixmap)
        text = QLabel(self.tr("用手機相機掃描，或在瀏覽器輸入 {address}").format(address=room_page))
        text.setObjectName("venueProjectedAddress")
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text.setStyleSheet("font-size:28pt; color:black")
        column = QVBoxLayout(window)
        column.addWidget(code, 1)
        column.addWidget(text)
        self._projected = window
        show_on_projector(window)
