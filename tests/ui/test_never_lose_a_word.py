"""Kill the app mid-edit: what the form reported as saved is in the database after restart."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from desktop.app import open_database
from desktop.services import group_reports as svc
from desktop.services.events import find_session

ROOT = Path(__file__).resolve().parents[2]

# The child opens the real leader-mode window offscreen, types like a leader (ASCII through key
# events, Chinese as input-method commits), reports each save, and keeps typing until killed.
CHILD = r"""
import sys
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from desktop.app import open_database
from desktop.services.events import find_session
from desktop.services.group_reports import list_tables
from desktop.services.organiser_pin import set_organiser_pin
from desktop.ui.leader_mode import LeaderModeWindow
from desktop.ui.qtapp import ensure_app

app = ensure_app()
db = open_database(sys.argv[1])
session = find_session(db, "臺北")
set_organiser_pin(db, session.event_id, "2468")
leader = LeaderModeWindow(db, session)
leader.start(None, full_screen=False)
leader.choose_table(list_tables(db, session.id)[4])
form = leader.form
steps = [
    lambda: form.topic.setText("夜市周邊人行道改善"),
    lambda: QTest.keyClicks(form.proposal_editors[0].title_edit, "Sidewalk"),
    lambda: form.points_for.insertPlainText("- 行人安全\n- 攤商也支持"),
    lambda: form.proposal_editors[0].cost_edit.setText("約 120 萬"),
]
state = {"i": 0}

def next_step(*_):
    if state["i"] < len(steps):
        steps[state["i"]]()
        state["i"] += 1
    else:  # keep typing, never waiting for a save: the kill lands mid-edit
        form.feedback.insertPlainText("講")
        QTimer.singleShot(5, next_step)

def on_saved(result):
    print(f"SAVED {state['i']} {len(form.feedback.toPlainText())}", flush=True)
    QTimer.singleShot(0, next_step)

form.saved.connect(on_saved)
QTimer.singleShot(0, next_step)
app.exec()
"""


def test_killed_mid_edit_loses_nothing_that_was_saved(demo_db_path: Path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(demo_db_path)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        encoding="utf-8",
    )
    try:
        deadline = time.monotonic() + 30
        seen = []
        while time.monotonic() < deadline:
            line = child.stdout.readline()
            if not line:
                break
            seen.append(line.strip())
            # all four edits saved, and a save while typing without a pause
            if line.startswith("SAVED 4 ") and int(line.split()[2]) > 0:
                break
        assert seen and seen[-1].startswith("SAVED 4 "), (
            seen,
            child.stderr.read() if child.poll() else "",
        )
        saved_feedback = int(seen[-1].split()[2])
        time.sleep(0.3)  # let it get into the next word
        child.kill()  # SIGKILL on POSIX, TerminateProcess on Windows: no clean-up either way
        child.wait(10)
    finally:
        if child.poll() is None:
            child.kill()
    # killed, not ended: -SIGKILL on POSIX; TerminateProcess's exit code 1 on Windows
    assert child.returncode == (1 if sys.platform == "win32" else -signal.SIGKILL)

    db = open_database(demo_db_path)  # the restart: migrations run, WAL recovered
    try:
        session = find_session(db, "臺北")
        content = svc.load_report(db, svc.find_table(db, session.id, 5).id).content
        assert content.topic == "夜市周邊人行道改善"
        assert content.points_for == "- 行人安全\n- 攤商也支持"
        assert content.proposals[0].title == "Sidewalk"
        assert content.proposals[0].cost == 1200000
        assert len(content.feedback) >= saved_feedback and set(content.feedback) == {"講"}
        assert (
            svc.list_revisions(db, svc.find_table(db, session.id, 5).id)[0].author == "桌長 吳欣儀"
        )
    finally:
        db.dispose()
