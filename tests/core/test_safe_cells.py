from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.safe_cells import neutralise_formula, neutralise_row


@pytest.mark.parametrize("dangerous", [
    "=1+2", "+886912345678", "-2+3", "@SUM(A1)", '=HYPERLINK("http://x","點我")',
    "\t=1+2", "\r=cmd|' /C calc'!A0", " =1", "\n@x", "＝1+1", "\tplain after tab",
])  # fmt: skip
def test_formula_like_cells_get_an_apostrophe(dangerous: str) -> None:
    assert neutralise_formula(dangerous) == "'" + dangerous


@pytest.mark.parametrize(
    "harmless", ["王小明", "臺北市政府", "A12345****", "a=b", "1-2", "", "'=x"]
)
def test_ordinary_text_is_unchanged(harmless: str) -> None:
    assert neutralise_formula(harmless) == harmless


def test_non_text_values_pass_through() -> None:
    day = dt.date(2019, 3, 15)
    assert neutralise_row([-3, 2.5, None, day, True, "=x"]) == [-3, 2.5, None, day, True, "'=x"]


@given(st.text())
def test_result_never_starts_a_formula(text: str) -> None:
    out = neutralise_formula(text)
    stripped = out.lstrip("\t\r\n \u3000")
    assert not stripped or stripped[0] not in "=+-@＝＋－＠" or out.startswith("'")
    assert out in (text, "'" + text)  # the content itself is never altered
