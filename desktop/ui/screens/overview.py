"""總覽: the chosen session at a glance — where and when, the agenda, the roster."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QSplitter, QVBoxLayout, QWidget

from desktop.core.rocdate import roc_date
from desktop.services.events import AgendaRow, SessionInfo
from desktop.services.roster import RosterRow, list_roster
from desktop.ui.labels import block_kind_label, status_label, yes_no
from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.tablemodel import Column, RowTableModel, row_table_view


class OverviewScreen(Screen):
    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.setObjectName("overview")
        self.heading = QLabel()
        self.heading.setObjectName("overviewHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.agenda_model: RowTableModel[AgendaRow] = RowTableModel(
            [
                Column(self.tr("時間"), lambda b: f"{b.planned_start:%H:%M}–{b.planned_end:%H:%M}"),
                Column(self.tr("議程"), lambda b: b.title),
                Column(self.tr("類型"), lambda b: block_kind_label(b.kind)),
                Column(self.tr("主講人"), lambda b: b.speaker),
                Column(self.tr("計入時數"), lambda b: yes_no(b.counts_for_hours)),
            ]
        )
        self.roster_model: RowTableModel[RosterRow] = RowTableModel(
            [
                Column(self.tr("順位"), lambda r: r.queue, align_right=True),
                Column(self.tr("姓名"), lambda r: r.name),
                Column(self.tr("服務機關"), lambda r: r.agency),
                Column(self.tr("單位"), lambda r: r.unit),
                Column(self.tr("職稱"), lambda r: r.title),
                Column(self.tr("狀態"), lambda r: status_label(r.status)),
                Column(self.tr("桌號"), lambda r: r.table, align_right=True),
                Column(self.tr("用餐"), lambda r: r.lunch),
            ]
        )
        self.agenda_view = row_table_view(self.agenda_model, "overviewAgenda")
        self.roster_view = row_table_view(self.roster_model, "overviewRoster")
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(_titled(self.tr("議程"), self.agenda_view))
        splitter.addWidget(_titled(self.tr("名單"), self.roster_view))
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)

    def title(self) -> str:
        return self.tr("總覽")

    def show_session(self, session: SessionInfo | None) -> None:
        if session is None:
            self.heading.setText(self.tr("尚無場次。請由「檔案」選單新增場次，或開啟示範活動、其他資料庫。"))
            self.agenda_model.set_rows(())
            self.roster_model.set_rows(())
            return
        counts = session.counts
        self.heading.setText(
            self.tr("<b>{name}</b>　{date} {start}–{end}<br>{place}<br>"
                    "名額 {capacity}，每機關 {limit} 名　·　已錄取 {admitted}　候補 {waitlisted}"
                    "　已取消 {cancelled}　現場報名 {walk_in}").format(
                name=session.name,
                date=roc_date(session.date, weekday=True),
                start=f"{session.start_time:%H:%M}",
                end=f"{session.end_time:%H:%M}",
                place=f"{session.venue}（{session.address}）" if session.address else session.venue,
                capacity=session.capacity,
                limit=session.agency_limit,
                **counts,
            )
        )
        self.agenda_model.set_rows(session.agenda)
        self.roster_model.set_rows(list_roster(self.context.db, session.id))



def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(f"<b>{title}</b>")
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box
