"""Every table the main window shows runs on a model that keeps Qt's model contract
(``QAbstractItemModelTester``), checked with the demo day's data in it."""

from __future__ import annotations

import operator

import pytest
from PySide6.QtWidgets import QApplication, QTableView

from db.uow import Database
from desktop.services import checkin, desk_search, seating
from desktop.services import group_reports as reports
from desktop.services.demo import DEMO_PASSPHRASE
from desktop.ui.main_window import MainWindow
from desktop.ui.screens.base import ScreenContext
from desktop.ui.tablemodel import RowTableModel


def _models(window: MainWindow) -> dict[str, RowTableModel[object]]:
    return {
        view.objectName(): view.model()
        for view in window.findChildren(QTableView)
        if isinstance(view.model(), RowTableModel)
    }


def test_every_table_model_of_the_window_keeps_the_model_contract(
    qtbot, qtmodeltester, demo_db: Database
) -> None:
    context = ScreenContext(db=demo_db, operator="主辦", desk="desk-1")
    assert context.session_state.unlock(context, DEMO_PASSPHRASE)
    window = MainWindow(context, "demo.sqlite3")
    qtbot.addWidget(window)
    session = window.current_session()
    assert session is not None
    seating.assign(demo_db, session.id)
    people = [hit.registration_id for hit in desk_search.search(demo_db, session.id, "", limit=5)]
    for registration_id in people[:3]:
        checkin.check_in_registration(demo_db, session.id, registration_id, desk="desk-1")
    table = reports.list_tables(demo_db, session.id)[0]
    reports.save_report(demo_db, table.id, {"topic": "社區共融公園"}, author="主辦")
    window.show()
    for index in range(len(window.screens)):
        window.show_screen(index)
        QApplication.processEvents()
        search = getattr(window.screens[index], "search_field", None)
        if search is not None:
            qtbot.keyClicks(search, "0")  # every demo phone number has a 0
            QApplication.processEvents()

    models = _models(window)
    for name, model in models.items():
        qtmodeltester.check(model)
        assert model.columnCount() > 0, name
    filled = {name for name, model in models.items() if model.rowCount() > 0}
    assert filled == set(models), sorted(set(models) - filled)
    assert len(models) >= 8, sorted(models)


@pytest.mark.parametrize("gone", [(), (0,), (0, 2), (1, 2, 3)])
def test_taking_rows_out_keeps_the_model_contract(qtmodeltester, gone: tuple[int, ...]) -> None:
    from desktop.ui.tablemodel import Column

    model: RowTableModel[tuple[int, str]] = RowTableModel(
        [
            Column("號", operator.itemgetter(0), align_right=True),
            Column("名", operator.itemgetter(1)),
        ]
    )
    model.set_rows([(n, f"第{n}位") for n in range(5)])
    qtmodeltester.check(model)  # stays attached: the removals below are checked too
    model.remove_sorted(operator.itemgetter(0), set(gone))
    assert [model.index(r, 0).data() for r in range(model.rowCount())] == [
        str(n) for n in range(5) if n not in gone
    ]
