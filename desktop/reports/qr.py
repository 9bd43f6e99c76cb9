"""The one QR code drawing: passes, badges and tent cards, the desk's venue and room QR, the
vote projector and the scanner test all show what this draws."""

from __future__ import annotations

import functools
import io

import qrcode
from qrcode.constants import ERROR_CORRECT_M

# The four-module quiet zone the QR standard (ISO/IEC 18004) asks for: with less, a phone or
# the desk scanner misses the code when a card's cut edge, text or a dark table is close by.
QUIET_ZONE = 4


@functools.lru_cache(maxsize=4096)
def qr_png(text: str, box: int = 10) -> bytes:
    """``text`` as a QR code in greyscale PNG bytes, ``box`` pixels a module (cached: a pass's
    PDF card and PNG reuse it)."""
    code = qrcode.QRCode(error_correction=ERROR_CORRECT_M, box_size=box, border=QUIET_ZONE)
    code.add_data(text)
    code.make(fit=True)
    image = code.make_image(fill_color="black", back_color="white").get_image()
    buffer = io.BytesIO()
    image.convert("L").save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()
