"""``desktop/reports`` builds documents from plain rows: it imports nothing from
``desktop/services`` (the export service maps service results to the reports' rows)."""

from __future__ import annotations

import ast
from pathlib import Path

import desktop.reports

REPORTS = Path(desktop.reports.__file__).parent


def _imported(tree: ast.AST) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(tree):  # also imports inside functions and TYPE_CHECKING blocks
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names |= {node.module} | {f"{node.module}.{alias.name}" for alias in node.names}
    return names


def test_reports_import_nothing_from_services() -> None:
    modules = sorted(REPORTS.glob("*.py"))
    assert len(modules) > 10
    offending = {
        f"{module.name}: {name}"
        for module in modules
        for name in _imported(ast.parse(module.read_text(encoding="utf-8")))
        if name == "desktop.services" or name.startswith("desktop.services.")
    }
    assert offending == set()


def test_the_check_sees_an_import_inside_a_function() -> None:
    tree = ast.parse("def f():\n    from desktop.services.vote import VoteState\n")
    assert "desktop.services.vote" in _imported(tree)
