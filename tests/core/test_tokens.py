import pytest
import qrcode

from desktop.core.tokens import TokenError, TokenProblem, make_token, parse_token

SECRET = b"s" * 32


def test_round_trip_and_scanner_quirks() -> None:
    token = make_token(SECRET, 4242)
    assert len(token) == 34 and token == token.upper()
    assert parse_token(SECRET, token).registration_id == 4242
    assert parse_token(SECRET, f" {token.lower()}\n").registration_id == 4242


def test_fits_a_version_2_qr() -> None:
    code = qrcode.QRCode(error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(make_token(SECRET, 2**31))
    code.make(fit=True)
    assert code.version <= 2


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("hello", TokenProblem.INVALID_CODE),
        ("WS1:!!.??", TokenProblem.INVALID_CODE),
        (make_token(b"x" * 32, 1), TokenProblem.OTHER_EVENT),
    ],
)
def test_refusals(text: str, problem: TokenProblem) -> None:
    with pytest.raises(TokenError) as refused:
        parse_token(SECRET, text)
    assert refused.value.problem is problem


def test_tampered_registration_id_is_forged() -> None:
    genuine = make_token(SECRET, 1)
    other = make_token(SECRET, 2)
    forged = other.split(".")[0] + "." + genuine.split(".")[1]
    with pytest.raises(TokenError) as refused:
        parse_token(SECRET, forged)
    assert refused.value.problem is TokenProblem.FORGED
