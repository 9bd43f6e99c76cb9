"""小組報告: each table's report, its revision history, the projector and the compilation."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop import paths
from desktop.services import group_reports as svc
from desktop.services.events import SessionInfo
from desktop.ui.group_report_form import ReportForm
from desktop.ui.labels import author_label, table_label
from desktop.ui.leader_mode import LeaderModeWindow, ensure_organiser_pin
from desktop.ui.report_html import report_html
from desktop.ui.report_projector import ReportProjector
from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.tablemodel import Column, RowTableModel
from desktop.ui.venue_panel import VenuePanel
from desktop.ui.vote_dialog import VoteDialog


class GroupReportsScreen(Screen):
    action = "reports.edit"

    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.setObjectName("groupReports")
        self.leader_window: LeaderModeWindow | None = None
        self.projector: ReportProjector | None = None
        self.venue_panel: VenuePanel | None = None

        self.table_picker = QComboBox()
        self.table_picker.setObjectName("tablePicker")
        self.table_picker.currentIndexChanged.connect(self._on_table_picked)
        self.leader_button = QPushButton(self.tr("桌長模式…"))
        self.leader_button.setObjectName("enterLeaderMode")
        self.leader_button.clicked.connect(self.enter_leader_mode)
        self.project_button = QPushButton(self.tr("投影此桌"))
        self.project_button.setObjectName("projectTable")
        self.project_button.clicked.connect(self.show_on_projector)
        self.export_button = QPushButton(self.tr("匯出彙整（PDF／Excel）…"))
        self.export_button.clicked.connect(self._export)
        self.venue_button = QPushButton(self.tr("開放現場連線…"))
        self.venue_button.setObjectName("openVenue")
        self.venue_button.clicked.connect(self.open_venue)
        self.vote_button = QPushButton(self.tr("投票…"))
        self.vote_button.setObjectName("openVote")
        self.vote_button.clicked.connect(self.open_vote)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("桌次：")))
        top.addWidget(self.table_picker, 1)
        for button in (
            self.leader_button,
            self.project_button,
            self.export_button,
            self.venue_button,
            self.vote_button,
        ):
            top.addWidget(button)

        self.form = ReportForm(context.db, self._author)
        self.form.saved.connect(self._on_saved)

        self.revisions: RowTableModel[svc.RevisionInfo] = RowTableModel(
            [
                Column(self.tr("時間"), lambda r: f"{r.saved_at:%H:%M:%S}"),
                Column(self.tr("編輯者"), lambda r: author_label(r.author)),
                Column(self.tr("內容"), lambda r: _summary(r), elides=True),
            ]
        )
        self.revision_view = QTableView()
        self.revision_view.setObjectName("revisionList")
        self.revision_view.setModel(self.revisions)
        self.revision_view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.revision_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.revision_view.verticalHeader().setVisible(False)
        self.revision_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        # The summary takes the room left, elided (it pushed itself past the panel's edge).
        self.revision_view.horizontalHeader().setSectionResizeMode(
            2, QHeaderView.ResizeMode.Stretch
        )
        self.revision_view.selectionModel().currentRowChanged.connect(self._preview_revision)
        self.revision_preview = QTextBrowser()
        self.revision_preview.setObjectName("revisionPreview")
        self.restore_button = QPushButton(self.tr("還原為此版本"))
        self.restore_button.setObjectName("restoreRevision")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self._restore)
        history = QWidget()
        history_layout = QVBoxLayout(history)
        history_layout.setContentsMargins(0, 0, 0, 0)
        history_layout.addWidget(QLabel(self.tr("<b>版本紀錄</b>（每分鐘保留一版）")))
        history_layout.addWidget(self.revision_view, 1)
        history_layout.addWidget(self.revision_preview, 2)
        history_layout.addWidget(self.restore_button)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.form)
        splitter.addWidget(history)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

    def title(self) -> str:
        return self.tr("小組報告")

    def _author(self) -> str:
        return self.context.operator or self.tr("主辦單位")

    def show_session(self, session: SessionInfo | None) -> None:
        self.form.flush()
        keep = self.current_table()
        self.table_picker.blockSignals(True)
        self.table_picker.clear()
        tables = svc.list_tables(self.context.db, session.id) if session is not None else ()
        for table in tables:
            # The leader is named in the heading below (here too, the English buttons
            # pushed 投票… past the window's edge).
            self.table_picker.addItem(table_label(table.number, table.name, ""), table)
        index = 0
        for i, table in enumerate(tables):
            if keep is not None and table.id == keep.id:
                index = i
        self.table_picker.blockSignals(False)
        for button in (
            self.leader_button,
            self.project_button,
            self.export_button,
            self.venue_button,
            self.vote_button,
        ):
            button.setEnabled(bool(tables))
        if self.venue_panel is not None and (
            session is None or self.venue_panel.session.id != session.id
        ):
            self.close_venue()  # the server serves one session
        if tables:
            self.table_picker.setCurrentIndex(index)
            self._on_table_picked(index)
        else:
            self.form.load(None)
            self.revisions.set_rows(())

    def current_table(self) -> svc.TableInfo | None:
        data = self.table_picker.currentData()
        return data if isinstance(data, svc.TableInfo) else None

    def select_table(self, number: int) -> None:
        for i in range(self.table_picker.count()):
            if self.table_picker.itemData(i).number == number:
                self.table_picker.setCurrentIndex(i)

    def _on_table_picked(self, _index: int) -> None:
        table = self.current_table()
        self.form.load(table.id if table else None)
        self._reload_revisions()
        if self.projector is not None and table is not None and self.projector.isVisible():
            self.projector.show_table(table.number)

    def _on_saved(self, result: svc.SaveResult) -> None:
        self._reload_revisions()

    def _reload_revisions(self) -> None:
        table = self.current_table()
        self.revisions.set_rows(svc.list_revisions(self.context.db, table.id) if table else ())
        self.revision_preview.clear()
        self.restore_button.setEnabled(False)

    def _preview_revision(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        revision = self.revisions.row_at(current.row())
        self.revision_preview.setHtml(report_html(self.current_table(), revision.content))
        self.restore_button.setEnabled(current.row() > 0)

    def _restore(self) -> None:
        table = self.current_table()
        index = self.revision_view.currentIndex()
        if table is None or not index.isValid():
            return
        revision = self.revisions.row_at(index.row())
        self.form.flush()
        svc.restore_revision(self.context.db, table.id, revision.id, author=self._author())
        self.form.load(table.id)
        self._reload_revisions()

    # --- venue server ------------------------------------------------------------------------
    def open_venue(self) -> VenuePanel | None:
        """The organiser's panel to serve this session over the venue Wi-Fi."""
        if self.session is None:
            return None
        if self.venue_panel is None:
            self.venue_panel = VenuePanel(self.context.db, self.session, self._author(), self)
            self.venue_panel.table_changed.connect(self._on_venue_change)
        self.venue_panel.show()
        self.venue_panel.raise_()
        return self.venue_panel

    def close_venue(self) -> None:
        if self.venue_panel is not None:
            self.venue_panel.stop()
            self.venue_panel.close()
            self.venue_panel.deleteLater()
            self.venue_panel = None

    def _on_venue_change(self, table_id: int) -> None:
        """A leader's device saved: the form, the history and the projector follow. A hidden
        screen skips the form and its history (read again when the screen is shown): the
        desk scanning at 報到 must not re-read a report on every save."""
        table = self.current_table()
        if table is not None and table.id == table_id and self.isVisible():
            self.form.refresh_from_store()
            self._reload_revisions()
        if self.projector is not None and self.projector.isVisible():
            self.projector.refresh()
        if self.leader_window is not None:
            self.leader_window.refresh_from_store(table_id)

    # --- leader mode, projector, export ------------------------------------------------------
    def enter_leader_mode(self) -> LeaderModeWindow | None:
        if self.session is None:
            return None
        self.form.flush()
        if not ensure_organiser_pin(
            self, self.context.db, self.session.event_id, actor=self._author()
        ):
            return None
        window = LeaderModeWindow(self.context.db, self.session, operator=self.context.operator)
        window.finished.connect(self._leader_mode_finished)
        self.leader_window = window
        window.start(self.window())
        return window

    def _leader_mode_finished(self) -> None:
        self.leader_window = None
        self.refresh()

    def show_on_projector(self) -> ReportProjector | None:
        table = self.current_table()
        if self.session is None or table is None:
            return None
        if self.projector is None or self.projector.session_id != self.session.id:
            if self.projector is not None:
                self.projector.close()
            self.projector = ReportProjector(self.context.db, self.session.id)
            numbers = [
                self.table_picker.itemData(i).number for i in range(self.table_picker.count())
            ]
            self.projector.set_queue(numbers, 0)
            self.projector.table_shown.connect(self.select_table)
        self.projector.show_table(table.number)
        self.projector.show_on_projector()
        return self.projector

    def open_vote(self) -> VoteDialog | None:
        """The PB vote on the tables' proposals (organiser: it opens, closes, takes paper)."""
        if self.session is None or not self.context.require_organiser(self):
            return None
        from desktop.server.netaddr import offered_addresses
        from desktop.server.runner import DEFAULT_PORT

        self.form.flush()
        # The vote page lives on the venue server: its address when it runs (開放現場連線),
        # else where it will listen by default.
        panel = self.venue_panel
        offered = [c.address for c in offered_addresses()] or ["127.0.0.1"]
        base = (
            panel.server.address
            if panel is not None and panel.server is not None and panel.running
            else f"http://{offered[0]}:{DEFAULT_PORT}/"
        )
        url = f"{base}vote"
        dialog = VoteDialog(self.context.db, self.session.id, url, self._author(), self)
        dialog.show()
        return dialog

    def _export(self) -> None:
        if self.session is None:
            return
        self.form.flush()
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("匯出小組討論成果彙整"),
            str(paths.proposed_file(f"小組討論成果彙整-{self.session.name}", ".pdf")),
            self.tr("PDF (*.pdf);;Excel (*.xlsx)"),
        )
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        from desktop.services import exports

        assert self.session is not None
        path = path if path.suffix.lower() == ".xlsx" else path.with_suffix(".pdf")
        exports.group_reports(self.context.db, self.session.id, path, overwrite=True)
        QMessageBox.information(self, self.tr("已匯出"), str(path))


def _summary(r: svc.RevisionInfo) -> str:
    c = r.content
    proposals = len([p for p in c.proposals if not p.is_blank()])
    topic = c.topic.strip()[:20] or "—"
    texts = (c.points_for, c.points_against, c.feedback, c.open_questions)
    return f"{topic}；{proposals} 案；{sum(len(t) for t in texts)} 字"
