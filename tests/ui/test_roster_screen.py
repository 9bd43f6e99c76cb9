from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from sqlalchemy import select

from db.models import AuditEntry
from db.uow import Database
from desktop.services.roster import list_roster
from desktop.ui.main_window import MainWindow
from desktop.ui.screens import screen_index
from desktop.ui.screens.base import ScreenContext
from desktop.ui.screens.import_dialog import ImportDialog
from desktop.ui.screens.roster import RosterScreen
from tests.registration_files import HEADERS, MESSY_ROWS, write_csv


def _screen(qtbot, db: Database) -> tuple[MainWindow, RosterScreen]:
    window = MainWindow(ScreenContext(db=db, operator="主辦"), "demo.sqlite3")
    qtbot.addWidget(window)
    screen = window.screen_of(RosterScreen)
    return window, screen


def _column(screen: RosterScreen, header: str) -> list[str]:
    model = screen.model
    col = next(
        c
        for c in range(model.columnCount())
        if model.headerData(c, Qt.Orientation.Horizontal) == header
    )
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_search_filters_and_masking(qtbot, demo_db: Database, monkeypatch) -> None:
    window, screen = _screen(qtbot, demo_db)
    assert screen.model.rowCount() == 45  # the chosen session (臺北場次)
    assert "已錄取 40／名額 40" in screen.count_label.text()
    phones = _column(screen, "電話")
    assert all(p.startswith("*******") for p in phones)
    assert all("****" in i or i == "—" for i in _column(screen, "身分證字號"))

    screen.search.setText("台北市")  # 台 finds 臺北市...
    names = _column(screen, "服務機關")
    assert names and all(n.startswith("臺北市") for n in names)
    screen.search.setText("")
    target = list_roster(demo_db, window.current_session().id)[7]
    screen.search.setText(target.phone[-4:])
    assert target.name in _column(screen, "姓名")
    screen.search.setText("")

    screen.status_filter.setCurrentIndex(screen.status_filter.findData("waitlisted"))
    assert screen.model.rowCount() == 5 and set(_column(screen, "狀態")) == {"候補"}
    screen.session_filter.setCurrentIndex(0)  # all sessions
    assert screen.model.rowCount() == 15

    monkeypatch.setattr(QMessageBox, "warning", lambda *a: None)
    assert not screen.reveal("wrong")
    assert screen.reveal("demo")
    ids = [i for i in _column(screen, "身分證字號") if i != "—"]
    assert ids and all("*" not in i and len(i) == 10 for i in ids)
    screen.hide_personal_data()
    assert all("*" in p for p in _column(screen, "電話"))


def test_overrides_from_the_screen(qtbot, demo_db: Database, monkeypatch) -> None:
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    window, screen = _screen(qtbot, demo_db)
    first = screen.model.row_at(0)
    screen.table.selectRow(0)
    promoted = screen.cancel_selected("公差")
    assert promoted and len(promoted) == 1
    assert "已錄取 40" in screen.count_label.text() and "取消 1" in screen.count_label.text()
    assert screen.selected_row().registration_id == first.registration_id
    assert screen.selected_row().status == "cancelled"

    waiting = next(
        i for i in range(screen.model.rowCount()) if screen.model.row_at(i).status == "waitlisted"
    )
    screen.table.selectRow(waiting)
    assert screen.admit_selected("講座推薦")
    assert screen.selected_row().status == "admitted"

    new_id = screen.add_walk_in(name="現場一號", agency="臺北市政府", wants_hours=False, lunch="素")
    assert new_id is not None and screen.selected_row().status == "walk_in"
    with demo_db.read() as s:
        actions = {
            a.action for a in s.scalars(select(AuditEntry).where(AuditEntry.actor == "主辦"))
        }
    assert {"registration.status", "registration.walk_in"} <= actions


def test_import_dialog_previews_then_commits_and_admits(
    qtbot, demo_db: Database, tmp_path: Path
) -> None:
    window, screen = _screen(qtbot, demo_db)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(b"")
    dialog = ImportDialog(screen.context, screen._sessions, screen)
    qtbot.addWidget(dialog)
    assert not dialog.load(bad)
    assert "檔案是空的" in dialog.counts.text() and not dialog.import_button.isEnabled()

    headers = [*HEADERS[:9], "午餐選擇", *HEADERS[10:]]
    path = write_csv(tmp_path / "messy.csv", MESSY_ROWS, headers=headers)
    assert dialog.load(path)
    summary = dialog.summary
    assert summary is not None and summary.imported == 5 and len(summary.rejected) == 2
    lines = dialog.problems.model()
    rows = {lines.index(r, 0).data() for r in range(lines.rowCount())}
    assert {"5", "6", "7", "8", "9"} <= rows
    # Refused rows are listed first, in red; notes after them, in the normal colour.
    handling = [lines.index(r, 2).data() for r in range(lines.rowCount())]
    refused = handling.count("拒收")
    assert refused == 2 and handling[:refused] == ["拒收"] * refused
    red = Qt.ItemDataRole.ForegroundRole
    assert lines.index(0, 3).data(red).name() == "#b00020"
    assert lines.index(refused, 3).data(red) is None
    assert "拒收" in dialog.counts.text()
    before = len(list_roster(demo_db))
    dialog.set_mapping("lunch", "")  # not used: nobody has lunch now
    assert dialog.summary.imported == 5
    assert len(list_roster(demo_db)) == before  # previews write nothing
    committed = dialog.commit()
    assert committed is not None and committed.committed
    screen.reload()
    screen.session_filter.setCurrentIndex(0)
    screen.search.setText("王小明")
    assert _column(screen, "職稱") == ["股長"]
    assert _column(screen, "用餐") == ["—"]  # lunch column was unmapped
    # admitted after import: the proposal ran, still 40 per session at most
    assert all(
        len([r for r in list_roster(demo_db, s.id) if r.status == "admitted"]) <= 40
        for s in screen._sessions
    )


