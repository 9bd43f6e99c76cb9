"""Every outcome a person reads is declared once, per domain, in ``desktop.core.outcomes``:
services raise it, the CLI, the venue server and the window word that one entry. These checks
read the source: a sentence written out again elsewhere, a refusal raised with a bare code, or
a code looked up that nobody declared, fails here with the file and line."""

from __future__ import annotations

import ast
import importlib
import re
from pathlib import Path

import pytest

from desktop.core.problems import OUTCOME_CONTEXT, CodedError, Domain, Outcome
from tests.sourcetree import DESKTOP, called, desktop_modules, parsed

OUTCOMES_PACKAGE = DESKTOP / "core" / "outcomes"
CJK = re.compile(r"[\u3400-\u9fff]")
FIELD = re.compile(r"\{[^{}]*\}")


def domains() -> dict[str, Domain]:
    """Every domain module's ``WORDS``, by domain name (each module is one domain)."""
    found: dict[str, Domain] = {}
    for path in sorted(OUTCOMES_PACKAGE.glob("*.py")):
        if path.stem != "__init__":
            words = importlib.import_module(f"desktop.core.outcomes.{path.stem}").WORDS
            assert words.name not in found, f"two modules declare the domain {words.name}"
            found[words.name] = words
    return found


def every_outcome() -> list[Outcome]:
    return [o for domain in domains().values() for o in domain.outcomes.values()]


def where(path: Path, node: ast.AST) -> str:
    return f"{path.relative_to(DESKTOP.parent).as_posix()}:{getattr(node, 'lineno', 0)}"


def coded_classes(trees: list[ast.Module]) -> set[str]:
    """``CodedError`` and every class of ``desktop`` that derives from it, however deep."""
    classes = [node for tree in trees for node in ast.walk(tree) if isinstance(node, ast.ClassDef)]
    found = {"CodedError"}
    while True:
        more = {
            node.name
            for node in classes
            if node.name not in found
            and any(getattr(b, "id", getattr(b, "attr", None)) in found for b in node.bases)
        }
        if not more:
            return found
        found |= more


def literal_texts(tree: ast.AST) -> list[tuple[ast.AST, str]]:
    """Every string literal of ``tree``, an f-string as its literal parts joined by ``{}``."""
    found: list[tuple[ast.AST, str]] = []
    inside_fstrings: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            parts = []
            for value in node.values:
                inside_fstrings.add(id(value))
                parts.append(
                    value.value
                    if isinstance(value, ast.Constant) and isinstance(value.value, str)
                    else "{}"
                )
            found.append((node, "".join(parts)))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in inside_fstrings
        ):
            found.append((node, node.value))
    return found


def signature(text: str) -> str:
    """What gives a sentence away when it is written out again: its longest literal part."""
    return max(FIELD.split(text), key=len).strip("：；，。、（）「」 ")


def test_a_code_is_declared_once_per_domain() -> None:
    words = Domain("example")
    words("late", "遲到")
    with pytest.raises(ValueError, match="example.late declared twice"):
        words("late", "晚到")


def test_a_refusal_needs_the_parameters_its_sentence_names() -> None:
    missing_path = Outcome("example", "gone", "找不到檔案：{path}")
    with pytest.raises(TypeError, match=r"example.gone needs \['path'\]"):
        CodedError(missing_path)
    refused = CodedError(missing_path, path="a.csv", backup="b.db")
    assert (str(refused), refused.code, refused.params["backup"]) == (
        "找不到檔案：a.csv",
        "gone",
        "b.db",
    )


def test_each_domain_module_names_its_domain() -> None:
    """A module's domain is its file name: a refusal's domain says where it is declared."""
    assert set(domains()) == {p.stem for p in OUTCOMES_PACKAGE.glob("*.py")} - {"__init__"}


def test_outcomes_are_declared_only_in_the_outcomes_package() -> None:
    stray = [
        where(path, node)
        for path, tree in desktop_modules().items()
        if OUTCOMES_PACKAGE not in path.parents and path.name != "problems.py"
        for node in called(tree, {"Domain", "Outcome"})
    ]
    assert not stray, f"declare outcomes in desktop/core/outcomes/: {stray}"


def test_each_sentence_is_marked_for_translation_in_the_outcome_context() -> None:
    """lupdate collects ``QT_TRANSLATE_NOOP("messages", "…")``; a sentence passed bare would stay
    Chinese in the English window."""
    unmarked = []
    for path in sorted(OUTCOMES_PACKAGE.glob("*.py")):
        for node in called(parsed(path), {"WORDS"}):
            text = node.args[1]
            marked = (
                isinstance(text, ast.Call)
                and getattr(text.func, "id", "") == "QT_TRANSLATE_NOOP"
                and isinstance(text.args[0], ast.Constant)
                and text.args[0].value == OUTCOME_CONTEXT
                and isinstance(text.args[1], ast.Constant)
            )
            bare_field = isinstance(text, ast.Constant) and not CJK.search(str(text.value))
            if not (marked or bare_field):
                unmarked.append(where(path, node))
    assert not unmarked, unmarked


