"""``workshop-desk self-test``: prove an installed or frozen app works, offscreen.

It builds a fresh demo database in a temporary data folder (migrations applied, demo event
created), builds the main window, visits every screen, and reports each step. It also checks
that every shipped resource is there (font, migrations, translations, demo data, icon, style),
that the English catalogue loads, that QtMultimedia has a working backend (the webcam needs the
FFmpeg plugin), and that a PDF with the embedded font can be written. Used by CI on the frozen
build, and by staff to check a laptop before the day.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Step = dict[str, Any]

# What the app reads at run time, relative to resources/ (the migrations live in db/).
REQUIRED_RESOURCES = (
    ("fonts", "ukai-tw.ttf"),
    ("icons", "app.png"),
    ("style.qss",),
    ("demo", "seed_event.json"),
    ("demo", "roster_pools.json"),
)


def _step(steps: list[Step], name: str, action: Callable[[], str]) -> bool:
    started = time.perf_counter()
    try:
        detail = action()
        ok = True
    except Exception as exc:  # a self-test reports failures instead of crashing
        detail, ok = f"{type(exc).__name__}: {exc}", False
    steps.append(
        {
            "name": name,
            "ok": ok,
            "detail": detail,
            "seconds": round(time.perf_counter() - started, 3),
        }
    )
    return ok


def frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def check_resources() -> str:
    from db.migrate import MIGRATIONS_DIR
    from desktop import i18n
    from desktop.paths import resource

    missing = [str(resource(*p)) for p in REQUIRED_RESOURCES if not resource(*p).is_file()]
    if not (MIGRATIONS_DIR / "env.py").is_file():
        missing.append(str(MIGRATIONS_DIR / "env.py"))
    revisions = sorted(p.name for p in (MIGRATIONS_DIR / "versions").glob("*.py"))
    if not revisions:
        missing.append(str(MIGRATIONS_DIR / "versions" / "*.py"))
    catalogues = []
    for language in i18n.LANGUAGES:
        if language == i18n.SOURCE_LANGUAGE:
            continue
        compiled = i18n.ensure_compiled(language)
        if compiled is None:
            missing.append(str(i18n.compiled_translation(language)))
        else:
            catalogues.append(compiled.name)
    if missing:
        raise FileNotFoundError("missing: " + ", ".join(missing))
    return f"{len(REQUIRED_RESOURCES)} files, {len(revisions)} migrations, " + ", ".join(catalogues)


def check_translations() -> str:
    """The English catalogue loads and translates a menu item of the main window."""
    from PySide6.QtCore import QTranslator

    from desktop import i18n

    translator = QTranslator()
    compiled = i18n.compiled_translation("en")
    if not translator.load(str(compiled)):
        raise RuntimeError(f"cannot load {compiled}")
    english = translator.translate("MainWindow", "開啟示範活動")
    if not english or english == "開啟示範活動":
        raise RuntimeError("English catalogue has no translation for 開啟示範活動")
    return f"en: 開啟示範活動 → {english}"


def check_multimedia() -> str:
    """QtMultimedia imports and finds a backend (FFmpeg); without one the webcam cannot work.

    Missing backend fails the step in a frozen build (the bundle is wrong) and is reported, not
    failed, when running from source (a developer machine without the plugin)."""
    from PySide6.QtCore import qInstallMessageHandler
    from PySide6.QtMultimedia import QMediaCaptureSession, QMediaDevices, QMediaFormat

    messages: list[str] = []
    previous = qInstallMessageHandler(lambda _kind, _context, text: messages.append(text))
    try:
        cameras = QMediaDevices.videoInputs()
        session = QMediaCaptureSession()
        formats = QMediaFormat().supportedFileFormats(QMediaFormat.ConversionMode.Decode)
        del session
    finally:
        qInstallMessageHandler(previous)
    no_backend = any("No QtMultimedia backends" in m for m in messages) or not formats
    backend = next((m for m in messages if "FFmpeg version" in m), "")
    if no_backend:
        detail = "no QtMultimedia backend found (the webcam will not work)"
        if frozen():
            raise RuntimeError(detail)
        return "warning: " + detail
    name = backend.replace("Using Qt multimedia with ", "") if backend else "backend loaded"
    return f"{name}; {len(formats)} formats; {len(cameras)} cameras"


def check_pdf(target: Path) -> str:
    """A small PDF through the shared document base, with the Kai font embedded."""
    from reportlab.platypus import Paragraph

    from desktop.reports.pdfdoc import build_pdf, style, title_style

    build_pdf(
        [
            Paragraph("研習報到台 自我測試", title_style()),
            Paragraph("臺北場次　報到　簽到表　學習時數", style("body", 12)),
        ],
        title="自我測試",
        target=target,
    )
    data = target.read_bytes()
    if not data.startswith(b"%PDF"):
        raise RuntimeError(f"{target.name} is not a PDF")
    if b"/FontFile2" not in data:
        raise RuntimeError(f"{target.name} does not embed its TrueType font")
    from reportlab.lib import rl_accel

    # reportlab loads its C accelerators by a name in a string (an installer misses them
    # unless told); without them every line of every paper is measured in pure Python.
    if rl_accel.instanceStringWidthTTF.__module__ != "_rl_accel":
        raise RuntimeError("reportlab's C accelerators (_rl_accel) are missing")
    return f"{len(data)} bytes, font embedded, accelerated"


def run_self_test(db_target: str | None = None) -> dict[str, Any]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    steps: list[Step] = []
    with tempfile.TemporaryDirectory(prefix="workshop-desk-selftest-") as folder:
        target = Path(db_target) if db_target else Path(folder) / "selftest.sqlite3"
        state: dict[str, Any] = {}

        def open_demo() -> str:
            from desktop.app import open_demo_database
            from desktop.services.events import all_sessions

            state["db"] = open_demo_database(target)
            sessions = all_sessions(state["db"])
            return f"{len(sessions)} sessions in {target.name}"

        def build_window() -> str:
            from desktop.ui.main_window import MainWindow
            from desktop.ui.qtapp import ensure_app
            from desktop.ui.screens.base import ScreenContext

            state["app"] = ensure_app()
            state["window"] = MainWindow(ScreenContext(db=state["db"]), str(target))
            state["window"].show()
            state["app"].processEvents()
            return f"{len(state['window'].screens)} screens"

        def visit_screens() -> str:
            window = state["window"]
            for index in range(len(window.screens)):
                # Straight to each screen: organiser-only ones would ask for the passphrase.
                window.stack.setCurrentIndex(index)
                state["app"].processEvents()
            for index in range(window.session_picker.count()):
                window.session_picker.setCurrentIndex(index)
                state["app"].processEvents()
            return ", ".join(screen.title() for screen in window.screens)

        _step(steps, "resources", check_resources)
        if _step(steps, "database", open_demo) and _step(steps, "window", build_window):
            _step(steps, "screens", visit_screens)
        if "app" in state:
            _step(steps, "translations", check_translations)
            _step(steps, "multimedia", check_multimedia)
        _step(steps, "pdf", lambda: check_pdf(Path(folder) / "selftest.pdf"))
        if "window" in state:
            state["window"].close()
            # Deleted, not only hidden: a caller that goes on (the CLI run in-process) must not
            # keep a window that its signal connections hold alive.
            state["window"].deleteLater()
        if "db" in state:
            state["db"].dispose()
    return {"ok": all(s["ok"] for s in steps), "steps": steps}
