"""One table's report in large type for the projector, following the report-back queue.

While the agenda's 小組報告 block runs its report-back queue, the projector follows it on its
own (it reads the run state the agenda saves): the current table and its slot countdown.
Choosing a table by hand stops following. The API:

* ``show_table(number)`` — show table ``number`` of the session (the queue's current slot
  moves to it when it is in the queue);
* ``set_queue(numbers, current=0)`` — the order tables report in, and which one is on;
* ``next()`` / ``previous()`` — move along the queue; ``table_shown(int)`` is emitted.

The projector re-reads the shown report every ``POLL_MS`` so the lecturer's feedback typed at
the desk appears as it is written. Attendees' names are masked (王○明): it is a public screen.
Keys: → / Space / PageDown next, ← / PageUp previous, 1–9 a table, F or F11 full screen,
Esc leaves full screen.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from db.uow import Database
from desktop.services import agenda_run
from desktop.services import group_reports as svc
from desktop.ui.messages import error_text
from desktop.ui.report_html import html_text, report_html


class ReportProjector(QWidget):
    table_shown = Signal(int)
    POLL_MS = 1500

    def __init__(
        self,
        db: Database,
        session_id: int,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.clock = clock
        # While the agenda runs a 小組報告 queue, the projector follows it (table and slot
        # timer); choosing a table by hand (keys 1–9, arrows) stops following.
        self.follow_agenda = True
        self.slot_text = ""
        self.setObjectName("reportProjector")
        self.setWindowTitle(self.tr("小組報告投影"))
        self.db = db
        self.session_id = session_id
        self.queue: list[int] = []
        self.current = 0
        self.number: int | None = None
        self._stamp: object = None
        self.setStyleSheet("background:white")
        self.queue_label = QLabel()
        self.queue_label.setObjectName("projectorQueue")
        self.queue_label.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.queue_label.setTextFormat(Qt.TextFormat.RichText)  # table numbers and a countdown
        self.view = QTextBrowser()
        self.view.setObjectName("projectorView")
        self.view.setFrameShape(QTextBrowser.Shape.NoFrame)
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 20, 40, 20)
        layout.addWidget(self.queue_label)
        layout.addWidget(self.view, 1)
        self.resize(1280, 720)
        self._poll = QTimer(self)
        self._poll.setInterval(self.POLL_MS)
        self._poll.timeout.connect(self._on_poll)
        self._poll.start()

    # --- the queue API ----------------------------------------------------------------------
    def set_queue(self, numbers: Sequence[int], current: int = 0) -> None:
        self.queue = list(numbers)
        if self.queue:
            self.current = max(0, min(current, len(self.queue) - 1))
            self.show_table(self.queue[self.current])
        else:
            self._render_queue()

    def show_table(self, number: int) -> None:
        if number in self.queue:
            self.current = self.queue.index(number)
        self.number = number
        self._render(force=True)
        self.table_shown.emit(number)

    def next(self) -> None:
        if self.queue and self.current + 1 < len(self.queue):
            self.show_table(self.queue[self.current + 1])

    def previous(self) -> None:
        if self.queue and self.current > 0:
            self.show_table(self.queue[self.current - 1])

    def follow_agenda_queue(self) -> None:
        """Show the table the agenda's report-back queue is on, with its slot countdown."""
        run = agenda_run.load_run(self.db, self.session_id)
        status = run.queue(self.clock())
        if status is None or status.table is None or run.state.queue is None:
            self.slot_text = ""
            return
        order = list(run.state.queue.order)
        remaining = max(0, int(status.slot_remaining))
        self.slot_text = self.tr("報告時間剩 {minutes}:{seconds:02d}").format(
            minutes=remaining // 60, seconds=remaining % 60
        )
        if order != self.queue or status.table != self.number:
            self.queue = order
            self.show_table(status.table)
        else:
            self._render_queue()

    def refresh(self) -> None:
        """Re-read the shown report now (a leader's device just saved it)."""
        self._render(force=False)

    def _on_poll(self) -> None:
        if self.follow_agenda:
            self.follow_agenda_queue()
        self._render(force=False)

    # --- drawing ---------------------------------------------------------------------------
    def base_pt(self) -> float:
        return max(14.0, self.height() / 30)

    def _render(self, *, force: bool) -> None:
        if self.number is None:
            prompt = self.tr("請選擇桌次")
            self.view.setHtml(f"<p style='font-size:{self.base_pt()}pt'>{prompt}</p>")
            self._render_queue()
            return
        try:
            table = svc.find_table(self.db, self.session_id, self.number)
        except svc.GroupReportError as exc:
            message = html_text(error_text(exc))
            self.view.setHtml(f"<p style='font-size:{self.base_pt()}pt'>{message}</p>")
            return
        stamp = (table.id, table.updated_at, self.height())
        if not force and stamp == self._stamp:
            return
        self._stamp = stamp
        snap = svc.load_report(self.db, table.id)
        scroll = self.view.verticalScrollBar().value()
        self.view.setHtml(
            report_html(snap.table, snap.content, public=True, base_pt=self.base_pt())
        )
        if not force:
            self.view.verticalScrollBar().setValue(scroll)
        self._render_queue()

    def _render_queue(self) -> None:
        if not self.queue:
            self.queue_label.setText("")
            return
        parts = [
            f"<b style='color:#b71c1c'>[{n}]</b>" if i == self.current else str(n)
            for i, n in enumerate(self.queue)
        ]
        size = max(10.0, self.base_pt() * 0.6)
        slot = f"　<b>{self.slot_text}</b>" if self.slot_text else ""
        self.queue_label.setText(
            f"<span style='font-size:{size}pt'>"
            + self.tr("報告順序：")
            + " → ".join(parts)
            + slot
            + "</span>"
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._render(force=True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if (
            key
            in (
                Qt.Key.Key_Right,
                Qt.Key.Key_Space,
                Qt.Key.Key_PageDown,
                Qt.Key.Key_Left,
                Qt.Key.Key_PageUp,
            )
            or Qt.Key.Key_1 <= key <= Qt.Key.Key_9
        ):
            self.follow_agenda = False
        if key in (Qt.Key.Key_Right, Qt.Key.Key_Space, Qt.Key.Key_PageDown):
            self.next()
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_PageUp):
            self.previous()
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            self.show_table(key - Qt.Key.Key_0)
        elif key in (Qt.Key.Key_F, Qt.Key.Key_F11):
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        elif key == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def show_on_projector(self) -> None:
        show_on_projector(self)


def show_on_projector(window: QWidget) -> None:
    """Full screen on the second screen when there is one, else a normal window."""
    screens = QGuiApplication.screens()
    primary = QGuiApplication.primaryScreen()
    others = [s for s in screens if s is not primary]
    if others:
        window.setGeometry(others[0].geometry())
        window.showFullScreen()
    else:
        window.show()
    window.raise_()
