"""The app's preferences, declared once, in one store, and the language the window speaks.

Every preference is a ``Setting`` below (key, type, default) read with ``read`` and written
with ``write``; they live in ``settings.ini`` in the data folder (so ``WORKSHOP_DESK_HOME``
moves them with the data, and tests never touch the user's). ``_store`` is the only place a
``QSettings`` is made.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QMenu, QMessageBox, QWidget

from desktop import i18n, paths

log = logging.getLogger(__name__)
_installed: list[QTranslator] = []  # translators must outlive the calls that install them

T = TypeVar("T")


@dataclass(frozen=True)
class Setting(Generic[T]):
    key: str
    type: type[T]
    default: T


# zh_TW | en: read once when the QApplication is made, so a change applies at the next start.
LANGUAGE = Setting("ui/language", str, i18n.DEFAULT_LANGUAGE)
# The main window's place and size when it was last closed (empty: open maximised).
WINDOW_GEOMETRY = Setting("ui/window_geometry", QByteArray, QByteArray())
# The check-in desk's chimes are off.
CHIMES_MUTED = Setting("checkin/muted", bool, False)
SETTINGS: tuple[Setting[Any], ...] = (LANGUAGE, WINDOW_GEOMETRY, CHIMES_MUTED)


def _store() -> QSettings:
    return QSettings(str(paths.data_dir() / "settings.ini"), QSettings.Format.IniFormat)


def read(setting: Setting[T]) -> T:
    value = _store().value(setting.key, setting.default, type=setting.type)
    return value if isinstance(value, setting.type) else setting.default


def write(setting: Setting[T], value: T) -> None:
    store = _store()
    store.setValue(setting.key, value)
    store.sync()


def current_language() -> str:
    return i18n.normalise(read(LANGUAGE))


def set_language(language: str) -> None:
    """Remember the language; it takes effect the next time the app starts."""
    if language not in i18n.LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {sorted(i18n.LANGUAGES)}")
    write(LANGUAGE, language)


def install_translators(app: QApplication, language: str) -> list[str]:
    """Load our catalogue and Qt's own (dialog buttons...) for ``language``; returns the files
    loaded. Translators are kept on the app so they live as long as it does."""
    loaded: list[str] = []
    translators: list[QTranslator] = []
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase_" + language, qt_folder),):
        translator = QTranslator(app)
        if translator.load(name, folder):
            translators.append(translator)
            loaded.append(translator.filePath())
    gaps = i18n.qt_gaps_translator(language, app)
    if isinstance(gaps, QTranslator):
        translators.append(gaps)
        loaded.append(f"{i18n.__name__}.QT_GAPS[{language}]")
    ours = i18n.ensure_compiled(language)
    if ours is not None:
        translator = QTranslator(app)
        if translator.load(str(ours)):
            translators.append(translator)
            loaded.append(str(ours))
        else:
            log.warning("cannot load translation %s", ours)
    for translator in translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(language))
    _installed.extend(translators)
    app.setProperty("workshopDeskLanguage", language)
    return loaded


def language_menu(parent: QWidget, menu: QMenu) -> QMenu:
    """介面語言 submenu: the choice is saved and applies at the next start (said so)."""
    submenu = menu.addMenu(QCoreApplication.translate("settings", "介面語言 Language"))
    submenu.setObjectName("languageMenu")
    group = QActionGroup(submenu)
    current = current_language()
    for code, label in i18n.LANGUAGES.items():
        action = submenu.addAction(label)
        action.setObjectName(f"language_{code}")
        action.setCheckable(True)
        action.setChecked(code == current)
        action.setData(code)
        group.addAction(action)
        action.triggered.connect(lambda _=False, c=code: _choose_language(parent, c))
    return submenu


def _choose_language(parent: QWidget, language: str) -> None:
    if language == current_language():
        return
    set_language(language)
    QMessageBox.information(
        parent,
        QCoreApplication.translate("settings", "介面語言 Language"),
        QCoreApplication.translate(
            "settings",
            "語言設定已儲存，重新啟動程式後生效。\nThe language applies after a restart.",
        ),
    )


def remove_translators(app: QApplication) -> None:
    """Undo ``install_translators`` (tests switch languages within one process)."""
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale(i18n.DEFAULT_LANGUAGE))
    app.setProperty("workshopDeskLanguage", i18n.DEFAULT_LANGUAGE)
