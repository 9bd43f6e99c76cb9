"""The work areas in the main window's navigation.

Each screen is a ``Screen`` subclass; the main window shows them in the order of ``SCREENS``:
the order of the day at the desk. A feature adds its screen by adding its row here — never a
placeholder. A screen's module is imported, and the screen built, when it is first shown
(start-up pays for the first screen only); the row's title names it in the navigation until
then (a test checks it against the screen's own ``title()``).
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

if TYPE_CHECKING:  # the screens' base imports the data layer, which start-up loads later
    from desktop.ui.screens.base import Screen


@dataclass(frozen=True)
class ScreenRow:
    module: str
    class_name: str
    title_source: str  # the zh-TW source of the screen's title (translated in its class's context)

    def title(self) -> str:
        return QCoreApplication.translate(self.class_name, self.title_source)

    def load(self) -> type[Screen]:
        screen: type[Screen] = getattr(importlib.import_module(self.module), self.class_name)
        return screen


SCREENS = (
    ScreenRow("desktop.ui.screens.overview", "OverviewScreen", "總覽"),
    ScreenRow("desktop.ui.screens.checkin", "CheckInScreen", "報到"),
    ScreenRow("desktop.ui.screens.roster", "RosterScreen", "名單"),
    ScreenRow("desktop.ui.screens.tables", "TablesScreen", "分桌"),
    ScreenRow("desktop.ui.screens.agenda", "AgendaScreen", "議程"),
    ScreenRow("desktop.ui.screens.group_reports", "GroupReportsScreen", "小組報告"),
    ScreenRow("desktop.ui.screens.documents", "DocumentsScreen", "文件"),
)


def screen_classes() -> tuple[type[Screen], ...]:
    return tuple(row.load() for row in SCREENS)


def screen_index(class_name: str) -> int:
    """The navigation row of the screen class named ``class_name``."""
    return next(i for i, row in enumerate(SCREENS) if row.class_name == class_name)


__all__ = ["SCREENS", "ScreenRow", "screen_classes", "screen_index"]
