from desktop.core.admission import (
    ADMITTED,
    CANCELLED,
    WAITLISTED,
    Applicant,
    fill_vacancies,
    propose,
)


def applicant(key: int, agency: str, status: str = WAITLISTED, kept: bool = False) -> Applicant:
    return Applicant(key=key, agency_key=agency, queue=key, status=status, kept=kept)


def test_first_come_within_capacity() -> None:
    proposal = propose([applicant(i, f"a{i}") for i in range(1, 6)], capacity=3, agency_limit=2)
    assert [proposal.statuses[i] for i in range(1, 6)] == [ADMITTED] * 3 + [WAITLISTED] * 2


def test_agency_limit_skips_to_the_next_agency() -> None:
    people = [applicant(1, "x"), applicant(2, "x"), applicant(3, "x"), applicant(4, "y")]
    proposal = propose(people, capacity=10, agency_limit=2)
    assert proposal.statuses == {1: ADMITTED, 2: ADMITTED, 3: WAITLISTED, 4: ADMITTED}
    assert proposal.over_agency_limit == (3,)


def test_cancelled_stay_out_and_kept_admissions_count() -> None:
    people = [
        applicant(1, "x", CANCELLED),
        applicant(2, "y"),
        applicant(3, "z", ADMITTED, kept=True),
        applicant(4, "w"),
    ]
    proposal = propose(people, capacity=2, agency_limit=2)
    assert proposal.statuses == {1: CANCELLED, 2: ADMITTED, 3: ADMITTED, 4: WAITLISTED}


def test_fill_vacancies_moves_up_the_next_eligible_without_demoting() -> None:
    from desktop.core.admission import fill_vacancies

    people = [
        applicant(1, "x", ADMITTED),
        applicant(2, "x", ADMITTED),
        applicant(3, "y", CANCELLED),
        applicant(4, "x"),  # agency x is full: skipped
        applicant(5, "z"),
        applicant(6, "w"),
    ]
    assert fill_vacancies(people, capacity=3, agency_limit=2) == (5,)
    assert fill_vacancies(people, capacity=5, agency_limit=2) == (5, 6)
    assert fill_vacancies(people, capacity=2, agency_limit=2) == ()


def test_people_without_an_agency_are_not_one_agency() -> None:
    # An export without a 服務機關 answer: 45 people must not share the 2 seats of agency "".
    people = [applicant(i, "") for i in range(1, 46)]
    proposal = propose(people, capacity=40, agency_limit=2)
    assert (proposal.admitted, proposal.waitlisted, proposal.over_agency_limit) == (40, 5, ())
    seated = [applicant(i, "", ADMITTED) for i in range(1, 3)]
    assert fill_vacancies([*seated, applicant(3, ""), applicant(4, "")], 40, 2) == (3, 4)
