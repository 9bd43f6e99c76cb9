"""Labels built in code speak the interface's punctuation."""

from __future__ import annotations

from desktop.ui import labels, settings


def test_a_detail_in_brackets_is_full_width_in_zh_tw_and_ascii_in_english(qapp) -> None:
    assert labels.with_detail("林佳穎", "宜蘭縣政府") == "林佳穎（宜蘭縣政府）"
    settings.install_translators(qapp, "en")
    try:
        assert labels.with_detail("林佳穎", "宜蘭縣政府") == "林佳穎 (宜蘭縣政府)"
    finally:
        settings.remove_translators(qapp)


def test_tables_by_number_follow_the_interface(qapp) -> None:
    assert labels.tables_label((1, 3)) == "第 1 桌、第 3 桌"
    settings.install_translators(qapp, "en")
    try:
        assert labels.tables_label((1, 3)) == "Table 1, Table 3"
    finally:
        settings.remove_translators(qapp)
