"""Text that gets less room than it needs: combo boxes as wide as their words, and table
columns that share a view's width, shortening their cells with 「…」.

The convention for a text cut on purpose (the clipping test, ``tests/ui/fits.py``, relies on
it): the widget shows the text elided to its width and its tooltip holds the full text, so
a long course or agency name never hides its end from the reader.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QStyle,
    QStyleOptionComboBox,
    QTableView,
)


def fit_combo(combo: QComboBox) -> None:
    """At least as wide as its longest item with the style's frame, padding and arrow (Qt's
    own size hint leaves out the style sheet's padding: the session picker cut 「…培訓班」
    mid-character)."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = combo.style().subControlRect(
        QStyle.ComplexControl.CC_ComboBox, option, QStyle.SubControl.SC_ComboBoxEditField, combo
    )
    chrome = combo.rect().width() - field.width()
    metrics = combo.fontMetrics()
    widest = max(
        (metrics.horizontalAdvance(combo.itemText(i)) for i in range(combo.count())), default=0
    )
    combo.setMinimumWidth(widest + chrome + 8)


class ColumnFit(QObject):
    """A table's columns as wide as their contents; when together they are wider than the
    view, the ``narrowable`` columns (their cells elide, with the whole text on hover) give up
    the excess, the widest first and never below their header's width. Again at every resize
    of the view and every new set of rows: in English the roster's 13 columns pushed 時數, 用餐
    and 桌號 off-screen."""

    MAX_ROWS_MEASURED = 500  # resizing to contents reads every row: a long list keeps its widths

    def __init__(self, view: QTableView, narrowable: Sequence[int]) -> None:
        super().__init__(view)
        self.view = view
        self.narrowable = tuple(narrowable)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        view.viewport().installEventFilter(self)
        model = view.model()
        if model is not None:
            model.modelReset.connect(self.fit)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        view, header = self.view, self.view.horizontalHeader()
        model = view.model()
        if model is None or model.rowCount() > self.MAX_ROWS_MEASURED:
            return
        view.resizeColumnsToContents()
        excess = header.length() - view.viewport().width()
        widths = {c: header.sectionSize(c) for c in self.narrowable if not view.isColumnHidden(c)}
        floors = {c: header.sectionSizeFromContents(c).width() for c in widths}
        while excess > 0:
            shrinkable = [c for c in widths if widths[c] > floors[c]]
            if not shrinkable:
                break
            widest = max(shrinkable, key=lambda c: widths[c])
            others = [widths[c] for c in shrinkable if c != widest]
            target = max(floors[widest], max(others, default=0), widths[widest] - excess)
            step = max(1, widths[widest] - target)
            widths[widest] -= step
            excess -= step
        for column, width in widths.items():
            header.resizeSection(column, width)
