"""JSON request bodies of the venue server, read strictly against a small declared schema,
and the one error shape every JSON refusal has.

A route declares what its body holds (``Obj({"revision": Int(0, MAX_REVISION), ...})``) and
calls ``read_json(request, schema)``: anything else is a ``BodyError`` (400 for what is not
JSON, 422 for JSON of the wrong shape) before a service sees it. Strict means what JSON says:
an id is an integer within bounds, never ``"1"``, ``1.9`` or ``true``; a flag is ``true`` or
``false``, never ``1``; lists and texts have a size; nothing is nested deeper than declared (a
body nested 50,000 deep is refused, not a ``RecursionError``).

Refusals answer ``{"ok": false, "error": {"code", "message", "params"}}`` — the shape the
command line prints for ``--json`` — through ``refusal``.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse

from desktop.core.outcomes import requests
from desktop.core.problems import CodedError, Outcome

MAX_ID = 2**31 - 1  # database ids and revisions: what SQLite and the pages' JavaScript hold
MAX_TEXT = 100_000  # characters in any one string; field caps are the services' own


class BodyError(CodedError):
    """A request body that is not the JSON its route takes."""

    def __init__(self, outcome: Outcome, status: int, **params: object) -> None:
        super().__init__(outcome, **params)
        self.status = status


# --- the schema ----------------------------------------------------------------------------


class Spec:
    """What one JSON value must be; ``check`` returns it or raises ``BodyError``."""

    def expected(self) -> str:
        raise NotImplementedError

    def check(self, value: Any, where: str) -> Any:
        raise NotImplementedError

    def refuse(self, value: Any, where: str) -> BodyError:
        return BodyError(
            requests.BODY_INVALID, 422, where=where, expected=self.expected(), kind=_kind(value)
        )


@dataclass(frozen=True)
class Int(Spec):
    low: int = 0
    high: int = MAX_ID

    def expected(self) -> str:
        return f" {self.low} 到 {self.high} 的整數"

    def check(self, value: Any, where: str) -> int:
        # bool is an int to Python, and 1.0 or "1" are not integers to JSON's writers.
        if type(value) is not int or not self.low <= value <= self.high:
            raise self.refuse(value, where)
        return value


@dataclass(frozen=True)
class Bool(Spec):
    def expected(self) -> str:
        return " true 或 false"

    def check(self, value: Any, where: str) -> bool:
        if not isinstance(value, bool):
            raise self.refuse(value, where)
        return value


@dataclass(frozen=True)
class Text(Spec):
    max_chars: int = MAX_TEXT

    def expected(self) -> str:
        return f"最多 {self.max_chars} 字的文字"

    def check(self, value: Any, where: str) -> str:
        if not isinstance(value, str) or len(value) > self.max_chars:
            raise self.refuse(value, where)
        return value


@dataclass(frozen=True)
class Scalar(Spec):
    """Text, a number, a flag or null: a value whose meaning the service reads."""

    max_chars: int = MAX_TEXT

    def expected(self) -> str:
        return "文字、數字、true/false 或 null"

    def check(self, value: Any, where: str) -> Any:
        if value is None or isinstance(value, bool):
            return value
        if isinstance(value, int) and abs(value) <= 2**53:
            return value
        if isinstance(value, float) and abs(value) <= 2**53:  # json gives inf for 1e999
            return value
        if isinstance(value, str) and len(value) <= self.max_chars:
            return value
        raise self.refuse(value, where)


@dataclass(frozen=True)
class ListOf(Spec):
    item: Spec
    max_items: int

    def expected(self) -> str:
        return f"最多 {self.max_items} 項的清單"

    def check(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list) or len(value) > self.max_items:
            raise self.refuse(value, where)
        return [self.item.check(v, f"{where}[{i}]") for i, v in enumerate(value)]


@dataclass(frozen=True)
class Obj(Spec):
    """An object with the declared keys (``required`` ones must be there); a key not declared
    is refused, or, with ``other``, checked against it."""

    keys: Mapping[str, Spec]
    required: tuple[str, ...] = ()
    other: Spec | None = None
    max_keys: int = 100

    def expected(self) -> str:
        return f"最多 {self.max_keys} 個鍵的物件"

    def check(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict) or len(value) > self.max_keys:
            raise self.refuse(value, where)
        prefix = f"{where}." if where else ""
        for key in self.required:
            if key not in value:
                raise BodyError(requests.BODY_MISSING, 422, where=f"{prefix}{key}")
        checked: dict[str, Any] = {}
        for key, v in value.items():
            spec = self.keys.get(key, self.other)
            if spec is None:
                raise BodyError(requests.BODY_UNKNOWN_KEY, 422, where=f"{prefix}{key[:40]}")
            checked[key] = spec.check(v, f"{prefix}{key}")
        return checked


def _kind(value: Any) -> str:
    """What arrived, named without echoing it (a body may carry anything)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, int):
        return f"{len(str(abs(value)))} 位數的整數"
    if isinstance(value, float):
        return "小數"
    if isinstance(value, str):
        return f"{len(value)} 字的文字"
    if isinstance(value, list):
        return f"{len(value)} 項的清單"
    return "物件"


# --- reading and refusing ------------------------------------------------------------------


async def read_json(request: Request, schema: Obj) -> dict[str, Any]:
    """The request's JSON body, checked against ``schema``; ``BodyError`` otherwise."""
    raw = await request.body()
    try:
        body = json.loads(raw)
    except (ValueError, RecursionError):  # RecursionError: nested deeper than json can follow
        raise BodyError(requests.BODY_NOT_JSON, 400, bytes=len(raw)) from None
    return schema.check(body, "")


def form_int(value: object, low: int = 0, high: int = MAX_ID) -> int | None:
    """A form field's integer: ASCII digits within bounds (not "1.9", "1_0", "true" or "١")."""
    if not isinstance(value, str) or not value.isascii() or not value.isdigit():
        return None
    number = int(value[:12])  # more digits than any bound holds: out of bounds anyway
    return number if low <= number <= high and len(value) <= 12 else None


def refusal(
    error: CodedError,
    status: int,
    headers: Mapping[str, str] | None = None,
    *,
    code: Outcome | None = None,
    **beside: object,
) -> JSONResponse:
    """The one error shape of the venue server's JSON: ``{"ok": false, "error": {"code",
    "message", "params"}}`` (``code``: a declared outcome whose code answers instead of the
    error's own, its sentence still the error's; ``beside`` are keys next to ``error``, such
    as a refused ballot's ``revision``)."""
    params = {
        k: v if v is None or isinstance(v, str | int | float | bool | list | dict) else str(v)
        for k, v in error.params.items()
    }
    error_json = {
        "code": error.code if code is None else code.code,
        "message": str(error),
        "params": params,
    }
    return JSONResponse(
        {"ok": False, "error": error_json, **beside}, status_code=status, headers=headers
    )


def coded_refusal(outcome: Outcome, status: int, **params: object) -> JSONResponse:
    """``outcome`` refused with ``status`` (its sentence filled by ``params``)."""
    return refusal(CodedError(outcome, **params), status)


def bad_request(error: BodyError) -> JSONResponse:
    """How the attendee's JSON routes (room, vote, survey) refuse a body they cannot take: one
    code, ``bad_request`` (400), whatever was wrong — their documented contract, older than the
    leader's ``body_*`` codes; the schema's message and ``params`` say what and where."""
    return refusal(error, 400, code=requests.BAD_REQUEST)
