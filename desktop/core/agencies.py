"""What an agency's name says about it, for spreading people over tables: its level (縣市政府
or 鄉鎮市區公所) and its region (from the county or city the name starts with)."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

from desktop.core.text import match_key

COUNTY = "county"  # 縣市政府 and its departments
TOWNSHIP = "township"  # 鄉鎮市區公所
LEVEL_LABELS = {COUNTY: "縣市政府", TOWNSHIP: "鄉鎮市區公所"}

REGIONS: dict[str, tuple[str, ...]] = {
    "north": ("臺北", "新北", "基隆", "桃園", "新竹", "宜蘭"),
    "central": ("苗栗", "臺中", "彰化", "南投", "雲林"),
    "south": ("嘉義", "臺南", "高雄", "屏東"),
    "east": ("花蓮", "臺東"),
    "islands": ("澎湖", "金門", "連江"),
}
REGION_LABELS = {
    "north": "北部",
    "central": "中部",
    "south": "南部",
    "east": "東部",
    "islands": "離島",
}
_REGION_OF = {place: region for region, places in REGIONS.items() for place in places}
_PLACE = re.compile(r"^(..)[縣市]")


def agency_level(agency: str) -> str:
    """``county`` for 縣政府/市政府 (and their bureaus), ``township`` for 公所, else ``""``."""
    key = match_key(agency)
    if "公所" in key:
        return TOWNSHIP
    if "縣政府" in key or "市政府" in key:
        return COUNTY
    return ""


def agency_region(agency: str) -> str:
    """The region of the county or city the agency's name starts with, else ``""``."""
    found = _PLACE.match(match_key(agency))
    return _REGION_OF.get(found.group(1), "") if found else ""


@functools.lru_cache(maxsize=8192)
def categories(agency: str) -> tuple[str, str, str]:
    """An agency's match key, level and region (the same few agencies recur all day)."""
    return match_key(agency), agency_level(agency), agency_region(agency)


def conflicts_at(agencies: Iterable[str]) -> set[str]:
    """The agency keys that appear more than once among ``agencies`` (one table's members)."""
    seen: dict[str, int] = {}
    for agency in agencies:
        key = match_key(agency)
        if key:
            seen[key] = seen.get(key, 0) + 1
    return {key for key, n in seen.items() if n > 1}
