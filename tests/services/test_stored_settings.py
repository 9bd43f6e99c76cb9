"""Settings kept in the database are declared once (``desktop.services.stored_settings``) and
only that module reads or writes ``Setting`` rows."""

from __future__ import annotations

import ast
import datetime as dt

import pytest
from sqlalchemy import select

from db.models import Setting
from db.uow import Database
from desktop.services import stored_settings
from desktop.services.stored_settings import STORED_SETTINGS, StoredSetting
from tests.sourcetree import ROOT, desktop_modules

AT = dt.datetime(2019, 3, 15, 9, 0)


@pytest.mark.parametrize("setting", STORED_SETTINGS, ids=lambda s: s.key)
def test_each_stored_setting_round_trips_for_its_owner_only(
    empty_db: Database, setting: StoredSetting
) -> None:
    with empty_db.unit_of_work() as s:
        assert stored_settings.read(s, setting, 1) == {}
        stored_settings.write(s, setting, 1, {"n": 1}, AT)
    with empty_db.unit_of_work() as s:
        stored_settings.write(s, setting, 1, {"n": 2}, AT)
        stored_settings.write(s, setting, 3, {"n": 3}, AT)
    with empty_db.read() as s:
        assert stored_settings.read(s, setting, 1) == {"n": 2}
        assert stored_settings.read(s, setting, 2) == {}
        assert stored_settings.owners(s, setting) == {1, 3}
        rows = s.execute(select(Setting.scope, Setting.key).order_by(Setting.id)).all()
    assert [tuple(r) for r in rows] == [
        (f"{setting.owner}:1", setting.key),
        (f"{setting.owner}:3", setting.key),
    ]


def test_every_stored_setting_is_listed_and_has_a_key_of_its_own() -> None:
    declared = [v for v in vars(stored_settings).values() if isinstance(v, StoredSetting)]
    assert set(declared) == set(STORED_SETTINGS)
    assert len({s.key for s in STORED_SETTINGS}) == len(STORED_SETTINGS) == 6


def test_only_the_stored_settings_module_touches_setting_rows() -> None:
    users = sorted(
        path.relative_to(ROOT).as_posix()
        for path, tree in desktop_modules().items()
        for node in ast.walk(tree)
        if isinstance(node, ast.ImportFrom)
        and node.module == "db.models"
        and any(alias.name == "Setting" for alias in node.names)
    )
    assert users == ["desktop/services/stored_settings.py"]
