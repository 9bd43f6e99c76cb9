"""Who imports whom: no import cycle among the product's modules, counting imports inside
functions (they run too) but not ``if TYPE_CHECKING:`` ones; and the benchmarks never import
the tests (the code both use lives in ``bench/`` or ``scenarios/``)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.sourcetree import ROOT, parsed


def _module(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_only(tree: ast.Module) -> set[int]:
    return {
        id(inner)
        for node in ast.walk(tree)
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test)
        for statement in node.body
        for inner in ast.walk(statement)
    }


def _imports(path: Path) -> set[str]:
    """Every module ``path`` names in an import run at some point (``from a import b``
    names ``a`` and ``a.b``: ``b`` may be a module)."""
    tree = parsed(path)
    skip = _type_checking_only(tree)
    package = _module(path) if path.name == "__init__.py" else _module(path).rpartition(".")[0]
    names: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            names |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, *([node.module] if node.module else [])])
            names |= {base} | {f"{base}.{alias.name}" for alias in node.names}
    return names


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one module (Tarjan, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            child = next(successors, None)
            if child is not None:
                if child not in index:
                    index[child] = low[child] = len(index)
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                elif child in on_stack:
                    low[node] = min(low[node], index[child])
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                group = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    group.append(member)
                    if member == node:
                        break
                if len(group) > 1:
                    found.append(sorted(group))
    return found


def test_no_import_cycle_in_the_product() -> None:
    paths = {_module(p): p for top in ("desktop", "db") for p in (ROOT / top).rglob("*.py")}
    graph = {name: (_imports(path) & paths.keys()) - {name} for name, path in paths.items()}
    assert _cycles(graph) == []


def test_the_cycle_finder_finds_a_cycle() -> None:
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_benchmarks_and_scenarios_never_import_the_tests() -> None:
    importers = {
        path.relative_to(ROOT).as_posix(): sorted(
            name for name in _imports(path) if name.split(".")[0] in {"tests", "bench"}
        )
        for top in ("bench", "scenarios")
        for path in sorted((ROOT / top).rglob("*.py"))
    }
    assert {
        path: names
        for path, names in importers.items()
        if any(n.split(".")[0] == "tests" for n in names)
        or (path.startswith("scenarios/") and names)
    } == {}
