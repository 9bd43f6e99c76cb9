"""The desk's report form (issue 26): fields stop at their limit as the leader's page does,
a longer text stored before the limits is shown and kept whole, and a proposal a phone deleted
while the desk edited it is kept, told, and can be deleted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLabel, QPushButton

from db.uow import Database
from desktop.core.group_report import Proposal, ReportContent
from desktop.core.report_limits import FIELD_LIMITS
from desktop.services import group_reports as svc
from tests.ui.test_group_reports_ui import open_window


def test_a_paste_over_the_limit_is_cut_and_the_limit_is_said(qtbot, demo_db: Database) -> None:
    window, screen = open_window(qtbot, demo_db)
    form = screen.form
    editor = form.proposal_editors[0]
    limit = FIELD_LIMITS["problem"]
    assert f"最多 {limit} 字" in editor.problem_edit.placeholderText()
    editor.problem_edit.insertPlainText("字" * (limit + 150))  # a paste
    assert len(editor.problem_edit.toPlainText()) == limit
    qtbot.keyClicks(editor.title_edit, "x" * (FIELD_LIMITS["title"] + 5))
    assert len(editor.title_edit.text()) == FIELD_LIMITS["title"]
    assert form.flush()
    stored = svc.load_report(demo_db, screen.current_table().id).content.proposals[0]
    assert len(stored.problem) == limit and len(stored.title) == FIELD_LIMITS["title"]


def test_a_longer_text_stored_before_the_limits_stays_whole(qtbot, demo_db: Database) -> None:
    window, screen = open_window(qtbot, demo_db)
    table = screen.current_table()
    long_title, long_problem = "名" * 300, "問" * 5000
    svc.save_report(  # as a restored old revision writes it
        demo_db,
        table.id,
        ReportContent(proposals=(Proposal(title=long_title, problem=long_problem),)),
        typed=False,
    )
    screen.refresh()
    form = screen.form
    assert form.proposal_editors[0].title_edit.text() == long_title
    form.proposal_editors[0].problem_edit.moveCursor(QTextCursor.MoveOperation.End)
    # Typing at its end adds nothing (it is over the limit already) and cuts nothing.
    form.proposal_editors[0].problem_edit.insertPlainText("。")
    form.feedback.setPlainText("講師回饋")
    assert form.flush()
    stored = svc.load_report(demo_db, table.id).content
    assert stored.feedback == "講師回饋"
    assert stored.proposals[0].title == long_title
    assert stored.proposals[0].problem == long_problem


def test_a_proposal_a_phone_deleted_while_the_desk_edited_it(qtbot, demo_db: Database) -> None:
    window, screen = open_window(qtbot, demo_db)
    table = screen.current_table()
    svc.save_report(
        demo_db,
        table.id,
        ReportContent(proposals=(Proposal(title="步道", id="walk01"), Proposal(title="座椅"))),
    )
    screen.refresh()
    form = screen.form
    form.proposal_editors[0].problem_edit.setPlainText("晚上太暗")  # the desk edits 步道
    phone = svc.load_report(demo_db, table.id)
    svc.save_report(  # meanwhile a phone deletes it
        demo_db,
        table.id,
        {"proposals": [{"id": p.id, "title": p.title} for p in phone.content.proposals[1:]]},
        base_revision=phone.revision,
        author="現場裝置 #1",
    )
    assert form.flush()
    assert [p.title for p in svc.load_report(demo_db, table.id).content.proposals] == [
        "步道",
        "座椅",
    ]
    assert form.conflict_box.isVisibleTo(form)
    told = " ".join(label.text() for label in form.conflict_box.findChildren(QLabel))
    assert "另一個裝置刪除了它，已保留您修改的版本" in told and "步道" in told
    delete_button = form.conflict_box.findChild(QPushButton, "useMine:proposals.0")
    qtbot.mouseClick(delete_button, Qt.MouseButton.LeftButton)
    assert form.flush()
    assert [p.title for p in svc.load_report(demo_db, table.id).content.proposals] == ["座椅"]


def test_the_english_form_says_its_limits_in_ascii_punctuation(
    qtbot, qapp, demo_db: Database
) -> None:
    """Issue 28: English hints read 「Topic（At most 100 characters）」. Every placeholder,
    tooltip and label of the English form is free of Chinese and full-width punctuation (the
    table's own data aside)."""
    import re

    from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

    from desktop.ui import settings

    settings.install_translators(qapp, "en")
    try:
        window, screen = open_window(qtbot, demo_db)
        form = screen.form
        limit = FIELD_LIMITS["problem"]
        placeholder = form.proposal_editors[0].problem_edit.placeholderText()
        assert placeholder.endswith(f" (at most {limit} characters)"), placeholder
        table = screen.current_table()
        data = {table.name, table.leader_name, table.leader_unit} - {""}
        wrong = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
        said: list[str] = []
        for widget in form.findChildren(QWidget):
            texts = [widget.toolTip()]
            if isinstance(widget, QLineEdit | QPlainTextEdit):
                texts.append(widget.placeholderText())
            if isinstance(widget, QLabel | QPushButton):
                texts.append(widget.text())
            for text in texts:
                for name in data:
                    text = text.replace(name, "")
                if wrong.search(text):
                    said.append(f"{widget.objectName() or type(widget).__name__}: {text!r}")
        assert said == []
    finally:
        settings.remove_translators(qapp)
