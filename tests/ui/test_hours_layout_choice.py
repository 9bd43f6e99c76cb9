from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog

from desktop.services.course import set_course_fields
from desktop.services.portal import portal_course_problems
from tests.ui.test_documents_screen import make_screen


def test_the_layout_choice_names_what_a_layout_still_lacks(qtbot, demo_db) -> None:
    """mypy found it: with one layout ready and the other lacking a field (課程代碼 is asked
    only by 已開課), the format question joined the lacking field's errors as if they were
    text and the export stopped with a TypeError instead of asking."""
    sim, screen = make_screen(qtbot, demo_db)
    set_course_fields(demo_db, sim.session_id, event_fields={"category_code": "345"})
    screen.refresh()
    assert screen.report is not None
    problems = portal_course_problems(screen.report.course)
    assert not problems["full"] and problems["opened"]
    asked: list[str] = []
    done = [False]

    def answer() -> None:
        if done[0]:
            return  # the test is over: no stray polling into the next one
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QInputDialog):
            QTimer.singleShot(10, answer)
            return
        asked.append(dialog.labelText())
        asked.extend(dialog.comboBoxItems())
        dialog.accept()

    QTimer.singleShot(0, answer)
    try:
        chosen = screen._choose_layout(problems)
    finally:
        done[0] = True
    assert chosen == "full"
    prompt, *choices = asked
    assert "「已開課」尚缺：課程代碼" in prompt, prompt
    assert choices == [screen.layout_names()["full"]]
