"""One proposal of a group report: title, problem, place, cost (checked as typed), marks, votes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from desktop.core.group_report import (
    CRITERIA,
    MARKS,
    CostError,
    Proposal,
    format_cost,
    new_proposal_id,
    normalise_mark,
    parse_cost,
)
from desktop.core.report_limits import FIELD_LIMITS, TEXT_LIMIT
from desktop.ui.labels import criterion_label
from desktop.ui.messages import error_text
from desktop.ui.palette import ALERT


def limit_hint(limit: int) -> str:
    return QCoreApplication.translate("ProposalEditor", "最多 {n} 字").format(n=limit)


def with_limit(placeholder: str, limit: int) -> str:
    """A placeholder saying its limit, punctuated in the interface's language (English showed
    「Topic（At most 100 characters）」)."""
    return QCoreApplication.translate("ProposalEditor", "{placeholder}（最多 {n} 字）").format(
        placeholder=placeholder, n=limit
    )


def text_box(placeholder: str, height: int = 80, limit: int = TEXT_LIMIT) -> QPlainTextEdit:
    """A multi-line field that holds at most ``limit`` characters typed or pasted (as the
    leader's page does): what goes over is cut where it was typed. A longer text stored before
    the limit existed is shown whole."""
    box = QPlainTextEdit()
    box.setPlaceholderText(with_limit(placeholder, limit))
    box.setToolTip(limit_hint(limit))
    box.setMinimumHeight(height)
    box.setMaximumHeight(int(height * 1.8))
    box.setTabChangesFocus(True)
    box.textChanged.connect(lambda: _hold_to(box, limit))
    return box


def show_text(box: QPlainTextEdit, text: str) -> None:
    """Show a stored text in a ``text_box``: one longer than the limit (stored before the
    limit existed) is shown whole and never cut while it is edited."""
    box.setProperty("stored_length", len(text))
    box.setPlainText(text)


def _hold_to(box: QPlainTextEdit, limit: int) -> None:
    excess = len(box.toPlainText()) - max(limit, box.property("stored_length") or 0)
    if excess <= 0:
        return
    cursor = box.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Left, QTextCursor.MoveMode.KeepAnchor, excess)
    cursor.removeSelectedText()


def line_box(placeholder: str, limit: int) -> QLineEdit:
    """A one-line field saying its limit (``limit_line`` holds it there)."""
    edit = QLineEdit()
    edit.setPlaceholderText(with_limit(placeholder, limit))
    edit.setToolTip(limit_hint(limit))
    limit_line(edit, limit)
    return edit


def limit_line(edit: QLineEdit, limit: int, text: str = "") -> None:
    """``edit`` takes at most ``limit`` characters; a longer ``text`` stored before the limit
    existed is shown whole (Qt would cut it, and the next save would lose the rest)."""
    edit.setMaxLength(max(limit, len(text)))


class ProposalEditor(QGroupBox):
    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, number: int) -> None:
        super().__init__()
        self.setObjectName(f"proposal{number}")
        self.proposal_id = new_proposal_id()
        self.title_edit = line_box(self.tr("提案名稱"), FIELD_LIMITS["title"])
        self.title_edit.setObjectName("proposalTitle")
        self.problem_edit = text_box(self.tr("要解決的問題"), 50, FIELD_LIMITS["problem"])
        self.location_edit = line_box(self.tr("地點"), FIELD_LIMITS["location"])
        self.beneficiaries_edit = line_box(self.tr("受益對象"), FIELD_LIMITS["beneficiaries"])
        self.cost_edit = line_box(self.tr("例：約 30 萬、300,000"), FIELD_LIMITS["cost_text"])
        self.cost_edit.setObjectName("proposalCost")
        self.cost_hint = QLabel()
        self.cost_hint.setObjectName("costHint")
        self.cost_hint.setWordWrap(True)
        self.cost_hint.setTextFormat(Qt.TextFormat.PlainText)  # quotes the cost as typed
        self.marks: dict[str, QComboBox] = {}
        marks_row = QHBoxLayout()
        for criterion in CRITERIA:
            combo = QComboBox()
            combo.setEditable(True)
            combo.addItems(list(MARKS))
            combo.setObjectName(f"mark_{criterion}")
            combo.setToolTip(self.tr("○ 可行　△ 待確認　× 不可行，或 1–5 分"))
            combo.setMinimumContentsLength(3)
            self.marks[criterion] = combo
            marks_row.addWidget(QLabel(criterion_label(criterion)))
            marks_row.addWidget(combo)
            combo.currentTextChanged.connect(self.changed)
        marks_row.addStretch(1)
        self.votes = QSpinBox()
        self.votes.setObjectName("proposalVotes")
        self.votes.setRange(-1, 9999)
        self.votes.setSpecialValueText("—")
        self.votes.setValue(-1)
        marks_row.addWidget(QLabel(self.tr("票數")))
        marks_row.addWidget(self.votes)
        remove = QPushButton(self.tr("刪除此提案"))
        remove.clicked.connect(lambda: self.remove_requested.emit(self))
        form = QFormLayout(self)
        form.addRow(self.tr("提案名稱"), self.title_edit)
        form.addRow(self.tr("問題"), self.problem_edit)
        form.addRow(self.tr("地點"), self.location_edit)
        form.addRow(self.tr("受益對象"), self.beneficiaries_edit)
        cost_row = QHBoxLayout()
        cost_row.addWidget(self.cost_edit, 1)
        cost_row.addWidget(self.cost_hint, 2)
        form.addRow(self.tr("估計經費"), cost_row)
        form.addRow(self.tr("可行性"), marks_row)
        form.addRow("", remove)
        for edit in (self.title_edit, self.location_edit, self.beneficiaries_edit, self.cost_edit):
            edit.textChanged.connect(self.changed)
        self.problem_edit.textChanged.connect(self.changed)
        self.votes.valueChanged.connect(self.changed)
        self.cost_edit.textChanged.connect(self._show_cost)
        self.set_number(number)

    def set_number(self, number: int) -> None:
        self.setTitle(self.tr("提案 {n}").format(n=number))

    def _show_cost(self) -> None:
        try:
            amount = parse_cost(self.cost_edit.text())
        except CostError as exc:
            self.cost_hint.setStyleSheet(f"color:{ALERT}")
            self.cost_hint.setText(error_text(exc))
            return
        self.cost_hint.setStyleSheet("color:#1b5e20")
        self.cost_hint.setText(f"= {format_cost(amount)}" if amount is not None else "")

    def _lines(self) -> tuple[tuple[QLineEdit, str], ...]:
        return (
            (self.title_edit, "title"),
            (self.location_edit, "location"),
            (self.beneficiaries_edit, "beneficiaries"),
            (self.cost_edit, "cost_text"),
        )

    def set_proposal(self, p: Proposal) -> None:
        self.proposal_id = p.id or self.proposal_id
        for edit, key in self._lines():
            limit_line(edit, FIELD_LIMITS[key], getattr(p, key))
        self.title_edit.setText(p.title)
        show_text(self.problem_edit, p.problem)
        self.location_edit.setText(p.location)
        self.beneficiaries_edit.setText(p.beneficiaries)
        self.cost_edit.setText(p.cost_text)
        for criterion, combo in self.marks.items():
            combo.setCurrentText(p.mark(criterion))
        self.votes.setValue(-1 if p.votes is None else p.votes)
        self._show_cost()

    def proposal(self) -> Proposal:
        marks = {c: normalise_mark(combo.currentText()) for c, combo in self.marks.items()}
        return Proposal(
            title=self.title_edit.text(),
            problem=self.problem_edit.toPlainText(),
            location=self.location_edit.text(),
            beneficiaries=self.beneficiaries_edit.text(),
            cost_text=self.cost_edit.text(),
            feasibility={c: m for c, m in marks.items() if m},
            votes=None if self.votes.value() < 0 else self.votes.value(),
            id=self.proposal_id,
        )
