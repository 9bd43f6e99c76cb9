"""名單: the roster — search as you type, filters, import, admission, overrides, walk-ins.

Phones, e-mails and ID numbers are masked until the organiser reveals them with the
passphrase (the ID key needs it; the same passphrase stands for "the organiser is here").
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
)

from desktop import paths
from desktop.core.search import parse_query
from desktop.core.status import holds_seat
from desktop.core.text import mask_email, mask_phone
from desktop.services import exports
from desktop.services.admission import UnconfirmedChanges, apply_admission
from desktop.services.checkin import session_seats
from desktop.services.events import SessionInfo, all_sessions
from desktop.services.registrations import (
    IdReader,
    RegistrationError,
    admit_with_reason,
    cancel_registration,
    move_registration,
    open_id_reader,
    update_registration,
)
from desktop.services.roster import RosterRow, list_roster
from desktop.services.walkins import WalkInError, add_walk_in
from desktop.ui.elide import ColumnFit
from desktop.ui.labels import status_label, yes_no
from desktop.ui.messages import error_text
from desktop.ui.prompts import choose
from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.screens.roster_dialogs import PersonDialog
from desktop.ui.screens.roster_table import (
    ALL,
    HOURS_PENDING,
    MISSING,
    IndexedRow,
    RosterModel,
    filter_rows,
    index_rows,
)
from desktop.ui.screens.status_changes import confirm_changes
from desktop.ui.tablemodel import Column

T = TypeVar("T")


class RosterScreen(Screen):
    action = "registrations.edit"

    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.setObjectName("roster")
        self.id_reader: IdReader | None = None
        self.revealed = False
        self.full_ids: dict[int, str] = {}  # attendee id → ID number, opened when revealed
        self._all: list[IndexedRow] = []
        self._sessions: list[SessionInfo] = []
        self._shown_session_id: int | None = -1

        self.search = QLineEdit()
        self.search.setObjectName("rosterSearch")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(
            self.tr("搜尋：姓名、機關、電子郵件、電話末三碼以上（台/臺皆可）")
        )
        self.search.textChanged.connect(self.apply_filter)
        self.session_filter = QComboBox()
        self.session_filter.setObjectName("rosterSessionFilter")
        self.session_filter.currentIndexChanged.connect(self._on_session_filter)
        self.status_filter = QComboBox()
        self.status_filter.setObjectName("rosterStatusFilter")
        for label, code in (
            (self.tr("全部狀態"), ALL),
            (status_label("admitted"), "admitted"),
            (status_label("waitlisted"), "waitlisted"),
            (status_label("cancelled"), "cancelled"),
            (status_label("walk_in"), "walk_in"),
            (self.tr("不在最新匯入"), MISSING),
            (self.tr("時數資格待補"), HOURS_PENDING),
        ):
            self.status_filter.addItem(label, code)
        self.status_filter.currentIndexChanged.connect(self.apply_filter)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(QLabel(self.tr("場次")))
        filters.addWidget(self.session_filter, 1)
        filters.addWidget(QLabel(self.tr("狀態")))
        filters.addWidget(self.status_filter, 1)

        self.model = RosterModel(
            [
                Column(self.tr("順位"), lambda r: r.queue, align_right=True),
                Column(self.tr("姓名"), lambda r: r.name),
                Column(self.tr("服務機關"), lambda r: r.agency, elides=True),
                Column(self.tr("單位"), lambda r: r.unit, elides=True),
                Column(self.tr("職稱"), lambda r: r.title, elides=True),
                Column(self.tr("場次"), lambda r: r.session, elides=True),
                Column(self.tr("狀態"), self._status_text),
                Column(
                    self.tr("電話"), lambda r: r.phone if self.revealed else mask_phone(r.phone)
                ),
                Column(
                    self.tr("電子郵件"),
                    lambda r: r.email if self.revealed else mask_email(r.email),
                    elides=True,
                ),
                Column(self.tr("身分證字號"), self._id_text),
                Column(self.tr("時數"), self._hours_text),
                Column(self.tr("用餐"), lambda r: r.lunch or "—"),
                Column(self.tr("桌號"), lambda r: r.table, align_right=True),
            ]
        )
        self.table = QTableView()
        self.table.setObjectName("rosterTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # Columns fit their rows at each filter; agency, unit, job title, session and e-mail
        # give up width first when they are too wide together (elided, whole on hover).
        self.column_fit = ColumnFit(self.table, (2, 3, 4, 5, 8))
        self.table.doubleClicked.connect(lambda _i: self.on_edit())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        self.count_label = QLabel()
        self.count_label.setObjectName("rosterCount")
        self.count_label.setWordWrap(True)  # fits 1366 px in English beside the buttons

        def button(text: str, slot: Any, name: str, tip: str = "") -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.import_button = button(
            self.tr("匯入報名資料…"),
            self.on_import,
            "rosterImport",
            self.tr("匯入報名表單匯出的 CSV 或 XLSX，先預覽再寫入"),
        )
        self.admit_button = button(
            self.tr("依規則錄取…"),
            self.on_apply_admission,
            "rosterAdmit",
            self.tr(
                "空出的名額依報名先後遞補（名額與每機關上限內）；"
                "已錄取、已報到者不會被移出。先列出異動再確認"
            ),
        )
        self.walk_in_button = button(self.tr("新增現場報名…"), self.on_walk_in, "rosterWalkIn")
        self.export_button = button(
            self.tr("匯出上課名單…"),
            self.on_export,
            "rosterExport",
            self.tr("PDF 或 XLSX，不含身分證字號與電話"),
        )
        self.reveal_button = QToolButton()
        self.reveal_button.setObjectName("rosterReveal")
        self.reveal_button.setText(self.tr("顯示個資…"))
        self.reveal_button.clicked.connect(self.on_toggle_reveal)
        self.edit_button = button(self.tr("編輯…"), self.on_edit, "rosterEdit")
        self.admit_reason_button = button(
            self.tr("錄取（附理由）…"), self.on_admit_with_reason, "rosterAdmitReason"
        )
        self.move_button = button(self.tr("改場次…"), self.on_move, "rosterMove")
        self.cancel_button = button(self.tr("取消報名…"), self.on_cancel, "rosterCancel")

        top = QHBoxLayout()
        for b in (self.import_button, self.admit_button, self.walk_in_button, self.export_button):
            top.addWidget(b)
        top.addStretch(1)
        top.addWidget(self.reveal_button)
        person = QHBoxLayout()
        person.addWidget(self.count_label, 1)
        person.addWidget(QLabel(self.tr("選取的人：")))
        for b in (self.edit_button, self.admit_reason_button, self.move_button, self.cancel_button):
            person.addWidget(b)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(person)
        self._update_buttons()

    # --- data ----------------------------------------------------------------------------

    def title(self) -> str:
        return self.tr("名單")

    def show_session(self, session: SessionInfo | None) -> None:
        self._sessions = list(all_sessions(self.context.db))
        shown_id = session.id if session is not None else None
        keep = self.session_filter.currentData() if shown_id == self._shown_session_id else shown_id
        self._shown_session_id = shown_id
        self.session_filter.blockSignals(True)
        self.session_filter.clear()
        self.session_filter.addItem(self.tr("全部場次"), None)
        for s in self._sessions:
            self.session_filter.addItem(s.name, s.id)
        index = self.session_filter.findData(keep) if keep is not None else 0
        self.session_filter.setCurrentIndex(max(index, 0))
        self.session_filter.blockSignals(False)
        self.reload()

    def reload(self) -> None:
        rows = list_roster(self.context.db)
        if self.id_reader is not None:  # revealed: open the IDs an edit or import changed
            self.full_ids = self.id_reader.read_all()
        self._all = index_rows(rows)
        self.apply_filter()

    def selected_session_id(self) -> int | None:
        data = self.session_filter.currentData()
        return data if isinstance(data, int) else None

    def _on_session_filter(self, _index: int) -> None:
        self.apply_filter()

    def apply_filter(self) -> None:
        query = parse_query(self.search.text())
        session_id = self.selected_session_id()
        shown = filter_rows(self._all, query, session_id, self.status_filter.currentData())
        self.model.set_rows(shown)
        in_scope = [
            i.row for i in self._all if session_id is None or i.row.session_id == session_id
        ]
        counts = {
            s: sum(1 for r in in_scope if r.status == s)
            for s in ("admitted", "waitlisted", "cancelled", "walk_in")
        }
        session = next((s for s in self._sessions if s.id == session_id), None)
        capacity = self.tr("／名額 {n}").format(n=session.capacity) if session else ""
        self.count_label.setText(
            self.tr(
                "顯示 {shown} / {total} 人　·　已錄取 {admitted}{capacity}　候補 {waitlisted}"
                "　現場 {walk_in}　取消 {cancelled}"
            ).format(shown=len(shown), total=len(in_scope), capacity=capacity, **counts)
        )
        self._update_buttons()

    def _status_text(self, r: RosterRow) -> str:
        text = status_label(r.status)
        if r.missing_from_import:
            text += self.tr("（不在最新匯入）")
        return text

    def _hours_text(self, r: RosterRow) -> str:
        if not r.wants_hours:
            return yes_no(False)
        return yes_no(True) if r.id_valid else self.tr("是（證號待補）")

    def _id_text(self, r: RosterRow) -> str:
        if self.revealed and r.attendee_id in self.full_ids:
            return self.full_ids[r.attendee_id]
        if not r.id_mask:
            return "—"
        return r.id_mask if r.id_valid else self.tr("{mask}（有誤）").format(mask=r.id_mask)

    def selected_row(self) -> RosterRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_registration(self, registration_id: int) -> bool:
        for i in range(self.model.rowCount()):
            if self.model.row_at(i).registration_id == registration_id:
                self.table.selectRow(i)
                return True
        return False

    def _update_buttons(self) -> None:
        row = self.selected_row()
        for b in (self.edit_button, self.admit_reason_button, self.move_button, self.cancel_button):
            b.setEnabled(row is not None)
        if row is not None:
            self.cancel_button.setEnabled(row.status != "cancelled")
            self.admit_reason_button.setEnabled(not holds_seat(row.status))
        has_session = self.selected_session_id() is not None
        self.walk_in_button.setEnabled(has_session)
        self.export_button.setEnabled(has_session)
        self.admit_button.setEnabled(bool(self._sessions))

    def _event_id(self) -> int | None:
        return self._sessions[0].event_id if self._sessions else None

    def _error(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("名單"), message)

    def _after_change(self, registration_id: int | None = None) -> None:
        window = self.window()
        if window is not self and hasattr(window, "reload_sessions"):
            window.reload_sessions()  # fresh counts for every screen; shows this one again
        else:
            self.show_session(self.session)
        if registration_id is not None:
            self.select_registration(registration_id)

    # --- reveal --------------------------------------------------------------------------

    def reveal(self, passphrase: str) -> bool:
        event_id = self._event_id()
        if event_id is None:
            return False
        try:
            self.id_reader = open_id_reader(
                self.context.db, event_id, passphrase, actor=self.context.operator
            )
        except RegistrationError as exc:
            self._error(error_text(exc))
            return False
        self.full_ids = self.id_reader.read_all()
        self.revealed = True
        self.reveal_button.setText(self.tr("隱藏個資"))
        self.model.set_rows([self.model.row_at(i) for i in range(self.model.rowCount())])
        return True

    def hide_personal_data(self) -> None:
        self.revealed = False
        self.id_reader = None
        self.full_ids = {}
        self.reveal_button.setText(self.tr("顯示個資…"))
        self.apply_filter()

    def on_toggle_reveal(self) -> None:
        if self.revealed:
            self.hide_personal_data()
            return
        passphrase, ok = QInputDialog.getText(
            self,
            self.tr("顯示個資"),
            self.tr("請主辦單位輸入密語，以顯示完整電話、電子郵件與身分證字號："),
            QLineEdit.EchoMode.Password,
        )
        if ok and passphrase:
            self.reveal(passphrase)

    # --- actions -------------------------------------------------------------------------

    def on_import(self) -> None:
        from desktop.ui.screens.import_dialog import ImportDialog

        dialog = ImportDialog(self.context, self._sessions, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._after_change()

    def apply_admission(self) -> list[str] | None:
        """Preview the rule for the chosen session (or all), let the organiser confirm who
        moves in, then apply exactly that; None when they did not confirm."""
        chosen = self.selected_session_id()
        ids = [chosen] if chosen else [s.id for s in self._sessions]
        previews = [
            apply_admission(self.context.db, i, actor=self.context.operator, commit=False)
            for i in ids
        ]
        if not confirm_changes([c for p in previews for c in p.status_changes], self):
            return None
        lines = []
        try:
            for session_id, preview in zip(ids, previews, strict=True):
                r = apply_admission(
                    self.context.db,
                    session_id,
                    actor=self.context.operator,
                    expected=preview.status_changes,
                )
                lines.append(
                    self.tr(
                        "{session}：錄取 {admitted}/{capacity}，候補 {waitlisted}，"
                        "異動 {changed} 人"
                        "（因機關上限 {limit} 名而候補 {over} 人）"
                    ).format(
                        session=r.session,
                        admitted=r.admitted,
                        capacity=r.capacity,
                        waitlisted=r.waitlisted,
                        changed=r.changed,
                        limit=r.agency_limit,
                        over=r.over_agency_limit,
                    )
                )
        except UnconfirmedChanges:
            lines.append(self.tr("名單在確認後有變動，其餘場次未寫入：請再按一次「依規則錄取」。"))
        self._after_change()
        return lines

    def on_apply_admission(self) -> None:
        lines = self.apply_admission()
        if lines is not None:
            QMessageBox.information(self, self.tr("依規則錄取"), "\n".join(lines))

    def _change_selected(self, change: Callable[[int], T]) -> T | None:
        """Apply ``change(registration_id)`` to the selected person: the service's refusal is
        shown, a success refreshes the list; None when nothing was selected or it was refused."""
        row = self.selected_row()
        if row is None:
            return None
        try:
            result = change(row.registration_id)
        except RegistrationError as exc:
            self._error(error_text(exc))
            return None
        self._after_change(row.registration_id)
        return result

    def admit_selected(self, reason: str) -> bool:
        done = self._change_selected(
            lambda rid: admit_with_reason(self.context.db, rid, reason, actor=self.context.operator)
        )
        return done is not None

    def on_admit_with_reason(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        question = self.tr("錄取 {name}（{agency}）的理由：").format(
            name=row.name, agency=row.agency
        )
        # As 現場報名 does: say so before a seat beyond the capacity is given (41／40 came
        # without a word).
        taken, capacity = session_seats(self.context.db, row.session_id)
        if taken + 1 > capacity:
            question = (
                self.tr(
                    "⚠ 名額已滿：已錄取與現場報名共 {taken} 人，名額 {capacity}。"
                    "錄取後將超過名額 {over} 人。"
                ).format(taken=taken, capacity=capacity, over=taken + 1 - capacity)
                + "\n"
                + question
            )
        reason, ok = QInputDialog.getText(self, self.tr("錄取（附理由）"), question)
        if ok:
            self.admit_selected(reason)

    def cancel_selected(self, reason: str) -> tuple[str, ...] | None:
        result = self._change_selected(
            lambda rid: cancel_registration(
                self.context.db, rid, reason, actor=self.context.operator
            )
        )
        return None if result is None else result.promoted

    def on_cancel(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        reason, ok = QInputDialog.getText(
            self,
            self.tr("取消報名"),
            self.tr("取消 {name} 的報名。原因（可空白）：").format(name=row.name),
        )
        if not ok:
            return
        promoted = self.cancel_selected(reason)
        if promoted:
            QMessageBox.information(
                self,
                self.tr("取消報名"),
                self.tr("候補遞補：{names}").format(names="、".join(promoted)),
            )

    def move_selected(self, session_id: int, reason: str = "") -> bool:
        done = self._change_selected(
            lambda rid: move_registration(
                self.context.db, rid, session_id, reason, actor=self.context.operator
            )
        )
        return done is not None

    def on_move(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        others = [s for s in self._sessions if s.id != row.session_id]
        if not others:
            return
        name = choose(
            self,
            self.tr("改場次"),
            self.tr("把 {name} 改到：").format(name=row.name),
            [s.name for s in others],
        )
        if name is not None:
            self.move_selected(
                next(s.id for s in others if s.name == name), self.tr("主辦單位改場次")
            )

    def on_edit(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        dialog = PersonDialog(self.tr("編輯報名資料"), self, row=row, revealed=self.revealed)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        values = dialog.values()
        id_number = values.pop("id_number") or None
        try:
            update_registration(
                self.context.db,
                row.registration_id,
                id_number=id_number,
                actor=self.context.operator,
                **values,
            )
        except RegistrationError as exc:
            self._error(error_text(exc))
            return
        self._after_change(row.registration_id)

    def add_walk_in(self, **values: Any) -> int | None:
        session_id = self.selected_session_id()
        if session_id is None:
            return None
        values.pop("remark", None)
        try:
            result = add_walk_in(
                self.context.db,
                session_id,
                actor=self.context.operator,
                id_number=values.pop("id_number", None) or None,
                **values,
            )
        except WalkInError as exc:
            self._error(error_text(exc))
            return None
        self._after_change(result.registration_id)
        if result.over_capacity:
            QMessageBox.information(
                self,
                self.tr("新增現場報名"),
                self.tr("已新增。目前 {taken} 人，超過名額 {capacity}。").format(
                    taken=result.seats_taken, capacity=result.capacity
                ),
            )
        return result.registration_id

    def on_walk_in(self) -> None:
        dialog = PersonDialog(self.tr("新增現場報名"), self, row=None, revealed=True)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.add_walk_in(**dialog.values())

    def export_admitted(self, target: Path) -> int:
        session_id = self.selected_session_id()
        assert session_id is not None
        return exports.admitted_list(
            self.context.db, session_id, target, actor=self.context.operator, overwrite=True
        ).rows

    def on_export(self) -> None:
        if self.selected_session_id() is None:
            return
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("匯出上課名單"),
            str(paths.proposed_file(self.tr("上課名單"), ".pdf")),
            self.tr("PDF (*.pdf);;Excel 活頁簿 (*.xlsx)"),
        )
        if path:
            count = self.export_admitted(Path(path))
            QMessageBox.information(
                self,
                self.tr("匯出上課名單"),
                self.tr("已寫入 {path}（{n} 人）").format(path=path, n=count),
            )
