"""Where things live: the user's data folder, the documents folder and the shipped resources.

The data folder (database, logs, backups, settings) is the platform's per-user application
folder: hidden ``%LOCALAPPDATA%\\WorkshopDesk`` on Windows. Documents the person is meant to
find again (PDFs, exports) are proposed in ``Documents\\Workshop Desk`` instead.
``WORKSHOP_DESK_HOME`` moves both (tests, portable installs): documents then go to its
``documents`` subfolder.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from platformdirs import user_data_dir, user_documents_dir

from desktop.core.filenames import windows_safe_name

APP_NAME = "WorkshopDesk"
DOCUMENTS_FOLDER = "Workshop Desk"  # in the user's Documents folder
DATA_HOME_ENV = "WORKSHOP_DESK_HOME"  # overrides the data folder (tests, portable installs)


def data_dir() -> Path:
    override = os.environ.get(DATA_HOME_ENV)
    path = Path(override) if override else Path(user_data_dir(APP_NAME, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def documents_dir() -> Path:
    """Where the window proposes to save documents and exports, created on first use."""
    override = os.environ.get(DATA_HOME_ENV)
    path = (
        Path(override) / "documents" if override else Path(user_documents_dir()) / DOCUMENTS_FOLDER
    )
    path.mkdir(parents=True, exist_ok=True)
    return path


def proposed_file(text: str, suffix: str) -> Path:
    """The file a save dialog proposes for ``text`` (often a session's name): in the documents
    folder, named validly on Windows (``desktop.core.filenames``)."""
    return documents_dir() / windows_safe_name(text, suffix)


def default_database() -> Path:
    return data_dir() / "workshop-desk.sqlite3"


def demo_database() -> Path:
    return data_dir() / "demo.sqlite3"


def log_dir() -> Path:
    path = data_dir() / "logs"
    path.mkdir(parents=True, exist_ok=True)
    return path


def resources_dir() -> Path:
    """``resources/`` beside the source tree, or inside a PyInstaller bundle."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
