"""Every file name the product proposes is valid on Windows, whatever a session is called."""

from __future__ import annotations

from pathlib import Path, PureWindowsPath

from hypothesis import given
from hypothesis import strategies as st

from desktop.core.filenames import MAX_NAME, numbered, windows_safe_name

SUFFIXES = st.sampled_from(["", ".pdf", ".csv", ".xlsx", ".sqlite3", ".pb", ".png"])
# Session and event names as organisers type them: any text, weighted towards the characters
# Windows refuses, device names, dots and blanks.
NAMES = st.lists(
    st.one_of(
        st.characters(),
        st.sampled_from([*'<>:"/\\|?*. \t\x00\x1f', "CON", "nul", "COM1", "LPT9", "𡘙"]),
    ),
    max_size=200,
).map("".join)
RESERVED = {"CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$"} | {
    f"{d}{n}" for d in ("COM", "LPT") for n in (*"123456789", "¹", "²", "³")
}


def valid_windows_component(name: str) -> bool:
    """What Windows accepts as one file name (the rules NTFS and the Win32 API enforce)."""
    return (
        bool(name)
        and not any(c in '<>:"/\\|?*' or ord(c) < 32 for c in name)
        and not name.endswith((".", " "))
        and name.split(".")[0].rstrip(" ").upper() not in RESERVED
        and len(name.encode("utf-16-le")) // 2 <= 255
        # one component that stays one component: no drive, no root, no parent
        and PureWindowsPath(name).name == name
        and PureWindowsPath(name).parts == (name,)
        and PureWindowsPath("C:/folder", name).parent == PureWindowsPath("C:/folder")
    )


@given(NAMES, SUFFIXES)
def test_every_proposed_name_is_one_valid_windows_component(text: str, suffix: str) -> None:
    name = windows_safe_name(text, suffix)
    assert valid_windows_component(name), repr(name)
    assert name.endswith(suffix) and len(name.encode("utf-16-le")) // 2 <= MAX_NAME


@given(NAMES, SUFFIXES, st.integers(2, 99))
def test_a_numbered_name_is_valid_and_keeps_its_number(text: str, suffix: str, n: int) -> None:
    proposed = Path("/docs") / windows_safe_name(text, suffix)
    path = numbered(proposed, n)
    assert valid_windows_component(path.name), repr(path.name)
    assert path.name.endswith(f" ({n}){proposed.suffix}")


def test_the_session_of_the_issue_and_device_names() -> None:
    assert windows_safe_name("3/15 上午場 9:00?", ".pdf") == "3_15 上午場 9_00_.pdf"
    assert windows_safe_name("CON", ".pdf") == "CON_.pdf"
    assert windows_safe_name("nul.tar", ".gz") == "nul_.tar.gz"  # reserved with an extension too
    assert windows_safe_name("臺北場次 ...", "") == "臺北場次"
    assert windows_safe_name("", ".csv") == "_.csv"
    assert windows_safe_name("議程-臺北場次", ".pdf") == "議程-臺北場次.pdf"  # a good name stays
