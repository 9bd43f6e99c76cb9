"""Error red is ``desktop.ui.palette.ALERT``: a message label that writes its own shade is how
the window came to show refusals in four reds (#B00020, #b42318, #b71c1c, #a61b1b)."""

from __future__ import annotations

import ast
import re

from tests.sourcetree import DESKTOP, called, desktop_modules

HEX = re.compile(r"#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})\b")


def is_red(text: str) -> bool:
    """``text`` names a red: the word, or a hex colour whose red outweighs green and blue."""
    if re.search(r"\bred\b", text, re.IGNORECASE):
        return True
    for digits in HEX.findall(text):
        if len(digits) == 3:
            digits = "".join(d * 2 for d in digits)
        r, g, b = (int(digits[i : i + 2], 16) for i in (0, 2, 4))
        if r >= 0x90 and g <= 0x40 and b <= 0x40:
            return True
    return False


def literal_parts(node: ast.AST) -> list[str]:
    return [
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    ]


def test_style_sheets_take_their_red_from_the_palette() -> None:
    own_reds = sorted(
        f"{path.relative_to(DESKTOP).as_posix()}:{call.lineno}"
        for path, tree in desktop_modules().items()
        if path.is_relative_to(DESKTOP / "ui") and path.name != "palette.py"
        for call in called(tree, {"setStyleSheet"})
        if any(is_red(text) for arg in call.args for text in literal_parts(arg))
    )
    assert not own_reds, own_reds


def test_no_qt_named_red_in_the_window() -> None:
    """``QColor("red")``/``Qt.red`` are a fifth shade; the palette names the one red."""
    named = sorted(
        f"{path.relative_to(DESKTOP).as_posix()}:{node.lineno}"
        for path, tree in desktop_modules().items()
        if path.is_relative_to(DESKTOP / "ui")
        for node in ast.walk(tree)
        if (isinstance(node, ast.Attribute) and node.attr in ("red", "darkRed"))
        or (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", "") == "QColor"
            and any(is_red(text) for text in literal_parts(node))
        )
    )
    assert not named, named


def test_the_red_detector_sees_each_old_shade() -> None:
    for shade in ("#B00020", "#b42318", "#b71c1c", "#a61b1b", "#c62828", "red"):
        assert is_red(f"color:{shade};"), shade
    assert not is_red("color:#1c232b; border:1px solid #d5dbe1")