def _roomy_taipei(db: Database) -> None:
    from db.models import EventSession

    with db.unit_of_work() as s:
        taipei = s.get_one(EventSession, 1)
        taipei.capacity, taipei.agency_limit = 60, 9


def _answer(kind: type, action) -> None:
    """Run ``action(dialog)`` on the next modal dialog of ``kind`` once it is open."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(10, run)
            return
        action(dialog)

    QTimer.singleShot(0, run)


def _open_roster(window: MainWindow, screen: RosterScreen) -> None:
    from desktop.services.demo import DEMO_PASSPHRASE

    assert screen.context.session_state.unlock(screen.context, DEMO_PASSPHRASE)
    window.show()
    window.show_screen(screen_index("RosterScreen"))


def _statuses(db: Database, session_id: int = 1) -> dict[str, str]:
    return {r.name: r.status for r in list_roster(db, session_id)}


def test_admission_lists_who_moves_in_and_writes_only_after_confirmation(
    qtbot, demo_db: Database
) -> None:
    from desktop.ui.screens.status_changes import StatusChangesDialog

    _roomy_taipei(demo_db)
    window, screen = _screen(qtbot, demo_db)
    _open_roster(window, screen)
    before = _statuses(demo_db)
    seen: list[tuple[str, list[str]]] = []

    def look_then(button: str):
        def act(dialog: StatusChangesDialog) -> None:
            names = [dialog.table.item(r, 1).text() for r in range(dialog.table.rowCount())]
            seen.append((dialog.heading.text(), names))
            target = (
                dialog.confirm_button
                if button == "confirm"
                else next(b for b in dialog.findChildren(QPushButton) if b.text() == "取消")
            )
            qtbot.mouseClick(target, Qt.MouseButton.LeftButton)

        return act

    _answer(StatusChangesDialog, look_then("cancel"))
    qtbot.mouseClick(screen.admit_button, Qt.MouseButton.LeftButton)
    heading, names = seen[-1]
    assert "錄取 <b>5</b>" in heading and "移出名額 <b>0</b>" in heading and len(names) == 5
    assert _statuses(demo_db) == before  # 取消: nothing written

    _answer(StatusChangesDialog, look_then("confirm"))
    _answer(QMessageBox, lambda box: box.accept())
    qtbot.mouseClick(screen.admit_button, Qt.MouseButton.LeftButton)
    after = _statuses(demo_db)
    assert sorted(n for n in after if after[n] != before[n]) == sorted(seen[-1][1])
    assert all(after[n] == "admitted" for n in seen[-1][1])
    assert "已錄取 45／名額 60" in screen.count_label.text()


def test_import_moving_an_admitted_person_asks_first(
    qtbot,
    demo_db: Database,
    tmp_path: Path,
) -> None:
    from desktop.services.admission import apply_admission
    from desktop.services.importing import import_file
    from desktop.ui.screens.status_changes import OUT_COLOUR, StatusChangesDialog

    _roomy_taipei(demo_db)
    import_file(demo_db, write_csv(tmp_path / "v1.csv", MESSY_ROWS))
    apply_admission(demo_db, 1)
    rows = [list(r) for r in MESSY_ROWS]
    for r in rows:
        if r[1] == "王小明":
            r[8] = "臺南場次"
    v2 = write_csv(tmp_path / "v2.csv", rows)
    window, screen = _screen(qtbot, demo_db)
    _open_roster(window, screen)
    shown: list[tuple[str, str, bool]] = []

    def confirm(dialog: StatusChangesDialog) -> None:
        for r in range(dialog.table.rowCount()):
            new = dialog.table.item(r, 3)
            shown.append(
                (dialog.table.item(r, 1).text(), new.text(), new.foreground().color() == OUT_COLOUR)
            )
        qtbot.mouseClick(dialog.confirm_button, Qt.MouseButton.LeftButton)

    def import_it(dialog: ImportDialog) -> None:
        assert dialog.load(v2)
        assert "移出名額 1 人" in dialog.counts.text()
        _answer(StatusChangesDialog, confirm)
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)

    _answer(ImportDialog, import_it)
    qtbot.mouseClick(screen.import_button, Qt.MouseButton.LeftButton)
    assert shown[0] == ("王小明", "候補", True)
    wang = next(r for r in list_roster(demo_db) if r.name == "王小明")
    assert (wang.session, wang.status) == ("臺南場次", "waitlisted")
