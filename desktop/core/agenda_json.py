"""The run state as JSON (stored in a ``Setting``) and back: absolute timestamps, so a state
read after a crash gives the right countdown at any later time."""

from __future__ import annotations

import datetime as dt
from typing import Any

from desktop.core.agenda import Leg, QueueState, RunState, Undone

# --------------------------------------------------------------------------- JSON


def _ts(value: dt.datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _dt(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if value else None


def _queue_to_json(queue: QueueState | None) -> dict[str, Any] | None:
    return (
        None
        if queue is None
        else {
            "order": list(queue.order),
            "labels": {str(k): v for k, v in queue.labels.items()},
            "slot_seconds": queue.slot_seconds,
            "index": queue.index,
            "slot_started_at": _ts(queue.slot_started_at),
            "slot_paused_seconds": queue.slot_paused_seconds,
        }
    )


def _queue_from_json(q: dict[str, Any] | None) -> QueueState | None:
    return (
        None
        if not q
        else QueueState(
            order=tuple(int(n) for n in q["order"]),
            labels={int(k): str(v) for k, v in q.get("labels", {}).items()},
            slot_seconds=int(q["slot_seconds"]),
            index=int(q.get("index", 0)),
            slot_started_at=_dt(q.get("slot_started_at")),
            slot_paused_seconds=float(q.get("slot_paused_seconds", 0.0)),
        )
    )


def state_to_json(state: RunState) -> dict[str, Any]:
    undone = state.undone
    return {
        "version": 1,
        "block_id": state.block_id,
        "started_at": _ts(state.started_at),
        "paused_at": _ts(state.paused_at),
        "paused_seconds": state.paused_seconds,
        "extra_seconds": state.extra_seconds,
        "finished_at": _ts(state.finished_at),
        "history": [
            {
                "block_id": leg.block_id,
                "started_at": _ts(leg.started_at),
                "paused_seconds": leg.paused_seconds,
                "extra_seconds": leg.extra_seconds,
            }
            for leg in state.history
        ],
        "queue": _queue_to_json(state.queue),
        "message": state.message,
        "baseline": {str(k): [_ts(s), _ts(e)] for k, (s, e) in state.baseline.items()},
        "undone": None
        if undone is None
        else {
            "at": _ts(undone.at),
            "block_id": undone.block_id,
            "started_at": _ts(undone.started_at),
            "paused_seconds": undone.paused_seconds,
            "extra_seconds": undone.extra_seconds,
            "queue": _queue_to_json(undone.queue),
        },
    }


def state_from_json(data: dict[str, Any] | None) -> RunState:
    """Read a stored state back; an empty or missing value is the idle state."""
    if not data:
        return RunState()
    queue = _queue_from_json(data.get("queue"))
    u = data.get("undone")
    undone_at, undone_start = (_dt(u.get("at")), _dt(u.get("started_at"))) if u else (None, None)
    undone = None
    if u and undone_at and undone_start:
        block_id = u.get("block_id")
        undone = Undone(
            undone_at,
            None if block_id is None else int(block_id),
            undone_start,
            float(u.get("paused_seconds", 0.0)),
            int(u.get("extra_seconds", 0)),
            _queue_from_json(u.get("queue")),
        )
    baseline: dict[int, tuple[dt.datetime, dt.datetime]] = {}
    for key, (s, e) in data.get("baseline", {}).items():
        start_at, end_at = _dt(s), _dt(e)
        if start_at and end_at:
            baseline[int(key)] = (start_at, end_at)
    return RunState(
        block_id=data.get("block_id"),
        started_at=_dt(data.get("started_at")),
        paused_at=_dt(data.get("paused_at")),
        paused_seconds=float(data.get("paused_seconds", 0.0)),
        extra_seconds=int(data.get("extra_seconds", 0)),
        finished_at=_dt(data.get("finished_at")),
        history=tuple(
            Leg(
                int(h["block_id"]),
                _dt(h["started_at"]) or dt.datetime.min,
                float(h.get("paused_seconds", 0.0)),
                int(h.get("extra_seconds", 0)),
            )
            for h in data.get("history", [])
        ),
        queue=queue,
        message=str(data.get("message", "")),
        baseline=baseline,
        undone=undone,
    )
