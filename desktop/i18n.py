"""Languages: zh-TW is the source language of every ``tr("中文")`` string; English comes from
Qt Linguist files (``resources/translations/workshop_desk_en.ts``, compiled to ``.qm``).

The choice is the setting ``desktop.ui.settings.LANGUAGE`` (``zh_TW`` or ``en``), read once
when the QApplication is created: a change takes effect at the next start. Qt's own dialogs
(buttons of message boxes, file dialogs) are translated with Qt's ``qtbase_<lang>.qm`` when
present.

``.qm`` files are build products, not committed: ``make translations`` (lupdate + lrelease), the
PyInstaller spec (lrelease), and, in a source checkout, start-up (lrelease when the ``.qm`` is
missing or older than its ``.ts``) produce them.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from desktop.paths import resource

log = logging.getLogger(__name__)

LANGUAGES = {"zh_TW": "中文（臺灣）", "en": "English"}
DEFAULT_LANGUAGE = "zh_TW"
SOURCE_LANGUAGE = "zh_TW"  # the language of the source strings: needs no .qm of ours
CATALOGUE = "workshop_desk"


def translation_source(language: str) -> Path:
    return resource("translations", f"{CATALOGUE}_{language}.ts")


def compiled_translation(language: str) -> Path:
    return resource("translations", f"{CATALOGUE}_{language}.qm")


def translated_languages() -> list[str]:
    """Languages with a ``.ts`` (source checkout) or ``.qm`` (frozen build) of our strings."""
    folder = resource("translations")
    found = {p.stem.removeprefix(f"{CATALOGUE}_") for p in folder.glob(f"{CATALOGUE}_*.ts")}
    found |= {p.stem.removeprefix(f"{CATALOGUE}_") for p in folder.glob(f"{CATALOGUE}_*.qm")}
    return sorted(found)


def qt_tool(name: str) -> Path | None:
    """A Qt Linguist tool shipped inside the PySide6 wheel (``lrelease``, ``lupdate``)."""
    try:
        import PySide6
    except ImportError:  # pragma: no cover - PySide6 is a dependency
        return None
    tool = Path(PySide6.__file__).parent / (f"{name}.exe" if sys.platform == "win32" else name)
    return tool if tool.exists() else None


def compile_translation(language: str) -> Path:
    """``.ts`` → ``.qm`` with lrelease; raises when the tool or the source is missing."""
    source, target = translation_source(language), compiled_translation(language)
    tool = qt_tool("lrelease")
    if tool is None:
        raise FileNotFoundError("lrelease not found in the PySide6 installation")
    if not source.exists():
        raise FileNotFoundError(f"translation source missing: {source}")
    import subprocess  # here: every start imports this module, few compile (12 ms saved)

    subprocess.run([str(tool), "-silent", str(source), "-qm", str(target)], check=True)
    return target


def compile_all() -> list[Path]:
    return [
        compile_translation(lang)
        for lang in translated_languages()
        if translation_source(lang).exists()
    ]


def ensure_compiled(language: str) -> Path | None:
    """The ``.qm`` for ``language``, (re)compiled in a source checkout when stale; None if none."""
    if language == SOURCE_LANGUAGE:
        return None
    source, target = translation_source(language), compiled_translation(language)
    frozen = getattr(sys, "frozen", False)
    stale = source.exists() and (
        not target.exists() or target.stat().st_mtime < source.stat().st_mtime
    )
    if stale and not frozen:
        import subprocess

        try:
            compile_translation(language)
        except (OSError, subprocess.CalledProcessError) as exc:
            log.warning("cannot compile %s: %s", source.name, exc)
    return target if target.exists() else None


def normalise(language: object) -> str:
    text = str(language or "").replace("-", "_")
    if text in LANGUAGES:
        return text
    if text.lower().startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE


# Qt's own zh_TW catalogue (qtbase_zh_TW.qm, shipped with PySide6) predates the mnemonics Qt 6
# added to its file dialog's labels, so under Qt's own dialog (Linux, or Windows without the
# native one) 「&Look in:」 and 「Files of &type:」 stayed English beside translated buttons. These
# are the texts that catalogue lacks, checked against it by tests/packaging/test_translations.py.
QT_GAPS = {
    "zh_TW": {
        ("QFileDialog", "&Look in:"): "查詢位置(&L)：",
        ("QFileDialog", "Files of &type:"): "檔案類型(&T)：",
        ("QFileDialog", "Computer"): "電腦",
        ("QPlatformTheme", "Yes"): "是",
        ("QPlatformTheme", "No"): "否",
    }
}


def qt_gaps_translator(language: str, parent: object) -> object | None:
    """A translator for ``QT_GAPS[language]``, installed after Qt's own catalogue; None when
    the language has no gaps."""
    found = QT_GAPS.get(language)
    if not found:
        return None
    gaps: dict[tuple[str, str], str] = found  # narrowed for the class below
    from PySide6.QtCore import QObject, QTranslator

    class QtGaps(QTranslator):
        def translate(
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str | None:
            return gaps.get((context, source))  # None (not an empty text): not ours

        def isEmpty(self) -> bool:
            return False

    assert isinstance(parent, QObject)
    return QtGaps(parent)
