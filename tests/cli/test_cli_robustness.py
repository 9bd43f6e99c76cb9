"""The command line with wrong paths and real processes: one line on stderr, nothing created."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.uow import Database
from tests.cli.conftest import child_env

ROOT = Path(__file__).resolve().parents[2]


def test_db_option_naming_a_missing_file_or_a_folder_creates_nothing(
    run_cli, tmp_path: Path
) -> None:
    """QA: a typo in ``--db`` silently created the folders and an empty database there."""
    typo = tmp_path / "no-such-folder" / "event.sqlite3"
    code, _, err = run_cli("--db", typo, "summary")
    assert code == 2 and err.count("\n") == 1
    assert "找不到資料庫檔案" in err and str(typo) in err
    assert not typo.parent.exists()
    code, _, err = run_cli("--db", tmp_path, "roster", "--json")
    assert code == 2 and "資料夾" in err and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []
    code, _, _ = run_cli("--db", typo, "demo")  # ``demo`` is how a new file is made
    assert code == 0 and typo.is_file()


def _cli(
    *args: str, home: Path, console: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """The program in a child process; its output must be UTF-8 whatever the ``console``."""
    env = child_env(console or {}, WORKSHOP_DESK_HOME=str(home), PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-m", "desktop", *args],
        capture_output=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    return subprocess.CompletedProcess(
        done.args, done.returncode, done.stdout.decode("utf-8"), done.stderr.decode("utf-8")
    )


def test_a_damaged_file_is_one_line_on_stderr_in_a_real_process(
    tmp_path: Path, console: dict[str, str]
) -> None:
    """QA: outside pytest the start-up check's log record reached the terminal as a second
    line ("damaged database …") before the message."""
    garbage = tmp_path / "garbage.sqlite3"
    garbage.write_bytes(b"this is not a database" * 100)
    done = _cli("--db", str(garbage), "summary", home=tmp_path / "home", console=console)
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1 and "不是可用的資料庫" in done.stderr, done.stderr
    log = (tmp_path / "home" / "logs" / "workshop-desk.log").read_text(encoding="utf-8")
    assert "damaged database" in log  # the record is kept, in the log file


@pytest.mark.allow_log(r"^workshop-desk summary failed$")
def test_an_unexpected_error_is_logged_and_told_in_one_line(
    run_cli, demo_db_path: Path, monkeypatch, private_data_home: Path
) -> None:
    """A bug inside a command: the traceback goes to the log file, the user gets one line."""
    import desktop.cli.basics as basics

    def broken(_db):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(basics, "list_events", broken)
    code, _, err = run_cli("--db", demo_db_path, "summary")
    assert code == 2 and err.count("\n") == 1
    assert "ZeroDivisionError: boom" in err and "workshop-desk.log" in err
    log = (private_data_home / "logs" / "workshop-desk.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "ZeroDivisionError" in log


def test_json_through_a_pipe_is_utf8_whatever_the_console(
    demo_db: Database, demo_db_path: Path, tmp_path: Path, console: dict[str, str]
) -> None:
    """``roster --json > f`` on a zh-TW Windows laptop stopped with UnicodeEncodeError at 綉
    (cp950 has it only in Microsoft's extension; Big5 lacks it) after 341 bytes; 𡘙 is in no
    Big5 at all."""
    from desktop.services.events import find_session
    from desktop.services.walkins import add_walk_in

    add_walk_in(demo_db, find_session(demo_db, "臺北").id, name="林𡘙", agency="臺北市政府")
    demo_db.dispose()
    done = _cli("--db", str(demo_db_path), "roster", "--json", home=tmp_path, console=console)
    assert done.returncode == 0, done.stderr
    names = {row["name"] for row in json.loads(done.stdout)}
    assert "林𡘙" in names and any("綉" in name for name in names)


def _program(body: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``desktop.cli.run`` (the installed ``workshop-desk``) around a stand-in ``main``."""
    probe = (
        "import sys, threading, time\nimport desktop.cli as cli\n"
        f"{body}\ncli.main = main\ncli.run()\n"
    )
    return subprocess.run(
        [sys.executable, "-c", probe, *args],
        capture_output=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONPATH=str(ROOT)),
        cwd=ROOT,
        timeout=60,
    )


def test_the_program_delivers_all_its_output_and_its_exit_code() -> None:
    """``run`` ends the process without the interpreter's teardown: what the command printed
    (a megabyte through a pipe, on both streams) still arrives, whole, with its exit code."""
    done = _program(
        "def main():\n"
        "    print('x' * 1_000_000)\n"
        "    print('一行說明', file=sys.stderr)\n"
        "    return 2\n"
    )
    assert done.returncode == 2
    assert done.stdout == "x" * 1_000_000 + "\n"
    assert done.stderr == "一行說明\n"


