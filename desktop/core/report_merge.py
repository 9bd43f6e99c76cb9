"""Merging two editors' saves of one group report, field by field.

Each save names the revision it was based on. The server holds that base, its current content
(``theirs``: what others saved since) and the incoming content (``mine``). A field is one leaf of
the report's JSON (``topic``, ``proposals.1.title``, ``proposals.0.feasibility.legal``,
``members.3.present``):

* changed on one side only → that side's value;
* changed on both sides to the same value → that value;
* changed on both sides differently → a conflict: the current value stays, both texts are
  returned, and the leader chooses (nothing is silently overwritten).

Proposals are matched by their stable ``id`` (``desktop.core.group_report.with_ids``), so one
side deleting proposal 1 never moves the other side's edits onto proposal 2. A proposal one side
deleted while the other edited it stays, as edited, and comes back as a conflict
(``proposals.N`` with ``kept``): no edit disappears without a word. Conflicts are named by their
path in the merged content (``proposals.2.title``), as the editors show it.

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
    """Both sides' values of a field. ``kept`` says which one is stored: ``theirs`` for a
    field, the side that edited for a proposal one side deleted (``key`` ``proposals.N``, the
    deleting side's value None, the other side's the proposal's title)."""

    mine: Any
    theirs: Any
    kept: str = "theirs"


@dataclass(frozen=True)
class MergeResult:
    content: dict[str, Any]  # the JSON to store
    conflicts: Mapping[str, Conflict] = field(default_factory=dict)  # by path in ``content``

    @property
    def ok(self) -> bool:
        return not self.conflicts


def _top(key: str) -> str:
    return key.split(".", 1)[0]


def _merge_flat(
    b: Mapping[str, Any], t: Mapping[str, Any], m: Mapping[str, Any]
) -> tuple[dict[str, Any], dict[str, Conflict]]:
    result = dict(t)
    conflicts: dict[str, Conflict] = {}
    for key in sorted(set(b) | set(t) | set(m)):
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
    return result, conflicts


def merge(
    base: Mapping[str, Any],
    theirs: Mapping[str, Any],
    mine: Mapping[str, Any],
    sent: Iterable[str] | None = None,
) -> MergeResult:
    """Three-way merge of report JSON; ``sent`` names the top-level fields ``mine`` carries
    (None: all of them). Proposals are matched by their ``id``, never by position."""
    tops = None if sent is None else set(sent)

    def rest(data: Mapping[str, Any]) -> dict[str, Any]:
        flat = flatten({k: v for k, v in data.items() if k != "proposals"})
        return {k: v for k, v in flat.items() if tops is None or _top(k) in tops}

    # Theirs whole: a field mine does not carry is kept as theirs have it.
    current = {k: v for k, v in flatten(theirs).items() if _top(k) != "proposals"}
    merged, conflicts = _merge_flat(rest(base), current, rest(mine))
    content = unflatten(merged)
    if tops is None or "proposals" in tops:
        proposals, found = _merge_proposals(
            base.get("proposals") or [], theirs.get("proposals") or [], mine.get("proposals") or []
        )
        conflicts.update(found)
    else:
        proposals = [dict(p) for p in theirs.get("proposals") or []]
    if proposals:
        content["proposals"] = proposals
    return MergeResult(content, conflicts)


def _by_id(proposals: Iterable[Any]) -> dict[str, dict[str, Any]]:
    return {str(p["id"]): dict(p) for p in proposals if isinstance(p, Mapping) and p.get("id")}


def _fields(proposal: Mapping[str, Any] | None) -> dict[str, Any]:
    if proposal is None:
        return {}
    return {k: v for k, v in flatten(proposal).items() if k != "id"}


def _order(theirs: list[str], mine: list[str], kept: set[str]) -> list[str]:
    """Theirs' order; a proposal only mine has goes right after the one before it in mine."""
    order = [i for i in theirs if i in kept]
    for n, pid in enumerate(mine):
        if pid in kept and pid not in order:
            before = next((p for p in reversed(mine[:n]) if p in order), None)
            order.insert(order.index(before) + 1 if before is not None else 0, pid)
    return order


def _merge_proposals(
    base: list[Any], theirs: list[Any], mine: list[Any]
) -> tuple[list[dict[str, Any]], dict[str, Conflict]]:
    b, t, m = _by_id(base), _by_id(theirs), _by_id(mine)
    merged: dict[str, dict[str, Any]] = {}
    found: dict[str, tuple[str, Conflict]] = {}  # id → (field or "", conflict)
    for pid in [*t, *(i for i in m if i not in t), *(i for i in b if i not in t and i not in m)]:
        bf, tf, mf = _fields(b.get(pid)), _fields(t.get(pid)), _fields(m.get(pid))
        if pid in t and pid in m or pid not in b:
            fields, clashes = _merge_flat(bf, tf, mf)
            merged[pid] = {"id": pid, **unflatten(fields)}
            for key, clash in clashes.items():
                found[f"{pid}.{key}"] = (key, clash)
        elif pid in t:  # mine deleted it
            if tf != bf:  # ... while theirs edited it: the edited one stays
                merged[pid] = dict(t[pid])
                found[pid] = ("", Conflict(mine=None, theirs=_title(t[pid]), kept="theirs"))
        elif pid in m and mf != bf:  # theirs deleted it while mine edited it: mine stays
            merged[pid] = dict(m[pid])
            found[pid] = ("", Conflict(mine=_title(m[pid]), theirs=None, kept="mine"))
    order = _order(list(t), list(m), set(merged))
    position = {pid: n for n, pid in enumerate(order)}
    conflicts = {
        ".".join(x for x in ("proposals", str(position[key.split(".", 1)[0]]), where) if x): c
        for key, (where, c) in found.items()
    }
    return [merged[pid] for pid in order], conflicts


def _title(proposal: Mapping[str, Any]) -> str:
    return str(proposal.get("title") or "").strip() or "（未命名）"
