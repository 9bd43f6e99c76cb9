"""報到紀錄: the session's check-in log as the organiser reads it, every attempt at its desks
(refused scans too, with why), newest first."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from db.uow import Database
from desktop.services import checkin_log
from desktop.ui.checkin.card import outcome_title
from desktop.ui.labels import status_label
from desktop.ui.tablemodel import Column, RowTableModel

translate = QCoreApplication.translate  # translate("checkin", "…"): lupdate finds the literal


def method_label(method: str) -> str:
    """How the row was recorded, in words (the log stores a code)."""
    labels = {
        "scanner": translate("checkin", "掃描器"),
        "camera": translate("checkin", "攝影機"),
        "typed": translate("checkin", "手動輸入"),
        "search": translate("checkin", "搜尋"),
        "list": translate("checkin", "未到名單"),
        "walk_in": status_label("walk_in"),  # recorded by registering a walk-in
        "admit": translate("checkin", "現場錄取"),
        "void": translate("checkin", "作廢"),
        "cli": translate("checkin", "命令列"),
        "cli-search": translate("checkin", "命令列搜尋"),
    }
    return labels.get(method, method)


def entry_label(row: checkin_log.LogRow) -> str:
    """What the row records: 報到 / 簽退 / 作廢, or the refusal of an attempt."""
    if row.action == "refused":
        return translate("checkin", "未受理：{why}").format(why=outcome_title(row.result))
    if row.action == "void":
        return translate("checkin", "作廢 #{id}：{reason}").format(
            id=row.voids_id, reason=row.reason
        )
    done = translate("checkin", "報到") if row.action == "in" else translate("checkin", "簽退")
    return done + (translate("checkin", "（已作廢）") if row.voided else "")


def log_columns(what: Column[checkin_log.LogRow]) -> list[Column[checkin_log.LogRow]]:
    """The columns of a log table, ``what`` the row records after the time."""
    return [
        Column(translate("checkin", "時間"), lambda r: f"{r.at:%H:%M:%S}"),
        what,
        Column(translate("checkin", "姓名"), lambda r: r.name),
        Column(translate("checkin", "服務機關"), lambda r: r.agency),
        Column(translate("checkin", "櫃台"), lambda r: r.desk),
        Column(translate("checkin", "方式"), lambda r: method_label(r.method)),
    ]


def log_view(model: RowTableModel[checkin_log.LogRow]) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.verticalHeader().setVisible(False)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class LogDialog(QDialog):
    def __init__(self, db: Database, session_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("checkInLogDialog")
        self.setWindowTitle(self.tr("報到紀錄"))
        self.resize(820, 520)
        rows = checkin_log.list_log(db, session_id)
        self.model: RowTableModel[checkin_log.LogRow] = RowTableModel(
            log_columns(Column(self.tr("紀錄"), entry_label))
        )
        self.model.set_rows(rows)
        self.view = log_view(self.model)
        refused = sum(r.action == "refused" for r in rows)
        self.summary = QLabel(
            self.tr(
                "共 {n} 筆，其中 {refused} 筆為未受理的掃描（不影響任何人的報到狀態）。"
            ).format(n=len(rows), refused=refused)
        )
        self.summary.setObjectName("checkInLogSummary")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
