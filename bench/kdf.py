"""What one guess at the organiser passphrase costs (issue 13: at least half a second).

* ``scrypt_guess``: one wrong guess against a seal made with ``idvault.DEFAULT_KDF`` (the
  attacker's cost per guess on this machine; target ≥ 0.5 s, quoted as a ratio).
* ``pbkdf2_guess``: the same against a 0.1 seal (PKCS#8, PBKDF2, 2,048 iterations).
* ``reopen``: the organiser giving the right passphrase again in the same process (cached).
"""

from __future__ import annotations

import statistics
import time

GUESSES = 7
TARGET_S = 0.5


def _median(call, times: int) -> float:  # type: ignore[no-untyped-def]
    samples = []
    for _ in range(times):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def run() -> dict[str, object]:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import rsa

    from desktop.core import idvault

    secret = "tea at four, room 707"
    sealed = idvault.new_key_pair(secret).sealed_private_pem
    legacy = rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(secret.encode()),
    )

    def guess(seal: bytes) -> None:
        try:
            idvault.IdOpener(seal, "a wrong guess")
        except idvault.WrongPassphrase:
            return
        raise AssertionError("a wrong guess opened the key")

    scrypt_s = _median(lambda: guess(sealed), GUESSES)
    pbkdf2_s = _median(lambda: guess(legacy), GUESSES)
    idvault.IdOpener(sealed, secret)
    reopen_s = _median(lambda: idvault.IdOpener(sealed, secret), GUESSES)
    kdf = idvault.DEFAULT_KDF
    return {
        "kdf": f"scrypt n={kdf.n} r={kdf.r} p={kdf.p} ({128 * kdf.n * kdf.r // 2**20} MiB)",
        "scrypt_guess_median_s": round(scrypt_s, 3),
        "target_s": TARGET_S,
        "ratio_to_target": round(scrypt_s / TARGET_S, 2),
        "pbkdf2_2048_guess_median_ms": round(pbkdf2_s * 1000, 2),
        "slower_than_pbkdf2": round(scrypt_s / pbkdf2_s),
        "reopen_cached_ms": round(reopen_s * 1000, 3),
    }
