"""Which files may be handouts (講義), told by their content, and how a download names them.

A handout is a PDF, a PowerPoint (PPTX), a Word file (DOCX) or a ZIP, at most ``MAX_FILE``
bytes, and a session's handouts together at most ``MAX_SESSION``. The kind comes from the
name's extension and must agree with the bytes: a PDF starts with ``%PDF-``; PPTX, DOCX and
ZIP are ZIP archives, and a PPTX or DOCX holds its main part (``ppt/presentation.xml``,
``word/document.xml``). A renamed executable or an old ``.ppt`` is refused with a sentence.
"""

from __future__ import annotations

import re
import unicodedata
import zipfile
from enum import StrEnum
from pathlib import PurePath
from typing import BinaryIO
from urllib.parse import quote

from desktop.core.outcomes import handouts as words
from desktop.core.problems import CodedError

MAX_FILE = 50 * 1024 * 1024
MAX_SESSION = 200 * 1024 * 1024
MAX_TITLE = 200


class Kind(StrEnum):
    PDF = "pdf"
    PPTX = "pptx"
    DOCX = "docx"
    ZIP = "zip"


CONTENT_TYPES = {
    Kind.PDF: "application/pdf",
    Kind.PPTX: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    Kind.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    Kind.ZIP: "application/zip",
}
_MAIN_PART = {Kind.PPTX: "ppt/presentation.xml", Kind.DOCX: "word/document.xml"}
KIND_NAMES = {Kind.PDF: "PDF", Kind.PPTX: "PowerPoint", Kind.DOCX: "Word", Kind.ZIP: "ZIP"}


class HandoutError(CodedError):
    """The file cannot be a handout (kind, content, size) or the handout is not there."""


def kind_of(file_name: str, stream: BinaryIO) -> Kind:
    """The kind of a file named ``file_name`` whose bytes ``stream`` reads (seekable; left at
    its start). Raises ``HandoutError`` when the extension is not one of the four or the
    content is not what the extension says."""
    suffix = PurePath(file_name).suffix.lower().lstrip(".")
    try:
        kind = Kind(suffix)
    except ValueError:
        raise HandoutError(words.KIND, file=file_name) from None
    stream.seek(0)
    head = stream.read(8)
    stream.seek(0)
    if kind is Kind.PDF:
        good = head.startswith(b"%PDF-")
    else:
        good = head.startswith(b"PK\x03\x04") and _zip_holds(stream, _MAIN_PART.get(kind))
        stream.seek(0)
    if not good:
        raise HandoutError(words.CONTENT, file=file_name, kind=KIND_NAMES[kind], suffix=suffix)
    return kind


def _zip_holds(stream: BinaryIO, part: str | None) -> bool:
    try:
        with zipfile.ZipFile(stream) as archive:
            return part is None or part in archive.namelist()
    except (zipfile.BadZipFile, OSError, EOFError):
        return False


def check_size(file_name: str, size: int, session_total: int) -> None:
    """Refuse a file over ``MAX_FILE``, or one that takes the session past ``MAX_SESSION``."""
    if size == 0:
        raise HandoutError(words.EMPTY, file=file_name)
    if size > MAX_FILE:
        raise HandoutError(
            words.TOO_LARGE,
            file=file_name,
            mb=_mb(size),
            limit_mb=_mb(MAX_FILE),
        )
    if session_total + size > MAX_SESSION:
        raise HandoutError(
            words.SESSION_FULL,
            file=file_name,
            mb=_mb(session_total + size),
            limit_mb=_mb(MAX_SESSION),
        )


def _mb(size: int) -> float:
    return round(size / 1024 / 1024, 1)


def clean_title(title: str, file_name: str) -> str:
    """The title shown on the room page: what the organiser typed, else the name's stem."""
    text = " ".join(title.split()) or PurePath(file_name).stem
    return text[:MAX_TITLE]


def content_disposition(file_name: str) -> str:
    """``attachment`` with an ASCII ``filename`` for old clients and the exact UTF-8 name in
    ``filename*`` (RFC 5987/6266), so 講義.pdf saves as 講義.pdf."""
    ascii_name = unicodedata.normalize("NFKD", file_name).encode("ascii", "ignore").decode()
    ascii_name = re.sub(r'[^A-Za-z0-9._ -]+|["\\]', "_", ascii_name).strip(" ._") or "handout"
    suffix = PurePath(file_name).suffix
    if suffix and not ascii_name.lower().endswith(suffix.lower()):
        ascii_name = f"handout{suffix}"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(file_name, safe='')}"
