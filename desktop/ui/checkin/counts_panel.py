"""The desk's right-hand panel: the live counts, the per-table figures and the not-yet-arrived
list (updated a row at a time after a scan)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import QHeaderView, QLabel, QVBoxLayout, QWidget

from desktop.services import desk_counts
from desktop.ui.palette import ALERT
from desktop.ui.tablemodel import Column, RowTableModel, row_table_view


class CountsPanel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.counts_label = QLabel()
        self.counts_label.setObjectName("checkinCounts")
        self.counts_label.setWordWrap(True)
        self.counts_label.setStyleSheet("font-size:16px;")
        self.tables_label = QLabel()
        self.tables_label.setObjectName("tableCounts")
        self.tables_label.setWordWrap(True)
        self.missing_model: RowTableModel[desk_counts.PersonRow] = RowTableModel(
            [
                Column(self.tr("姓名"), lambda p: p.name),
                Column(self.tr("服務機關"), lambda p: p.agency, elides=True),
                Column(self.tr("桌"), lambda p: p.table, align_right=True),
                Column(self.tr("電話末碼"), lambda p: p.phone_tail),
            ]
        )
        self.missing_view = row_table_view(self.missing_model, "notArrived", single=True)
        # Sizing columns to 10,000 rows' contents would cost ~100 ms per refresh.
        header = self.missing_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column, width in enumerate((70, 96, 36)):  # never narrower than the header's words
            header.resizeSection(column, max(width, header.sectionSizeHint(column)))
        header.setStretchLastSection(True)
        self.missing_title = QLabel()
        # The wrong 場次 picked at the desk (or a rehearsal on another day): say so, because
        # every check-in would be recorded on a day the session does not take place.
        self.date_warning = QLabel()
        self.date_warning.setObjectName("dateWarning")
        self.date_warning.setWordWrap(True)
        self.date_warning.setStyleSheet(f"color:{ALERT}; font-weight:bold;")
        self.date_warning.hide()
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(0, 0, 0, 0)
        self.box.addWidget(self.date_warning)
        self.box.addWidget(self.counts_label)
        self.box.addWidget(self.tables_label)
        self.box.addWidget(self.missing_title)
        self.box.addWidget(self.missing_view, 2)

    def clear(self) -> None:
        self.counts_label.setText("")
        self.tables_label.setText("")
        self.missing_model.set_rows(())

    def show_counts(
        self,
        c: desk_counts.LiveCounts,
        *,
        session_date: dt.date,
        today: dt.date,
        all_rows: bool,
        order: Mapping[int, int],
        arrived: Iterable[int] = (),
    ) -> None:
        """Show ``c``; the not-arrived list is filled afresh (``all_rows``) or loses just the
        rows of the ``arrived`` registrations, found by their place in the queue (``order``:
        registration id → place; the list is in that order)."""
        self.date_warning.setVisible(session_date != today)
        self.date_warning.setText(
            self.tr(
                "注意：本場次日期是 {date}，今天是 {today}。請確認上方選的場次；"
                "在其他日子報到不會計入時數。"
            ).format(date=f"{session_date:%Y-%m-%d}", today=f"{today:%Y-%m-%d}")
        )
        self.counts_label.setText(
            self.tr(
                "<b>已報到 {arrived} / 應到 {expected}</b>"
                "（錄取 {admitted}，現場報名 {walk_ins}）<br>"
                "在場 {present}　已簽退 {out}　名額 {capacity}"
            ).format(
                arrived=c.arrived,
                expected=c.expected,
                admitted=c.admitted,
                walk_ins=c.walk_ins,
                present=c.present,
                out=c.signed_out,
                capacity=c.capacity,
            )
        )
        each = self.tr("{n}桌 {a}/{s}")  # once, not per table (1,250 at a large day)
        self.tables_label.setText(
            self.tr("各桌已到 / 排入：")
            + "　".join(each.format(n=t.number, a=t.arrived, s=t.seated) for t in c.tables)
        )
        if all_rows:
            self.missing_model.set_rows(c.not_arrived)
        else:
            self.missing_model.remove_sorted(
                lambda p: order[p.registration_id], (order[r] for r in arrived)
            )
        self.missing_title.setText(self.tr("<b>尚未報到（{n}）</b>").format(n=len(c.not_arrived)))
