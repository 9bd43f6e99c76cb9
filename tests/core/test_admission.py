from desktop.core.admission import SEAT_FREE, Applicant, Move, promised, propose
from desktop.core.status import Status

ADMITTED, WAITLISTED, CANCELLED, WALK_IN = (
    Status.ADMITTED,
    Status.WAITLISTED,
    Status.CANCELLED,
    Status.WALK_IN,
)


def applicant(
    key: int, agency: str, status: str = WAITLISTED, checked_in: bool = False
) -> Applicant:
    return Applicant(key=key, agency_key=agency, queue=key, status=status, checked_in=checked_in)


def test_first_come_within_capacity() -> None:
    proposal = propose([applicant(i, f"a{i}") for i in range(1, 6)], capacity=3, agency_limit=2)
    assert [proposal.statuses[i] for i in range(1, 6)] == [ADMITTED] * 3 + [WAITLISTED] * 2
    assert proposal.moves == tuple(Move(i, WAITLISTED, ADMITTED, SEAT_FREE) for i in (1, 2, 3))


def test_agency_limit_skips_to_the_next_agency() -> None:
    people = [applicant(1, "x"), applicant(2, "x"), applicant(3, "x"), applicant(4, "y")]
    proposal = propose(people, capacity=10, agency_limit=2)
    assert proposal.statuses == {1: ADMITTED, 2: ADMITTED, 3: WAITLISTED, 4: ADMITTED}
    assert proposal.over_agency_limit == (3,)


def test_cancelled_stay_out_and_seat_holders_count_first() -> None:
    people = [
        applicant(1, "x", CANCELLED),
        applicant(2, "y"),
        applicant(3, "z", ADMITTED),
        applicant(4, "w"),
    ]
    proposal = propose(people, capacity=2, agency_limit=2)
    assert proposal.statuses == {1: CANCELLED, 2: ADMITTED, 3: ADMITTED, 4: WAITLISTED}


def test_an_earlier_registrant_never_takes_a_held_seat() -> None:
    # A re-import brings people who registered before the admitted ones: the seats stay with
    # those who hold them; the newcomers wait.
    held = [Applicant(key=k, agency_key=f"a{k}", queue=k + 10, status=ADMITTED) for k in (1, 2)]
    earlier = [Applicant(key=k, agency_key=f"a{k}", queue=k, status=WAITLISTED) for k in (3, 4)]
    proposal = propose([*held, *earlier], capacity=2, agency_limit=2)
    assert proposal.statuses == {1: ADMITTED, 2: ADMITTED, 3: WAITLISTED, 4: WAITLISTED}
    assert proposal.moves == ()


def test_seat_holders_count_against_the_agency_limit_first() -> None:
    people = [
        applicant(1, "x"),
        applicant(2, "x", ADMITTED),
        applicant(3, "x", WALK_IN),
        applicant(4, "y"),
    ]
    proposal = propose(people, capacity=10, agency_limit=2)
    assert proposal.statuses == {1: WAITLISTED, 2: ADMITTED, 3: WALK_IN, 4: ADMITTED}
    assert proposal.over_agency_limit == (1,)


def test_over_capacity_holders_keep_their_seats_and_nobody_moves_in() -> None:
    # The organiser lowered the capacity below the seats already given: the rule does not
    # take any back (that is a hand decision), and gives no more.
    people = [applicant(i, f"a{i}", ADMITTED) for i in range(1, 5)] + [applicant(5, "b")]
    proposal = propose(people, capacity=3, agency_limit=2)
    assert proposal.admitted == 4 and proposal.statuses[5] == WAITLISTED and proposal.moves == ()


def test_people_in_the_room_are_left_as_they_are() -> None:
    people = [applicant(1, "x", WAITLISTED, checked_in=True), applicant(2, "y")]
    proposal = propose(people, capacity=5, agency_limit=2)
    assert proposal.statuses == {1: WAITLISTED, 2: ADMITTED}
    assert [m.key for m in proposal.moves] == [2]


def test_vacancies_go_to_the_next_eligible() -> None:
    people = [
        applicant(1, "x", ADMITTED),
        applicant(2, "x", ADMITTED),
        applicant(3, "y", CANCELLED),
        applicant(4, "x"),  # agency x is full: skipped
        applicant(5, "z"),
        applicant(6, "w"),
    ]
    assert [m.key for m in propose(people, capacity=3, agency_limit=2).moves] == [5]
    assert [m.key for m in propose(people, capacity=5, agency_limit=2).moves] == [5, 6]
    assert propose(people, capacity=2, agency_limit=2).moves == ()


def test_people_without_an_agency_are_not_one_agency() -> None:
    # An export without a 服務機關 answer: 45 people must not share the 2 seats of agency "".
    people = [applicant(i, "") for i in range(1, 46)]
    proposal = propose(people, capacity=40, agency_limit=2)
    assert (proposal.admitted, proposal.waitlisted, proposal.over_agency_limit) == (40, 5, ())
    seated = [applicant(i, "", ADMITTED) for i in range(1, 3)]
    moves = propose([*seated, applicant(3, ""), applicant(4, "")], 40, 2).moves
    assert [m.key for m in moves] == [3, 4]


def test_who_was_promised_their_place() -> None:
    assert promised(WAITLISTED, checked_in=True, by_hand=False, told=False)
    assert promised(WALK_IN, checked_in=False, by_hand=False, told=False)
    assert promised(ADMITTED, checked_in=False, by_hand=True, told=False)
    assert promised(ADMITTED, checked_in=False, by_hand=False, told=True)
    assert not promised(ADMITTED, checked_in=False, by_hand=False, told=False)
    assert not promised(WAITLISTED, checked_in=False, by_hand=False, told=True)
    assert not promised(CANCELLED, checked_in=False, by_hand=True, told=True)
