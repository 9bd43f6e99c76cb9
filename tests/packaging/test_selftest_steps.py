"""The self-test's user steps say why they fail, and never write into the user's database."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from desktop import selftest


def blank_pdf(target: Path) -> Path:
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(target))
    page.showPage()
    page.save()
    return target


def test_pdf_view_refuses_a_blank_page_and_shows_ink_of_a_real_one(qapp, tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="blank page"):
        selftest.check_pdf_view(blank_pdf(tmp_path / "blank.pdf"))
    selftest.check_pdf(tmp_path / "text.pdf")
    assert "ink" in selftest.check_pdf_view(tmp_path / "text.pdf")


def test_print_step_counts_the_pages_of_the_printed_file(qapp, tmp_path: Path) -> None:
    selftest.check_pdf(tmp_path / "text.pdf")
    detail = selftest.check_print(tmp_path / "text.pdf", tmp_path / "printed.pdf")
    assert detail.startswith("1 page(s)")
    assert (tmp_path / "printed.pdf").read_bytes().startswith(b"%PDF")


def test_a_failing_step_is_reported_with_its_reason() -> None:
    steps: list[selftest.Step] = []

    def fails() -> str:
        raise ModuleNotFoundError("No module named 'desktop.server.tables'")

    assert selftest._step(steps, "server", fails) is False
    assert steps[0]["ok"] is False
    assert steps[0]["detail"] == "ModuleNotFoundError: No module named 'desktop.server.tables'"


def test_self_test_on_a_given_database_writes_nothing_into_it(demo_db_path: Path) -> None:
    """``workshop-desk --db EVENT self-test``: the window shows EVENT; the vote, import and
    backup steps use the self-test's own demo database."""
    demo_db_path.with_name(demo_db_path.name + "-wal").unlink(missing_ok=True)
    before = hashlib.sha256(demo_db_path.read_bytes()).hexdigest()
    report = selftest.run_self_test(db_target=str(demo_db_path))
    assert report["ok"], [s for s in report["steps"] if not s["ok"]]
    names = [s["name"] for s in report["steps"]]
    assert names.index("own database") < names.index("vote") < names.index("import")
    assert hashlib.sha256(demo_db_path.read_bytes()).hexdigest() == before


def test_restore_step_swaps_in_the_backup_and_refuses_a_damaged_one(
    demo_db_path: Path, tmp_path: Path
) -> None:
    from desktop.services.backup import BackupError

    backup = tmp_path / "backup.sqlite3"
    selftest.check_backup(demo_db_path, backup)
    detail = selftest.check_restore(backup, tmp_path / "restored.sqlite3")
    assert detail.startswith("3 sessions") and "before-restore" in detail
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4096)
    with pytest.raises(BackupError):
        selftest.check_restore(damaged, tmp_path / "other.sqlite3")
