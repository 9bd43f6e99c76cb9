"""The work areas in the main window's navigation.

Each screen is a ``Screen`` subclass; the main window shows them in the order of
``screen_classes()``. A feature adds its screen by adding its class here — never a placeholder.
"""

from __future__ import annotations

from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.screens.group_reports import GroupReportsScreen
from desktop.ui.screens.overview import OverviewScreen


def screen_classes() -> tuple[type[Screen], ...]:
    return (OverviewScreen, GroupReportsScreen)


__all__ = ["Screen", "ScreenContext", "screen_classes"]
