"""A session's handouts (講義): added from a file, listed, removed, read back a chunk at a time.

The bytes live in the database (``HandoutChunk`` rows of ``CHUNK`` bytes), so a backup carries
them and the room page serves them with no file paths involved. Adding reads the file in
chunks and writes it in one unit of work: a file that fails a check, or a failed write, leaves
nothing behind. A download reads one chunk per short read (``chunks``), so a 50 MB file never
sits whole in memory and no read transaction stays open while a phone downloads.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select

from db.models import Handout, HandoutChunk
from db.uow import Database
from desktop.core.handouts import (
    CONTENT_TYPES,
    HandoutError,
    Kind,
    check_size,
    clean_title,
    kind_of,
)
from desktop.core.outcomes import handouts as words
from desktop.services import audit

CHUNK = 512 * 1024


@dataclass(frozen=True)
class HandoutInfo:
    id: int
    title: str
    file_name: str
    kind: str
    size: int
    sha256: str
    added_at: dt.datetime

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[Kind(self.kind)]

    @property
    def url(self) -> str:
        return f"/me/handouts/{self.id}"

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "title": self.title,
            "file_name": self.file_name,
            "kind": self.kind,
            "bytes": self.size,
            "sha256": self.sha256,
            "added_at": self.added_at.isoformat(timespec="seconds"),
        }


def _info(h: Handout) -> HandoutInfo:
    return HandoutInfo(h.id, h.title, h.file_name, h.kind, h.size, h.sha256, h.added_at)


def list_handouts(db: Database, session_id: int) -> list[HandoutInfo]:
    with db.read() as s:
        rows = s.scalars(
            select(Handout).where(Handout.session_id == session_id).order_by(Handout.id)
        )
        return [_info(h) for h in rows]


def add_handout(
    db: Database,
    session_id: int,
    path: Path,
    *,
    title: str = "",
    actor: str = "",
    now: dt.datetime | None = None,
) -> HandoutInfo:
    """Store the file at ``path`` as a handout of the session (checks: kind by content, size
    per file and per session)."""
    name = path.name
    try:
        size = path.stat().st_size
        stream = path.open("rb")
    except OSError as exc:
        raise HandoutError(words.UNREADABLE, file=str(path), detail=exc.strerror or exc) from None
    with stream, db.unit_of_work() as s:
        kind = kind_of(name, stream)
        total = s.scalar(
            select(func.coalesce(func.sum(Handout.size), 0)).where(Handout.session_id == session_id)
        )
        check_size(name, size, int(total or 0))
        handout = Handout(
            session_id=session_id,
            title=clean_title(title, name),
            file_name=name[:200],
            kind=kind.value,
            size=0,
            sha256="",
            added_at=now or dt.datetime.now(),
        )
        s.add(handout)
        s.flush()
        digest = hashlib.sha256()
        written = 0
        for seq, data in enumerate(iter(lambda: stream.read(CHUNK), b"")):
            digest.update(data)
            written += len(data)
            s.add(HandoutChunk(handout_id=handout.id, seq=seq, data=data))
            s.flush()  # one chunk in memory at a time
        check_size(name, written, int(total or 0))  # the file grew while it was read
        handout.size = written
        handout.sha256 = digest.hexdigest()
        audit.record(
            s,
            "handout.add",
            actor=actor,
            entity="handout",
            entity_id=handout.id,
            session_id=session_id,
            file_name=handout.file_name,
            bytes=written,
        )
        s.flush()
        return _info(handout)


def remove_handout(
    db: Database, session_id: int, handout_id: int, *, actor: str = ""
) -> HandoutInfo:
    with db.unit_of_work() as s:
        handout = s.get(Handout, handout_id)
        if handout is None or handout.session_id != session_id:
            raise HandoutError(words.NO_SUCH_HANDOUT, id=handout_id)
        info = _info(handout)
        s.execute(delete(HandoutChunk).where(HandoutChunk.handout_id == handout_id))
        s.delete(handout)
        audit.record(
            s,
            "handout.remove",
            actor=actor,
            entity="handout",
            entity_id=handout_id,
            session_id=session_id,
            file_name=info.file_name,
        )
        return info


def find_handout(db: Database, session_id: int, handout_id: int) -> HandoutInfo | None:
    with db.read() as s:
        handout = s.get(Handout, handout_id)
        if handout is None or handout.session_id != session_id:
            return None
        return _info(handout)


def chunks(db: Database, handout_id: int) -> Iterator[bytes]:
    """The handout's bytes in order, one short read per chunk. A handout removed while it
    downloads ends the iteration early (the response then falls short of its length and
    the browser reports a failed download instead of a truncated file)."""
    seq = 0
    while True:
        with db.read() as s:
            data = s.scalar(
                select(HandoutChunk.data).where(
                    HandoutChunk.handout_id == handout_id, HandoutChunk.seq == seq
                )
            )
        if data is None:
            return
        yield data
        seq += 1
