from __future__ import annotations

import datetime as dt

import pytest

from desktop.core.newevent import (
    MIN_PASSPHRASE,
    Problem,
    check_event,
    check_session,
    explain,
    passphrase_problem,
)

T9, T16 = dt.time(9), dt.time(16)
DAY = dt.date(2025, 5, 2)


def codes(problems: list[Problem]) -> list[tuple[str, str]]:
    return [(p.field, p.code) for p in problems]


def test_event_needs_name_organiser_and_a_long_enough_repeated_passphrase() -> None:
    assert codes(check_event("培訓班", "國發會", "correct horse", "correct horse")) == []
    assert codes(check_event(" ", "", "short", "short")) == [
        ("name", "required"),
        ("organiser", "required"),
        ("passphrase", "too_short"),
    ]
    assert codes(check_event("培訓班", "國發會", "correct horse", "correct horsE")) == [
        ("repeat", "mismatch")
    ]


def test_session_rules() -> None:
    assert codes(check_session("臺北場次", DAY, T9, T16, "707 會議室", 40, 2)) == []
    assert codes(check_session("", DAY, T16, T9, "", 0, 0)) == [
        ("name", "required"),
        ("venue", "required"),
        ("end", "before_start"),
        ("capacity", "too_small"),
        ("agency_limit", "too_small"),
    ]
    assert codes(check_session("臺北場次", DAY, T9, T16, "A", 3, 5, ("臺北場次",))) == [
        ("name", "duplicate"),
        ("agency_limit", "over_capacity"),
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
    assert codes(check_event("培訓班", "國發會", guessable, guessable)) == [
        ("passphrase", "common")
    ]


def test_problems_are_said_field_by_field() -> None:
    """The command line's one line, in the outcomes' words (the window words the same)."""
    assert explain(check_event("x" * 201, "", "short", "short")) == (
        "活動名稱：最多 200 個字元；主辦單位：必須填寫；主辦密語：至少需要 8 個字元"
    )
    assert explain(check_session("", DAY, T16, T9, "A", 3, 5)) == (
        "場次名稱：必須填寫；結束時間：必須晚於開始時間；每機關上限：不能大於名額"
    )


def test_a_long_sentence_is_a_good_passphrase() -> None:
    assert passphrase_problem("研習報到台的主辦密語") is None
    assert passphrase_problem("tea at four, room 707") is None
    assert passphrase_problem("x" * (MIN_PASSPHRASE - 1)) == "too_short"
