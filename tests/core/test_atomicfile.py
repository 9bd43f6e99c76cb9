"""The one atomic-write helper: whole or not at all, and never over another kind of file."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core import atomicfile
from desktop.core.atomicfile import (
    PDF,
    PORTAL_CSV,
    XLSX,
    FileInUse,
    FileKind,
    NotOurFile,
    atomic_target,
    write_atomic,
)


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".partial"))


def test_a_build_that_fails_midway_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path,
) -> None:
    target = tmp_path / "certificates.pdf"
    target.write_bytes(b"%PDF-1.4 yesterday's batch")
    with pytest.raises(RuntimeError), atomic_target(target, PDF) as partial:
        partial.write_bytes(b"%PDF-1.4 half of today")
        assert partial.parent == tmp_path and partial.name.startswith(".certificates.pdf.")
        raise RuntimeError("the printer's font ran out")
    assert target.read_bytes() == b"%PDF-1.4 yesterday's batch"
    assert _leftovers(tmp_path) == []


def test_a_finished_build_replaces_our_file(tmp_path: Path) -> None:
    target = tmp_path / "sheet.pdf"
    target.write_bytes(b"%PDF-1.4 old")
    assert write_atomic(target, b"%PDF-1.7 new", PDF) == target
    assert target.read_bytes() == b"%PDF-1.7 new" and _leftovers(tmp_path) == []


def test_a_file_of_another_kind_is_kept_unless_the_person_confirmed(tmp_path: Path) -> None:
    target = tmp_path / "minutes.pdf"  # named .pdf, but someone's Word document
    target.write_bytes(b"PK\x03\x04 word/document.xml")
    with pytest.raises(NotOurFile) as refused:
        write_atomic(target, b"%PDF-1.7", PDF)
    assert refused.value.code == "target_not_ours" and str(target) in str(refused.value)
    assert target.read_bytes().startswith(b"PK") and _leftovers(tmp_path) == []
    write_atomic(target, b"%PDF-1.7", PDF, replace_any=True)  # the save dialog asked
    assert target.read_bytes() == b"%PDF-1.7"


def test_an_empty_file_may_be_replaced_and_a_folder_never(tmp_path: Path) -> None:
    empty = tmp_path / "new.pdf"
    empty.touch()
    write_atomic(empty, b"%PDF-1.7", PDF)
    assert empty.read_bytes() == b"%PDF-1.7"
    with pytest.raises(NotOurFile) as refused:
        write_atomic(tmp_path, b"%PDF-1.7", PDF, replace_any=True)
    assert refused.value.code == "output_is_folder"


@pytest.mark.parametrize(
    ("name", "kind", "code", "program"),
    [
        ("certificates.pdf", PDF, "file_open_in_pdf_reader", "PDF 閱讀器"),
        ("roster.xlsx", XLSX, "file_open_in_excel", "Excel"),
        ("hours.csv", PORTAL_CSV, "file_open_in_excel", "Excel"),
    ],
)
def test_a_file_open_in_another_program_is_named_with_that_program(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    kind: FileKind,
    code: str,
    program: str,
) -> None:
    """Windows refuses to replace a file Acrobat or Excel holds open (WinError 5/32, a
    PermissionError on os.replace): said as such, not as a raw error about ``.partial``."""
    target = tmp_path / name
    old = kind.signatures[0] + b" yesterday"
    target.write_bytes(old)

    def held(_source: object, _target: object) -> None:
        raise PermissionError(13, "Access is denied")

    monkeypatch.setattr(atomicfile.os, "replace", held)
    with pytest.raises(FileInUse) as refused:
        write_atomic(target, kind.signatures[0] + b" today", kind)
    assert refused.value.code == code and refused.value.params["name"] == name
    assert program in str(refused.value) and ".partial" not in str(refused.value)
    assert target.read_bytes() == old and _leftovers(tmp_path) == []


def test_a_file_excel_locks_even_for_reading_is_in_use_not_another_kind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Excel opens a workbook without sharing: Windows refuses even to read its first bytes."""
    target = tmp_path / "admitted.xlsx"
    target.write_bytes(b"PK\x03\x04 sheet")
    real_open = open

    def locked(path, *args, **kwargs):
        if Path(path) == target:
            raise PermissionError(13, "The process cannot access the file", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(atomicfile, "open", locked, raising=False)
    with pytest.raises(FileInUse) as refused:
        write_atomic(target, b"PK\x03\x04 new", XLSX)
    assert refused.value.code == "file_open_in_excel"
    assert target.read_bytes() == b"PK\x03\x04 sheet" and _leftovers(tmp_path) == []
