"""The 投票 dialog: the organiser builds the ballot, merges, leaves one out, opens, types a
paper ballot, closes; the projector shows turnout while open and the results after."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QMessageBox

from db.uow import Database
from desktop.ui.vote_dialog import VoteDialog
from scenarios import vote_day
from tests.ui.test_group_reports_ui import open_window

SHOTS = Path(__file__).resolve().parents[1] / "server" / "screens"


def _select(dialog: VoteDialog, *rows: int) -> None:
    model = dialog.table.selectionModel()
    model.clearSelection()
    for row in rows:
        model.select(
            dialog.projects.index(row, 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )


def test_organiser_runs_the_vote_from_the_group_reports_screen(
    qtbot,
    qtmodeltester,
    demo_db: Database,
    monkeypatch,
) -> None:
    day = vote_day.prepare(demo_db)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: QMessageBox.StandardButton.Ok)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    _, screen = open_window(qtbot, demo_db)
    qtbot.mouseClick(screen.vote_button, Qt.MouseButton.LeftButton)
    dialog = next(w for w in screen.findChildren(VoteDialog))
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.build_button, Qt.MouseButton.LeftButton)
    assert dialog.projects.rowCount() == 5
    qtmodeltester.check(dialog.projects)  # stays attached through the merge below
    _select(dialog, 0, 2)  # 社區共融公園 (table 1) and 共融公園遊具 (table 2)
    qtbot.mouseClick(dialog.merge_button, Qt.MouseButton.LeftButton)
    assert [p.tables for p in dialog.state.projects][0] == (1, 2)
    _select(dialog, 1)
    qtbot.mouseClick(dialog.toggle_button, Qt.MouseButton.LeftButton)
    assert not dialog.state.projects[1].included
    dialog.method.setCurrentIndex(0)  # basket
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.state.status == "open" and not dialog.build_button.isEnabled()
    projector = dialog.show_projector()
    qtbot.addWidget(projector)
    assert "已投票 0／已報到 12" in projector.turnout.text()
    dialog.voter.setCurrentIndex(dialog.voter.findData(day.present[0]))
    dialog.approvals.setText("1 3")  # 1 merged, 3 left out: refused
    qtbot.mouseClick(dialog.paper_button, Qt.MouseButton.LeftButton)
    assert "未計入" in dialog.paper_result.text()
    dialog.approvals.setText("1 5")
    qtbot.mouseClick(dialog.paper_button, Qt.MouseButton.LeftButton)
    assert "已收到" in dialog.paper_result.text() and dialog.state.ballots == 1
    projector.refresh()
    assert "已投票 1／已報到 12" in projector.turnout.text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "desk-vote-dialog.png"))
    projector.grab().save(str(SHOTS / "projector-turnout.png"))
    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.state.status == "closed" and dialog.state.result is not None
    projector.refresh()
    assert "投票結果" in projector.title.text() and "平等份額法" in projector.summary.text()
    projector.grab().save(str(SHOTS / "projector-results.png"))
