"""Screenshots of every screen in both languages at 1366×768, into docs/screens/.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [--out docs/screens]

Opens the demo event in a fresh data folder (organiser mode, the tables seated), shows the main
window in the client area of a maximised window on a 1366×768 laptop (1366×700) and saves
``<language>-<n>-<screen>.png`` for each screen of ``SCREENS``. Regenerate after changing a
screen, then look at them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CLIENT_AREA = (1366, 700)  # 768 less the taskbar and the title bar
LANGUAGES = ("zh_TW", "en")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screens")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    home = Path(tempfile.mkdtemp(prefix="screenshots-"))
    os.environ["WORKSHOP_DESK_HOME"] = str(home)  # never the user's own data folder
    sys.path.insert(0, str(ROOT))

    from PySide6.QtWidgets import QApplication

    from desktop.app import open_demo_database
    from desktop.services import seating
    from desktop.services.demo import DEMO_PASSPHRASE
    from desktop.ui import settings
    from desktop.ui.main_window import MainWindow
    from desktop.ui.qtapp import ensure_app
    from desktop.ui.screens import SCREENS
    from desktop.ui.screens.base import ScreenContext

    app = ensure_app()
    args.out.mkdir(parents=True, exist_ok=True)
    for language in LANGUAGES:
        settings.remove_translators(app)
        settings.install_translators(app, language)
        db = open_demo_database(home / f"demo-{language}.sqlite3")
        context = ScreenContext(db=db)
        context.session_state.unlock(context, DEMO_PASSPHRASE)
        window = MainWindow(context, "demo.sqlite3")
        session = window.current_session()
        if session is not None:
            seating.assign(db, session.id)
        window.resize(*CLIENT_AREA)
        window.show()
        for index in range(len(SCREENS)):
            window.show_screen(index)
            QApplication.processEvents()
            name = window.work_area(index).objectName()
            target = args.out / f"{language}-{index + 1}-{name}.png"
            window.grab().save(str(target))
            print(target.relative_to(ROOT) if target.is_relative_to(ROOT) else target)
        window.close()
        window.deleteLater()
        QApplication.processEvents()
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
