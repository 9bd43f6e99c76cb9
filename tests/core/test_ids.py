import pytest

from desktop.core.ids import (
    IdProblem,
    id_problem,
    is_valid_id,
    make_id,
    mask_id,
    normalize_id,
    sealable_id,
)


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


@pytest.mark.parametrize(
    ("cell", "number", "mask"),
    [
        ("A123456789（本人）", "A123456789", "A12345****"),
        ("F27654329(1)", "F276543291", "F27654****"),
        ("E134567813/0911000001", "E134567813", "E13456****"),
        ("身分證 a123456789 [備註]", "A123456789", "A12345****"),
        ("A12345678", "A12345678", "**********"),  # not an ID: nothing of it shows
        ("E1345678130911000001", "E1345678130911000001", "**********"),
    ],
)
def test_the_id_is_taken_out_of_a_noted_cell_and_only_it_gives_the_mask(
    cell: str, number: str, mask: str
) -> None:
    assert normalize_id(cell) == number
    assert mask_id(cell) == mask


def test_a_cell_without_an_id_cannot_be_sealed_and_nothing_typed_is_lost_silently() -> None:
    assert sealable_id("本人不提供") is None
    assert sealable_id("X" * 21) is None
    assert sealable_id("A12345678") == "A12345678"
    assert sealable_id("A123456789（本人）") == "A123456789"
    assert sealable_id("") == ""
