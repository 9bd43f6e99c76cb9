"""The work areas in the main window's navigation.

Each screen is a ``Screen`` subclass; the main window shows them in the order of
``screen_classes()``: the order of the day at the desk. A feature adds its screen by adding its
class here — never a placeholder.
"""

from __future__ import annotations

from desktop.ui.screens.agenda import AgendaScreen
from desktop.ui.screens.base import Screen, ScreenContext
from desktop.ui.screens.checkin import CheckInScreen
from desktop.ui.screens.documents import DocumentsScreen
from desktop.ui.screens.group_reports import GroupReportsScreen
from desktop.ui.screens.overview import OverviewScreen
from desktop.ui.screens.roster import RosterScreen
from desktop.ui.screens.tables import TablesScreen


def screen_classes() -> tuple[type[Screen], ...]:
    return (
        OverviewScreen,
        CheckInScreen,
        RosterScreen,
        TablesScreen,
        AgendaScreen,
        GroupReportsScreen,
        DocumentsScreen,
    )


__all__ = ["Screen", "ScreenContext", "screen_classes"]
