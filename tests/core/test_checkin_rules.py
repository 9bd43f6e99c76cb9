import datetime as dt

import pytest

from desktop.core.checkin import Code, LogEntry, Mode, VoidError, check_void, decide, presence

T = dt.datetime(2019, 3, 15, 8, 40)


def _decide(
    entries=(), *, status="admitted", mode=Mode.IN, reg_session=1, nonce=None, seats_free=0
):
    return decide(
        status=status,
        registration_session_id=reg_session,
        desk_session_id=1,
        entries=entries,
        mode=mode,
        now=T,
        nonce=nonce,
        seats_free=seats_free,
    )


def test_first_check_in_records_in() -> None:
    d = _decide()
    assert (d.code, d.record, d.reentry, d.at) == (Code.OK, "in", False, T)


def test_walk_in_status_is_admitted_for_the_desk() -> None:
    assert _decide(status="walk_in").code is Code.OK


def test_second_check_in_reports_first_time_and_desk() -> None:
    first = LogEntry(1, "in", T, "desk-2")
    d = _decide(
        [first, LogEntry(2, "out", T.replace(hour=12)), LogEntry(3, "in", T.replace(hour=13))]
    )
    assert d.code is Code.ALREADY_CHECKED_IN and d.record is None
    assert d.first_in == first


def test_reentry_after_sign_out_is_allowed() -> None:
    d = _decide([LogEntry(1, "in", T), LogEntry(2, "out", T.replace(hour=12))])
    assert (d.code, d.record, d.reentry) == (Code.OK, "in", True)


@pytest.mark.parametrize("status", ["waitlisted", "cancelled"])
def test_not_admitted_says_whether_seats_are_free(status: str) -> None:
    d = _decide(status=status, seats_free=3)
    assert (d.code, d.record, d.seats_free) == (Code.NOT_ADMITTED, None, 3)
    assert _decide(status=status, seats_free=-2).seats_free == 0


def test_other_session_is_refused_before_anything_else() -> None:
    assert _decide(reg_session=2, status="waitlisted").code is Code.OTHER_SESSION


def test_sign_out_rules() -> None:
    assert _decide(mode=Mode.OUT).code is Code.NOT_CHECKED_IN
    d = _decide([LogEntry(1, "in", T)], mode=Mode.OUT)
    assert (d.code, d.record) == (Code.OK, "out")
    out = LogEntry(2, "out", T.replace(hour=15))
    d = _decide([LogEntry(1, "in", T), out], mode=Mode.OUT)
    assert d.code is Code.ALREADY_CHECKED_OUT and d.last_out == out


def test_void_restores_previous_state() -> None:
    rows = [LogEntry(1, "in", T), LogEntry(2, "out", T.replace(hour=12))]
    assert presence(rows).state == "out"
    rows.append(LogEntry(3, "void", T.replace(hour=12, minute=1), voids_id=2))
    assert presence(rows).state == "in"
    rows.append(LogEntry(4, "void", T.replace(hour=12, minute=2), voids_id=1))
    assert presence(rows).state == "absent" and not presence(rows).arrived
    assert _decide(rows).code is Code.OK


def test_same_nonce_returns_first_result_instead_of_already_checked_in() -> None:
    rows = [LogEntry(7, "in", T, "desk-1", nonce="abc")]
    d = _decide(rows, nonce="abc")
    assert d.code is Code.OK and d.record is None and d.replay_of == rows[0]
    assert _decide(rows, nonce="other").code is Code.ALREADY_CHECKED_IN


def test_void_checks() -> None:
    rows = [LogEntry(1, "in", T), LogEntry(2, "void", T, voids_id=1), LogEntry(3, "in", T)]
    assert check_void(rows, 3, "重複刷").id == 3
    for target, reason, problem in [
        (9, "x", "not_found"),
        (2, "x", "not_voidable"),
        (1, "x", "already_voided"),
        (3, "  ", "reason_required"),
    ]:
        with pytest.raises(VoidError) as err:
            check_void(rows, target, reason)
        assert err.value.problem.code == problem
