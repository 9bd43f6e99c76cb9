"""投票: the organiser builds the session's PB ballot, opens and closes the vote, types paper
ballots, and puts turnout (then results) on the projector. Everything goes through
``desktop.services.vote`` (paper ballots: ``vote_ballots``); the dialog only shows what the
service returns."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.core.group_report import format_cost
from desktop.core.vote import Method, Project, Rules, VoteStatus
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from desktop.ui.messages import error_text
from desktop.ui.tablemodel import Column, RowTableModel
from desktop.ui.vote_projector import VoteProjector


class VoteDialog(QDialog):
    def __init__(
        self,
        db: Database,
        session_id: int,
        vote_url: str,
        actor: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("voteDialog")
        self.setWindowTitle(self.tr("參與式預算投票"))
        self.db, self.session_id, self.vote_url, self.actor = db, session_id, vote_url, actor
        self.projector: VoteProjector | None = None
        self.status = QLabel()
        self.status.setObjectName("voteStatus")
        self.projects: RowTableModel[Project] = RowTableModel(
            [
                Column(self.tr("編號"), lambda p: str(p.id)),
                Column(self.tr("提案"), lambda p: p.title),
                Column(self.tr("桌次"), lambda p: p.table_label),
                Column(self.tr("經費"), lambda p: format_cost(p.cost)),
                Column(
                    self.tr("納入"), lambda p: self.tr("是") if p.included else self.tr("不納入")
                ),
            ]
        )
        self.table = QTableView()
        self.table.setObjectName("voteProjects")
        self.table.setModel(self.projects)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.build_button = self._button(self.tr("從小組報告建立投票單"), "voteBuild", self._build)
        self.edit_button = self._button(self.tr("修改名稱／經費…"), "voteEdit", self._edit)
        self.merge_button = self._button(self.tr("合併兩項…"), "voteMerge", self._merge)
        self.toggle_button = self._button(self.tr("納入／不納入"), "voteToggle", self._toggle)
        ballot_row = QHBoxLayout()
        for b in (self.build_button, self.edit_button, self.merge_button, self.toggle_button):
            ballot_row.addWidget(b)

        self.method = QComboBox()
        self.method.setObjectName("voteMethod")
        self.method.addItem(self.tr("預算籃（合計不超過預算）"), Method.BASKET.value)
        self.method.addItem(self.tr("勾選制"), Method.APPROVAL.value)
        self.budget = QSpinBox()
        self.budget.setObjectName("voteBudget")
        self.budget.setRange(1, 2_000_000_000)
        self.budget.setSingleStep(100_000)
        self.budget.setGroupSeparatorShown(True)
        self.budget.setValue(1_000_000)
        self.max_approvals = QSpinBox()
        self.max_approvals.setObjectName("voteMaxApprovals")
        self.max_approvals.setRange(0, 99)
        self.max_approvals.setSpecialValueText(self.tr("不限"))
        rules = QFormLayout()
        rules.addRow(self.tr("投票方式："), self.method)
        rules.addRow(self.tr("預算（NT$）："), self.budget)
        rules.addRow(self.tr("勾選制最多選："), self.max_approvals)
        self.open_button = self._button(self.tr("開始投票"), "voteOpen", self._open)
        self.close_button = self._button(self.tr("結束投票並計票"), "voteClose", self._close)
        self.project_button = self._button(self.tr("投影"), "voteProject", self.show_projector)
        run_row = QHBoxLayout()
        for b in (self.open_button, self.close_button, self.project_button):
            run_row.addWidget(b)

        paper = QGroupBox(self.tr("紙本選票"))
        self.voter = QComboBox()
        self.voter.setObjectName("paperVoter")
        self.approvals = QLineEdit()
        self.approvals.setObjectName("paperApprovals")
        self.approvals.setPlaceholderText(self.tr("提案編號，以空白分隔，例如 1 3 5"))
        self.paper_button = self._button(self.tr("登錄紙本票"), "paperCast", self._paper)
        self.paper_result = QLabel()
        self.paper_result.setObjectName("paperResult")
        self.paper_result.setWordWrap(True)
        paper_layout = QFormLayout(paper)
        paper_layout.addRow(self.tr("投票人："), self.voter)
        paper_layout.addRow(self.tr("贊成："), self.approvals)
        paper_layout.addRow(self.paper_button, self.paper_result)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addLayout(ballot_row)
        layout.addLayout(rules)
        layout.addLayout(run_row)
        layout.addWidget(paper)
        self.resize(820, 640)
        self.refresh()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # --- state --------------------------------------------------------------------------------
    def refresh(self, state: svc.VoteState | None = None) -> None:
        state = state or svc.vote_state(self.db, self.session_id)
        self.state = state
        self.projects.set_rows(state.projects)
        labels = {
            "none": self.tr("尚未建立投票單"),
            VoteStatus.DRAFT: self.tr("投票單草稿"),
            VoteStatus.OPEN: self.tr("投票中"),
            VoteStatus.CLOSED: self.tr("已結束"),
        }
        text = self.tr("{status}　已投票 {b}／已報到 {c}").format(
            status=labels.get(state.status, state.status), b=state.ballots, c=state.checked_in
        )
        if state.result is not None:
            text += self.tr("　票數優先法：{g}　平等份額法：{e}").format(
                g="、".join(map(str, state.result.greedy)) or "—",
                e="、".join(map(str, state.result.equal_shares)) or "—",
            )
        self.status.setText(text)
        editable = state.status in ("none", VoteStatus.DRAFT)
        for b in (
            self.build_button,
            self.edit_button,
            self.merge_button,
            self.toggle_button,
            self.open_button,
            self.method,
            self.budget,
            self.max_approvals,
        ):
            b.setEnabled(editable)
        self.close_button.setEnabled(state.status == VoteStatus.OPEN)
        self.paper_button.setEnabled(state.status == VoteStatus.OPEN)
        self.voter.clear()
        for v in svc.paper_voters(self.db, self.session_id):
            self.voter.addItem(f"{v.name}（{v.agency}）", v.registration_id)

    def _selected(self) -> list[Project]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.projects.row_at(r) for r in rows]

    def _run(self, action: Callable[[], svc.VoteState]) -> None:
        try:
            self.refresh(action())
        except svc.VoteSetupError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))

    # --- building the ballot ------------------------------------------------------------------
    def _build(self) -> None:
        def build() -> svc.VoteState:
            state, skipped = svc.build_ballot(self.db, self.session_id, actor=self.actor)
            if skipped:
                QMessageBox.information(
                    self,
                    self.windowTitle(),
                    self.tr("沒有可讀經費或名稱的提案未列入：{names}").format(
                        names="、".join(f"第{p.table}桌「{p.title}」" for p in skipped)
                    ),
                )
            return state

        self._run(build)

    def _edit(self) -> None:
        chosen = self._selected()
        if len(chosen) != 1:
            return
        p = chosen[0]
        title, ok = QInputDialog.getText(
            self, self.windowTitle(), self.tr("提案名稱："), text=p.title
        )
        if not ok:
            return
        cost, ok = QInputDialog.getInt(
            self, self.windowTitle(), self.tr("經費（NT$）："), p.cost, 1, 2_000_000_000, 10_000
        )
        if ok:
            self._run(
                lambda: svc.edit_project(
                    self.db, self.session_id, p.id, title=title, cost=cost, actor=self.actor
                )
            )

    def _merge(self) -> None:
        chosen = self._selected()
        if len(chosen) != 2:
            QMessageBox.information(
                self, self.windowTitle(), self.tr("請選兩項相近的提案（按住 Ctrl 點選）再合併。")
            )
            return
        keep, other = chosen
        self._run(
            lambda: svc.merge_projects(
                self.db, self.session_id, keep.id, other.id, actor=self.actor
            )
        )

    def _toggle(self) -> None:
        for p in self._selected():
            self._run(
                lambda p=p: svc.edit_project(
                    self.db, self.session_id, p.id, included=not p.included, actor=self.actor
                )
            )

    # --- running the vote ---------------------------------------------------------------------
    def _open(self) -> None:
        method = Method(self.method.currentData())
        k = self.max_approvals.value() if method is Method.APPROVAL else 0
        rules = Rules(method, self.budget.value(), k or None)
        self._run(lambda: svc.open_vote(self.db, self.session_id, rules, actor=self.actor))

    def _close(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("結束投票後不能再投，誰投了哪一張的紀錄會被清除。確定結束？"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: svc.close_vote(self.db, self.session_id, actor=self.actor))

    def _paper(self) -> None:
        try:
            typed = self.approvals.text().replace(",", " ").replace("，", " ")
            ids = [int(x) for x in typed.split()]
        except ValueError:
            self.paper_result.setText(self.tr("請只輸入提案編號（數字），以空白分隔。"))
            return
        result = ballots.cast_paper_ballot(
            self.db, self.session_id, self.voter.currentData(), ids, actor=self.actor
        )
        self.paper_result.setText(
            result.message if result.ok else self.tr("未計入：{m}").format(m=result.message)
        )
        if result.ok:
            self.approvals.clear()
        self.refresh()

    def show_projector(self) -> VoteProjector:
        if self.projector is None:
            self.projector = VoteProjector(self.db, self.session_id, self.vote_url)
        self.projector.refresh()
        self.projector.show()
        self.projector.raise_()
        return self.projector
