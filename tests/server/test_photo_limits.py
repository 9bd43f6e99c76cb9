"""Photos sent to the venue server: a decompression bomb is refused from its header with the
process's memory barely moving, decoding takes turns, and nothing of the original's metadata
(EXIF, a JPEG comment) reaches the stored picture."""

from __future__ import annotations

import io
import struct
import sys
import threading
import zlib
from pathlib import Path

import pytest
from PIL import Image

from desktop.services import group_report_photo as photos
from desktop.services import group_reports as svc
from tests.server.conftest import Venue


def png_bomb(side: int = 13000) -> bytes:
    """A 1-bit grey PNG of ``side``×``side`` zero pixels, compressed row by row (about 20 KB
    for 13000: 169 million pixels, 507 MB once decoded to RGB)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    row = b"\x00" * (1 + (side + 7) // 8)  # filter byte, then the row's bits
    packer = zlib.compressobj(9)
    idat = b"".join(packer.compress(row) for _ in range(side)) + packer.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", idat) + chunk(b"IEND", b"")
    )


def peak_rss_reset() -> None:
    Path("/proc/self/clear_refs").write_text("5", encoding="utf-8")  # VmHWM := VmRSS


def rss_kb(field: str) -> int:
    for line in Path("/proc/self/status").read_text(encoding="utf-8").splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise AssertionError(field)


@pytest.mark.skipif(
    not sys.platform.startswith("linux"),
    reason="the process's peak memory is read (and reset) through Linux's /proc/self",
)
def test_a_20_kb_png_of_13000_by_13000_pixels_is_refused_with_memory_growth_under_100_mb(
    venue: Venue,
) -> None:
    bomb = png_bomb()
    assert len(bomb) < 40_000
    assert struct.unpack(">II", bomb[16:24]) == (13000, 13000)  # what its header claims
    peak_rss_reset()
    before = rss_kb("VmRSS")
    answer = venue.client.post(
        venue.url(1) + "/photo", files={"photo": ("bomb.png", bomb, "image/png")}
    )
    grown_mb = (rss_kb("VmHWM") - before) / 1024
    assert answer.status_code == 413, answer.text
    error = answer.json()["error"]
    assert error["code"] == "photo_too_many_pixels" and error["params"]["limit_mp"] == 50
    assert grown_mb < 100, f"{grown_mb:.0f} MB"
    assert photos.load_photo(venue.db, svc.find_table(venue.db, venue.session.id, 1).id) is None


def test_every_size_of_bomb_is_refused_with_the_same_code() -> None:
    for side, size in ((6000, "6000x6000"), (9000, ""), (15000, "")):
        # 36 MP: over the limit of PNGs (decoded whole); 81 MP: Pillow warns, 225 MP: Pillow
        # refuses, both before the size reaches us.
        for step in (photos.reencode_photo, photos.check_photo):
            with pytest.raises(svc.GroupReportError) as refused:
                step(png_bomb(side), "big.png")
            assert refused.value.code == "photo_too_many_pixels"
            assert refused.value.params["size"] == size


def test_a_phone_sized_jpeg_is_taken_and_shrunk() -> None:
    raw = io.BytesIO()
    Image.new("RGB", (8000, 6000), "white").save(raw, "JPEG", quality=50)  # 48 MP
    clean = photos.reencode_photo(raw.getvalue(), "IMG_48MP.jpg")
    with Image.open(io.BytesIO(clean)) as kept:
        assert kept.size == (2400, 1800)


def test_decoding_takes_turns_and_a_photo_that_waits_too_long_is_refused(monkeypatch) -> None:
    monkeypatch.setattr(photos, "DECODE_WAIT", 0.05)
    raw = io.BytesIO()
    Image.new("RGB", (300, 200), "white").save(raw, "JPEG")
    held = [photos._decodes.acquire() for _ in range(photos.MAX_DECODES)]
    try:
        with pytest.raises(svc.GroupReportError) as busy:
            photos.reencode_photo(raw.getvalue(), "late.jpg")
        assert busy.value.code == "photo_busy"
    finally:
        for _ in held:
            photos._decodes.release()
    results: list[bytes] = []
    workers = [
        threading.Thread(target=lambda: results.append(photos.reencode_photo(raw.getvalue(), "x")))
        for _ in range(4)
    ]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert len(results) == 4


def jpeg_segments(data: bytes) -> list[int]:
    """The markers of a JPEG's header segments, up to the start of the picture data."""
    assert data[:2] == b"\xff\xd8"
    markers, at = [], 2
    while at < len(data):
        marker = data[at + 1]
        markers.append(marker)
        if marker == 0xDA:  # start of scan: the pixels follow
            break
        (length,) = struct.unpack(">H", data[at + 2 : at + 4])
        at += 2 + length
    return markers


def test_a_jpeg_comment_exif_and_gps_are_gone_from_the_stored_photo(venue: Venue) -> None:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (25.0, 2.0, 0.0)}  # GPS
    raw = io.BytesIO()
    Image.new("RGB", (640, 480), "white").save(
        raw, "JPEG", exif=exif, comment=b"Alice's phone at 25.03N 121.56E"
    )
    assert {0xFE, 0xE1} <= set(jpeg_segments(raw.getvalue()))  # COM and APP1 (EXIF) sent
    answer = venue.client.post(
        venue.url(1) + "/photo", files={"photo": ("IMG_0002.jpg", raw.getvalue(), "image/jpeg")}
    )
    assert answer.json()["ok"] is True
    stored = photos.load_photo(venue.db, svc.find_table(venue.db, venue.session.id, 1).id)
    assert stored is not None
    kept = jpeg_segments(stored[0])
    assert 0xFE not in kept, "the comment survived"
    assert not [m for m in kept if 0xE1 <= m <= 0xEF], [hex(m) for m in kept]  # APP1..APP15
    assert b"Alice" not in stored[0] and b"PhoneMaker" not in stored[0]
