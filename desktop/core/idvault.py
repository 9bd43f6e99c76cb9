"""Protection of ID numbers at rest, with the ``cryptography`` library (no home-made ciphers).

Each event has an RSA key pair. ID numbers are encrypted to the public key (RSA-OAEP,
SHA-256, wrapping an AES-GCM key per batch: ``IdSealer``), which the desk holds in clear, so
registration staff can record an ID for a walk-in without being able to read any ID back. The
private key is stored only sealed with the organiser's passphrase; reading an ID (the portal
file, revealing one on screen) needs that passphrase. A copy of the database file alone
therefore reveals no full ID number — as long as guessing the passphrase is slow, which is what
the seal is about.

The seal (``sealed_private_pem``, stored as bytes) is self-describing JSON::

    {"format": "workshop-desk-key/1", "kdf": "scrypt", "n": 131072, "r": 8, "p": 1,
     "salt": hex, "nonce": hex, "data": base64 of AES-256-GCM(PKCS#8 DER)}

scrypt is memory-hard (128 MiB per guess with the defaults), so a guess costs about half a
second on the desk laptop and cannot be sped up much on a GPU. The parameters travel with the
seal (authenticated as the cipher's associated data), so raising ``DEFAULT_KDF`` later keeps
old seals openable and ``needs_reseal`` says when to seal again. Keys sealed before this format
are PKCS#8 PEM with PBKDF2 (2,048 iterations: thousands of guesses per second); they still
open, and ``needs_reseal`` is True for them.

Opening a seal costs the KDF every time, so an opened key is kept for the life of the process,
found by the seal and an HMAC of the passphrase under a random per-process key: asking again
with the right passphrase is instant, a wrong guess still pays the full KDF.

``cryptography`` loads when an ID is first sealed or opened (its import takes about 45 ms): a
print run or the window's first screen, which never touch one, do not pay for it.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import secrets
import threading
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric import padding, rsa
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

FORMAT = "workshop-desk-key/1"
BATCH_MARK = b"WDB1"  # a sealed ID number in the hybrid format (``IdSealer``)
_NONCE_BYTES = 12
_LEGACY_PREFIX = b"-----BEGIN ENCRYPTED PRIVATE KEY-----"


@dataclass(frozen=True, order=True)
class KdfParams:
    """scrypt's cost: ``n`` (CPU/memory, a power of two), ``r`` (block size), ``p``."""

    n: int
    r: int
    p: int


# ~0.5 s per guess on the 2-core desk laptop this was tuned on (bench: ``python -m bench kdf``).
DEFAULT_KDF = KdfParams(n=2**17, r=8, p=1)
# For a passphrase that is published anyway (the demo event's ``demo``, printed in the README):
# a costly KDF would protect nothing and slow every demo unlock.
PUBLIC_KDF = KdfParams(n=2**10, r=8, p=1)


class WrongPassphrase(ValueError):
    """The organiser's passphrase does not open this event's ID key."""


class DamagedSeal(WrongPassphrase):
    """The stored seal is not one this program wrote (or it was altered): it opens with no
    passphrase, so callers handle it as they handle a wrong one."""


@dataclass(frozen=True)
class KeyPair:
    public_pem: bytes
    sealed_private_pem: bytes


@cache
def _oaep() -> padding.OAEP:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    return padding.OAEP(
        mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
    )


def new_key_pair(passphrase: str, kdf: KdfParams | None = None) -> KeyPair:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    if not passphrase:
        raise ValueError("passphrase must not be empty")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return KeyPair(public, seal(key, passphrase, kdf))


def _derive(passphrase: str, salt: bytes, kdf: KdfParams) -> bytes:
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=32, n=kdf.n, r=kdf.r, p=kdf.p).derive(
        passphrase.encode("utf-8")
    )


def _associated(kdf: KdfParams) -> bytes:
    return f"{FORMAT};scrypt;{kdf.n};{kdf.r};{kdf.p}".encode("ascii")


def seal(key: rsa.RSAPrivateKey, passphrase: str, kdf: KdfParams | None = None) -> bytes:
    """``key`` encrypted with a key derived from ``passphrase`` with ``kdf`` (default:
    ``DEFAULT_KDF``, read when called; see the module docstring)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf = kdf or DEFAULT_KDF
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    der = key.private_bytes(
        serialization.Encoding.DER, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    data = AESGCM(_derive(passphrase, salt, kdf)).encrypt(nonce, der, _associated(kdf))
    return json.dumps(
        {
            "format": FORMAT,
            "kdf": "scrypt",
            "n": kdf.n,
            "r": kdf.r,
            "p": kdf.p,
            "salt": salt.hex(),
            "nonce": nonce.hex(),
            "data": base64.b64encode(data).decode("ascii"),
        }
    ).encode("ascii")


def kdf_of(sealed: bytes) -> KdfParams | None:
    """The seal's scrypt parameters; None for a legacy (PBKDF2) seal."""
    if sealed.startswith(_LEGACY_PREFIX):
        return None
    try:
        fields = json.loads(sealed)
        return KdfParams(int(fields["n"]), int(fields["r"]), int(fields["p"]))
    except (ValueError, KeyError, TypeError) as exc:
        raise DamagedSeal("the stored ID key is not readable") from exc


