"""The report form of one table; saves every change as it is typed.

"Never lose a word": each edit restarts a short timer (``DEBOUNCE_MS``) after which the whole
form is written (typing without a pause is still written every ``MAX_WAIT_MS``); leaving a
field, hiding or closing the form, switching table and quitting the app write at once. A
failed write (database locked by another desk...) keeps the change pending, shows it in red
and retries. ``saved`` is emitted after each successful write.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Callable, Mapping
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QHideEvent, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.core import report_merge
from desktop.core.group_report import (
    Member,
    Proposal,
    ReportContent,
    from_json,
    problems,
    to_json,
)
from desktop.core.report_limits import FIELD_LIMITS, field_name
from desktop.core.report_merge import Conflict
from desktop.services import group_report_photo as photos
from desktop.services import group_reports as svc
from desktop.ui.labels import table_label
from desktop.ui.messages import error_text, word
from desktop.ui.palette import ALERT
from desktop.ui.proposal_editor import (
    ProposalEditor,
    limit_hint,
    limit_line,
    line_box,
    show_text,
    text_box,
)
from desktop.ui.report_fields import shown_value
from desktop.ui.report_html import html_text

REG_ROLE = Qt.ItemDataRole.UserRole + 1
AGENCY_ROLE = Qt.ItemDataRole.UserRole + 2
MEMBER_ROWS_SHOWN = 12  # a table's members all shown; a larger table's list scrolls


class ReportForm(QWidget):
    saved = Signal(object)  # svc.SaveResult
    save_failed = Signal(str)
    DEBOUNCE_MS = 400
    MAX_WAIT_MS = 2000  # someone typing without a pause is still saved this often
    RETRY_MS = 2000

    def __init__(
        self, db: Database, author: Callable[[], str], *, allow_reload_members: bool = True
    ) -> None:
        super().__init__()
        self.setObjectName("reportForm")
        self.db = db
        self.author = author
        self.table_id: int | None = None
        self.table: svc.TableInfo | None = None
        self.revision = 0  # what the next save is based on (another device may save too)
        self._loading = False
        self._pending = False
        self._pending_since = 0.0
        self.debounce_ms = self.DEBOUNCE_MS
        self.max_wait_ms = self.MAX_WAIT_MS
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.flush)

        self.heading = QLabel()
        self.heading.setObjectName("reportHeading")
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # built with html_text
        self.status = QLabel()
        self.status.setObjectName("saveStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.members = QListWidget()
        self.members.setObjectName("members")
        # As tall as its names (up to a dozen): 150 px showed 3½ of a table's 7 members.
        for signal in (
            self.members.model().rowsInserted,
            self.members.model().rowsRemoved,
            self.members.model().modelReset,
        ):
            signal.connect(self._fit_members)
        self.members.itemChanged.connect(self._changed)
        # A name never nears its limit, and the box shares its row with three buttons: the
        # limit is in the tooltip, not the hint (English cut it off).
        self.member_name = QLineEdit()
        self.member_name.setPlaceholderText(self.tr("加入成員姓名（未排座者）"))
        self.member_name.setToolTip(limit_hint(FIELD_LIMITS["name"]))
        limit_line(self.member_name, FIELD_LIMITS["name"])
        self.member_name.returnPressed.connect(self.add_member)
        add_member = QPushButton(self.tr("加入"))
        add_member.clicked.connect(self.add_member)
        remove_member = QPushButton(self.tr("移除選取"))
        remove_member.clicked.connect(self._remove_member)
        self.reload_members = QPushButton(self.tr("依座位與報到重新勾選"))
        self.reload_members.clicked.connect(self._reload_members)
        self.reload_members.setVisible(allow_reload_members)
        member_row = QHBoxLayout()
        for w in (self.member_name, add_member, remove_member, self.reload_members):
            member_row.addWidget(w)

        self.topic = line_box(self.tr("本桌討論的題目或問題"), FIELD_LIMITS["topic"])
        self.topic.setObjectName("topic")
        self.points_for = text_box(self.tr("一行一點"), 90, FIELD_LIMITS["points_for"])
        self.points_for.setObjectName("pointsFor")
        self.points_against = text_box(self.tr("一行一點"), 90, FIELD_LIMITS["points_against"])
        self.points_against.setObjectName("pointsAgainst")
        self.proposal_box = QVBoxLayout()
        self.proposal_editors: list[ProposalEditor] = []
        add_proposal = QPushButton(self.tr("＋ 新增提案"))
        add_proposal.setObjectName("addProposal")
        add_proposal.clicked.connect(lambda: self.add_proposal(focus=True))
        self.ranking = text_box(
            self.tr("例：每人 2 票，共融遊具 12 票最高"), 45, FIELD_LIMITS["ranking"]
        )
        self.ranking.setObjectName("ranking")
        self.open_questions = text_box(self.tr("一行一題"), 60, FIELD_LIMITS["open_questions"])
        self.open_questions.setObjectName("openQuestions")
        self.feedback = text_box(
            self.tr("小組報告時，講師給本桌的回饋"), 70, FIELD_LIMITS["feedback"]
        )
        self.feedback.setObjectName("feedback")
        self.problems_label = QLabel()
        self.problems_label.setObjectName("problems")
        self.problems_label.setWordWrap(True)
        self.problems_label.setTextFormat(Qt.TextFormat.PlainText)  # quotes titles and costs
        self.problems_label.setStyleSheet("color:#b25e00")

        self.photo = QLabel(self.tr("（無照片）"))
        self.photo.setObjectName("photo")
        self.photo.setFixedSize(QSize(200, 150))
        self.photo.setFrameShape(QFrame.Shape.StyledPanel)
        self.photo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        attach = QPushButton(self.tr("附加海報照片…"))
        attach.clicked.connect(self._choose_photo)
        self.remove_photo_button = QPushButton(self.tr("移除照片"))
        self.remove_photo_button.clicked.connect(self._remove_photo)

        for edit in (self.topic,):
            edit.textChanged.connect(self._changed)
        for box in (
            self.points_for,
            self.points_against,
            self.ranking,
            self.open_questions,
            self.feedback,
        ):
            box.textChanged.connect(self._changed)

        body = QWidget()
        layout = QVBoxLayout(body)
        # Proposals come and go: keep the scrolled body at least as tall as its contents.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.addWidget(self.heading)
        layout.addWidget(QLabel(self.tr("<b>出席成員</b>（勾選＝出席；雙擊可改名）")))
        layout.addWidget(self.members)
        layout.addLayout(member_row)
        layout.addWidget(QLabel(self.tr("<b>討論主題</b>")))
        layout.addWidget(self.topic)
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("<b>正面觀點（贊成）</b>")), 0, 0)
        grid.addWidget(QLabel(self.tr("<b>反面觀點（疑慮）</b>")), 0, 1)
        grid.addWidget(self.points_for, 1, 0)
        grid.addWidget(self.points_against, 1, 1)
        layout.addLayout(grid)
        layout.addWidget(QLabel(self.tr("<b>提案</b>")))
        layout.addLayout(self.proposal_box)
        layout.addWidget(add_proposal, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(QLabel(self.tr("<b>排序或投票結果</b>")))
        layout.addWidget(self.ranking)
        layout.addWidget(QLabel(self.tr("<b>待釐清問題</b>")))
        layout.addWidget(self.open_questions)
        layout.addWidget(QLabel(self.tr("<b>講師回饋</b>")))
        layout.addWidget(self.feedback)
        photo_row = QHBoxLayout()
        photo_row.addWidget(self.photo)
        buttons = QVBoxLayout()
        buttons.addWidget(attach)
        buttons.addWidget(self.remove_photo_button)
        buttons.addStretch(1)
        photo_row.addLayout(buttons)
        photo_row.addStretch(1)
        layout.addWidget(QLabel(self.tr("<b>海報照片</b>")))
        layout.addLayout(photo_row)
        layout.addWidget(self.problems_label)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll, 1)
        # Same field changed here and on a leader's phone: both texts, the user picks.
        self.conflict_box = QFrame()
        self.conflict_box.setObjectName("conflicts")
        self.conflict_box.setStyleSheet(
            "#conflicts { background:#fff4e6; border:2px solid #e85d04; }"
        )
        self.conflict_rows = QVBoxLayout(self.conflict_box)
        self.conflict_box.hide()
        outer.addWidget(self.conflict_box)
        outer.addWidget(self.status)
        self.setEnabled(False)

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)
            app.aboutToQuit.connect(self.flush)

    # --- loading ----------------------------------------------------------------------------
    def load(self, table_id: int | None, *, reset_presence: bool = False) -> None:
        """Show a table's report (the current one is saved first)."""
        self.flush()
        self.table_id = table_id
        if table_id is None:
            self.table = None
            self._set_content(ReportContent())
            self.heading.setText("")
            self.status.setText("")
            self.setEnabled(False)
            return
        snap = svc.load_report(self.db, table_id, reset_presence=reset_presence)
        self.revision = snap.revision
        self._clear_conflicts()
        self.table = snap.table
        table = table_label(snap.table.number, snap.table.name, snap.table.leader_name)
        if snap.table.leader_unit:
            table = self.tr("{table}（{unit}）").format(table=table, unit=snap.table.leader_unit)
        self.heading.setText(f"<span style='font-size:15pt'><b>{html_text(table)}</b></span>")
        self._set_content(snap.content)
        self._show_photo()
        self.setEnabled(True)
        self.status.setStyleSheet("")
        self.status.setText(
            self.tr("上次儲存 {time}").format(time=f"{snap.updated_at:%H:%M:%S}")
            if snap.updated_at
            else self.tr("尚未填寫；輸入的內容會自動儲存")
        )

    def _set_content(self, content: ReportContent) -> None:
        self._loading = True
        try:
            self.members.clear()
            for m in content.members:
                self._add_member_item(m)
            limit_line(self.topic, FIELD_LIMITS["topic"], content.topic)
            self.topic.setText(content.topic)
            show_text(self.points_for, content.points_for)
            show_text(self.points_against, content.points_against)
            for editor in self.proposal_editors:
                editor.setParent(None)
                editor.deleteLater()
            self.proposal_editors = []
            for p in content.proposals or (Proposal(),):
                self.add_proposal().set_proposal(p)
            show_text(self.ranking, content.ranking)
            show_text(self.open_questions, content.open_questions)
            show_text(self.feedback, content.feedback)
        finally:
            self._loading = False
        self._show_problems()

    def _add_member_item(self, m: Member) -> None:
        item = QListWidgetItem(m.name)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEditable)
        item.setCheckState(Qt.CheckState.Checked if m.present else Qt.CheckState.Unchecked)
        item.setData(REG_ROLE, m.registration_id)
        item.setData(AGENCY_ROLE, m.agency)
        if m.agency:
            item.setToolTip(f"<p>{html_text(m.agency)}</p>")
        self.members.addItem(item)

    def _fit_members(self, *_: object) -> None:
        rows = min(max(self.members.count(), 2), MEMBER_ROWS_SHOWN)
        row = self.members.sizeHintForRow(0) if self.members.count() else 24
        self.members.setFixedHeight(rows * row + 2 * self.members.frameWidth() + 2)

    def content(self) -> ReportContent:
        members = []
        for i in range(self.members.count()):
            item = self.members.item(i)
            name = item.text().strip()
            if name:
                members.append(
                    Member(
                        name=name,
                        agency=item.data(AGENCY_ROLE) or "",
                        registration_id=item.data(REG_ROLE),
                        present=item.checkState() == Qt.CheckState.Checked,
                    )
                )
        proposals = [e.proposal() for e in self.proposal_editors]
        while proposals and proposals[-1].is_blank():  # the empty editor waiting to be used
            proposals.pop()
        return ReportContent(
            members=tuple(members),
            topic=self.topic.text(),
            points_for=self.points_for.toPlainText(),
            points_against=self.points_against.toPlainText(),
            proposals=tuple(proposals),
            ranking=self.ranking.toPlainText(),
            open_questions=self.open_questions.toPlainText(),
            feedback=self.feedback.toPlainText(),
        )

    # --- editing ----------------------------------------------------------------------------
    def add_proposal(self, *, focus: bool = False) -> ProposalEditor:
        editor = ProposalEditor(len(self.proposal_editors) + 1)
        editor.changed.connect(self._changed)
        editor.remove_requested.connect(self._remove_proposal)
        self.proposal_editors.append(editor)
        self.proposal_box.addWidget(editor)
        if focus:
            editor.title_edit.setFocus()
        return editor

    def _remove_proposal(self, editor: ProposalEditor) -> None:
        if not editor.proposal().is_blank():
            answer = QMessageBox.question(
                self,
                self.tr("刪除提案"),
                self.tr("確定刪除「{t}」？（舊版本仍可在版本紀錄找回）").format(
                    t=editor.title_edit.text() or editor.title()
                ),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self._drop_editor(editor)
        self._changed()

    def _drop_editor(self, editor: ProposalEditor) -> None:
        self.proposal_editors.remove(editor)
        editor.setParent(None)
        editor.deleteLater()
        for number, e in enumerate(self.proposal_editors, start=1):
            e.set_number(number)
        if not self.proposal_editors:
            self.add_proposal()

    def add_member(self) -> None:
        name = self.member_name.text().strip()
        if not name:
            return
        self._add_member_item(Member(name=name))
        self.member_name.clear()
        self._changed()

    def _remove_member(self) -> None:
        for item in self.members.selectedItems():
            self.members.takeItem(self.members.row(item))
        self._changed()

    def _reload_members(self) -> None:
        if self.table_id is None:
            return
        current = self.content()
        seated = svc.seated_members(self.db, self.table_id)
        from desktop.core.group_report import merge_members

        merged = merge_members(current.members, seated, reset_presence=True)
        self._loading = True
        try:
            self.members.clear()
            for m in merged:
                self._add_member_item(m)
        finally:
            self._loading = False
        self._changed()

    def _changed(self, *_args: object) -> None:
        if self._loading or self.table_id is None:
            return
        now = time.monotonic()
        if not self._pending:
            self._pending, self._pending_since = True, now
        self.status.setStyleSheet("color:#555")
        self.status.setText(self.tr("編輯中…"))
        overdue = (now - self._pending_since) * 1000 >= self.max_wait_ms
        self._timer.start(0 if overdue else self.debounce_ms)

    def _on_focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._pending and old is not None and self.isAncestorOf(old):
            self.flush()

    @property
    def pending(self) -> bool:
        return self._pending

    def flush(self) -> bool:
        """Write pending changes now. False when the write failed (it will be retried)."""
        self._timer.stop()
        if not self._pending or self.table_id is None:
            return True
        content = self.content()
        try:
            result = svc.save_report(
                self.db, self.table_id, content, author=self.author(), base_revision=self.revision
            )
        except Exception as exc:  # keep the words on screen and try again
            self.status.setStyleSheet(f"color:{ALERT}; font-weight:bold")
            self.status.setText(
                self.tr("尚未儲存！{error}（稍後自動重試）").format(error=error_text(exc))
            )
            self._timer.start(self.RETRY_MS)
            self.save_failed.emit(str(exc))
            return False
        self._pending = False
        if result.revision != self.revision + 1 or result.conflicts:
            self._show_stored()  # others' words merged in, or a field kept as they wrote it
        self.revision = result.revision
        self._show_conflicts(result.conflicts)
        self.status.setStyleSheet("color:#1b5e20")
        self.status.setText(self.tr("已儲存 {time}").format(time=f"{result.saved_at:%H:%M:%S}"))
        self._show_problems(content)
        self.saved.emit(result)
        return True

    def refresh_from_store(self) -> None:
        """Show what another device saved, unless words typed here are waiting to be saved
        (their save merges them)."""
        if self.table_id is None or self._pending:
            return
        if svc.load_report(self.db, self.table_id).revision != self.revision:
            self._show_stored()

    def _show_stored(self) -> None:
        assert self.table_id is not None
        snap = svc.load_report(self.db, self.table_id)
        self.revision = snap.revision
        focused = QApplication.focusWidget()
        self._set_content(snap.content)
        if focused is not None and self.isAncestorOf(focused):
            focused.setFocus()

    # --- conflicts ----------------------------------------------------------------------------
    def _clear_conflicts(self) -> None:
        while self.conflict_rows.count():
            item = self.conflict_rows.takeAt(0)
            # count() > 0: takeAt(0) is an item; a second widget() call is not narrowed
            if item.widget() is not None:  # type: ignore[union-attr]
                item.widget().deleteLater()  # type: ignore[union-attr]
        self.conflict_box.hide()

    def _show_conflicts(self, conflicts: Mapping[str, Conflict]) -> None:
        if not conflicts:
            return
        self._clear_conflicts()
        self.conflict_rows.addWidget(
            QLabel(
                self.tr(
                    "<b>另一個裝置同時修改了下列欄位</b>，目前保留的是對方的版本；要改用您的版本請按按鈕："
                )
            )
        )
        for key, conflict in conflicts.items():
            row = QWidget()
            line = QHBoxLayout(row)
            line.setContentsMargins(0, 0, 0, 0)
            if key.count(".") == 1:  # a proposal one side deleted, the other edited: kept
                words = (
                    self.tr("{field}「{title}」：另一個裝置刪除了它，已保留您修改的版本")
                    if conflict.kept == "mine"
                    else self.tr(
                        "{field}「{title}」：您刪除了它，但另一個裝置修改過，已保留對方的版本"
                    )
                )
                title = conflict.mine if conflict.kept == "mine" else conflict.theirs
                text = QLabel(words.format(field=field_name(key), title=shown_value(title)))
                use_mine = QPushButton(self.tr("刪除此提案"))
                index = int(key.split(".")[1])
                use_mine.clicked.connect(
                    lambda _=False, i=index, r=row: self._delete_kept_proposal(i, r)
                )
            else:
                text = QLabel(
                    self.tr("{field}　您的：「{mine}」　對方的：「{theirs}」").format(
                        field=field_name(key),
                        mine=shown_value(conflict.mine),
                        theirs=shown_value(conflict.theirs),
                    )
                )
                use_mine = QPushButton(self.tr("改用我的"))
                use_mine.clicked.connect(
                    lambda _=False, k=key, v=conflict.mine, r=row: self._use_mine(k, v, r)
                )
            use_mine.setObjectName(f"useMine:{key}")
            text.setTextFormat(Qt.TextFormat.PlainText)
            text.setWordWrap(True)
            line.addWidget(text, 1)
            line.addWidget(use_mine)
            self.conflict_rows.addWidget(row)
        keep = QPushButton(self.tr("都保留對方的"))
        keep.setObjectName("keepTheirs")
        keep.clicked.connect(self._clear_conflicts)
        self.conflict_rows.addWidget(keep, 0, Qt.AlignmentFlag.AlignLeft)
        self.conflict_box.show()

    def _use_mine(self, key: str, value: object, row: QWidget) -> None:
        flat = report_merge.flatten(to_json(self.content()))
        if value is None:
            flat.pop(key, None)
        else:
            flat[key] = value
        self._set_content(from_json(report_merge.unflatten(flat)))
        self._conflict_done(row)

    def _delete_kept_proposal(self, index: int, row: QWidget) -> None:
        if index < len(self.proposal_editors):
            self._drop_editor(self.proposal_editors[index])
        self._conflict_done(row)

    def _conflict_done(self, row: QWidget) -> None:
        row.hide()
        self._changed()
        if not any(
            # rows 1..count-2 are the conflict rows, each a widget
            self.conflict_rows.itemAt(i).widget().isVisible()  # type: ignore[union-attr]
            for i in range(1, self.conflict_rows.count() - 1)
        ):
            self._clear_conflicts()

    def _show_problems(self, content: ReportContent | None = None) -> None:
        found = problems(content or self.content())
        self.problems_label.setText("\n".join(f"⚠ {p.worded(word)}" for p in found))

    # --- photo ------------------------------------------------------------------------------
    def _choose_photo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("選擇海報照片"),
            "",
            self.tr("圖片 (*.jpg *.jpeg *.png *.gif *.bmp *.webp);;所有檔案 (*)"),
        )
        if path:
            self.attach_photo_file(Path(path))

    def attach_photo_file(self, path: Path) -> bool:
        if self.table_id is None:
            return False
        self.flush()
        try:
            photos.attach_photo(
                self.db, self.table_id, path, author=self.author(), now=dt.datetime.now()
            )
        except svc.GroupReportError as exc:
            QMessageBox.warning(self, self.tr("無法附加照片"), error_text(exc))
            return False
        self._show_photo()
        return True

    def _remove_photo(self) -> None:
        if self.table_id is not None:
            photos.remove_photo(self.db, self.table_id, author=self.author())
            self._show_photo()

    def _show_photo(self) -> None:
        found = photos.load_photo(self.db, self.table_id) if self.table_id is not None else None
        self.remove_photo_button.setEnabled(found is not None)
        if found is None:
            self.photo.setPixmap(QPixmap())
            self.photo.setText(self.tr("（無照片）"))
            return
        pixmap = QPixmap()
        pixmap.loadFromData(found[0])
        self.photo.setPixmap(
            pixmap.scaled(
                self.photo.size(),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.photo.setToolTip(f"<p>{html_text(found[1])}</p>")

    # --- never lose a word ------------------------------------------------------------------
    def hideEvent(self, event: QHideEvent) -> None:
        self.flush()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush()
        super().closeEvent(event)
