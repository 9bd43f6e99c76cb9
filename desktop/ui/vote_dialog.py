"""投票: the organiser builds the session's PB ballot, opens and closes the vote, types paper
ballots, lifts locks and revokes web passes, starts a new round after a closed one, and puts
turnout (then results) on the projector. Everything goes through
``desktop.services.vote`` (paper ballots: ``vote_ballots``); the dialog only shows what the
service returns."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, QTimer
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
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.core.group_report import format_cost
from desktop.core.outcomes import vote as vote_outcomes
from desktop.core.vote import (
    Method,
    Project,
    Rules,
    SourceProposal,
    VoteError,
    VoteState,
    VoteStatus,
    beyond_budget,
)
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from desktop.ui.labels import tables_label, with_detail
from desktop.ui.messages import error_text, word
from desktop.ui.tablemodel import Column, RowTableModel
from desktop.ui.vote_projector import VoteProjector

LIVE_POLL_MS = 2000


class VoteDialog(QDialog):
    state: VoteState  # the vote as last read; set by refresh(), first from __init__

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
        self.erasure_pending = False  # closed, but the file still held links: close again
        self.status = QLabel()
        self.status.setObjectName("voteStatus")
        self.projects: RowTableModel[Project] = RowTableModel(
            [
                Column(self.tr("編號"), lambda p: str(p.id)),
                Column(self.tr("提案"), lambda p: p.title),
                Column(self.tr("桌次"), lambda p: tables_label(p.tables)),
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
        header = self.table.horizontalHeader()
        # Numbers and short words read whole (the cost showed 「NT$1,200,…」); the title takes
        # what is left.
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)

        self.build_button = self._button(self.tr("從小組報告建立投票單"), "voteBuild", self._build)
        self.edit_button = self._button(self.tr("修改名稱／經費…"), "voteEdit", self._edit)
        self.merge_button = self._button(self.tr("合併兩項…"), "voteMerge", self._merge)
        self.toggle_button = self._button(self.tr("納入／不納入"), "voteToggle", self._toggle)
        # Proposals the reports hold that cannot go on the ballot, each with its reason; shown
        # as plain text (titles come from the leaders' phones).
        self.left_out = QLabel()
        self.left_out.setObjectName("voteLeftOut")
        self.left_out.setTextFormat(Qt.TextFormat.PlainText)
        self.left_out.setWordWrap(True)
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
        self.round_button = self._button(self.tr("開新一輪投票…"), "voteNewRound", self._new_round)
        self.rounds = QLabel()
        self.rounds.setObjectName("voteRounds")
        self.rounds.setWordWrap(True)
        run_row = QHBoxLayout()
        for b in (self.open_button, self.close_button, self.project_button, self.round_button):
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

        held = QGroupBox(self.tr("手機投票受限的人"))
        self.held = QListWidget()
        self.held.setObjectName("voteHeld")
        self.held.setMaximumHeight(self.fontMetrics().height() * 6)
        self.revoke_button = self._button(
            self.tr("收回「投票人」的手機投票"), "voteRevoke", self._revoke
        )
        held_layout = QVBoxLayout(held)
        held_layout.addWidget(self.held)
        held_layout.addWidget(self.revoke_button)

        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.left_out)
        layout.addLayout(ballot_row)
        layout.addLayout(rules)
        layout.addLayout(run_row)
        layout.addWidget(self.rounds)
        layout.addWidget(paper)
        layout.addWidget(held)
        self.resize(820, 760)
        self.refresh()
        # Turnout changes from the phones, and who votes at the desk only from other desks:
        # polled, so the desk sees both without pressing anything.
        self._poll = QTimer(self)
        self._poll.setInterval(LIVE_POLL_MS)
        self._poll.timeout.connect(self._refresh_live)
        self._poll.start()

    def _button(self, text: str, name: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    # --- state --------------------------------------------------------------------------------
    def _refresh_live(self) -> None:
        if self.state.status == VoteStatus.OPEN:
            self.state = svc.vote_state(self.db, self.session_id)
            self.status.setText(self._status_text(self.state))
            self._refresh_held()

    def _refresh_held(self) -> None:
        chosen = self.held.currentItem()
        keep = chosen.data(Qt.ItemDataRole.UserRole).registration_id if chosen else None
        self.held.clear()
        for h in ballots.held_voters(self.db, self.session_id):
            why = self.tr("只能投紙本票（已收回或已登錄紙本票）")
            item = QListWidgetItem(f"{with_detail(h.name, h.agency)} — {why}")
            item.setData(Qt.ItemDataRole.UserRole, h)
            self.held.addItem(item)
            if h.registration_id == keep:
                self.held.setCurrentItem(item)

    def _status_text(self, state: VoteState) -> str:
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
        return text

    def refresh(self, state: VoteState | None = None) -> None:
        state = state or svc.vote_state(self.db, self.session_id)
        self.state = state
        self.projects.set_rows(state.projects)
        self.status.setText(self._status_text(state))
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
        is_open = state.status == VoteStatus.OPEN
        self.close_button.setEnabled(is_open or self.erasure_pending)
        self.round_button.setEnabled(state.status == VoteStatus.CLOSED)
        self.paper_button.setEnabled(is_open)
        self.revoke_button.setEnabled(is_open)
        chosen = self.voter.currentData()
        self.voter.clear()
        for v in svc.paper_voters(self.db, self.session_id):
            self.voter.addItem(with_detail(v.name, v.agency), v.registration_id)
        if chosen is not None and self.voter.findData(chosen) >= 0:
            self.voter.setCurrentIndex(self.voter.findData(chosen))
        left_out = svc.left_out_proposals(self.db, self.session_id) if editable else ()
        self.left_out.setVisible(bool(left_out))
        self.left_out.setText(
            self.tr("未列入投票單：") + "\n".join(self._left_out_line(p) for p in left_out)
        )
        earlier = [r for r in svc.closed_rounds(self.db, self.session_id) if r[1] != state]
        self.rounds.setVisible(bool(earlier))
        self.rounds.setText(
            "\n".join(
                self.tr("第 {n} 輪（已結束，結果保留）：{b} 張票　貪婪法：{g}　均分法：{e}").format(
                    n=n,
                    b=past.ballots,
                    g="、".join(map(str, past.result.greedy)) if past.result else "—",
                    e="、".join(map(str, past.result.equal_shares)) if past.result else "—",
                )
                for n, past in earlier
            )
        )
        self._refresh_held()

    def _left_out_line(self, p: SourceProposal) -> str:
        """A proposal left off the ballot and why, in the window's language."""
        reason = p.left_out_because
        return self.tr("{table}「{title}」：{reason}").format(
            table=tables_label((p.table,)),
            title=p.title.strip() or self.tr("（無名稱）"),
            reason=error_text(reason) if reason is not None else "",
        )

    def _selected(self) -> list[Project]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        return [self.projects.row_at(r) for r in rows]

    def _run(self, action: Callable[[], VoteState]) -> None:
        try:
            self.refresh(action())
        except svc.VoteSetupError as exc:
            self.erasure_pending = exc.outcome is vote_outcomes.ERASE_UNFINISHED
            self.refresh()
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))

    # --- building the ballot ------------------------------------------------------------------
    def _build(self) -> None:
        def build() -> VoteState:
            state, skipped = svc.build_ballot(self.db, self.session_id, actor=self.actor)
            if skipped:
                QMessageBox.information(
                    self,
                    self.windowTitle(),
                    self.tr("這些提案未列入投票單：\n{lines}").format(
                        lines="\n".join(self._left_out_line(p) for p in skipped)
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
                partial(
                    svc.edit_project,
                    self.db,
                    self.session_id,
                    p.id,
                    included=not p.included,
                    actor=self.actor,
                )
            )

    # --- running the vote ---------------------------------------------------------------------
    def _open(self) -> None:
        method = Method(self.method.currentData())
        k = self.max_approvals.value() if method is Method.APPROVAL else 0
        rules = Rules(method, self.budget.value(), k or None)
        beyond = beyond_budget(rules, self.state.projects)
        if beyond and len(beyond) < len(self.state.on_ballot):
            answer = QMessageBox.question(
                self,
                self.windowTitle(),
                self.tr(
                    "這些提案的經費超過總預算 NT$ {budget}，放不進任何預算籃，"
                    "手機上會顯示為不能選：\n{lines}\n\n仍要開始投票？"
                ).format(
                    budget=f"{rules.budget:,}",
                    lines="\n".join(
                        f"{p.id}. " + with_detail(p.title, f"NT$ {p.cost:,}") for p in beyond
                    ),
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._run(lambda: svc.open_vote(self.db, self.session_id, rules, actor=self.actor))

    def _close(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("結束投票後不能再投，誰投了哪一張的紀錄會被清除。確定結束？"),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.erasure_pending = False
            self._run(lambda: svc.close_vote(self.db, self.session_id, actor=self.actor))

    def _new_round(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "開新一輪投票：這一輪的結果與 .pb 匯出會保留；新一輪從同一張投票單開始"
                "（可再修改），每個人都要重新投票。確定開新一輪？"
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: svc.new_round(self.db, self.session_id, actor=self.actor))

    def _revoke(self) -> None:
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr(
                "收回 {name} 的手機投票：他的手機不能再投，請他在報到台投紙本票"
                "（紙本票登錄後就是最後的，手機不能取代）。確定？"
            ).format(name=self.voter.currentText()),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._desk_action(ballots.revoke_web_pass, self.voter.currentData())

    def _desk_action(self, action: Callable[..., None], registration_id: int) -> None:
        try:
            action(self.db, self.session_id, registration_id, actor=self.actor)
        except VoteError as exc:
            QMessageBox.warning(self, self.windowTitle(), error_text(exc))
        self.refresh()

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
        said = word(result.outcome, **result.params)
        self.paper_result.setText(said if result.ok else self.tr("未計入：{m}").format(m=said))
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
