"""The roster's list: rows tinted by status, indexed once for search as you type, filtered."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from desktop.core.search import Query, phone_digits, search_key
from desktop.services.roster import RosterRow
from desktop.ui.tablemodel import RowTableModel

ALL = "__all__"
MISSING = "__missing__"
HOURS_PENDING = "__hours_pending__"

_STATUS_COLOURS = {
    "admitted": QColor("#E6F4EA"),
    "waitlisted": QColor("#FFF6E0"),
    "cancelled": QColor("#EEEEEE"),
    "walk_in": QColor("#E3EEFB"),
}


@dataclass(frozen=True)
class IndexedRow:
    row: RosterRow
    key: str
    phone: str


def index_rows(rows: Iterable[RosterRow]) -> list[IndexedRow]:
    """Each row with its search key and phone digits, computed once per reload, not per key."""
    return [
        IndexedRow(r, search_key(r.name, r.agency, r.email), phone_digits(r.phone)) for r in rows
    ]


def filter_rows(
    rows: Sequence[IndexedRow], query: Query, session_id: int | None, status: object
) -> list[RosterRow]:
    """The rows in the session (None: all) with the status filter's code that match the query."""
    shown = []
    for item in rows:
        r = item.row
        if session_id is not None and r.session_id != session_id:
            continue
        if status == MISSING and not r.missing_from_import:
            continue
        if status == HOURS_PENDING and not (r.wants_hours and not r.id_valid):
            continue
        if status not in (ALL, MISSING, HOURS_PENDING) and r.status != status:
            continue
        if not query.empty and not query.matches(item.key, item.phone):
            continue
        shown.append(r)
    return shown


class RosterModel(RowTableModel[RosterRow]):
    """The roster rows, tinted by status; cancelled and missing people in grey."""

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if index.isValid() and role == Qt.ItemDataRole.BackgroundRole:
            return QBrush(_STATUS_COLOURS.get(self.row_at(index.row()).status, QColor("white")))
        if index.isValid() and role == Qt.ItemDataRole.ForegroundRole:
            row = self.row_at(index.row())
            if row.status == "cancelled" or row.missing_from_import:
                return QBrush(QColor("#777777"))
        return super().data(index, role)
