"""Handouts stored in the database: added whole or not at all, listed, read back in chunks,
removed; the per-session limit."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import AuditEntry, Handout, HandoutChunk
from db.uow import Database
from desktop.core import handouts as rules
from desktop.services import handouts as svc
from desktop.services.events import find_session


def _pdf(path: Path, size: int) -> bytes:
    data = b"%PDF-1.4\n" + bytes(i % 251 for i in range(size - 9))
    path.write_bytes(data)
    return data


def test_a_file_is_stored_in_chunks_and_read_back_byte_for_byte(
    demo_db: Database, tmp_path: Path
) -> None:
    session = find_session(demo_db, "臺北場次")
    data = _pdf(tmp_path / "第一天 講義.pdf", 5 * 1024 * 1024 + 123)
    added = svc.add_handout(demo_db, session.id, tmp_path / "第一天 講義.pdf", actor="cli")
    assert (added.title, added.file_name, added.kind, added.size) == (
        "第一天 講義",
        "第一天 講義.pdf",
        "pdf",
        len(data),
    )
    assert added.sha256 == hashlib.sha256(data).hexdigest()
    assert added.content_type == "application/pdf" and added.url == f"/me/handouts/{added.id}"
    pieces = list(svc.chunks(demo_db, added.id))
    assert b"".join(pieces) == data and max(len(p) for p in pieces) == svc.CHUNK
    assert [h.id for h in svc.list_handouts(demo_db, session.id)] == [added.id]
    other = find_session(demo_db, "臺南場次")
    assert svc.list_handouts(demo_db, other.id) == []
    assert svc.find_handout(demo_db, other.id, added.id) is None

    removed = svc.remove_handout(demo_db, session.id, added.id, actor="cli")
    assert removed.id == added.id and svc.list_handouts(demo_db, session.id) == []
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(HandoutChunk)) == 0
        actions = s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "handout")).all()
    assert actions == ["handout.add", "handout.remove"]
    with pytest.raises(rules.HandoutError) as gone:
        svc.remove_handout(demo_db, session.id, added.id)
    assert gone.value.code == "no_such_handout"


def test_a_refused_file_leaves_nothing_behind(
    demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    session = find_session(demo_db, "臺北場次")
    (tmp_path / "slides.pptx").write_bytes(b"%PDF-1.4 renamed")
    with pytest.raises(rules.HandoutError) as wrong:
        svc.add_handout(demo_db, session.id, tmp_path / "slides.pptx")
    assert wrong.value.code == "handout_content"
    monkeypatch.setattr(rules, "MAX_SESSION", 3 * 1024 * 1024)
    _pdf(tmp_path / "a.pdf", 2 * 1024 * 1024)
    svc.add_handout(demo_db, session.id, tmp_path / "a.pdf")
    with pytest.raises(rules.HandoutError) as full:
        svc.add_handout(demo_db, session.id, tmp_path / "a.pdf", title="again")
    assert full.value.code == "handout_session_full"
    with pytest.raises(rules.HandoutError) as missing:
        svc.add_handout(demo_db, session.id, tmp_path / "nothing.pdf")
    assert missing.value.code == "handout_unreadable"
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).select_from(Handout)) == 1
        chunks = s.scalar(select(func.count()).select_from(HandoutChunk))
    assert chunks == 4  # the one 2 MB file: nothing of the refused ones
