"""The steps of reading one registration row (``desktop.core.import_rows``), each alone."""

import datetime as dt

from desktop.core.ids import IdProblem
from desktop.core.import_rows import (
    ERROR,
    WARNING,
    RowCells,
    parse_row,
    read_lunch,
    read_timestamp,
    read_wants_hours,
    refuse_long_cells,
    report_id_problem,
)
from desktop.core.importing import ID_NUMBER, LUNCH, NAME, TIMESTAMP


def row_of(**cells: object) -> RowCells:
    """A row with one column per field given, headed by the field's name."""
    mapping = {fld: i for i, fld in enumerate(cells)}
    return RowCells(7, tuple(cells.values()), mapping, {fld: f"{fld}?" for fld in cells})


def codes(row: RowCells) -> list[str]:
    return [p.code for p in row.problems]


def test_a_row_of_blank_cells_is_no_registration() -> None:
    assert parse_row(row_of(name="  ", lunch=None, remark="\u3000"), order=0) is None


def test_parse_row_reads_the_fields_and_lists_problems_in_reading_order() -> None:
    row = row_of(name="王小明", timestamp="", email="x@", wants_hours="也許", lunch="午餐?")
    parsed = parse_row(row, order=3)
    assert parsed is not None
    assert (parsed.row, parsed.order, parsed.name, parsed.email) == (7, 3, "王小明", "x@")
    assert (parsed.wants_hours, parsed.lunch, parsed.registered_at) == (False, "", None)
    assert [p.code for p in parsed.problems] == [
        "row_no_timestamp",
        "row_bad_email",
        "row_bad_wants_hours",
        "row_bad_lunch",
    ]
    assert parsed.problems[1].column == "email?" and parsed.problems[1].row == 7


def test_a_cell_over_its_length_refuses_the_row() -> None:
    row = row_of(name="長" * 5000)
    refuse_long_cells(row)
    assert codes(row) == ["row_cell_too_long"]
    assert row.problems[0].severity == ERROR
    assert dict(row.problems[0].params)["length"] == "5,000"


def test_a_time_stamp_is_read_and_its_absence_is_a_warning_only_with_the_column() -> None:
    assert read_timestamp(row_of(name="甲")) is None
    stamped = row_of(timestamp="2026/3/1 上午 9:05:00")
    assert read_timestamp(stamped) == dt.datetime(2026, 3, 1, 9, 5)
    assert stamped.problems == []
    empty, garbled = row_of(timestamp=""), row_of(timestamp="昨天")
    read_timestamp(empty), read_timestamp(garbled)
    assert codes(empty) == ["row_no_timestamp"] and codes(garbled) == ["row_bad_timestamp"]
    assert garbled.problems[0].severity == WARNING and garbled.problems[0].column == TIMESTAMP + "?"


def test_without_the_hours_question_whoever_gave_an_id_wants_the_hours() -> None:
    assert read_wants_hours(row_of(name="甲"), has_id=True) is True
    assert read_wants_hours(row_of(name="甲"), has_id=False) is False
    assert read_wants_hours(row_of(wants_hours="需要"), has_id=False) is True
    assert read_wants_hours(row_of(wants_hours="不需要"), has_id=True) is False
    unreadable = row_of(wants_hours="看情況")
    assert read_wants_hours(unreadable, has_id=True) is False
    assert codes(unreadable) == ["row_bad_wants_hours"]


def test_an_id_problem_is_said_more_strongly_to_someone_who_wants_the_hours() -> None:
    def reported(recognised: bool, problem: IdProblem | None, wants: bool) -> list[str]:
        row = row_of(id_number="")
        report_id_problem(row, recognised=recognised, problem=problem, wants=wants)
        assert all(p.field == ID_NUMBER for p in row.problems)
        return codes(row)

    assert reported(False, None, False) == ["row_id_unrecognised"]
    assert reported(False, None, True) == ["row_id_unrecognised_wants_hours"]
    assert reported(True, IdProblem.MISSING, False) == []
    assert reported(True, IdProblem.MISSING, True) == ["row_id_missing_wants_hours"]
    assert reported(True, IdProblem.BAD_CHECKSUM, False) == ["row_id_bad_checksum"]
    assert reported(True, IdProblem.BAD_FORMAT, True) == ["row_id_bad_format_wants_hours"]
    assert reported(True, None, True) == []


def test_a_meal_answer_that_cannot_be_read_is_no_meal_with_a_warning() -> None:
    assert read_lunch(row_of(lunch="素食")) == "素"
    assert read_lunch(row_of(name="甲")) == ""
    odd = row_of(lunch="看心情")
    assert read_lunch(odd) == ""
    assert codes(odd) == ["row_bad_lunch"] and dict(odd.problems[0].params) == {"value": "看心情"}
    assert odd.problems[0].field == LUNCH and NAME not in odd.texts
