"""Documents are proposed where people look for them: Documents\\Workshop Desk, not the hidden
%LOCALAPPDATA% data folder."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

import pytest

from desktop import paths


def test_documents_go_to_a_workshop_desk_folder_in_documents(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(paths.DATA_HOME_ENV)
    monkeypatch.setattr(paths, "user_documents_dir", lambda: str(tmp_path / "Documents"))
    monkeypatch.setattr(paths, "user_data_dir", lambda *a, **k: str(tmp_path / "AppData"))
    folder = paths.documents_dir()
    assert folder == tmp_path / "Documents" / "Workshop Desk" and folder.is_dir()  # made
    assert paths.data_dir() == tmp_path / "AppData"
    proposed = paths.proposed_file("簽到表-3/15 上午場 9:00?", ".pdf")
    assert proposed.parent == folder and PureWindowsPath(proposed.name).name == proposed.name


def test_the_data_home_override_moves_the_documents_too(private_data_home: Path) -> None:
    assert paths.documents_dir() == private_data_home / "documents"
