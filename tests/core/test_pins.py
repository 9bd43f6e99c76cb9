import pytest

from desktop.core import pins
from desktop.core.pins import (
    PinError,
    hash_pin,
    lockout_seconds,
    needs_rehash,
    parse_hash,
    verify_pin,
)


def test_hash_has_the_documented_format_and_a_random_salt() -> None:
    first, second = hash_pin("2468"), hash_pin("2468")
    scheme, n, r, p, salt, digest = first.split("$")
    assert (scheme, n, r, p) == ("scrypt", str(pins.DEFAULT_N), "8", "1")
    assert len(bytes.fromhex(salt)) == pins.SALT_BYTES and len(bytes.fromhex(digest)) == 32
    assert first != second  # salted
    assert "2468" not in first


def test_verify_accepts_the_pin_and_full_width_digits_only() -> None:
    stored = hash_pin("2468")
    assert verify_pin("2468", stored)
    assert verify_pin("２４６８", stored)  # typed through a Chinese input method
    assert verify_pin(" 2468 ", stored)
    assert not verify_pin("2469", stored)
    assert not verify_pin("", stored)


def test_known_vector_is_stable() -> None:
    stored = hash_pin("1234", n=16, salt=bytes(16))
    assert stored == hash_pin("1234", n=16, salt=bytes(16))
    assert verify_pin("1234", stored) and not verify_pin("4321", stored)
    assert parse_hash(stored).n == 16


@pytest.mark.parametrize(
    "pin,code",
    [("12", "too_short"), ("12 34", "whitespace"), ("9" * 65, "too_long"), ("   ", "too_short")],
)
def test_unusable_pins_are_refused_with_a_code(pin: str, code: str) -> None:
    with pytest.raises(PinError) as info:
        hash_pin(pin)
    assert info.value.code == code


@pytest.mark.parametrize(
    "stored",
    [
        "",
        "plain1234",
        "bcrypt$1$2$3$00$00",
        "scrypt$x$8$1$00$00",
        "scrypt$3$8$1$00$00",
        "scrypt$16$8$1$zz$00",
    ],
)
def test_damaged_stored_hash_raises_bad_hash(stored: str) -> None:
    with pytest.raises(PinError) as info:
        verify_pin("1234", stored)
    assert info.value.code == "bad_hash"


def test_weak_parameters_need_rehash() -> None:
    assert needs_rehash(hash_pin("1234", n=16))
    assert not needs_rehash(hash_pin("1234"))


def test_lockout_grows_and_is_capped() -> None:
    assert [lockout_seconds(i) for i in range(8)] == [0, 0, 0, 5, 10, 20, 40, 60]
    assert lockout_seconds(50) == pins.MAX_LOCKOUT_SECONDS
