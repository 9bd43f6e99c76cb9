"""Republic of China (民國) calendar formatting used on Taiwanese government paper."""

from __future__ import annotations

import datetime as dt

WEEKDAYS = "一二三四五六日"
ROC_OFFSET = 1911


def roc_year(day: dt.date) -> int:
    return day.year - ROC_OFFSET


def roc_date(day: dt.date, weekday: bool = False) -> str:
    """``108年3月15日`` or, with ``weekday``, ``108年3月15日（星期五）``."""
    text = f"{roc_year(day)}年{day.month}月{day.day}日"
    return f"{text}（星期{WEEKDAYS[day.weekday()]}）" if weekday else text


def roc_date_official(day: dt.date) -> str:
    """``中華民國108年3月15日``: the issue-date form on certificates."""
    return f"中華民國{roc_date(day)}"


def roc_iso(day: dt.date) -> str:
    """``108-03-15``: the learning-hours portal's date format."""
    return f"{roc_year(day):03d}-{day.month:02d}-{day.day:02d}"
