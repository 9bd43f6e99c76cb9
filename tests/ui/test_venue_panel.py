"""開放現場連線 at the desk: start, a phone saves, the desk follows; revoke; conflicts."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton
from sqlalchemy import event

from db.uow import Database
from desktop.services import group_reports as svc
from desktop.services import seating
from desktop.ui.venue_panel import REFRESH_MS
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
) -> None:  # type: ignore[no-untyped-def]
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
) -> None:  # type: ignore[no-untyped-def]
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


def test_switching_session_stops_the_server(qtbot, demo_db: Database) -> None:  # type: ignore[no-untyped-def]
    window, screen = open_window(qtbot, demo_db)
    seating.assign(demo_db, screen.session.id)
    panel = screen.open_venue()
    assert panel is not None and panel.start("127.0.0.1", 0)
    address = panel.server.address
    screen.show_session(None)
    assert screen.venue_panel is None and _status_refused(address)


def test_the_panel_reads_the_database_only_after_the_server_reports_a_change(
    qtbot, demo_db: Database
) -> None:  # type: ignore[no-untyped-def]
    window, screen = open_window(qtbot, demo_db)
    panel = screen.open_venue()
    assert panel is not None and panel.start("127.0.0.1", 0)
    read: list[str] = []

    def on_execute(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
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
