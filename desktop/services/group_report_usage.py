"""How much of a report's history venue devices may store: per device and per table, per
minute and in total. A leader typing a long report stores well under these; a device sending
the same large report a hundred times is refused, with a sentence, before anything is written.

What a save stores: the merge base kept for the new revision (``GroupReportState``, kept
``STATE_SECONDS``) and what the history gains (a new revision, or a coalesced revision's
growth). Per minute counts both; in total counts the history, which is kept for good. So the
merge bases of a table hold at most ``TABLE_BYTES_PER_MINUTE`` × 30 at any time, and its
history grows by at most ``TABLE_HISTORY_BYTES`` from devices. The desk's own saves (no
device) are never refused.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import GroupReportUsage
from desktop.core.outcomes import group_reports as words
from desktop.core.problems import CodedError

MB = 1024 * 1024
DEVICE_BYTES_PER_MINUTE = 2 * MB  # a leader typing a 20 KB report non-stop stores about 1 MB
TABLE_BYTES_PER_MINUTE = 4 * MB
DEVICE_HISTORY_BYTES = 8 * MB
TABLE_HISTORY_BYTES = 16 * MB
WINDOW_SECONDS = 60
ALL_DEVICES = 0  # the usage row of all the table's devices together
TABLE_URL = -1  # writes holding the table URL itself (a script, no device cookie): one device


class StorageRefused(CodedError):
    """A device's save over what it (or its table) may store; ``per_minute``: try again soon."""

    @property
    def per_minute(self) -> bool:
        return self.outcome is words.STORAGE_MINUTE


def _usage(s: Session, report_id: int, device_id: int) -> GroupReportUsage:
    row = s.scalar(
        select(GroupReportUsage).where(
            GroupReportUsage.report_id == report_id, GroupReportUsage.device_id == device_id
        )
    )
    if row is None:
        row = GroupReportUsage(
            report_id=report_id, device_id=device_id, window_bytes=0, history_bytes=0
        )
        s.add(row)
    return row


def charge(
    s: Session,
    report_id: int,
    device_id: int | None,
    at: dt.datetime,
    *,
    stored: int,
    history: int,
) -> None:
    """Count ``stored`` bytes (net growth this save) and ``history`` bytes (kept for good)
    against the device and its table, or refuse the save (the caller's transaction rolls
    back, so nothing of it is written)."""
    if device_id is None:
        return
    rows = (
        ("device", _usage(s, report_id, device_id), DEVICE_BYTES_PER_MINUTE, DEVICE_HISTORY_BYTES),
        ("table", _usage(s, report_id, ALL_DEVICES), TABLE_BYTES_PER_MINUTE, TABLE_HISTORY_BYTES),
    )
    for who, row, per_minute, total in rows:
        if row.window_start is None or (at - row.window_start).total_seconds() >= WINDOW_SECONDS:
            row.window_start, row.window_bytes = at, 0
        if row.window_bytes + max(stored, 0) > per_minute:
            raise StorageRefused(
                words.STORAGE_MINUTE,
                scope=who,
                limit_mb=per_minute // MB,
            )
        if row.history_bytes + max(history, 0) > total:
            raise StorageRefused(
                words.STORAGE_TOTAL,
                scope=who,
                limit_mb=total // MB,
            )
        row.window_bytes += max(stored, 0)
        row.history_bytes += max(history, 0)
