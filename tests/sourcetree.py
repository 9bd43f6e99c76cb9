"""The product's own source, parsed once per test process for the tests that read code
(translations, coded errors, settings): each used to parse all of ``desktop/`` again."""

from __future__ import annotations

import ast
import functools
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DESKTOP = ROOT / "desktop"


@functools.cache
def parsed(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"), filename=str(path))


def desktop_modules() -> dict[Path, ast.Module]:
    """Every module under ``desktop/``, by path."""
    return {path: parsed(path) for path in sorted(DESKTOP.rglob("*.py"))}


def called(tree: ast.AST, names: set[str] | frozenset[str]) -> list[ast.Call]:
    """The calls in ``tree`` of a function or method named one of ``names``."""
    return [
        node
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and (getattr(node.func, "id", None) or getattr(node.func, "attr", None)) in names
    ]
