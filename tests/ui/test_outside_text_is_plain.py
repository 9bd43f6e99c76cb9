"""Text from phones and imports is shown as the characters typed, never as rich text (issue 26):
a proposal title with markup once showed as 90 px red letters on the projector and displayed an
image file from the desk's disk. Each screen that shows a report or the vote is built with a
hostile title and scanned: no label renders it, every one shows it literally."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QTextBrowser, QWidget

from db.uow import Database
from desktop.core.group_report import Proposal, ReportContent
from desktop.core.vote import Method, Rules
from desktop.services import group_reports as svc
from desktop.services import vote as votes
from desktop.services import vote_ballots
from desktop.services.table_setup import update_table
from desktop.ui.projector import ProjectorWindow
from desktop.ui.report_projector import ReportProjector
from desktop.ui.vote_projector import VoteProjector
from scenarios import vote_day
from tests.ui.test_group_reports_ui import open_window

HOSTILE = '<img src="file:///etc/passwd"><span style="font-size:90px;color:red">X</span>'


def renders_rich(label: QLabel) -> bool:
    shown = label.textFormat()
    if shown == Qt.TextFormat.RichText:
        return True
    return shown == Qt.TextFormat.AutoText and GuiQt.mightBeRichText(label.text())


def shown_text(widget: QLabel | QTextBrowser) -> str:
    """What a person reads on the widget."""
    if isinstance(widget, QTextBrowser):
        return widget.toPlainText()
    if not renders_rich(widget):
        return widget.text()
    document = QTextDocument()
    document.setHtml(widget.text())
    return document.toPlainText()


def assert_outside_text_is_plain(root: QWidget) -> int:
    """No label renders the hostile markup; returns how many widgets show it literally."""
    literal = 0
    for label in root.findChildren(QLabel):
        if renders_rich(label):
            assert "<img" not in label.text() and 'style="font-size:90px' not in label.text(), (
                label.objectName(),
                label.text(),
            )
        literal += HOSTILE in shown_text(label)
    for view in root.findChildren(QTextBrowser):
        html = view.toHtml()
        assert "<img" not in html and '<span style=" font-size:90px' not in html
        literal += HOSTILE in shown_text(view)
    return literal


def _hostile_reports(db: Database) -> vote_day.VoteDay:
    day = vote_day.prepare(db)
    table = svc.find_table(db, day.session_id, 1)
    svc.save_report(
        db,
        table.id,
        ReportContent(
            topic=HOSTILE,
            proposals=(
                Proposal(title=HOSTILE, cost_text="約 30 萬"),
                Proposal(title="路燈", cost_text=HOSTILE),  # an unreadable cost is quoted
            ),
            feedback=HOSTILE,
        ),
        author="桌長",
    )
    return day


def test_the_projectors_show_a_hostile_title_as_text(qtbot, demo_db: Database) -> None:
    day = _hostile_reports(demo_db)
    projector = ReportProjector(demo_db, day.session_id)
    qtbot.addWidget(projector)
    projector.follow_agenda = False
    projector.show_table(1)
    assert assert_outside_text_is_plain(projector) >= 1
    assert projector.view.toPlainText().count(HOSTILE) >= 3  # topic, proposal, feedback

    votes.build_ballot(demo_db, day.session_id)
    votes.open_vote(demo_db, day.session_id, Rules(Method.APPROVAL, 1_000_000, None))
    for voter in day.present[:3]:
        assert vote_ballots.cast_paper_ballot(demo_db, day.session_id, voter, [1]).ok
    votes.close_vote(demo_db, day.session_id)
    vote = VoteProjector(demo_db, day.session_id, "http://192.0.2.1:8765/vote")
    qtbot.addWidget(vote)
    assert assert_outside_text_is_plain(vote) >= 1  # the funded sets name the proposal
    assert HOSTILE in shown_text(vote.summary)

    timer = ProjectorWindow()  # agenda titles come from imported files
    qtbot.addWidget(timer)
    for label in timer.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()


def test_the_desk_form_and_history_show_a_hostile_title_as_text(qtbot, demo_db: Database) -> None:
    day = _hostile_reports(demo_db)
    table = svc.find_table(demo_db, day.session_id, 1)
    update_table(demo_db, table.id, name=HOSTILE)
    window, screen = open_window(qtbot, demo_db)
    screen.select_table(1)
    screen.refresh()
    form = screen.form
    assert form.topic.text() == HOSTILE
    assert HOSTILE in shown_text(form.problems_label)  # 提案 2「路燈」：經費「<img...」看不懂
    assert HOSTILE in shown_text(form.heading)
    screen.revision_view.selectRow(0)
    assert HOSTILE in screen.revision_preview.toPlainText()
    assert assert_outside_text_is_plain(window) >= 3
