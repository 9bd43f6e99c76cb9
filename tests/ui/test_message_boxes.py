"""Every message box shows its sentence as plain text (the app's style makes it so), however it
is opened, and answers by real clicks and keys."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from desktop.ui.qtapp import ensure_app

HOSTILE = '<img src="file:///etc/passwd"><span style="font-size:90px;color:red">X</span>'


def _when_shown(act: Callable[[QMessageBox], None]) -> list[tuple[Qt.TextFormat, str]]:
    """Run ``act(box)`` on the message box once it is open; returns the format and text of its
    sentence (checked after the box has closed, so a failure never leaves it open)."""
    seen: list[tuple[Qt.TextFormat, str]] = []

    def poke() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poke)
            return
        label = box.findChild(QLabel, "qt_msgbox_label")
        if label is not None:
            seen.append((label.textFormat(), label.text()))
        act(box)

    QTimer.singleShot(0, poke)
    return seen


def _parent(qtbot) -> QWidget:
    ensure_app()  # the app's style, as the window has it
    parent = QWidget()
    qtbot.addWidget(parent)
    return parent


def test_a_question_quoting_a_phone_title_is_plain_and_yes_is_a_click(qtbot) -> None:
    parent = _parent(qtbot)
    seen = _when_shown(
        lambda box: qtbot.mouseClick(
            box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton
        )
    )
    answer = QMessageBox.question(parent, "投票", f"這些提案：\n{HOSTILE}\n仍要開始？")
    assert answer == QMessageBox.StandardButton.Yes
    assert len(seen) == 1 and seen[0][0] == Qt.TextFormat.PlainText and HOSTILE in seen[0][1]


def test_escape_answers_no(qtbot) -> None:
    parent = _parent(qtbot)
    seen = _when_shown(lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape))
    assert QMessageBox.question(parent, "投票", HOSTILE) != QMessageBox.StandardButton.Yes
    assert seen == [(Qt.TextFormat.PlainText, HOSTILE)]


def test_a_warning_is_plain_too(qtbot) -> None:
    parent = _parent(qtbot)
    seen = _when_shown(
        lambda box: qtbot.mouseClick(
            box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        )
    )
    QMessageBox.warning(parent, "投票", HOSTILE)
    assert seen == [(Qt.TextFormat.PlainText, HOSTILE)]
