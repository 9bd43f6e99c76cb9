"""Slips at the desk (issue 26), driven through the real 投票 dialog with clicks: a vote nobody
can vote in, a cost the desk cannot read, a new round after a closed vote, and the desk seeing
and lifting a lock and revoking a web pass."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from db.uow import Database
from desktop.core.group_report import Proposal, ReportContent
from desktop.core.vote import VoteError
from desktop.services import group_reports
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from desktop.services.group_report_compile import compile_session
from desktop.ui.vote_dialog import VoteDialog
from scenarios import vote_day
from tests.ui.test_vote_dialog import SHOTS


class Boxes:
    """The dialog's message boxes: what they said, and the answer the next question gets."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.said: list[str] = []
        self.answer = QMessageBox.StandardButton.Yes

        def record(kind: str):
            def box(parent, title, text, *a, **k):
                self.said.append(f"{kind}:{text}")
                return self.answer if kind == "question" else QMessageBox.StandardButton.Ok

            return box

        for kind in ("question", "information", "warning"):
            monkeypatch.setattr(QMessageBox, kind, record(kind))


def _dialog(qtbot, db: Database, session_id: int) -> VoteDialog:
    dialog = VoteDialog(db, session_id, "http://192.0.2.1:8765/vote")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _click(qtbot, button) -> None:
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _type_budget(qtbot, dialog: VoteDialog, amount: str) -> None:
    edit = dialog.budget.lineEdit()
    edit.selectAll()
    qtbot.keyClicks(edit, amount)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)


