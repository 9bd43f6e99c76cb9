"""Each check-in outcome is worded once: ``desktop.core.checkin.MESSAGES`` in zh-TW (the CLI
prints it) and, for the window's language, the same sentence in desktop/ui/messages.py. A
second table of the same codes elsewhere (the card's titles, the CLI's own) is how the two
came to say 入場證無效 and 入場證損毀或遭竄改 for one ``forged``."""

from __future__ import annotations

import ast
import re
from collections import defaultdict

from desktop.core.checkin import MESSAGES, Code
from tests.sourcetree import DESKTOP, desktop_modules, parsed

CJK = re.compile(r"[\u3400-\u9fff]")
WINDOW_TABLE = DESKTOP / "ui" / "messages.py"


def _sentence(value: ast.expr) -> str | None:
    """The zh-TW text ``value`` words: a literal, or the literal of a ``translate``/``tr``."""
    literals = value.args if isinstance(value, ast.Call) else [value]
    for literal in literals:
        if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
            if CJK.search(literal.value):
                return literal.value
    return None


def worded_codes() -> dict[str, list[tuple[str, str]]]:
    """Every dict literal of ``desktop/`` outside the window's table that maps a check-in code
    (as a string or a ``Code`` member; another domain's enum, such as the vote's ``Refusal``,
    is its own vocabulary) to a zh-TW sentence: code → [(where, sentence)]."""
    modules = desktop_modules()
    members = {code.name: str(code) for code in Code}
    codes = set(members.values())
    found: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for path, tree in modules.items():
        if path == WINDOW_TABLE:
            continue
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values, strict=True):
                if isinstance(key, ast.Constant):
                    code = key.value
                elif isinstance(key, ast.Attribute) and getattr(key.value, "id", "") == "Code":
                    code = members.get(key.attr)
                else:
                    continue
                sentence = _sentence(value)
                if code in codes and sentence is not None:
                    where = f"{path.relative_to(DESKTOP.parent).as_posix()}:{node.lineno}"
                    found[str(code)].append((where, sentence))
    return found


def window_sentences() -> dict[str, str]:
    """The window table's zh-TW source sentence of each code."""
    sentences = {}
    for node in ast.walk(parsed(WINDOW_TABLE)):
        if isinstance(node, ast.Dict):
            for key, value in zip(node.keys, node.values, strict=True):
                sentence = _sentence(value)
                if isinstance(key, ast.Constant) and sentence is not None:
                    sentences[str(key.value)] = sentence
    return sentences


def test_each_check_in_outcome_is_worded_in_one_table_outside_the_window_s() -> None:
    places = worded_codes()
    twice = {code: where for code, where in places.items() if len(where) > 1}
    assert not twice, twice
    assert sorted(places) == sorted(str(code) for code in Code)
    assert {where[0][0].split(":")[0] for where in places.values()} == {"desktop/core/checkin.py"}


def test_the_window_words_each_check_in_outcome_as_the_cli_does() -> None:
    window = window_sentences()
    differ = {
        str(code): (MESSAGES[code], window.get(str(code)))
        for code in Code
        if window.get(str(code)) != MESSAGES[code]
    }
    assert not differ, differ
