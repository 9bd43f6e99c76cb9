"""開放現場連線 at the desk: start, a phone saves, the desk follows; revoke; conflicts."""

from __future__ import annotations

import json
import urllib.error
import urllib.request
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from sqlalchemy import event

from db.uow import Database
from desktop.server import netaddr
from desktop.services import group_reports as svc
from desktop.services import seating
from desktop.ui import venue_panel
from desktop.ui.venue_panel import REFRESH_MS
from tests.core.test_lan import APIPA, LAPTOP, LOOPBACK
from tests.ui.test_group_reports_ui import open_window


def _put(url: str, revision: int, fields: dict) -> dict:  # type: ignore[type-arg]
    request = urllib.request.Request(
        url + "/report.json",
        method="PUT",
        data=json.dumps({"revision": revision, "fields": fields}).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=5) as answer:
        return json.loads(answer.read())  # type: ignore[no-any-return]


def _status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=5) as answer:
            return int(answer.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def test_a_phone_saves_and_the_desk_form_history_and_status_follow(
    qtbot, qtmodeltester, demo_db: Database
) -> None:
    window, screen = open_window(qtbot, demo_db)
    panel = screen.open_venue()
    assert panel is not None
    assert panel.start("127.0.0.1", 0)
    try:
        table = screen.current_table()
        assert table is not None
        url = panel.table_url(table.id)
        assert _status(panel.server.address) == 200
        _put(url, 0, {"topic": "手機上打的主題"})
        qtbot.waitUntil(lambda: screen.form.topic.text() == "手機上打的主題", timeout=5000)
        assert screen.revisions.rowCount() >= 1
        qtbot.waitUntil(lambda: panel.tables.row_at(0).last_save is not None, timeout=5000)
        assert panel.tables.row_at(0).filled == 1
        qtmodeltester.check(panel.tables)
        # The table's secret is revoked: the old URL is refused, a new one works.
        panel.revoke_table(table.id)
        assert _status(url + "/report.json") == 403
        assert _status(panel.table_url(table.id) + "/report.json") == 200
    finally:
        panel.stop()
    assert not panel.running and _status_refused(url)


def _status_refused(url: str) -> bool:
    try:
        urllib.request.urlopen(url, timeout=2)
    except (urllib.error.URLError, ConnectionError):
        return True
    return False


def test_same_field_at_the_desk_and_on_a_phone_shows_both_and_the_desk_can_keep_its_own(
    qtbot, demo_db: Database
) -> None:
    window, screen = open_window(qtbot, demo_db)
    table = screen.current_table()
    assert table is not None
    form = screen.form
    form.topic.setText("桌上的版本")
    assert form.flush()
    # A phone on the same revision changes the topic; the desk changes it too.
    phone = svc.save_report(
        demo_db,
        table.id,
        {"topic": "手機的版本"},
        base_revision=form.revision,
        author="現場裝置 #1",
    )
    assert not phone.conflicts
    form.topic.setText("桌上改過的版本")
    assert form.flush()
    assert form.conflict_box.isVisible()
    assert form.topic.text() == "手機的版本"  # what is stored is shown...
    texts = " ".join(w.text() for w in form.conflict_box.findChildren(QLabel))
    assert "桌上改過的版本" in texts and "手機的版本" in texts  # ...and both texts are offered
    button = form.conflict_box.findChild(QPushButton, "useMine:topic")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert form.flush()
    assert svc.load_report(demo_db, table.id).content.topic == "桌上改過的版本"
    assert not form.conflict_box.isVisible()


def test_switching_session_stops_the_server(qtbot, demo_db: Database) -> None:
    window, screen = open_window(qtbot, demo_db)
    seating.assign(demo_db, screen.session.id)
    panel = screen.open_venue()
    assert panel is not None and panel.start("127.0.0.1", 0)
    address = panel.server.address
    screen.show_session(None)
    assert screen.venue_panel is None and _status_refused(address)


def test_the_panel_reads_the_database_only_after_the_server_reports_a_change(
    qtbot, demo_db: Database
) -> None:
    window, screen = open_window(qtbot, demo_db)
    panel = screen.open_venue()
    assert panel is not None and panel.start("127.0.0.1", 0)
    read: list[str] = []

    def on_execute(_conn, _cursor, statement, *_args) -> None:
        if "venue_devices" in statement:  # the panel's status read (tables, then devices)
            read.append(statement)

    event.listen(demo_db.engine, "before_cursor_execute", on_execute)
    ticks = []
    panel._timer.timeout.connect(lambda: ticks.append(1))
    panel._timer.setInterval(REFRESH_MS // 20)  # the same ticks, sooner
    try:
        qtbot.waitUntil(lambda: len(ticks) >= 3, timeout=5000)
        assert read == []  # three ticks with nothing new: nothing read
        table = screen.current_table()
        assert table is not None
        _put(panel.table_url(table.id), 0, {"topic": "手機上打的主題"})
        qtbot.waitUntil(lambda: panel.tables.row_at(0).filled == 1, timeout=5000)
        assert len(read) == 1  # one tick after the save re-read the status once
    finally:
        event.remove(demo_db.engine, "before_cursor_execute", on_execute)
        panel.stop()


# --- the room address (issue 25) and slips at the desk (issue 26) ------------------------------


@pytest.fixture
def laptop(monkeypatch):
    """The adapters of a Windows office laptop at the venue (tests/core/test_lan.py)."""
    monkeypatch.setattr(netaddr, "interface_addresses", lambda: list(LAPTOP))
    monkeypatch.setattr(netaddr, "default_route_address", lambda: "192.168.1.23")
    return monkeypatch


@pytest.mark.parametrize("route", ["192.168.1.23", None])
def test_the_panel_chooses_the_wifi_address_and_names_every_adapter(
    qtbot, laptop, demo_db: Database, route: str | None
) -> None:
    laptop.setattr(netaddr, "default_route_address", lambda: route)
    window, screen = open_window(qtbot, demo_db)
    panel = screen.open_venue()
    assert panel is not None
    picker = panel.address_picker
    assert picker.combo.currentText() == "192.168.1.23　Wi-Fi"
    assert picker.chosen_address() == "192.168.1.23"
    assert picker.labels() == [
        "192.168.1.23　Wi-Fi",
        "10.8.0.2　FortiClient VPN（VPN／虛擬網路卡）",
        "172.20.0.1　vEthernet (Default Switch)（VPN／虛擬網路卡）",
    ]  # no 127.0.0.1, no 169.254.3.4
    assert not picker.warning.isVisible()
    picker.combo.setCurrentIndex(1)  # the VPN's: warned, still allowed
    assert picker.warning.isVisible() and "VPN" in picker.warning.text()
    assert "10.8.0.2" in picker.warning.text()


def test_loopback_and_link_local_are_refused_as_the_room_address(
    qtbot, laptop, demo_db: Database
) -> None:
    laptop.setattr(netaddr, "interface_addresses", lambda: [LOOPBACK, APIPA])  # Wi-Fi off
    laptop.setattr(netaddr, "default_route_address", lambda: None)
    window, screen = open_window(qtbot, demo_db)
    panel = screen.open_venue()
    assert panel is not None
    picker = panel.address_picker
    assert picker.labels() == []
    assert "沒有手機連得到的網路位址" in picker.warning.text() and picker.warning.isVisible()
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert not panel.running
    editor = picker.combo.lineEdit()
    for typed, says in (
        ("127.0.0.1", "只有這台電腦自己連得到"),
        ("169.254.3.4", "169.254"),
        ("0.0.0.0", "不是手機能開啟的位址"),
        ("192.168.1", "不是 IP 位址"),
    ):
        editor.clear()
        qtbot.keyClicks(editor, typed)
        assert says in picker.warning.text() and picker.warning.isVisible()
        qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
        assert not panel.running, typed
        assert says in picker.warning.text()


def _heading(panel) -> str:
    return panel.address_label.text()


def test_heading_and_qr_agree_after_the_leader_joins_and_another_table_is_chosen(
    qtbot, demo_db: Database
) -> None:
    window, screen = open_window(qtbot, demo_db)
    seating.assign(demo_db, screen.session.id)
    panel = screen.open_venue()
    assert panel is not None and panel.start("127.0.0.1", 0)
    try:
        second = panel.tables.row_at(1)
        panel.table_view.selectRow(1)
        qtbot.mouseClick(panel.leader_qr_button, Qt.MouseButton.LeftButton)
        url = panel.table_url(second.table_id)
        assert panel.qr.toolTip() == url and "第2桌 桌長 QR" in _heading(panel)
        _status(url)  # the leader's phone joins: the status table is refilled
        qtbot.waitUntil(lambda: panel.tables.row_at(1).connected == 1, timeout=5000)
        panel.refresh()
        assert panel.qr.toolTip() == url and "第2桌 桌長 QR" in _heading(panel)
        panel.table_view.selectRow(2)  # another table: the secret QR goes away, with its title
        assert panel.qr.toolTip() == panel.server.address
        assert "第2桌" not in _heading(panel) and panel.server.address in _heading(panel)
        # A revoked table shows its new leader QR, under its own heading.
        panel.revoke_table(second.table_id)
        assert panel.qr.toolTip() == panel.table_url(second.table_id) != url
        assert "第2桌 桌長 QR" in _heading(panel)
    finally:
        panel.stop()


def test_the_panel_says_so_when_no_phone_connected_within_the_minute(
    qtbot, demo_db: Database
) -> None:
    window, screen = open_window(qtbot, demo_db)
    panel = screen.open_venue()
    assert panel is not None
    panel._nobody_timer.setInterval(50)  # the minute, sooner
    assert panel.start("127.0.0.1", 0)
    try:
        assert not panel.help_note.isVisible()  # not Windows: no firewall prompt at start
        qtbot.waitUntil(panel.nobody_label.isVisible, timeout=5000)
        assert "還沒有任何手機連上" in panel.nobody_label.text()
        assert panel.help_note.isVisible() and "私人網路" in panel.help_note.text()
        table = panel.tables.row_at(0)
        _status(panel.table_url(table.table_id))  # a phone comes
        panel._tick()
        assert not panel.nobody_label.isVisible()
    finally:
        panel.stop()
    # Started again and a phone is there within the minute: nothing to say.
    assert panel.start("127.0.0.1", 0)
    try:
        _status(panel.table_url(panel.tables.row_at(0).table_id))
        panel._tick()
        ticks: list[int] = []
        panel._nobody_timer.timeout.connect(lambda: ticks.append(1))
        qtbot.waitUntil(lambda: bool(ticks), timeout=5000)
        assert not panel.nobody_label.isVisible()
    finally:
        panel.stop()


def test_on_windows_starting_explains_the_firewall_prompt_with_the_port(
    qtbot, monkeypatch, demo_db: Database
) -> None:
    monkeypatch.setattr(venue_panel, "sys", SimpleNamespace(platform="win32"))
    window, screen = open_window(qtbot, demo_db)
    panel = screen.open_venue()
    assert panel is not None and not panel.help_note.isVisible()
    assert panel.start("127.0.0.1", 0)
    try:
        note = panel.help_note.text()
        assert panel.help_note.isVisible() and panel.help_button.isChecked()
        for words in ("允許存取", "私人網路", "網路設定檔類型", f"TCP 連接埠 {panel.server.port}"):
            assert words in note
        qtbot.mouseClick(panel.help_button, Qt.MouseButton.LeftButton)  # folds away
        assert not panel.help_note.isVisible()
    finally:
        panel.stop()


def _answer_question(button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Answer the next message box with ``button``, noting its text (gives up after 2 s)."""
    tries = iter(range(200))

    def act() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            seen.append(box.text())
            box.button(button).click()
        elif next(tries, None) is not None:
            QTimer.singleShot(10, act)

    QTimer.singleShot(0, act)


def test_closing_the_window_while_serving_asks_first_naming_the_devices(
    qtbot, demo_db: Database
) -> None:
    window, screen = open_window(qtbot, demo_db)
    panel = screen.open_venue()
    assert panel is not None and panel.start("127.0.0.1", 0)
    try:
        _status(panel.table_url(panel.tables.row_at(0).table_id))  # a leader is connected
        seen: list[str] = []
        _answer_question(QMessageBox.StandardButton.No, seen)
        assert not window.close()
        assert seen and "1 台裝置" in seen[0]
        assert window.isVisible() and panel.running  # nothing stopped
        _answer_question(QMessageBox.StandardButton.Yes, seen)
        assert window.close()
        assert len(seen) == 2 and not window.isVisible()
    finally:
        panel.stop()
    # Not serving: closes without a question.
    window.show()
    assert window.close()
    assert len(seen) == 2
