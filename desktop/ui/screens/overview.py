"""總覽: the day's dashboard — every session's figures (expected, checked in, in the room, signed
out, missing, walk-ins) and the chosen session's tables — then its agenda and roster."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop.services.dashboard import Figures, SessionFigures, TableFigures, day_figures
from desktop.services.events import AgendaRow, SessionInfo
from desktop.services.roster import RosterRow, list_roster
from desktop.ui.labels import block_kind_label, day_label, status_label, with_detail, yes_no
from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.tablemodel import Column, RowTableModel, row_table_view


class OverviewScreen(Screen):
    def __init__(self, context: ScreenContext) -> None:
        super().__init__(context)
        self.setObjectName("overview")
        self.heading = QLabel()
        self.heading.setObjectName("overviewHeading")
        # Explicit line breaks; word wrap would make the scroll area give it its full height.
        self.heading.setWordWrap(False)
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
        self.sessions_model: RowTableModel[SessionFigures] = RowTableModel(
            [
                Column(self.tr("場次"), lambda f: f"{f.name} {f.date:%m/%d}"),
                *self._figure_columns(lambda f: f.figures),
            ]
        )
        self.tables_model: RowTableModel[TableFigures] = RowTableModel(
            [
                Column(
                    self.tr("桌"),
                    lambda t: (
                        self.tr("第 {n} 桌").format(n=t.number)
                        if t.number is not None
                        else self.tr("未排桌")
                    ),
                ),
                *self._figure_columns(lambda t: t.figures),
            ]
        )
        self.agenda_view = row_table_view(self.agenda_model, "overviewAgenda")
        self.roster_view = row_table_view(self.roster_model, "overviewRoster")
        self.sessions_view = row_table_view(self.sessions_model, "overviewSessions", single=True)
        self.tables_view = row_table_view(self.tables_model, "overviewTables")
        # Each figures table as wide as its columns, side by side; the agenda's titles take the
        # room that is left so the last column ("計入時數") is never cut.
        for view in (self.sessions_view, self.tables_view):
            view.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustToContents)
            view.horizontalHeader().setStyleSheet("QHeaderView::section { padding: 5px 1px; }")
        # The sessions' table no wider than its columns (its last one stretched to 142 px in
        # English and pushed the tables' "Missing" column out of a 1280-pixel window).
        self.sessions_view.horizontalHeader().setStretchLastSection(False)
        agenda_header = self.agenda_view.horizontalHeader()
        agenda_header.setStretchLastSection(False)
        agenda_header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        dashboard = QSplitter(Qt.Orientation.Horizontal)
        dashboard.addWidget(_titled(self.tr("各場次報到"), self.sessions_view))
        dashboard.addWidget(_titled(self.tr("本場次各桌"), self.tables_view))
        dashboard.setStretchFactor(0, 0)  # the sessions keep their columns' width
        dashboard.setStretchFactor(1, 1)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(dashboard)
        splitter.addWidget(_titled(self.tr("議程"), self.agenda_view))
        splitter.addWidget(_titled(self.tr("名單"), self.roster_view))
        for index, share in enumerate((5, 3, 3)):  # the figures first: what the day is about
            splitter.setStretchFactor(index, share)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(splitter, 1)

    def _figure_columns(self, figures: Callable[[Any], Figures]) -> list[Column[Any]]:
        """The dashboard's figures, the same columns for a session and for a table."""
        return [
            Column(self.tr("錄取"), lambda r: figures(r).admitted, align_right=True),
            Column(self.tr("現場報名"), lambda r: figures(r).walk_ins, align_right=True),
            Column(self.tr("已報到"), lambda r: figures(r).checked_in, align_right=True),
            Column(self.tr("在場"), lambda r: figures(r).present, align_right=True),
            Column(self.tr("已簽退"), lambda r: figures(r).signed_out, align_right=True),
            Column(self.tr("未到"), lambda r: figures(r).missing, align_right=True),
        ]

    def title(self) -> str:
        return self.tr("總覽")

    def show_session(self, session: SessionInfo | None) -> None:
        if session is None:
            self.heading.setText(
                self.tr("尚無場次。請由「檔案」選單新增場次，或開啟示範活動、其他資料庫。")
            )
            self.agenda_model.set_rows(())
            self.roster_model.set_rows(())
            self.sessions_model.set_rows(())
            self.tables_model.set_rows(())
            return
        self._show_figures(session)
        counts = session.counts
        self.heading.setText(
            self.tr(
                "<b>{name}</b>　{date} {start}–{end}<br>{place}<br>"
                "名額 {capacity}，每機關 {limit} 名　·　已錄取 {admitted}　候補 {waitlisted}"
                "　已取消 {cancelled}　現場報名 {walk_in}"
            ).format(
                name=session.name,
                date=day_label(session.date),
                start=f"{session.start_time:%H:%M}",
                end=f"{session.end_time:%H:%M}",
                place=with_detail(session.venue, session.address)
                if session.address
                else session.venue,
                capacity=session.capacity,
                limit=session.agency_limit,
                **counts,
            )
        )
        self.agenda_model.set_rows(session.agenda)
        self.roster_model.set_rows(list_roster(self.context.db, session.id))

    def _show_figures(self, session: SessionInfo) -> None:
        """Read again each time the screen is shown: the desk changes them all day."""
        figures = day_figures(self.context.db, session.event_id)
        self.sessions_model.set_rows(figures)
        view = self.sessions_view
        view.setMaximumWidth(
            view.horizontalHeader().length()
            + 2 * view.frameWidth()
            + view.verticalScrollBar().sizeHint().width()
        )
        for row, f in enumerate(figures):
            if f.session_id == session.id:
                self.sessions_view.selectRow(row)
                self.tables_model.set_rows(f.tables)


def _titled(title: str, widget: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    label = QLabel(f"<b>{title}</b>")
    layout.addWidget(label)
    layout.addWidget(widget, 1)
    return box
