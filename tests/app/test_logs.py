import logging
import sys
from pathlib import Path

import pytest

from desktop.logs import install_excepthook, setup_logging


@pytest.mark.allow_log(r"^uncaught exception$")
def test_uncaught_exception_is_logged_and_shown(
    private_data_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    root = logging.getLogger()
    monkeypatch.setattr(root, "handlers", list(root.handlers))
    log_file = setup_logging()
    shown: list[tuple[str, Path]] = []
    install_excepthook(lambda summary, path: shown.append((summary, path)))
    typed_at_the_desk = "boom at the desk"
    try:
        raise ValueError(typed_at_the_desk)
    except ValueError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "Traceback" in text and "builtins.ValueError (message withheld: 16 characters)" in text
    assert "boom at the desk" not in text  # a message may quote what was being processed
    assert shown == [("ValueError: boom at the desk", log_file)]
    assert log_file.parent.parent == private_data_home


@pytest.mark.allow_log(r"^workshop-desk reports failed$")
def test_a_failed_export_logs_the_error_type_and_size_not_the_reports_text(
    demo_db_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    """openpyxl's IllegalCharacterError quotes the cell: the report's text went to the log."""
    from openpyxl import Workbook

    from desktop.reports import group_reports_pdf

    secret = "王小明的電話0912345678\x0b"

    def write_xlsx_as_before(book: object, target: object) -> None:  # the cell written raw
        Workbook().active.append([secret])

    monkeypatch.setattr(group_reports_pdf, "write_xlsx", write_xlsx_as_before)
    code, _, err = run_cli(
        "--db",
        demo_db_path,
        "reports",
        "export",
        "--session",
        "臺北場次",
        "--out",
        demo_db_path.parent / "reports.xlsx",
    )
    assert code == 2 and "IllegalCharacterError" in err
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = (setup_logging()).read_text(encoding="utf-8")
    assert "openpyxl.utils.exceptions.IllegalCharacterError (message withheld:" in text
    assert "0912345678" not in text and "王小明" not in text
