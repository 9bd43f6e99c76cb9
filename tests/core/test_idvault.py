"""The sealed ID key: scrypt with stored parameters, old PBKDF2 seals still open (issue 13)."""

from __future__ import annotations

import json

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from desktop.core import idvault
from desktop.core.idvault import (
    DEFAULT_KDF,
    PUBLIC_KDF,
    IdOpener,
    IdSealer,
    KdfParams,
    WrongPassphrase,
    kdf_of,
    needs_reseal,
    new_key_pair,
    reseal,
)

SECRET = "tea at four, room 707"
pytestmark = pytest.mark.real_kdf  # these tests are about the seal's cost and parameters


@pytest.fixture(scope="module")
def pair() -> idvault.KeyPair:
    return new_key_pair(SECRET)


def legacy_seal(passphrase: str) -> tuple[bytes, bytes]:
    """A key as version 0.1 sealed it: PKCS#8 PEM, PBKDF2 with 2,048 iterations."""
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    sealed = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode()),
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    return public, sealed


def test_a_new_seal_is_scrypt_with_its_parameters_stored(pair: idvault.KeyPair) -> None:
    fields = json.loads(pair.sealed_private_pem)
    assert (fields["format"], fields["kdf"]) == ("workshop-desk-key/1", "scrypt")
    assert kdf_of(pair.sealed_private_pem) == DEFAULT_KDF
    # Memory-hard: 128 MiB per guess (128·n·r bytes); the time per guess is in bench/kdf.py.
    assert 128 * DEFAULT_KDF.n * DEFAULT_KDF.r >= 128 * 2**20
    assert b"PRIVATE KEY" not in pair.sealed_private_pem and not needs_reseal(
        pair.sealed_private_pem
    )


def test_ids_open_with_the_passphrase_only(pair: idvault.KeyPair) -> None:
    cipher = IdSealer(pair.public_pem).seal("F131104093")
    assert IdOpener(pair.sealed_private_pem, SECRET).open(cipher) == "F131104093"
    assert IdOpener(pair.sealed_private_pem, SECRET).open(cipher) == "F131104093"  # cached
    with pytest.raises(WrongPassphrase):
        IdOpener(pair.sealed_private_pem, SECRET + "!")  # a wrong guess is never cached


def test_altered_parameters_do_not_open(pair: idvault.KeyPair) -> None:
    fields = json.loads(pair.sealed_private_pem)
    fields["n"] = DEFAULT_KDF.n // 2
    with pytest.raises(WrongPassphrase):
        IdOpener(json.dumps(fields).encode(), SECRET)
    with pytest.raises(WrongPassphrase):
        IdOpener(b"{not a seal", SECRET)


def test_an_old_pbkdf2_seal_opens_and_is_resealed_with_scrypt() -> None:
    public, sealed = legacy_seal(SECRET)
    cipher = IdSealer(public).seal("F131104093")
    assert kdf_of(sealed) is None and needs_reseal(sealed)
    again = reseal(sealed, SECRET, SECRET)
    assert kdf_of(again) == DEFAULT_KDF and not needs_reseal(again)
    assert IdOpener(again, SECRET).open(cipher) == "F131104093"


def test_a_cheaper_seal_needs_resealing() -> None:
    cheap = new_key_pair(SECRET, PUBLIC_KDF).sealed_private_pem
    assert kdf_of(cheap) == PUBLIC_KDF and needs_reseal(cheap)
    assert not needs_reseal(cheap, KdfParams(PUBLIC_KDF.n, PUBLIC_KDF.r, PUBLIC_KDF.p))


def test_a_batch_pays_one_public_key_operation_and_old_ciphers_still_open(
    pair: idvault.KeyPair,
) -> None:
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import padding

    sealer = IdSealer(pair.public_pem)
    first, second = sealer.seal("F131104093"), sealer.seal("F131104093")
    header = len(idvault.BATCH_MARK) + 256  # the mark and the wrapped key (RSA-2048)
    assert first[:header] == second[:header] and first.startswith(idvault.BATCH_MARK)
    assert first != second  # a nonce of its own per number
    assert b"F131104093" not in first
    other = IdSealer(pair.public_pem).seal("F131104093")
    assert other[:header] != first[:header]  # a new batch, a new key
    # Numbers sealed before batches: bare RSA-OAEP to the same public key.
    public = serialization.load_pem_public_key(pair.public_pem)
    assert isinstance(public, rsa.RSAPublicKey)
    oaep = padding.OAEP(
        mgf=padding.MGF1(algorithm=hashes.SHA256()), algorithm=hashes.SHA256(), label=None
    )
    legacy = public.encrypt(b"A123456789", oaep)
    opener = IdOpener(pair.sealed_private_pem, SECRET)
    assert [opener.open(c) for c in (first, second, other, legacy)] == [
        "F131104093",
        "F131104093",
        "F131104093",
        "A123456789",
    ]
    tampered = first[:-1] + bytes([first[-1] ^ 1])
    with pytest.raises(InvalidTag):
        opener.open(tampered)