def needs_reseal(sealed: bytes, kdf: KdfParams | None = None) -> bool:
    """True for a legacy seal or one with cheaper scrypt parameters than ``kdf`` (default:
    ``DEFAULT_KDF``)."""
    kdf = kdf or DEFAULT_KDF
    current = kdf_of(sealed)
    return current is None or current.n < kdf.n or current.r < kdf.r or current.p < kdf.p


_PROCESS_KEY = secrets.token_bytes(32)
_opened: dict[tuple[bytes, bytes], rsa.RSAPrivateKey] = {}
_opened_lock = threading.Lock()


def _cache_key(sealed: bytes, passphrase: str) -> tuple[bytes, bytes]:
    return (
        hashlib.sha256(sealed).digest(),
        hmac.new(_PROCESS_KEY, passphrase.encode("utf-8"), hashlib.sha256).digest(),
    )


def open_key(sealed: bytes, passphrase: str) -> rsa.RSAPrivateKey:
    """The private key in ``sealed``; ``WrongPassphrase`` when ``passphrase`` does not open it."""
    cache_key = _cache_key(sealed, passphrase)
    with _opened_lock:
        found = _opened.get(cache_key)
    if found is not None:
        return found
    key = _open_uncached(sealed, passphrase)
    with _opened_lock:
        _opened[cache_key] = key
    return key


def _open_uncached(sealed: bytes, passphrase: str) -> rsa.RSAPrivateKey:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    kdf = kdf_of(sealed)
    try:
        if kdf is None:
            key = serialization.load_pem_private_key(sealed, passphrase.encode("utf-8"))
        else:
            fields = json.loads(sealed)
            secret = _derive(passphrase, bytes.fromhex(fields["salt"]), kdf)
            der = AESGCM(secret).decrypt(
                bytes.fromhex(fields["nonce"]), base64.b64decode(fields["data"]), _associated(kdf)
            )
            key = serialization.load_der_private_key(der, None)
    except (ValueError, TypeError, InvalidTag) as exc:
        raise WrongPassphrase("wrong passphrase") from exc
    assert isinstance(key, rsa.RSAPrivateKey)
    return key


class IdSealer:
    """Encrypts ID numbers; needs only the public key.

    Hybrid, so that sealing a whole export costs one public-key operation, not one per person:
    each sealer draws a fresh AES-256 key, wraps it once with RSA-OAEP, and seals every number
    with AES-GCM under it, with a counter as the nonce (unique per key by construction; a key
    never outlives its sealer). A sealed number is
    ``BATCH_MARK + wrapped key + nonce (12) + AES-GCM(number)``, the mark and wrapped key
    authenticated as associated data. Reading it back needs the private key to unwrap, as
    before. Numbers sealed before this format are bare RSA-OAEP ciphertexts (exactly the key's
    size); ``IdOpener`` reads both.
    """

    def __init__(self, public_pem: bytes) -> None:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import rsa
        from cryptography.hazmat.primitives.ciphers.aead import AESGCM

        key = serialization.load_pem_public_key(public_pem)
        assert isinstance(key, rsa.RSAPublicKey)
        data_key = AESGCM.generate_key(bit_length=256)
        self._header = BATCH_MARK + key.encrypt(data_key, _oaep())
        self._aead = AESGCM(data_key)
        self._count = 0

    def seal(self, id_number: str) -> bytes:
        self._count += 1
        nonce = self._count.to_bytes(_NONCE_BYTES, "big")
        sealed = self._aead.encrypt(nonce, id_number.encode("ascii"), self._header)
        return self._header + nonce + sealed


class IdOpener:
    """Decrypts ID numbers; exists only after the organiser's passphrase was given. A batch's
    key is unwrapped once and kept, so opening a whole import costs one private-key operation
    per batch."""

    def __init__(self, sealed_private_pem: bytes, passphrase: str) -> None:
        self._key = open_key(sealed_private_pem, passphrase)
        self._size = self._key.key_size // 8
        self._batches: dict[bytes, AESGCM] = {}

    def open(self, cipher: bytes) -> str:
        if len(cipher) == self._size:  # sealed before batches: bare RSA-OAEP
            return self._key.decrypt(cipher, _oaep()).decode("ascii")
        end = len(BATCH_MARK) + self._size
        header, nonce = cipher[:end], cipher[end : end + _NONCE_BYTES]
        if not header.startswith(BATCH_MARK):
            raise ValueError("not a sealed ID number")
        aead = self._batches.get(header)
        if aead is None:
            from cryptography.hazmat.primitives.ciphers.aead import AESGCM

            aead = self._batches[header] = AESGCM(
                self._key.decrypt(header[len(BATCH_MARK) :], _oaep())
            )
        return aead.decrypt(nonce, cipher[end + _NONCE_BYTES :], header).decode("ascii")


def reseal(
    sealed_private_pem: bytes,
    old_passphrase: str,
    new_passphrase: str,
    kdf: KdfParams | None = None,
) -> bytes:
    """The same private key, sealed with ``new_passphrase`` and ``kdf`` (IDs stay readable)."""
    if not new_passphrase:
        raise ValueError("passphrase must not be empty")
    return seal(open_key(sealed_private_pem, old_passphrase), new_passphrase, kdf)