def test_opening_warns_of_projects_beyond_the_budget_and_refuses_when_nothing_fits(
    qtbot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = vote_day.prepare(demo_db)
    boxes = Boxes(monkeypatch)
    dialog = _dialog(qtbot, demo_db, day.session_id)
    _click(qtbot, dialog.build_button)
    dialog.method.setCurrentIndex(dialog.method.findData("basket"))
    _type_budget(qtbot, dialog, "100000")
    _click(qtbot, dialog.open_button)
    assert dialog.state.status == "draft"
    assert "沒有人能投票" in boxes.said[-1]
    _type_budget(qtbot, dialog, "500000")
    boxes.answer = QMessageBox.StandardButton.No
    _click(qtbot, dialog.open_button)
    assert boxes.said[-1].startswith("question:")
    assert "社區共融公園" in boxes.said[-1] and "共融公園遊具" in boxes.said[-1]
    assert "長者共餐廚房" not in boxes.said[-1]
    assert dialog.state.status == "draft"
    boxes.answer = QMessageBox.StandardButton.Yes
    _click(qtbot, dialog.open_button)
    assert dialog.state.status == "open"


def test_a_cost_the_desk_cannot_read_is_listed_with_its_reason(
    qtbot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = vote_day.prepare(demo_db)
    table = group_reports.find_table(demo_db, day.session_id, 3)
    content = ReportContent(
        topic="社區參與",
        proposals=(
            Proposal(title="巷弄照明改善", cost_text="200000"),
            Proposal(title="社區圖書角", cost_text="三萬多"),
        ),
    )
    group_reports.save_report(demo_db, table.id, content, author="桌長", now=vote_day.T0)
    boxes = Boxes(monkeypatch)
    dialog = _dialog(qtbot, demo_db, day.session_id)
    assert dialog.left_out.isVisible()
    assert "第 3 桌「社區圖書角」：經費「三萬多」看不懂" in dialog.left_out.text()
    _click(qtbot, dialog.build_button)
    assert "第 3 桌「社區圖書角」：經費「三萬多」看不懂" in boxes.said[-1]
    assert "社區圖書角" not in [p.title for p in dialog.state.projects]


def test_a_new_round_after_the_close_keeps_the_closed_results(
    qtbot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = vote_day.prepare(demo_db)
    boxes = Boxes(monkeypatch)
    dialog = _dialog(qtbot, demo_db, day.session_id)
    _click(qtbot, dialog.build_button)
    _click(qtbot, dialog.open_button)
    for rid in day.present[:3]:
        dialog.voter.setCurrentIndex(dialog.voter.findData(rid))
        qtbot.keyClicks(dialog.approvals, "1 5")
        _click(qtbot, dialog.paper_button)
    _click(qtbot, dialog.close_button)
    first_pb = svc.export_pb(demo_db, day.session_id)
    assert dialog.state.status == "closed" and not dialog.build_button.isEnabled()
    boxes.answer = QMessageBox.StandardButton.No
    _click(qtbot, dialog.round_button)
    assert "保留" in boxes.said[-1] and dialog.state.status == "closed"
    boxes.answer = QMessageBox.StandardButton.Yes
    _click(qtbot, dialog.round_button)
    assert dialog.state.status == "draft" and dialog.build_button.isEnabled()
    assert dialog.state.ballots == 0 and len(dialog.state.projects) == 5
    assert dialog.rounds.isVisible() and "第 1 輪" in dialog.rounds.text()
    assert svc.export_pb(demo_db, day.session_id) == first_pb  # the closed round's .pb
    compiled = compile_session(demo_db, day.session_id).vote  # the report's results page
    assert compiled is not None and compiled.status == "closed" and compiled.ballots == 3
    _click(qtbot, dialog.open_button)
    dialog.voter.setCurrentIndex(dialog.voter.findData(day.present[0]))
    qtbot.keyClicks(dialog.approvals, "2")
    _click(qtbot, dialog.paper_button)
    _click(qtbot, dialog.close_button)
    second = svc.export_pb(demo_db, day.session_id)
    assert second != first_pb and "num_votes;1" in second


def test_the_desk_revokes_a_web_pass_and_sees_who_votes_on_paper(
    qtbot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    day = vote_day.prepare(demo_db)
    Boxes(monkeypatch)
    dialog = _dialog(qtbot, demo_db, day.session_id)
    _click(qtbot, dialog.build_button)
    _click(qtbot, dialog.open_button)
    assert not hasattr(dialog, "unlock_button")  # no per-person lock left to lift
    taken = day.present[1]
    dialog.voter.setCurrentIndex(dialog.voter.findData(taken))
    _click(qtbot, dialog.revoke_button)
    assert dialog.held.count() == 1 and "紙本" in dialog.held.item(0).text()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "desk-vote-held.png"))
    with pytest.raises(VoteError) as refused:
        ballots.voter_ballot(demo_db, day.session_id, taken)
    assert refused.value.code == "desk_only"


@pytest.fixture
def english(qapp):
    from desktop.ui import settings

    settings.install_translators(qapp, "en")
    yield
    settings.remove_translators(qapp)


def test_the_english_window_words_why_a_proposal_is_left_out_and_a_paper_ballot(
    english, qtbot, demo_db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reasons came from core in zh-TW only: the English window showed 「沒有填經費」."""
    day = vote_day.prepare(demo_db)
    table = group_reports.find_table(demo_db, day.session_id, 3)
    content = ReportContent(
        topic="社區參與",
        proposals=(Proposal(title="", cost_text="200000"), Proposal(title="圖書角", cost_text="")),
    )
    group_reports.save_report(demo_db, table.id, content, author="桌長", now=vote_day.T0)
    Boxes(monkeypatch)
    dialog = _dialog(qtbot, demo_db, day.session_id)
    assert dialog.left_out.text() == (
        'Not on the ballot:Table 3 "(untitled)": No proposal title\nTable 3 "圖書角": No cost given'
    )
    svc.open_vote(demo_db, day.session_id, svc.Rules(svc.Method.APPROVAL, 1_000_000))
    dialog.refresh()
    dialog.voter.setCurrentIndex(0)
    dialog.approvals.setText("99")
    _click(qtbot, dialog.paper_button)
    assert dialog.paper_result.text() == (
        "Not counted: The ballot has proposals that are not in this vote (numbers 99); "
        "reload the page and choose again."
    )
