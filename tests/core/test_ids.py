import pytest

from desktop.core.ids import IdProblem, id_problem, is_valid_id, make_id, mask_id, normalize_id


@pytest.mark.parametrize(
    "number", ["F131104093", "W100000001", "O198765438", "A800000014", "AA00000009"]
)
def test_domain_examples_are_valid(number: str) -> None:
    assert is_valid_id(number)


@pytest.mark.parametrize(
    ("number", "problem"),
    [
        ("A123456788", IdProblem.BAD_CHECKSUM),
        ("F131104091", IdProblem.BAD_CHECKSUM),
        ("A323456789", IdProblem.BAD_FORMAT),
        ("", IdProblem.MISSING),
        (None, IdProblem.MISSING),
        ("A12345678", IdProblem.BAD_FORMAT),
        ("1234567890", IdProblem.BAD_FORMAT),
        ("AE00000009", IdProblem.BAD_FORMAT),
    ],
)
def test_invalid_numbers_say_why(number: str | None, problem: IdProblem) -> None:
    assert id_problem(number) is problem


def test_full_width_lower_case_and_spaces_are_normalised() -> None:
    assert normalize_id(" ｆ１３１ １０４０９３　") == "F131104093"
    assert is_valid_id("ｆ１３１１０４０９３")


def test_mask_hides_last_four() -> None:
    assert mask_id("F131104093") == "F13110****"
    assert mask_id("") == ""


def test_make_id_completes_a_valid_number_for_every_letter_and_form() -> None:
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        for second in "1289ABCD":
            assert is_valid_id(make_id(letter, second, "1234567"))
