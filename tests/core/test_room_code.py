"""Room codes: their alphabet and strength, how typing is read, and the attempt limits."""

from __future__ import annotations

import math
import threading

import pytest

from desktop.core import room_code as rules


def test_a_code_has_at_least_40_bits_from_an_alphabet_without_look_alikes() -> None:
    assert not set("01OIL") & set(rules.ALPHABET) and len(set(rules.ALPHABET)) == 31
    assert rules.BITS >= 40 and math.isclose(rules.BITS, 9 * math.log2(31))
    codes = {rules.new_code() for _ in range(2000)}
    assert len(codes) == 2000
    assert all(len(c) == 9 and set(c) <= set(rules.ALPHABET) for c in codes)
    # every symbol turns up: the draw uses the whole alphabet
    assert set("".join(codes)) == set(rules.ALPHABET)


def test_shown_in_three_groups_and_read_back_however_it_is_typed() -> None:
    assert rules.shown("K7MQ4XRTP") == "K7M-Q4X-RTP"
    for typed in ("K7M-Q4X-RTP", "k7mq4xrtp", " k7m q4x rtp ", "K7M–Q4X–RTP", "Ｋ７ＭＱ４ＸＲＴＰ"):
        assert rules.normalise(typed) == "K7MQ4XRTP", typed


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("K7M-Q4X-RT", "9 個字元"),
        ("K7M-Q4X-RTPP", "9 個字元"),
        ("K0M-Q4X-RTP", "沒有「0」"),
        ("KOM-Q4X-RTP", "沒有「O」"),
        ("K1M-Q4X-RTl", "1、L"),
        ("", "9 個字元"),
    ],
)
def test_what_cannot_be_a_code_is_refused_with_a_hint(typed: str, says: str) -> None:
    with pytest.raises(rules.CodeFormat, match=says):
        rules.normalise(typed)


def test_an_address_gets_ten_failures_in_ten_minutes_and_others_are_not_affected() -> None:
    limits = rules.AttemptLimits(room_per_minute=1000)
    for i in range(10):
        assert limits.attempt("10.0.0.5", 100.0 + i).refusal == ""  # each one a failure
    refused = limits.attempt("10.0.0.5", 120.0)
    assert refused.refusal == "too_many_attempts" and refused.retry_after == 580
    assert limits.attempt("10.0.0.6", 120.0).refusal == ""  # the neighbour signs in as usual
    assert limits.attempt("10.0.0.5", 700.0).refusal == ""  # the oldest failure has aged out


def test_a_matching_code_gives_its_charge_back() -> None:
    limits = rules.AttemptLimits(per_address=2, room_per_minute=2)
    for _ in range(5):  # a person signing in five times from one phone is never held up
        assert limits.attempt("10.0.0.5", 100.0).refusal == ""
        limits.matched("10.0.0.5", 100.0)
    assert limits.attempt("10.0.0.5", 100.0).refusal == ""
    assert limits.attempt("10.0.0.5", 100.0).refusal == ""
    assert limits.attempt("10.0.0.5", 100.0).refusal == "too_many_attempts"


def test_past_the_rooms_budget_everyone_waits_seconds_and_nobody_is_locked_out() -> None:
    limits = rules.AttemptLimits(room_per_minute=60)
    for i in range(60):  # sixty addresses, one wrong guess each, within a second
        assert limits.attempt(f"10.0.1.{i}", 50.0).refusal == ""
    busy = limits.attempt("10.0.2.1", 50.0)
    assert busy.refusal == "busy" and 1 <= busy.retry_after <= 2
    # a second or two later the next attempt goes ahead: a slowdown, not a lock-out
    assert limits.attempt("10.0.2.1", 50.0 + busy.retry_after).refusal == ""
    assert limits.attempt("10.0.1.0", 52.0).refusal == ""  # a guesser's own budget is separate


def test_attempts_at_once_never_pass_more_than_the_budget() -> None:
    """Two hundred attempts from twenty addresses in the same instant, on twenty threads: the
    room's budget of 60 (and each address's 10) is never exceeded."""
    limits = rules.AttemptLimits(per_address=10, room_per_minute=60)
    start = threading.Barrier(20)
    passed: list[str] = []

    def device(n: int) -> None:
        start.wait()
        for _ in range(10):
            if limits.attempt(f"10.0.3.{n}", 10.0).refusal == "":
                passed.append(f"10.0.3.{n}")

    threads = [threading.Thread(target=device, args=(n,)) for n in range(20)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(passed) == 60
    assert max(passed.count(a) for a in set(passed)) <= 10
