"""The one atomic-write helper: whole or not at all, and never over another kind of file."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.atomicfile import (
    PDF,
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
