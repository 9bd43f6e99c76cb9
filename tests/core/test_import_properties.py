"""Property-based tests of the import parser: whatever a file holds, reading it either gives a
table or an ImportFileError with one line, and parsing rows never crashes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.import_rows import (
    normalize_phone,
    parse_lunch,
    parse_rows,
    parse_timestamp,
    parse_yes_no,
)
from desktop.core.importing import NAME, ImportFileError, RawTable, guess_mapping, read_table

HEADERS = (
    "時間戳記",
    "姓名",
    "服務機關",
    "單位",
    "職稱",
    "電子郵件",
    "聯絡電話",
    "身分證字號",
    "報名場次",
    "用餐",
    "是否需要公務人員終身學習時數",
    "備註",
)
# Cell text as forms produce it: CJK, full-width, spaces, punctuation, the odd control char.
cell_text = st.text(
    alphabet=st.sampled_from(
        "王小明臺台北市政府公所ＡＢＣ１２３ 　0123456789-/:上午下午是否葷素@.,\"'\n\t=+"
    ),
    max_size=30,
)
cells = st.one_of(
    st.none(),
    cell_text,
    st.integers(-(10**12), 10**12),
    st.floats(allow_nan=True),
    st.datetimes(min_value=dt.datetime(1900, 1, 1)),
)


@settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=4096), suffix=st.sampled_from([".csv", ".xlsx", ".txt"]))
def test_reading_any_bytes_gives_a_table_or_one_clear_line(
    tmp_path: Path, data: bytes, suffix: str
) -> None:
    path = tmp_path / f"export{suffix}"
    path.write_bytes(data)
    try:
        table = read_table(path)
    except ImportFileError as exc:
        assert str(exc) and "\n" not in str(exc) and path.name in str(exc)
    else:
        assert all(len(row) == len(table.headers) for row in table.rows)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(rows=st.lists(st.lists(cells, min_size=len(HEADERS), max_size=len(HEADERS)), max_size=20))
def test_parsing_any_cells_never_crashes_and_accounts_for_every_row(
    rows: list[list[object]],
) -> None:
    table = RawTable(
        "x.csv", HEADERS, tuple(tuple(r) for r in rows), tuple(range(2, len(rows) + 2)), "utf-8"
    )
    mapping = guess_mapping(table.headers)
    assert NAME in mapping
    try:
        result = parse_rows(table, mapping)
    except ImportFileError as exc:  # only a file without a single filled row is refused
        assert not any(any(str(c).strip() for c in r if c is not None) for r in rows), exc
        return
    assert len(result.rows) + result.blank_rows == len(rows)
    for row in result.accepted:
        assert row.name and row.name == row.name.strip()
    for row in result.rejected:
        assert all(p.row == row.row and p.column for p in row.problems)


@given(value=cells)
def test_field_parsers_never_raise(value: object) -> None:
    parse_timestamp(value)
    normalize_phone(value)
    parse_yes_no(value)
    parse_lunch(value)
