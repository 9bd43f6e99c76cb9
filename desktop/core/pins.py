"""Organiser PINs: salted scrypt hashes in one self-describing string.

Stored form (``Event.organiser_pin_hash``)::

    scrypt$<n>$<r>$<p>$<salt hex>$<hash hex>

The cost parameters travel with the hash, so raising ``DEFAULT_N`` later keeps old hashes
verifiable and ``needs_rehash`` tells the caller when to store a fresh one. PINs are normalised
with NFKC before hashing, so full-width digits typed through a Chinese input method (１２３４)
match the same PIN typed on a plain keyboard. No Qt, no database: plain functions, unit-tested.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata
from dataclasses import dataclass

from desktop.core.outcomes import newevent
from desktop.core.outcomes import pins as words
from desktop.core.problems import CodedError

SCHEME = "scrypt"
DEFAULT_N = 2**14  # 16 MiB of memory with r=8; ~50 ms on the desk laptop
DEFAULT_R = 8
DEFAULT_P = 1
SALT_BYTES = 16
HASH_BYTES = 32
MIN_LENGTH = 4
MAX_LENGTH = 64
# Lockout after repeated wrong PINs: seconds to wait before the next try (UI enforces it).
FREE_ATTEMPTS = 3
MAX_LOCKOUT_SECONDS = 60


class PinError(CodedError):
    """A PIN that cannot be used, or a stored hash that cannot be read. ``code`` is stable."""


@dataclass(frozen=True)
class PinHash:
    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    def encode(self) -> str:
        return f"{SCHEME}${self.n}${self.r}${self.p}${self.salt.hex()}${self.digest.hex()}"


def normalise_pin(pin: str) -> str:
    """NFKC and trimmed: ``" １２３４ "`` → ``"1234"``."""
    return unicodedata.normalize("NFKC", pin).strip()


def validate_pin(pin: str) -> str:
    """The normalised PIN, or ``PinError`` saying what is wrong with it (for setting a PIN)."""
    value = normalise_pin(pin)
    if len(value) < MIN_LENGTH:
        raise PinError(words.TOO_SHORT, n=MIN_LENGTH)
    if len(value) > MAX_LENGTH:
        raise PinError(words.TOO_LONG, n=MAX_LENGTH)
    if any(ch.isspace() for ch in value):
        raise PinError(newevent.WHITESPACE)
    return value


def _derive(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        normalise_pin(pin).encode("utf-8"),
        salt=salt,
        n=n,
        r=r,
        p=p,
        maxmem=256 * n * r + 1024 * 1024,
        dklen=HASH_BYTES,
    )


def hash_pin(
    pin: str,
    *,
    n: int = DEFAULT_N,
    r: int = DEFAULT_R,
    p: int = DEFAULT_P,
    salt: bytes | None = None,
) -> str:
    """Validate ``pin`` and return its stored form with a fresh random salt."""
    value = validate_pin(pin)
    if n < 2 or n & (n - 1):
        raise PinError(words.BAD_PARAMETERS)  # scrypt's n: a power of two ≥ 2
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    return PinHash(n, r, p, salt, _derive(value, salt, n, r, p)).encode()


def parse_hash(stored: str) -> PinHash:
    """The parts of a stored hash; ``PinError("bad_hash")`` when it is not one of ours."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise PinError(words.BAD_HASH, detail="not scrypt$n$r$p$salt$hash")
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError as exc:
        raise PinError(words.BAD_HASH, detail=f"damaged: {exc}") from exc
    if n < 2 or n & (n - 1) or r < 1 or p < 1 or not salt or not digest:
        raise PinError(words.BAD_HASH, detail="bad parameters")
    return PinHash(n, r, p, salt, digest)


def verify_pin(pin: str, stored: str) -> bool:
    """True when ``pin`` matches ``stored`` (constant-time compare). A malformed ``stored``
    raises ``PinError``; a wrong or empty PIN is simply False."""
    parsed = parse_hash(stored)
    if not normalise_pin(pin):
        return False
    candidate = _derive(pin, parsed.salt, parsed.n, parsed.r, parsed.p)
    return hmac.compare_digest(candidate, parsed.digest)


def needs_rehash(
    stored: str, *, n: int = DEFAULT_N, r: int = DEFAULT_R, p: int = DEFAULT_P
) -> bool:
    """True when ``stored`` uses weaker parameters than the current defaults."""
    parsed = parse_hash(stored)
    return parsed.n < n or parsed.r < r or parsed.p < p or len(parsed.digest) < HASH_BYTES


def lockout_seconds(failures: int) -> int:
    """How long to refuse further tries after ``failures`` wrong PINs in a row: free for the
    first ``FREE_ATTEMPTS``, then 5, 10, 20, 40, 60, 60... seconds."""
    if failures < FREE_ATTEMPTS:
        return 0
    return min(5 << (failures - FREE_ATTEMPTS), MAX_LOCKOUT_SECONDS)
