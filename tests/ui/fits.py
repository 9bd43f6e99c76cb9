"""Finds text that does not fit the room a widget gives it.

A text is *clipped* when it is wider than the room its widget paints it in and is neither
word-wrapped (with the height to show every line) nor deliberately elided. The convention for
a deliberate elision: the widget's ``toolTip()`` (an item's ``ToolTipRole``) holds the full
text, so the reader can always get at it (``desktop.ui.elide.ColumnFit`` does so for cells).

Looked at: QLabel, QAbstractButton (push, tool, check and radio buttons), QComboBox (the current
text, and each popup row with the popup's own width and how many rows it shows), the header
sections of item views and the cells of the rows in view. ``clipped(root)`` returns one
``Clip`` per finding with the widget's path, the text and the pixels needed versus given.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QTableView,
    QToolButton,
    QTreeView,
    QWidget,
)

SLACK = 1  # px: font rounding; one pixel less than the text is not a visible cut
ALL_ROWS_UP_TO = 10
_TAG = re.compile(
    r"<[A-Za-z/!][^>]*>"
)  # Qt's rich-text guess: a tag  # a drop-down of this many items or fewer shows every one of them


@dataclass(frozen=True)
class Clip:
    where: str  # the widget's path from the window: objectName or class, parent first
    text: str
    need: int  # px the text takes
    have: int  # px the widget gives it

    def __str__(self) -> str:
        return f"{self.where}: {self.text!r} needs {self.need} px, has {self.have}"


def path(widget: QWidget) -> str:
    parts = []
    node: QWidget | None = widget
    while node is not None:
        parts.append(node.objectName() or type(node).__name__)
        node = node.parentWidget()
    return "/".join(reversed(parts))


def _plain(text: str, rich: bool) -> str:
    if rich:
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def _mnemonic_free(text: str) -> str:
    return re.sub(r"&(.)", r"\1", text.replace("&&", "\0")).replace("\0", "&")


def _widest(metrics: QFontMetrics, text: str) -> int:
    return max((metrics.horizontalAdvance(line) for line in text.split("\n")), default=0)


def _elided_on_purpose(widget: QWidget, text: str) -> bool:
    return bool(text) and widget.toolTip() == text


def _label(label: QLabel) -> Clip | None:
    if label.wordWrap() or not label.text() or label.pixmap() is not None and label.text() == "":
        return None
    rich = label.textFormat() == Qt.TextFormat.RichText or (
        label.textFormat() == Qt.TextFormat.AutoText and _TAG.search(label.text()) is not None
    )
    text = _plain(label.text(), rich)
    if _elided_on_purpose(label, text):
        return None
    room = label.contentsRect().width() - 2 * label.margin() - max(label.indent(), 0)
    need = _widest(label.fontMetrics(), text)
    return Clip(path(label), text, need, room) if need > room + SLACK else None


def _button(button: QAbstractButton) -> Clip | None:
    text = _mnemonic_free(button.text())
    if not text or _elided_on_purpose(button, text):
        return None
    if isinstance(button, QToolButton):
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly:
            return None
        room = button.contentsRect().width() - 6
        if button.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon:
            room -= button.iconSize().width() + 4
        if button.popupMode() == QToolButton.ToolButtonPopupMode.MenuButtonPopup:
            room -= button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
    else:
        option = QStyleOptionButton()
        option.initFrom(button)
        option.text = button.text()
        element = {
            QCheckBox: QStyle.SubElement.SE_CheckBoxContents,
            QRadioButton: QStyle.SubElement.SE_RadioButtonContents,
        }.get(type(button), QStyle.SubElement.SE_PushButtonContents)
        for kind, sub in (
            (QCheckBox, QStyle.SubElement.SE_CheckBoxContents),
            (QRadioButton, QStyle.SubElement.SE_RadioButtonContents),
        ):
            if isinstance(button, kind):
                element = sub
        room = button.style().subElementRect(element, option, button).width()
        if element == QStyle.SubElement.SE_PushButtonContents:
            room -= (
                2
                * button.style().pixelMetric(QStyle.PixelMetric.PM_ButtonMargin, option, button)
                // 2
            )
        else:
            room -= 4  # the style's own text margin beside the indicator
        if isinstance(button, QPushButton) and button.menu() is not None:
            room -= button.style().pixelMetric(QStyle.PixelMetric.PM_MenuButtonIndicator)
    if not button.icon().isNull():
        room -= button.iconSize().width() + 4
    need = _widest(button.fontMetrics(), text)
    return Clip(path(button), text, need, room) if need > room + SLACK else None


def _combo(combo: QComboBox) -> list[Clip]:
    found: list[Clip] = []
    where = path(combo)
    metrics = combo.fontMetrics()
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    text = combo.currentText()
    room = (
        field.width()
        - (combo.iconSize().width() + 4 if not combo.itemIcon(combo.currentIndex()).isNull() else 0)
        - 4
    )
    if text and not combo.isEditable() and metrics.horizontalAdvance(text) > room + SLACK:
        tip = combo.itemData(combo.currentIndex(), Qt.ItemDataRole.ToolTipRole)
        if tip != text and combo.toolTip() != text:
            found.append(Clip(where, text, metrics.horizontalAdvance(text), room))
    if combo.count() == 0:
        return found
    combo.showPopup()
    QApplication.processEvents()  # the popup's final geometry
    try:
        view = combo.view()
        shown = view.viewport().height()
        row = view.sizeHintForRow(0) if view.model().rowCount() else 1
        wanted = min(combo.count(), ALL_ROWS_UP_TO)
        if combo.count() <= ALL_ROWS_UP_TO and shown + SLACK < row * wanted:
            found.append(
                Clip(
                    f"{where}[popup]",
                    f"{combo.count()} items, {shown / row:.1f} rows shown",
                    row * wanted,
                    shown,
                )
            )
        width = view.viewport().width() - 2 * (
            view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        )
        for i in range(combo.count()):
            item = combo.itemText(i)
            need = view.fontMetrics().horizontalAdvance(item)
            if not combo.itemIcon(i).isNull():
                need += combo.iconSize().width() + 4
            tip = combo.itemData(i, Qt.ItemDataRole.ToolTipRole)
            if need > width + SLACK and tip != item:
                found.append(Clip(f"{where}[popup row {i}]", item, need, width))
    finally:
        combo.hidePopup()
    return found


def _headers(view: QAbstractItemView) -> list[Clip]:
    found: list[Clip] = []
    headers: list[QHeaderView] = []
    if isinstance(view, QTableView):
        headers = [view.horizontalHeader()]
    elif isinstance(view, QTreeView):
        headers = [view.header()]
    for header in headers:
        if header.isHidden():
            continue
        model = header.model()
        if model is None:
            continue
        room_right = header.viewport().width()
        for logical in range(header.count()):
            if header.isSectionHidden(logical):
                continue
            text = str(model.headerData(logical, header.orientation()) or "")
            left = header.sectionViewportPosition(logical)
            size = header.sectionSize(logical)
            need = header.sectionSizeFromContents(logical).width()
            where = f"{path(view)}[header {logical}]"
            if left + size > room_right + SLACK:
                found.append(Clip(where + "[off-screen]", text, left + size, room_right))
            elif need > size + SLACK:
                found.append(Clip(where, text, need, size))
    return found


def _cells(view: QAbstractItemView) -> list[Clip]:
    found: list[Clip] = []
    model = view.model()
    if model is None or type(view.itemDelegate()).__name__ != "QStyledItemDelegate":
        return found  # painted by its own delegate: the screen's own test covers it
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    viewport = view.viewport().rect()
    columns = model.columnCount(QModelIndex()) if not isinstance(view, QListView) else 1
    for row in range(model.rowCount(QModelIndex())):
        first = view.visualRect(model.index(row, 0))
        if first.top() > viewport.bottom():
            break
        if first.bottom() < 0:
            continue
        for column in range(columns):
            index = model.index(row, column)
            if isinstance(view, QTableView) and view.isColumnHidden(column):
                continue
            text = index.data(Qt.ItemDataRole.DisplayRole)
            if text is None or str(text) == "":
                continue
            text = str(text)
            rect = view.visualRect(index)
            span = view.columnSpan(row, column) if isinstance(view, QTableView) else 1
            if span > 1:
                rect.setWidth(sum(view.columnWidth(c) for c in range(column, column + span)))
            room = rect.width() - margin
            if index.data(Qt.ItemDataRole.DecorationRole) is not None:
                room -= view.iconSize().width() + 4 if view.iconSize().width() > 0 else 20
            if index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
                room -= 20
            metrics = view.fontMetrics()
            need = _widest(metrics, text)
            if need <= room + SLACK:
                continue
            if index.data(Qt.ItemDataRole.ToolTipRole) == text:
                continue
            wraps = getattr(view, "wordWrap", lambda: False)()
            if wraps:
                lines = metrics.boundingRect(
                    0, 0, max(room, 1), 10_000, int(Qt.TextFlag.TextWordWrap), text
                ).height()
                if lines <= rect.height() + SLACK:
                    continue
            found.append(Clip(f"{path(view)}[{row},{column}]", text, need, room))
    return found


def _placeholder(edit: QLineEdit) -> Clip | None:
    """A hint is read only while the field is empty: it must fit then."""
    text = edit.placeholderText()
    if not text or edit.text() or _elided_on_purpose(edit, text):
        return None
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    margins = edit.textMargins()
    room = rect.width() - margins.left() - margins.right() - 4  # Qt's own horizontal margin
    need = edit.fontMetrics().horizontalAdvance(text)
    return Clip(f"{path(edit)}[placeholder]", text, need, room) if need > room + SLACK else None


def _spin(spin: QAbstractSpinBox) -> Clip | None:
    """A number is read whole (the vote dialog's budget showed 「1,200,…」)."""
    edit = spin.findChild(QLineEdit)
    if edit is None or not edit.isVisible():
        return None
    text = edit.text()
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    rect = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    room = rect.width() - 4
    need = edit.fontMetrics().horizontalAdvance(text)
    return Clip(f"{path(spin)}[value]", text, need, room) if need > room + SLACK else None


def _rows_shown(view: QListView) -> Clip | None:
    """A short list (a table's members) shows every row without scrolling."""
    model = view.model()
    rows = model.rowCount() if model is not None else 0
    if not 0 < rows <= ALL_ROWS_UP_TO or view.isWrapping():
        return None
    last = view.visualRect(model.index(rows - 1, 0))
    first = view.visualRect(model.index(0, 0))
    shown = view.viewport().height()
    need = last.bottom() - first.top() + 1
    if need > shown + SLACK:
        return Clip(
            f"{path(view)}[rows]", f"{rows} rows, {shown / (need / rows):.1f} shown", need, shown
        )
    return None


def _view(view: QAbstractItemView) -> list[Clip]:
    """A list or table's headers, cells and (a short list) its rows; a combo box's popup is
    looked at with its combo box."""
    holder = view.parentWidget()
    if isinstance(holder, QWidget) and isinstance(holder.parentWidget(), QComboBox):
        return []
    found = [*_headers(view), *_cells(view)]
    if isinstance(view, QListView) and view.objectName() != "navigation":
        found.extend(clip for clip in [_rows_shown(view)] if clip is not None)
    return found


def _of(widget: QWidget) -> list[Clip]:
    """What is cut in one widget, by its kind."""
    if isinstance(widget, QLabel):
        single = _label(widget)
    elif isinstance(widget, QAbstractButton) and not isinstance(widget.parentWidget(), QHeaderView):
        single = _button(widget)
    elif isinstance(widget, QComboBox):
        return _combo(widget)
    elif isinstance(widget, QAbstractItemView) and not isinstance(widget, QHeaderView):
        return _view(widget)
    elif isinstance(widget, QAbstractSpinBox):
        single = _spin(widget)
    elif isinstance(widget, QLineEdit) and not isinstance(
        widget.parentWidget(), QComboBox | QAbstractSpinBox
    ):
        single = _placeholder(widget)
    else:
        return []
    return [single] if single is not None else []


def clipped(root: QWidget) -> list[Clip]:
    """Every visible text under ``root`` (itself included) that is cut."""
    return [
        clip
        for widget in [root, *root.findChildren(QWidget)]
        if widget.isVisible() and widget.width() > 0
        for clip in _of(widget)
    ]
