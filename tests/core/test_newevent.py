from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.newevent import (
    MIN_PASSPHRASE,
    Problem,
    check_event,
    check_session,
    passphrase_problem,
)

T9, T16 = dt.time(9), dt.time(16)
DAY = dt.date(2025, 5, 2)


def test_event_needs_name_organiser_and_a_long_enough_repeated_passphrase() -> None:
    assert check_event("培訓班", "國發會", "correct horse", "correct horse") == []
    assert check_event(" ", "", "short", "short") == [
        Problem("name", "required"),
        Problem("organiser", "required"),
        Problem("passphrase", "too_short"),
    ]
    assert check_event("培訓班", "國發會", "correct horse", "correct horsE") == [
        Problem("repeat", "mismatch")
    ]


def test_session_rules() -> None:
    assert check_session("臺北場次", DAY, T9, T16, "707 會議室", 40, 2) == []
    assert check_session("", DAY, T16, T9, "", 0, 0) == [
        Problem("name", "required"),
        Problem("venue", "required"),
        Problem("end", "before_start"),
        Problem("capacity", "too_small"),
        Problem("agency_limit", "too_small"),
    ]
    assert check_session("臺北場次", DAY, T9, T16, "A", 3, 5, ("臺北場次",)) == [
        Problem("name", "duplicate"),
        Problem("agency_limit", "over_capacity"),
    ]


@pytest.mark.parametrize(
    "guessable",
    [
        "12345678",
        "Password1",
        "P@ssw0rd",
        "1qaz2wsx",
        "aaaaaaaa",
        "abcdefgh",
        "87654321",
        "19850315",
        "0912345678",
        "１２３４５６７８",
        "iloveyou",
        "A123456789",
        "Work Shop Desk",
    ],
)
def test_common_and_guessable_passphrases_are_refused(guessable: str) -> None:
    # Anyone with a copy of the database guesses offline: these are the first guesses.
    assert passphrase_problem(guessable) == "common"
    assert check_event("培訓班", "國發會", guessable, guessable) == [
        Problem("passphrase", "common")
    ]


def test_a_long_sentence_is_a_good_passphrase() -> None:
    assert passphrase_problem("研習報到台的主辦密語") is None
    assert passphrase_problem("tea at four, room 707") is None
    assert passphrase_problem("x" * (MIN_PASSPHRASE - 1)) == "too_short"
