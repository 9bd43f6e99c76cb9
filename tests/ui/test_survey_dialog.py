"""課後問卷 from the 文件 screen, driven by real events: the organiser adds, renames and removes
items (typed in Chinese through the input method), opens, types a paper form at the desk,
closes, projects the results and exports the PDF with the closing papers. Set
``WORKSHOP_DESK_SCREENSHOTS=DIR`` to keep pictures of the dialog and the projector
(docs/venue/survey-*.png were made so)."""

from __future__ import annotations

import os
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QMessageBox
from sqlalchemy import select

from db.models import SurveyResponse
from db.uow import Database
from desktop.services.events import find_session
from desktop.ui.screens.base import ScreenContext
from desktop.ui.screens.documents import DocumentsScreen
from desktop.ui.survey_dialog import PaperFormDialog, SurveyDialog
from scenarios import vote_day


def type_chinese(qtbot, widget, text: str) -> None:
    widget.setFocus()
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def choose(qtbot, combo: QComboBox, steps: int) -> None:
    """Move a combo box's choice down ``steps`` times with the arrow key."""
    combo.setFocus()
    for _ in range(steps):
        qtbot.keyClick(combo, Qt.Key.Key_Down)


def test_organiser_runs_the_questionnaire_from_the_documents_screen(
    qtbot, demo_db: Database, monkeypatch, tmp_path: Path
) -> None:
    day = vote_day.prepare(demo_db)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen = DocumentsScreen(ScreenContext(db=demo_db, operator="organiser"))
    qtbot.addWidget(screen)
    screen.set_session(find_session(demo_db, "臺北"))
    qtbot.mouseClick(screen.survey_button, Qt.MouseButton.LeftButton)
    dialog = screen.findChild(SurveyDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.items_list.count() == 11  # 6 standard, 3 lecturers, 2 questions

    type_chinese(qtbot, dialog.new_text, "講義內容實用")
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    assert dialog.items_list.count() == 12
    assert dialog.state.items[-1].text == "講義內容實用" and dialog.state.status == "draft"
    dialog.items_list.setCurrentRow(4)  # 行政服務
    type_chinese(qtbot, dialog.new_text, "報名與行政服務")
    qtbot.mouseClick(dialog.rename_button, Qt.MouseButton.LeftButton)
    assert (dialog.state.items[4].id, dialog.state.items[4].text) == ("admin", "報名與行政服務")
    dialog.items_list.setCurrentRow(3)  # 場地與設備
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert "venue" not in [i.id for i in dialog.state.items] and dialog.items_list.count() == 11
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    assert dialog.state.status == "open" and not dialog.add_button.isEnabled()

    qtbot.mouseClick(dialog.paper_button, Qt.MouseButton.LeftButton)
    paper = dialog.findChild(PaperFormDialog)
    assert paper is not None and paper.person.count() == len(day.present)
    overall = paper.fields["overall"]
    assert isinstance(overall, QComboBox)
    choose(qtbot, overall, 2)  # 未填 → 5 非常滿意 → 4 滿意
    added = paper.fields["q12"]
    assert isinstance(added, QComboBox)
    choose(qtbot, added, 1)  # 5 非常滿意
    type_chinese(qtbot, paper.fields["suggest"], "多些案例")
    qtbot.mouseClick(paper.save_button, Qt.MouseButton.LeftButton)
    assert paper.outcome.text() == "已登錄。"
    with demo_db.read() as s:
        assert [r.answers for r in s.scalars(select(SurveyResponse))] == [
            {"overall": 4, "q12": 5, "suggest": "多些案例"}
        ]
    paper.close()
    assert "回覆 1／已報到 12" in dialog.status.text()

    qtbot.mouseClick(dialog.close_button, Qt.MouseButton.LeftButton)
    assert dialog.state.status == "closed" and dialog.project_button.isEnabled()
    qtbot.mouseClick(dialog.project_button, Qt.MouseButton.LeftButton)
    projector = dialog.projector
    assert projector is not None and projector.isVisible()
    qtbot.addWidget(projector)
    assert projector.rate_text() == "回收 1 份／報到 12 人（8%）"
    folder = os.environ.get("WORKSHOP_DESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        dialog.grab().save(str(Path(folder) / "survey-dialog.png"))
        projector.resize(1280, 720)
        projector.grab().save(str(Path(folder) / "survey-projector.png"))

    target = tmp_path / "課後問卷.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    qtbot.mouseClick(dialog.pdf_button, Qt.MouseButton.LeftButton)
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(target).pages)
    assert "講義內容實用" in text and "多些案例" in text and "1/12份（8%）" in text
    assert "報名與行政服務" in text and "場地與設備" not in text
    dialog.close()
