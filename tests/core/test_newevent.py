from __future__ import annotations

import datetime as dt

from desktop.core.newevent import MIN_PASSPHRASE, Problem, check_event, check_session

T9, T16 = dt.time(9), dt.time(16)
DAY = dt.date(2025, 5, 2)


def test_event_needs_name_organiser_and_a_long_enough_repeated_passphrase() -> None:
    assert check_event("培訓班", "國發會", "x" * MIN_PASSPHRASE, "x" * MIN_PASSPHRASE) == []
    assert check_event(" ", "", "short", "short") == [
        Problem("name", "required"), Problem("organiser", "required"),
        Problem("passphrase", "too_short"),
    ]
    assert check_event("培訓班", "國發會", "correct horse", "correct horsE") == [
        Problem("repeat", "mismatch")
    ]


def test_session_rules() -> None:
    assert check_session("臺北場次", DAY, T9, T16, "707 會議室", 40, 2) == []
    assert check_session("", DAY, T16, T9, "", 0, 0) == [
        Problem("name", "required"), Problem("venue", "required"), Problem("end", "before_start"),
        Problem("capacity", "too_small"), Problem("agency_limit", "too_small"),
    ]
    assert check_session("臺北場次", DAY, T9, T16, "A", 3, 5, ("臺北場次",)) == [
        Problem("name", "duplicate"), Problem("agency_limit", "over_capacity"),
    ]
