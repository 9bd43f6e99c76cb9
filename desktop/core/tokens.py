"""Signed entry-pass tokens for QR codes.

``WS1:`` + base32(payload) + ``.`` + base32(HMAC-SHA256 truncated to 80 bits), 34 upper-case
characters from the QR alphanumeric set, so the code fits a version-2 QR (25×25 modules) that
scans from a phone screen. The payload holds no personal data: a version byte, a 3-byte event
tag derived from the event's secret, and the registration id.

The event tag lets the desk tell "a pass of another event" (tag differs) from "a damaged or
forged pass of this event" (tag matches, signature does not).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
from dataclasses import dataclass
from enum import StrEnum

PREFIX = "WS1:"
_VERSION = 1
_PAYLOAD = struct.Struct(">B3sI")  # version, event tag, registration id
_MAC_BYTES = 10


class TokenProblem(StrEnum):
    INVALID_CODE = "invalid_code"  # not a Workshop Desk pass at all, or damaged beyond reading
    OTHER_EVENT = "other_event"  # a pass of another event
    FORGED = "forged"  # this event's tag, but the signature does not match


class TokenError(ValueError):
    def __init__(self, problem: TokenProblem) -> None:
        super().__init__(problem.value)
        self.problem = problem


@dataclass(frozen=True)
class PassToken:
    registration_id: int


def event_tag(secret: bytes) -> bytes:
    return hashlib.sha256(b"workshop-desk event tag" + secret).digest()[:3]


def _b32(data: bytes) -> str:
    return base64.b32encode(data).decode("ascii").rstrip("=")


def _unb32(text: str) -> bytes:
    return base64.b32decode(text + "=" * (-len(text) % 8))


def _mac(secret: bytes, payload: bytes) -> bytes:
    return hmac.new(secret, payload, hashlib.sha256).digest()[:_MAC_BYTES]


def make_token(secret: bytes, registration_id: int) -> str:
    payload = _PAYLOAD.pack(_VERSION, event_tag(secret), registration_id)
    return f"{PREFIX}{_b32(payload)}.{_b32(_mac(secret, payload))}"


def parse_token(secret: bytes, text: str) -> PassToken:
    """Verify a scanned code. Scanners may add spaces or send lower case (Caps Lock)."""
    code = "".join(str(text).split()).upper()
    if not code.startswith(PREFIX) or code.count(".") != 1:
        raise TokenError(TokenProblem.INVALID_CODE)
    body, _, signature = code[len(PREFIX) :].partition(".")
    try:
        payload, mac = _unb32(body), _unb32(signature)
    except ValueError:
        raise TokenError(TokenProblem.INVALID_CODE) from None
    if len(payload) != _PAYLOAD.size or len(mac) != _MAC_BYTES:
        raise TokenError(TokenProblem.INVALID_CODE)
    version, tag, registration_id = _PAYLOAD.unpack(payload)
    if version != _VERSION:
        raise TokenError(TokenProblem.INVALID_CODE)
    if not hmac.compare_digest(tag, event_tag(secret)):
        raise TokenError(TokenProblem.OTHER_EVENT)
    if not hmac.compare_digest(mac, _mac(secret, payload)):
        raise TokenError(TokenProblem.FORGED)
    return PassToken(registration_id=registration_id)
