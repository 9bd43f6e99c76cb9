"""The one way the product writes a file: whole or not at all, and never over someone else's.

``with atomic_target(path, PDF) as tmp: build(tmp)`` hands the builder a hidden temporary file
in the target's folder (``.<name>.<random>.partial``: same file system, so the rename is
atomic); when the block ends normally the file is flushed to disk (``fsync``), renamed over the
target (``os.replace``) and the folder entry synced. When the block raises (a failed or
cancelled build) the temporary file is removed and the target keeps its old content.

"Ours": an existing target is replaced only when it is a file of the kind being written (its
first bytes are the kind's signature: a PDF over a PDF, a backup over an SQLite file) or is
empty. Anything else (a document typed as ``--out``, a folder) is refused with a
``NotOurFile`` naming it, unless the person confirmed replacing it (``replace_any``: the
window's save dialog asks before it returns an existing name).

A target another program holds open (a PDF in Acrobat, a sheet in Excel: Windows then refuses
to replace or even read it, ``PermissionError``/WinError 5 or 32) is a ``FileInUse`` naming
the file and the kind of program, never a raw error about the hidden ``.partial`` name.
"""

from __future__ import annotations

import codecs
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from desktop.core.outcomes import files
from desktop.core.problems import CodedError


class NotOurFile(CodedError):
    """The target exists and is not a file of the kind being written; it was left alone."""


class FileInUse(CodedError):
    """The target is open in another program (or read-only) and cannot be replaced; the old
    file is unchanged and nothing else was written."""


@dataclass(frozen=True)
class FileKind:
    label: str  # what the file is, as the refusal names it
    signatures: tuple[bytes, ...]  # a file of this kind starts with one of these

    def matches(self, path: Path) -> bool:
        """Is ``path`` a file of this kind (or empty, so nothing would be lost)? A file
        another program holds locked (Excel does) is ``FileInUse``, not "another kind"."""
        longest = max(len(s) for s in self.signatures)
        try:
            with open(path, "rb") as handle:
                head = handle.read(longest)
        except PermissionError as exc:
            raise in_use(path, self) from exc
        except OSError:
            return False
        return not head or head.startswith(self.signatures)


PDF = FileKind("PDF", (b"%PDF-",))
XLSX = FileKind("Excel", (b"PK\x03\x04",))
PNG = FileKind("PNG", (b"\x89PNG\r\n\x1a\n",))
CSV_UTF8 = FileKind("CSV", (codecs.BOM_UTF8,))  # written with a BOM so Excel reads Chinese
PORTAL_CSV = FileKind("CSV", ("*".encode("cp950"),))  # both portal headers start with *
SQLITE = FileKind("SQLite", (b"SQLite format 3\x00",))
PABULIB = FileKind("pabulib", (b"META",))
JSON = FileKind("JSON", (b"{",))


def in_use(target: Path, kind: FileKind) -> FileInUse:
    """The refusal for a ``target`` Windows would not let us replace: named after the program
    that usually holds a file of this kind open."""
    target = Path(target)
    if kind is PDF:
        outcome = files.OPEN_IN_PDF_READER
    elif kind in (XLSX, CSV_UTF8, PORTAL_CSV):
        outcome = files.OPEN_IN_EXCEL
    else:
        outcome = files.OPEN_ELSEWHERE
    return FileInUse(outcome, path=target, name=target.name)


def partial_name(target: Path) -> Path:
    """A fresh hidden temporary name beside ``target`` (start-up clean-ups glob for it)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")


def check_replaceable(target: Path, kind: FileKind, *, replace_any: bool = False) -> None:
    """Refuse before any work when ``target`` may not be replaced (see the module text)."""
    if target.is_dir():
        raise NotOurFile(files.OUTPUT_IS_FOLDER, path=target)
    if target.exists() and not replace_any and not kind.matches(target):
        raise NotOurFile(files.TARGET_NOT_OURS, path=target, kind=kind.label)


@contextmanager
def atomic_target(target: Path, kind: FileKind, *, replace_any: bool = False) -> Iterator[Path]:
    """Yield a temporary path to write; on success it replaces ``target`` (see module text)."""
    target = Path(target)
    check_replaceable(target, kind, replace_any=replace_any)
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_name(target)
    try:
        yield partial
        with open(partial, "rb+") as handle:  # writable: Windows flushes only through one
            handle.flush()
            os.fsync(handle.fileno())
        try:
            os.replace(partial, target)
        except PermissionError as exc:  # Windows: the target is open in another program
            raise in_use(target, kind) from exc
        _fsync_folder(target.parent)
    finally:
        partial.unlink(missing_ok=True)


def write_atomic(target: Path, data: bytes, kind: FileKind, *, replace_any: bool = False) -> Path:
    """``data`` written to ``target`` through ``atomic_target``."""
    with atomic_target(target, kind, replace_any=replace_any) as partial:
        partial.write_bytes(data)
    return Path(target)


def _fsync_folder(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder; NTFS journals the rename itself
        return
    handle = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
