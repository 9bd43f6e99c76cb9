"""Protection of ID numbers at rest, with the ``cryptography`` library (no home-made ciphers).

Each event has an RSA key pair. ID numbers are encrypted with the public key (RSA-OAEP,
SHA-256), which the desk holds in clear, so registration staff can record an ID for a walk-in
without being able to read any ID back. The private key is stored only as PKCS#8 encrypted
with the organiser's passphrase; reading an ID (the portal file, revealing one on screen)
needs that passphrase. A copy of the database file alone therefore reveals no full ID number.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa

_OAEP = padding.OAEP(
    mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
)


class WrongPassphrase(ValueError):
    """The organiser's passphrase does not open this event's ID key."""


@dataclass(frozen=True)
class KeyPair:
    public_pem: bytes
    sealed_private_pem: bytes


def new_key_pair(passphrase: str) -> KeyPair:
    if not passphrase:
        raise ValueError("passphrase must not be empty")
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    sealed = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode()),
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return KeyPair(public, sealed)


class IdSealer:
    """Encrypts ID numbers; needs only the public key."""

    def __init__(self, public_pem: bytes) -> None:
        key = serialization.load_pem_public_key(public_pem)
        assert isinstance(key, rsa.RSAPublicKey)
        self._key = key

    def seal(self, id_number: str) -> bytes:
        return self._key.encrypt(id_number.encode("ascii"), _OAEP)


class IdOpener:
    """Decrypts ID numbers; exists only after the organiser's passphrase was given."""

    def __init__(self, sealed_private_pem: bytes, passphrase: str) -> None:
        try:
            key = serialization.load_pem_private_key(sealed_private_pem, passphrase.encode())
        except (ValueError, TypeError) as exc:
            raise WrongPassphrase("wrong passphrase") from exc
        assert isinstance(key, rsa.RSAPrivateKey)
        self._key = key

    def open(self, cipher: bytes) -> str:
        return self._key.decrypt(cipher, _OAEP).decode("ascii")


def reseal(sealed_private_pem: bytes, old_passphrase: str, new_passphrase: str) -> bytes:
    """The same private key, encrypted with a new passphrase (IDs stay readable)."""
    if not new_passphrase:
        raise ValueError("passphrase must not be empty")
    try:
        key = serialization.load_pem_private_key(sealed_private_pem, old_passphrase.encode())
    except (ValueError, TypeError) as exc:
        raise WrongPassphrase("wrong passphrase") from exc
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(new_passphrase.encode()),
    )