def test_no_two_outcomes_say_the_same() -> None:
    seen: dict[str, str] = {}
    twice = []
    for o in every_outcome():
        if o.text in seen:
            twice.append(f"{seen[o.text]} and {o.domain}.{o.code}: {o.text}")
        seen[o.text] = f"{o.domain}.{o.code}"
    assert not twice, "reuse one outcome instead:\n" + "\n".join(twice)


def outside_the_package() -> list[Path]:
    return [
        path
        for path in sorted(DESKTOP.rglob("*"))
        if OUTCOMES_PACKAGE not in path.parents and path.suffix in (".py", ".html", ".js")
    ]


def test_no_sentence_is_worded_outside_its_declaration() -> None:
    """The check that found 入場證無效 in the desk's card and 入場證損毀或遭竄改 in the CLI for one
    ``forged``: an outcome's sentence (its longest literal part, six characters or more)
    written in any other module, page or script of ``desktop/`` is a second wording that will
    drift."""
    signatures = {signature(o.text): o for o in every_outcome() if len(signature(o.text)) >= 6}
    found = []
    for path in outside_the_package():
        if path.suffix == ".py":
            texts = [(where(path, n), t) for n, t in literal_texts(parsed(path))]
        else:
            texts = [(path.relative_to(DESKTOP.parent).as_posix(), path.read_text("utf-8"))]
        for at, text in texts:
            found += [
                f"{at} words {o.domain}.{o.code} ({mark})"
                for mark, o in signatures.items()
                if mark in text
            ]
    assert not found, "\n".join(found)


def test_no_short_sentence_is_tabled_again_by_its_code() -> None:
    """A short outcome (已報到過) is told from a label by where it stands: a table that maps the
    outcome's code (``"forged": "…"``, ``Code.FORGED: "…"``) to words is a second wording."""
    short = {(o.code, o.text) for o in every_outcome() if len(signature(o.text)) < 6}
    found = []
    for path in outside_the_package():
        if path.suffix != ".py":
            continue
        for node in ast.walk(parsed(path)):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values, strict=True):
                code = key.value if isinstance(key, ast.Constant) else getattr(key, "attr", "")
                texts = [t for _, t in literal_texts(value)]
                found += [
                    where(path, node)
                    for text in texts
                    if (str(code), text) in short or (str(code).lower(), text) in short
                ]
    assert not found, found


def test_refusals_name_a_declared_outcome() -> None:
    """``raise XError("code", "句子")`` is a code without a declaration; CliError takes a string
    only for a usage mistake, worded in English as argparse words its own."""
    modules = desktop_modules()
    coded = coded_classes(list(modules.values()))
    assert {"BackupError", "SessionNotFound", "VoteSetupError", "VoteError", "CliError"} <= coded
    bare = []
    for path, tree in modules.items():
        for node in called(tree, coded):
            if not node.args:
                continue
            first = node.args[0]
            if getattr(node.func, "id", getattr(node.func, "attr", "")) == "CliError":
                texts = [t for _, t in literal_texts(first)]
                if any(CJK.search(t) for t in texts) or len(node.args) > 1:
                    bare.append(where(path, node))
            elif isinstance(first, ast.Constant | ast.JoinedStr):
                bare.append(where(path, node))
    assert not bare, f"raise a declared outcome (desktop/core/outcomes/) at: {bare}"


def test_window_words_outcomes_not_bare_codes() -> None:
    """A code spelt as a string where the window words it is a lookup that a renamed code
    silently breaks."""
    bare = [
        where(path, node)
        for path, tree in desktop_modules().items()
        for node in called(tree, {"word"})
        if node.args and isinstance(node.args[0], ast.Constant)
    ]
    assert not bare, bare


def vocabulary_tables() -> dict[Path, dict[str, str]]:
    """The dict tables of ``desktop/`` whose values are ``QT_TRANSLATE_NOOP("vocabulary", …)``:
    key (a literal, or a member's name in lower case) → zh-TW name, by module."""
    tables: dict[Path, dict[str, str]] = {}
    for path, tree in desktop_modules().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values, strict=True):
                if (
                    isinstance(value, ast.Call)
                    and getattr(value.func, "id", "") == "QT_TRANSLATE_NOOP"
                    and isinstance(value.args[1], ast.Constant)
                ):
                    name = key.value if isinstance(key, ast.Constant) else getattr(key, "attr", "")
                    tables.setdefault(path, {})[str(name).lower()] = str(value.args[1].value)
    return tables


def test_no_vocabulary_table_is_written_again() -> None:
    """A name table (hours reasons, import fields) is translated where it is declared; a second
    table of the same codes in the window drifted (無計時數議程 on screen, 場次沒有計時數的議程 on
    paper)."""
    declared = {
        (code, text): path
        for path, table in vocabulary_tables().items()
        for code, text in table.items()
    }
    assert len(declared) > 30
    again = []
    for path, tree in desktop_modules().items():
        for node in ast.walk(tree):
            if not isinstance(node, ast.Dict):
                continue
            for key, value in zip(node.keys, node.values, strict=True):
                code = key.value if isinstance(key, ast.Constant) else getattr(key, "attr", "")
                for _, text in literal_texts(value):
                    home = declared.get((str(code).lower(), text))
                    if home is not None and home != path:
                        again.append(f"{where(path, node)} repeats {code}: {text}")
    assert not again, again
