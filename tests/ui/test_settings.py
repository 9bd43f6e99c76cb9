"""Settings are declared once (key, type, default) and kept in one store."""

import pytest
from PySide6.QtCore import QByteArray, Qt

from desktop.ui import settings
from tests.sourcetree import ROOT, called, desktop_modules

VALUES = {
    settings.LANGUAGE: "en",
    settings.WINDOW_GEOMETRY: QByteArray(b"\x01\xd9\xd0\xcb\x00\x03geometry"),
    settings.CHIMES_MUTED: True,
}


@pytest.mark.parametrize("setting", settings.SETTINGS, ids=lambda s: s.key)
def test_each_setting_round_trips_with_its_type_and_default(setting) -> None:
    assert settings.read(setting) == setting.default  # a fresh data folder
    settings.write(setting, VALUES[setting])
    value = settings.read(setting)
    assert value == VALUES[setting] and isinstance(value, setting.type)
    assert (settings.paths.data_dir() / "settings.ini").read_text(encoding="utf-8")


def test_every_setting_has_a_round_trip_value_and_a_key_of_its_own() -> None:
    assert set(VALUES) == set(settings.SETTINGS)
    assert len({s.key for s in settings.SETTINGS}) == len(settings.SETTINGS)


def test_qsettings_is_made_in_one_place_only() -> None:
    sites = [
        path.relative_to(ROOT).as_posix()
        for path, tree in desktop_modules().items()
        for _ in called(tree, {"QSettings"})
    ]
    assert sites == ["desktop/ui/settings.py"]


def test_the_desks_mute_toggle_is_kept_in_the_one_store(qtbot, demo_db) -> None:
    from desktop.ui.screens.base import ScreenContext
    from desktop.ui.screens.checkin import CheckInScreen

    screen = CheckInScreen(ScreenContext(db=demo_db, desk="desk-1"))
    qtbot.addWidget(screen)
    assert not screen.mute_box.isChecked()
    screen.show()
    qtbot.mouseClick(screen.mute_box, Qt.MouseButton.LeftButton)
    assert settings.read(settings.CHIMES_MUTED) is True
    again = CheckInScreen(ScreenContext(db=demo_db, desk="desk-1"))
    qtbot.addWidget(again)
    assert again.mute_box.isChecked() and again.chimes.muted
