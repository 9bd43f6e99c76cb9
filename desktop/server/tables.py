"""The table leader's page and its JSON API.

``/t/<code>/<secret>`` is the table URL (the QR at the desk, ``serve``'s output): a browser
opening it becomes a device of the table (cookie) and is sent on to ``/t/<code>``, so the
secret leaves the address bar and the history. Under either URL:

* ``GET report.json`` — the report with the keys of ``reports show --json`` (names masked),
  ``revision`` and ``fields`` (the editable form, what ``PUT`` takes);
* ``PUT report.json`` with ``{"revision": R, "fields": {...}}`` — ``{"ok": true, "revision":
  R2}`` or ``{"ok": false, "conflict": {field: {"mine", "theirs", "kept"}}, "revision": R2}``;
  a save over a field's length, or over what the device may store, is refused with
  ``{"ok": false, "error": {"code", "message", "params"}}`` and nothing of it is written;
* ``POST photo`` — the flip-chart photo (multipart ``photo``), re-encoded without metadata.

A refusal is ``{"ok": false, "error": {"code", "message", "params"}}`` (``desktop.server.
bodies``): 403 ``refused``/``csrf``, 400 ``body_not_json``, 422 for a body of the wrong shape
(``body_invalid``, ``body_missing``, ``body_unknown_key``), 409 ``revision_unknown``; a photo
413 ``photo_too_many_pixels``, 503 ``photo_busy``, else 400 with its ``photo_*`` code.

Cookie-authenticated writes carry the page's CSRF token; secret-in-URL writes need none (a
cross-site page cannot know the secret).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import BaseRoute, Route

from desktop.core.outcomes import group_reports as words
from desktop.core.outcomes import requests
from desktop.core.problems import CodedError
from desktop.core.report_limits import FIELD_LIMITS, FieldTooLong
from desktop.server.app import Venue, answers_json, client_address, venue_of
from desktop.server.bodies import (
    BodyError,
    Bool,
    Int,
    ListOf,
    Obj,
    Scalar,
    Text,
    coded_refusal,
    read_json,
    refusal,
)
from desktop.services import group_report_compile as compiled
from desktop.services import group_report_photo as photos
from desktop.services import group_report_usage as usage
from desktop.services import group_reports as reports
from desktop.services import venue as access
from desktop.services.group_report_usage import StorageRefused

COOKIE = "wd_device"

# What ``PUT report.json`` takes: the editable form's fields (``editable_fields``). Members are
# flags by position; a proposal's and its feasibility's keys are read by the report's service.
_SCALARS = Obj({}, other=Scalar(), max_keys=40)
REPORT_BODY = Obj(
    {
        "revision": Int(),
        "fields": Obj(
            {
                "members": ListOf(Obj({"present": Bool()}, other=Scalar(), max_keys=10), 200),
                "topic": Text(),
                "points_for": Text(),
                "points_against": Text(),
                "proposals": ListOf(Obj({"feasibility": _SCALARS}, other=Scalar()), 100),
                "ranking": Text(),
                "open_questions": Text(),
                "feedback": Text(),
            }
        ),
    },
    required=("revision", "fields"),
)
PHOTO_STATUS = {words.PHOTO_TOO_LARGE: 413, words.PHOTO_TOO_MANY_PIXELS: 413, words.PHOTO_BUSY: 503}


@dataclass(frozen=True)
class Writer:
    """Who is writing: a device (cookie) or a script holding the table URL."""

    table_id: int
    device_id: int | None
    credential: str  # what the CSRF token is bound to
    via_cookie: bool

    @property
    def author(self) -> str:
        return f"現場裝置 #{self.device_id}" if self.device_id else "現場連線"


def _writer(venue: Venue, request: Request) -> Writer | None:
    """Who may write to the table the URL names (None: nobody; blocking, in the thread pool)."""
    code = request.path_params["code"]
    secret = request.path_params.get("secret")
    if secret is not None:
        table_id = access.table_for_secret(venue.db, venue.session.id, code, secret)
        return None if table_id is None else Writer(table_id, None, secret, False)
    token = request.cookies.get(COOKIE, "")
    device = access.device_for_token(venue.db, venue.session.id, token) if token else None
    if device is None or access.table_code(device.number) != code:
        return None
    venue.live.seen(device.id, device.table_id, client_address(request))
    return Writer(device.table_id, device.id, token, True)


def _refused(venue: Venue, request: Request) -> Response:
    refused = CodedError(words.DEVICE_REFUSED, table=request.path_params["code"])
    if answers_json(request.url.path):
        return refusal(refused, 403)
    return venue.refuse(request, str(refused))


def join(request: Request) -> Response:
    """The table URL: this browser becomes a device of the table and goes on to ``/t/<code>``."""
    venue = venue_of(request)
    found = _writer(venue, request)
    if found is None:
        return _refused(venue, request)
    agent = request.headers.get("user-agent", "")
    device, token = access.register_device(
        venue.db, found.table_id, label=_device_label(agent), address=client_address(request)
    )
    venue.live.seen(device.id, device.table_id, client_address(request))
    venue.live.changed(device.table_id)
    code = request.path_params["code"]
    response = RedirectResponse(f"/t/{code}", status_code=303)
    response.set_cookie(
        COOKIE, token, path=f"/t/{code}", httponly=True, samesite="lax", max_age=7 * 24 * 3600
    )
    return response


def page(request: Request) -> Response:
    venue = venue_of(request)
    found = _writer(venue, request)
    if found is None:
        return _refused(venue, request)
    report, revision = compiled.public_report(venue.db, found.table_id)
    return venue.render(
        request,
        "table.html",
        table=report.table,
        revision=revision,
        csrf=venue.csrf_token(found.credential),
        fields=compiled.editable_fields(report.content),
        limits=FIELD_LIMITS,
        photo=report.photo_name,
    )


def get_report(request: Request) -> Response:
    venue = venue_of(request)
    found = _writer(venue, request)
    if found is None:
        return _refused(venue, request)
    return JSONResponse(_report_json(venue, found.table_id))


async def put_report(request: Request) -> Response:
    venue = venue_of(request)
    found = await run_in_threadpool(_writer, venue, request)
    if found is None:
        return _refused(venue, request)
    if found.via_cookie and not venue.check_csrf(request, found.credential):
        return _csrf_refused()
    try:
        body = await read_json(request, REPORT_BODY)
        result = await run_in_threadpool(_save, venue, request, found, body)
    except BodyError as exc:
        return refusal(exc, exc.status)
    except (FieldTooLong, reports.GroupReportError, StorageRefused) as exc:
        return save_refusal(exc)
    if result.changed:
        venue.live.changed(found.table_id)
    # The page's next base: the fields as stored at the revision it gets back.
    answer: dict[str, Any] = {
        "ok": not result.conflicts,
        "revision": result.revision,
        "fields": compiled.editable_fields(compiled.masked(result.content)),
    }
    if result.conflicts:
        answer["conflict"] = {
            key: {"mine": c.mine, "theirs": c.theirs, "kept": c.kept}
            for key, c in result.conflicts.items()
        }
    return JSONResponse(answer)


def _save(
    venue: Venue, request: Request, found: Writer, body: dict[str, Any]
) -> reports.SaveResult:
    return reports.save_report(
        venue.db,
        found.table_id,
        body["fields"],
        base_revision=body["revision"],
        author=found.author,
        device_id=found.device_id if found.device_id is not None else usage.TABLE_URL,
        audit_detail={
            "device": found.device_id,
            "address": client_address(request),
            "base": body["revision"],
        },
    )


async def post_photo(request: Request) -> Response:
    venue = venue_of(request)
    found = await run_in_threadpool(_writer, venue, request)
    if found is None:
        return _refused(venue, request)
    form = await request.form(max_files=1, max_fields=2)
    upload = form.get("photo")
    csrf = form.get("csrf")
    if found.via_cookie and not venue.check_csrf(
        request, found.credential, csrf if isinstance(csrf, str) else ""
    ):
        return _csrf_refused()
    if upload is None or isinstance(upload, str):
        return coded_refusal(words.PHOTO_MISSING, 400)
    data = await upload.read()
    try:
        clean = await run_in_threadpool(photos.reencode_photo, data, "照片")
        await run_in_threadpool(
            photos.attach_photo,
            venue.db,
            found.table_id,
            clean,
            name="白報紙.jpg",
            author=found.author,
            audit_detail={"device": found.device_id, "address": client_address(request)},
        )
    except reports.GroupReportError as exc:
        return refusal(exc, PHOTO_STATUS.get(exc.outcome, 400))
    venue.live.changed(found.table_id)
    return JSONResponse({"ok": True, "bytes": len(clean)})


def routes(venue: Venue) -> list[BaseRoute]:
    """The leader's page and its JSON, under the device's URL and under the table URL."""
    return [
        Route("/t/{code}", page),
        Route("/t/{code}/report.json", get_report, methods=["GET"]),
        Route("/t/{code}/report.json", put_report, methods=["PUT"]),
        Route("/t/{code}/photo", post_photo, methods=["POST"]),
        Route("/t/{code}/{secret}", join),
        Route("/t/{code}/{secret}/report.json", get_report, methods=["GET"]),
        Route("/t/{code}/{secret}/report.json", put_report, methods=["PUT"]),
        Route("/t/{code}/{secret}/photo", post_photo, methods=["POST"]),
    ]


def save_refusal(exc: CodedError) -> JSONResponse:
    """A save refused for its content or size — 429 (with Retry-After) when the device may
    store again in a minute, 507 when it (or its table) stored all it may, 409 for a revision
    the report never had, 422 for a field too long or too many items."""
    status, headers = 422, {}
    if isinstance(exc, StorageRefused):
        status = 429 if exc.per_minute else 507
        if exc.per_minute:
            headers["Retry-After"] = str(usage.WINDOW_SECONDS)
    elif exc.outcome is words.REVISION_UNKNOWN:
        status = 409
    return refusal(exc, status, headers)


def _report_json(venue: Venue, table_id: int) -> dict[str, Any]:
    report, revision = compiled.public_report(venue.db, table_id)
    return {
        **compiled.report_json(report),
        "revision": revision,
        "fields": compiled.editable_fields(report.content),
    }


def _csrf_refused() -> Response:
    return coded_refusal(requests.CSRF, 403)


def _device_label(agent: str) -> str:
    """A word the organiser recognises (iPhone, Android, Windows...), not the whole header."""
    for marker, label in (
        ("iPhone", "iPhone"),
        ("iPad", "iPad"),
        ("Android", "Android"),
        ("Windows", "Windows"),
        ("Macintosh", "Mac"),
        ("CrOS", "Chromebook"),
        ("Linux", "Linux"),
    ):
        if marker in agent:
            return label
    return "瀏覽器"
