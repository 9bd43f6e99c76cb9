from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel

from desktop.ui import qtapp


def test_style_sheet_leaves_big_fonts_big(qapp) -> None:
    """The projector countdown and the result card size their fonts with setFont(); the
    application style sheet must not override that."""
    previous = qapp.styleSheet(), qapp.font()
    try:
        qtapp._load_style(qapp)
        assert qapp.font().pointSizeF() == qtapp.BASE_POINT_SIZE
        label = QLabel("12:34")
        font = QFont(label.font())
        font.setPixelSize(240)
        label.setFont(font)
        label.setStyleSheet("color: #d32f2f;")
        label.ensurePolished()
        assert label.font().pixelSize() == 240
    finally:
        qapp.setStyleSheet(previous[0])
        qapp.setFont(previous[1])