def test_the_program_waits_for_work_still_running_in_another_thread(tmp_path: Path) -> None:
    out = tmp_path / "written-late.txt"
    done = _program(
        "def main():\n"
        "    def later():\n"
        "        time.sleep(0.3)\n"
        "        open(sys.argv[1], 'w', encoding='utf-8').write('whole')\n"
        "    threading.Thread(target=later).start()\n"
        "    return 0\n",
        str(out),
    )
    assert done.returncode == 0, done.stderr
    assert out.read_text(encoding="utf-8") == "whole"


def test_a_command_runs_with_the_collector_resumed_after_start_up(
    demo_db_path: Path, tmp_path: Path
) -> None:
    """The program pauses the cycle collector while it imports (``desktop.collector``); by
    the time a real command works on the database it collects again, with start-up's objects
    frozen out of its sight."""
    probe = (
        "import gc, sys\nimport desktop.cli as cli\n"
        "close = cli.Context.close\n"
        "def report(self):\n"
        "    print(gc.isenabled(), gc.get_freeze_count() > 10_000)\n"
        "    close(self)\n"
        "cli.Context.close = report\n"
        "cli.run()\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "--db", str(demo_db_path), "summary"],
        capture_output=True,
        encoding="utf-8",
        env=dict(os.environ, PYTHONPATH=str(ROOT), WORKSHOP_DESK_HOME=str(tmp_path)),
        cwd=ROOT,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "True True"


def test_start_up_s_end_resumes_only_a_collector_it_paused() -> None:
    import gc

    from desktop import collector

    frozen = gc.get_freeze_count()
    collector.started()  # a test calling ``main`` never paused it: nothing changes
    assert gc.isenabled() and gc.get_freeze_count() == frozen
    collector.pause_for_startup()
    try:
        assert not gc.isenabled()
        with collector.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # a pause inside start-up does not end start-up's pause
    finally:
        collector.started()
    assert gc.isenabled() and gc.get_freeze_count() >= frozen
    gc.unfreeze()  # leave the test process as it was


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal is POSIX only")
def test_a_console_that_cannot_show_a_name_gets_an_escape_not_a_crash(
    demo_db: Database, demo_db_path: Path, tmp_path: Path
) -> None:
    """On a real console in cp950, 𡘙 (and 綉) cannot be shown: the line is printed with an
    escape for that one character, and the command goes on."""
    import pty

    from desktop.services.events import find_session
    from desktop.services.walkins import add_walk_in

    add_walk_in(demo_db, find_session(demo_db, "臺北").id, name="林𡘙", agency="臺北市政府")
    demo_db.dispose()
    env = child_env(
        {"PYTHONIOENCODING": "cp950"}, WORKSHOP_DESK_HOME=str(tmp_path), PYTHONPATH=str(ROOT)
    )
    leader, follower = pty.openpty()
    child = subprocess.Popen(
        [sys.executable, "-m", "desktop", "--db", str(demo_db_path), "roster"],
        stdout=follower,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )
    os.close(follower)
    shown = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        shown += chunk
    os.close(leader)
    assert child.wait(timeout=60) == 0, child.stderr.read().decode("utf-8", "replace")
    text = shown.decode("cp950")
    assert "林\\U00021619\t" in text  # U+21619 is 𡘙
    assert len(text.splitlines()) == 136  # every row of the roster, the walk-in included


@pytest.mark.parametrize("missing", ["stdin", "stdout"])
@pytest.mark.allow_log(r"沒有主控台：請設定環境變數 WORKSHOP_DESK_PASSPHRASE")
def test_the_windowed_program_without_a_console_says_so_and_exits_2(
    demo_db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, missing: str
) -> None:
    """The windowed Windows program has ``sys.stdin`` (and ``sys.stdout``) None: an organiser
    command without the passphrase in the environment died on ``isatty``."""
    from desktop.cli import PASSPHRASE_ENV, main
    from desktop.core.outcomes import cli

    monkeypatch.delenv(PASSPHRASE_ENV, raising=False)
    monkeypatch.setattr(sys, missing, None)
    code = main(["--db", str(demo_db_path), "ids", "purge", "--session", "臺北", "--json"])
    assert code == 2
    said = capsys.readouterr()
    assert cli.NO_CONSOLE.say(variable=PASSPHRASE_ENV) in said.err + said.out
