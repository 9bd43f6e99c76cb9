"""Every visible string has an English translation; the language setting switches catalogues."""

from __future__ import annotations

import ast
import re
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
                        name in ("translate", "QT_TRANSLATE_NOOP")
                        and len(args) >= 2
                        and all(isinstance(a, ast.Constant) for a in args[:2])
                    ):
                        found.add((str(args[0].value), str(args[1].value), where))
                    elif (
                        name == "translate"
                        and len(args) >= 2
                        and isinstance(args[1], ast.Constant)
                        and isinstance(args[1].value, str)
                    ):
                        # lupdate reads only a literal context: this text never reaches the
                        # catalogue (是/否 stayed Chinese in English under ``CONTEXT``).
                        found.add((NO_LITERAL_CONTEXT, args[1].value, where))
                visit(child, cls)

        visit(tree, None)
    return found


NO_LITERAL_CONTEXT = "<context not a literal>"


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


def test_translate_names_its_context_literally() -> None:
    """``translate(CONTEXT, "是")`` works at run time but lupdate skips it: the English
    interface showed 是/否 under "Counts for hours" and in the roster's Hours column."""
    hidden = [where for ctx, _, where in visible_strings() if ctx == NO_LITERAL_CONTEXT]
    assert not hidden, f"spell the context out, e.g. translate('vocabulary', …), at {hidden}"


def test_the_check_sees_a_context_lupdate_cannot_read(tmp_path: Path) -> None:
    code = tmp_path / "labels.py"
    code.write_text(
        'CONTEXT = "vocabulary"\nx = QCoreApplication.translate(CONTEXT, "是")\n',
        encoding="utf-8",
    )
    assert {(c, s) for c, s, _ in visible_strings(tmp_path)} == {(NO_LITERAL_CONTEXT, "是")}


def test_qt_gaps_cover_what_qts_own_catalogue_lacks(qapp) -> None:  # type: ignore[no-untyped-def]
    """QA: the file dialogs said "Look in:" and "Files of type:" in the Chinese interface:
    PySide6's qtbase_zh_TW.qm predates those mnemonic texts. Each gap we fill is still a gap
    (else Qt's own wording should win), and with ours loaded the dialog is Chinese."""
    from PySide6.QtCore import QLibraryInfo, QTranslator
    from PySide6.QtWidgets import QFileDialog, QLabel

    from desktop.i18n import QT_GAPS
    from desktop.ui import settings

    qt_own = QTranslator()
    assert qt_own.load("qtbase_zh_TW", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    for context, source in QT_GAPS["zh_TW"]:
        assert not qt_own.translate(context, source), (context, source)
    settings.install_translators(qapp, "zh_TW")
    try:
        dialog = QFileDialog(None, "x")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
        texts = [label.text() for label in dialog.findChildren(QLabel)]
        dialog.deleteLater()
    finally:
        settings.remove_translators(qapp)
    assert "查詢位置(&L)：" in texts and "檔案類型(&T)：" in texts
    english = [t for t in texts if re.search(r"[A-Za-z]{2,}", re.sub(r"\(&\w\)", "", t))]
    assert not english, english


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


# Chinese the English interface keeps on purpose, by (context, part of the source): what the
# user's own files hold (a column heading to look for, 葷/素, 台/臺 in names), the app's
# bilingual name, and the language switch said in both languages.
CHINESE_KEPT = (
    ("ImportDialog", "「報名場次」"),
    ("MainWindow", "研習報到台 Workshop Desk"),
    ("RosterScreen", "台/臺"),
    ("messages", "葷、素"),
    ("messages", "「起迄時間」"),
    ("messages", "「活動議程」"),
    ("settings", "介面語言 Language"),
    ("settings", "The language applies after a restart"),
)
CHINESE_OR_FULL_WIDTH = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]+")


def english_in_chinese(translations: dict[tuple[str, str], str]) -> list[str]:
    """Translations with Chinese or full-width punctuation (（）：「」、　…) in them, leaving
    out the Chinese a kept entry quotes from its source."""
    wrong = []
    for (ctx, source), english in sorted(translations.items()):
        kept = any(ctx == c and part in source for c, part in CHINESE_KEPT)
        left = [
            run for run in CHINESE_OR_FULL_WIDTH.findall(english) if not kept or run not in source
        ]
        if left:
            wrong.append(f"[{ctx}] {source!r} → {english!r}: {left}")
    return wrong


def test_english_translations_have_no_chinese_or_full_width_punctuation() -> None:
    assert english_in_chinese(translated()) == []


def test_the_check_sees_full_width_punctuation_in_english() -> None:
    found = english_in_chinese(
        {
            (
                "ProposalEditor",
                "{placeholder}（最多 {n} 字）",
            ): "{placeholder}（At most {n} characters）"
        }
    )
    assert len(found) == 1 and "'（'" in found[0]
