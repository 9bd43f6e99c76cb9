"""Merging two editors' saves of one group report, field by field.

Each save names the revision it was based on. The server holds that base, its current content
(``theirs``: what others saved since) and the incoming content (``mine``). A field is one leaf of
the report's JSON (``topic``, ``proposals.1.title``, ``proposals.0.feasibility.legal``,
``members.3.present``):

* changed on one side only → that side's value;
* changed on both sides to the same value → that value;
* changed on both sides differently → a conflict: the current value stays, both texts are
  returned, and the leader chooses (nothing is silently overwritten).

A save may carry only some top-level fields (a page sends what its leader edited); fields it
does not carry are left as they are. Values that are derived (``proposals.N.cost``) or
bookkeeping (``schema``) never take part.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

IGNORED_LEAVES = ("cost", "schema")


def flatten(data: Mapping[str, Any]) -> dict[str, Any]:
    """``{"proposals": [{"title": "x"}]}`` → ``{"proposals.0.title": "x"}``; empty text and
    None are left out (an empty field and a missing one are the same thing)."""
    out: dict[str, Any] = {}

    def walk(prefix: str, value: Any) -> None:
        if isinstance(value, Mapping):
            for key, item in value.items():
                walk(f"{prefix}.{key}" if prefix else str(key), item)
        elif isinstance(value, list | tuple):
            for index, item in enumerate(value):
                walk(f"{prefix}.{index}", item)
        elif value is not None and value != "" and prefix.rsplit(".", 1)[-1] not in IGNORED_LEAVES:
            out[prefix] = value

    walk("", data)
    return out


def unflatten(flat: Mapping[str, Any]) -> dict[str, Any]:
    """The inverse of ``flatten``: numbered levels become lists (gaps filled with ``{}``)."""
    root: dict[str, Any] = {}
    for key, value in flat.items():
        node = root
        parts = key.split(".")
        for part in parts[:-1]:
            node = node.setdefault(part, {})
        node[parts[-1]] = value
    # The root holds the report's named fields, never a numbered level.
    return {k: _lists(v) for k, v in root.items()}


def _lists(node: Any) -> Any:
    if not isinstance(node, dict):
        return node
    converted = {k: _lists(v) for k, v in node.items()}
    if converted and all(k.isdigit() for k in converted):
        size = max(int(k) for k in converted) + 1
        return [converted.get(str(i), {}) for i in range(size)]
    return converted


@dataclass(frozen=True)
class Conflict:
    mine: Any
    theirs: Any


@dataclass(frozen=True)
class MergeResult:
    content: dict[str, Any]  # the JSON to store (conflicting fields keep ``theirs``)
    conflicts: Mapping[str, Conflict] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.conflicts


def _top(key: str) -> str:
    return key.split(".", 1)[0]


def merge(
    base: Mapping[str, Any],
    theirs: Mapping[str, Any],
    mine: Mapping[str, Any],
    sent: Iterable[str] | None = None,
) -> MergeResult:
    """Three-way merge of report JSON; ``sent`` names the top-level fields ``mine`` carries
    (None: all of them)."""
    b, t, m = flatten(base), flatten(theirs), flatten(mine)
    tops = None if sent is None else set(sent)
    result = dict(t)
    conflicts: dict[str, Conflict] = {}
    for key in sorted(set(b) | set(t) | set(m)):
        if tops is not None and _top(key) not in tops:
            continue
        bv, tv, mv = b.get(key), t.get(key), m.get(key)
        if mv == tv or mv == bv:
            continue  # agree, or only theirs changed: the current value stays
        if tv == bv:
            if mv is None:
                result.pop(key, None)
            else:
                result[key] = mv
            continue
        conflicts[key] = Conflict(mine=mv, theirs=tv)
    return MergeResult(unflatten(result), conflicts)
