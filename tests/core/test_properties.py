"""Property-based tests (hypothesis) for the parsers that read untrusted input at the desk."""

from __future__ import annotations

import string

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop.core.ids import LETTER_VALUES, id_problem, is_valid_id, make_id, mask_id, normalize_id
from desktop.core.tokens import PREFIX, TokenError, TokenProblem, make_token, parse_token

secrets_ = st.binary(min_size=16, max_size=64)
registration_ids = st.integers(min_value=0, max_value=2**32 - 1)
B32 = string.ascii_uppercase + "234567"


@given(secrets_, registration_ids)
def test_token_round_trips_and_survives_scanner_noise(secret: bytes, registration_id: int) -> None:
    token = make_token(secret, registration_id)
    assert len(token) == 34 and token.startswith(PREFIX)
    assert parse_token(secret, token).registration_id == registration_id
    assert parse_token(secret, f"  {token.lower()}\r\n").registration_id == registration_id


@given(secrets_, st.text(max_size=200))
def test_parse_token_raises_only_token_error_on_any_text(secret: bytes, text: str) -> None:
    try:
        parse_token(secret, text)
    except TokenError:
        pass


@given(secrets_, st.text(alphabet=B32 + ".:=WS1", max_size=60))
def test_parse_token_on_near_tokens(secret: bytes, body: str) -> None:
    try:
        parse_token(secret, PREFIX + body)
    except TokenError:
        pass


@given(secrets_, registration_ids, st.data())
def test_any_single_character_change_is_refused(secret: bytes, registration_id: int, data) -> None:
    token = make_token(secret, registration_id)
    position = data.draw(st.integers(min_value=len(PREFIX), max_value=len(token) - 1))
    assume(token[position] != ".")
    replacement = data.draw(st.sampled_from(B32).filter(lambda c: c != token[position]))
    tampered = token[:position] + replacement + token[position + 1 :]
    try:
        result = parse_token(secret, tampered)
    except TokenError as exc:
        assert exc.problem in set(TokenProblem)
    else:
        # Base32's last character carries padding bits: a change there may decode the same bytes.
        assert result.registration_id == registration_id


@given(secrets_, secrets_, registration_ids)
def test_pass_of_another_event_is_never_accepted(a: bytes, b: bytes, registration_id: int) -> None:
    assume(a != b)
    try:
        parse_token(b, make_token(a, registration_id))
    except TokenError as exc:
        assert exc.problem in (TokenProblem.OTHER_EVENT, TokenProblem.FORGED)
    else:
        raise AssertionError("a pass of another event was accepted")


ids = st.builds(
    make_id,
    st.sampled_from(sorted(LETTER_VALUES)),
    st.sampled_from("1289ABCD"),
    st.integers(min_value=0, max_value=10**7 - 1).map(lambda n: f"{n:07d}"),
)


@given(ids)
def test_make_id_is_always_valid_and_masks_last_four(number: str) -> None:
    assert is_valid_id(number)
    assert is_valid_id(f" {number.lower()} ")
    assert mask_id(number) == number[:6] + "****"


# Weight of each digit position of the 10-character number (DOMAIN.md checksum).
POSITION_WEIGHT = {2: 7, 3: 6, 4: 5, 5: 4, 6: 3, 7: 2, 8: 1, 9: 1}


@given(ids, st.sampled_from([2, 6, 8, 9]), st.integers(min_value=0, max_value=9))
def test_any_single_digit_change_is_invalid(number: str, position: int, digit: int) -> None:
    """At the positions whose weight is coprime to 10, every changed digit is caught."""
    assume(number[position] != str(digit))
    changed = number[:position] + str(digit) + number[position + 1 :]
    assert not is_valid_id(changed)


@given(ids, st.integers(min_value=2, max_value=9), st.integers(min_value=0, max_value=9))
def test_single_digit_changes_are_caught_exactly_as_the_checksum_allows(
    number: str, position: int, digit: int
) -> None:
    """The official mod-10 checksum cannot catch everything: at a position of weight 6, 4 or 2
    a change by 5, and at weight 5 a change by an even amount, keep the sum. Every other single
    digit change is refused."""
    assume(number[position] != str(digit))
    changed = number[:position] + str(digit) + number[position + 1 :]
    delta = digit - int(number[position])
    undetectable = (POSITION_WEIGHT[position] * delta) % 10 == 0
    assert is_valid_id(changed) == undetectable


@given(st.text(max_size=60))
@settings(max_examples=300)
def test_id_validator_never_raises_on_arbitrary_text(text: str) -> None:
    problem = id_problem(text)
    assert problem is None or problem.value in ("missing", "bad_format", "bad_checksum")
    normalize_id(text)
    mask_id(text)
