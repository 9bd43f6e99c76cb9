"""Every visible string has an English translation; the language setting switches catalogues."""

from __future__ import annotations

import ast
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from tests.sourcetree import parsed

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "workshop_desk_en.ts"
FIX = (
    "Run `make translations` (pyside6-lupdate over desktop/ + lrelease), then translate the new "
    "entries of resources/translations/workshop_desk_en.ts (Qt Linguist: "
    ".venv/bin/pyside6-linguist resources/translations/workshop_desk_en.ts, or edit the XML: "
    'fill <translation> and remove type="unfinished"), and run `make translations` again.'
)


def visible_strings(folder: Path = ROOT / "desktop") -> set[tuple[str, str, str]]:
    """(context, source, where) of every ``tr("…")`` (context: the enclosing class, as lupdate
    and Qt's ``QObject.tr`` use it) and ``translate("ctx", "…")`` in the code."""
    found: set[tuple[str, str, str]] = set()
    for path in sorted(folder.rglob("*.py")):
        tree = parsed(path)
        rel = path.relative_to(folder.parent)

        def visit(node: ast.AST, cls: str | None, rel: Path = rel) -> None:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.ClassDef):
                    visit(child, child.name)
                    continue
                if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute | ast.Name):
                    name = getattr(child.func, "attr", None) or getattr(child.func, "id", None)
                    args = child.args
                    where = f"{rel}:{child.lineno}"
                    if (
                        name == "tr"
                        and args
                        and isinstance(args[0], ast.Constant)
                        and isinstance(args[0].value, str)
                    ):
                        found.add((cls or "<no class>", args[0].value, where))
                    elif (
                        name == "translate"
                        and len(args) >= 2
                        and all(isinstance(a, ast.Constant) for a in args[:2])
                    ):
                        found.add((str(args[0].value), str(args[1].value), where))
                visit(child, cls)

        visit(tree, None)
    return found


def translated(ts: Path = TS) -> dict[tuple[str, str], str]:
    """(context, source) → English, for finished entries only."""
    result: dict[tuple[str, str], str] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in (
                "unfinished",
                "obsolete",
                "vanished",
            ):
                continue
            if translation.text and translation.text.strip():
                result[(name, message.findtext("source") or "")] = translation.text
    return result


def missing_translations() -> list[str]:
    english = translated()
    return sorted(
        f"{where} [{ctx}] {text!r}"
        for ctx, text, where in visible_strings()
        if (ctx, text) not in english
    )


def test_every_visible_string_has_an_english_translation() -> None:
    missing = missing_translations()
    assert not missing, (
        f"{len(missing)} visible string(s) missing from or untranslated in {TS.name}:\n  "
        + "\n  ".join(missing[:40])
        + f"\n{FIX}"
    )


def test_the_check_sees_a_new_untranslated_string(tmp_path: Path) -> None:
    code = tmp_path / "new_screen.py"
    code.write_text(
        'class NewScreen:\n    def title(self):\n        return self.tr("新畫面")\n'
        'x = QCoreApplication.translate("ctx", "另一個")\n',
        encoding="utf-8",
    )
    found = {(c, s) for c, s, _ in visible_strings(tmp_path)}
    assert found == {("NewScreen", "新畫面"), ("ctx", "另一個")}
    assert ("NewScreen", "新畫面") not in translated()


def test_tr_is_only_used_inside_classes() -> None:
    """lupdate files ``tr`` under the enclosing class; outside one it has no context."""
    stray = [where for ctx, _, where in visible_strings() if ctx == "<no class>"]
    assert not stray, f"use QCoreApplication.translate('context', …) at {stray}"


def test_english_placeholders_match_the_chinese() -> None:
    import re

    placeholder = re.compile(r"\{\w*\}")
    for (ctx, source), english in translated().items():
        assert sorted(placeholder.findall(source)) == sorted(placeholder.findall(english)), (
            f"[{ctx}] {source!r} → {english!r}: placeholders differ"
        )


@pytest.fixture
def english(qapp):
    from desktop.ui import settings

    loaded = settings.install_translators(qapp, "en")
    yield loaded
    settings.remove_translators(qapp)


def test_english_catalogue_and_qt_dialogs_translate(english, qtbot, tmp_path) -> None:
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.welcome import WelcomeWindow

    assert any(p.endswith("workshop_desk_en.qm") for p in english)
    window = WelcomeWindow(tmp_path / "new.sqlite3")
    qtbot.addWidget(window)
    assert window.demo_button.text().startswith("1　Open the demo event")
    assert "Getting started" in window.windowTitle()
    dialog = window.start_new_event()
    assert dialog.windowTitle() == "Create a new event"
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).text() == "Create"
    dialog.reject()


def test_chinese_loads_qt_own_translation(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    from desktop.ui import settings

    loaded = settings.install_translators(qapp, "zh_TW")
    try:
        if not any("qtbase_zh_TW" in p for p in loaded):
            pytest.skip("this Qt has no qtbase_zh_TW.qm")
        # Qt's own button text, as QMessageBox/QDialogButtonBox show it.
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    finally:
        settings.remove_translators(qapp)


def test_language_setting_round_trip() -> None:
    from desktop.ui import settings

    assert settings.current_language() == "zh_TW"  # the default, in a fresh data folder
    settings.set_language("en")
    assert settings.current_language() == "en"
    with pytest.raises(ValueError):
        settings.set_language("fr")


def test_the_organiser_passphrase_prompt_speaks_english(english, demo_db, monkeypatch) -> None:
    """QA: the prompt went through a ``_tr(text)`` helper lupdate cannot see, so in English it
    still asked 「請輸入主辦密語以切換為主辦模式：」."""
    import desktop.ui.organiser as organiser
    from desktop.ui.screens.base import ScreenContext

    asked: list[tuple[str, str]] = []
    monkeypatch.setattr(
        organiser,
        "ask_passphrase",
        lambda parent, title, label: asked.append((title, label)) and None,
    )
    assert organiser.require_organiser(ScreenContext(db=demo_db)) is False
    title, label = asked[0]
    assert title == "Organiser mode"
    assert label.startswith("Enter the organiser passphrase") and "“demo”" in label
