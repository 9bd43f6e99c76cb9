"""Message boxes that quote outside text show it as plain text and answer by real clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QWidget

from desktop.ui import boxes

HOSTILE = '<img src="file:///etc/passwd"><span style="font-size:90px;color:red">X</span>'


def _when_shown(qtbot, act) -> list[str]:
    """Run ``act(box)`` on the message box once it is open; returns the texts it showed."""
    seen: list[str] = []

    def poke() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, poke)
            return
        label = box.findChild(QLabel, "qt_msgbox_label")
        assert label is not None
        assert label.textFormat() == Qt.TextFormat.PlainText
        seen.append(label.text())
        act(box)

    QTimer.singleShot(0, poke)
    return seen


def test_a_question_quoting_a_phone_title_is_plain_and_yes_is_a_click(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = _when_shown(
        qtbot,
        lambda box: qtbot.mouseClick(
            box.button(QMessageBox.StandardButton.Yes), Qt.MouseButton.LeftButton
        ),
    )
    assert boxes.ask(parent, "投票", f"這些提案：\n{HOSTILE}\n仍要開始？") is True
    assert seen and HOSTILE in seen[0]


def test_escape_answers_no(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    _when_shown(qtbot, lambda box: qtbot.keyClick(box, Qt.Key.Key_Escape))
    assert boxes.ask(parent, "投票", HOSTILE) is False


def test_a_warning_is_plain_too(qtbot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)
    seen = _when_shown(
        qtbot,
        lambda box: qtbot.mouseClick(
            box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton
        ),
    )
    boxes.tell(parent, "投票", HOSTILE, warning=True)
    assert seen == [HOSTILE]
