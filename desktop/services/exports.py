"""Every file the product writes, one call per document: the window and the CLI both call
these and only pick the path and show the result.

Each call gathers the rows (the other services), maps them to the report's own plain rows,
builds the file through ``desktop.core.atomicfile.atomic_target`` (whole or not at all; an
existing file that is not of the same kind is refused unless ``overwrite``: the person
confirmed replacing it) and returns what was written with the glyph check of the text drawn
(``missing_glyphs``). Backups are written by ``services.backup`` through the same helper.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from db.uow import Database
from desktop.core.atomicfile import (
    CSV_UTF8,
    PABULIB,
    PDF,
    PORTAL_CSV,
    XLSX,
    atomic_target,
    write_atomic,
)
from desktop.core.outcomes import exports, files
from desktop.core.problems import CodedError
from desktop.reports.docparts import Progress
from desktop.reports.fonts import GlyphProblem, glyph_record
from desktop.services.documents import (
    DOCUMENTS,
    ORDERS,
    nobody_refusal,
    people_for,
    render,
)
from desktop.services.events import SessionInfo, event_of_session, list_events
from desktop.services.hours import CloseDayError, day_report, sort_people
from desktop.services.portal import PortalResult, portal_file


class ExportError(CodedError):
    """The file cannot be made as asked (a wrong extension, nothing to put in it)."""


@dataclass(frozen=True)
class Written:
    path: Path
    missing_glyphs: tuple[GlyphProblem, ...] = ()
    rows: int = 0  # people, tables or agenda blocks in the file (what the caller reports)

    def as_json(self) -> dict[str, object]:
        return {
            "out": str(self.path),
            "bytes": self.path.stat().st_size if self.path.exists() else 0,
            "missing_glyphs": [g.as_json() for g in self.missing_glyphs],
        }


@dataclass(frozen=True)
class DocumentResult(Written):
    document: str = ""
    serials: tuple[str, ...] = field(default=())

    def as_json(self) -> dict[str, object]:
        return {
            "document": self.document,
            "people": self.rows,
            **super().as_json(),
            "serials": list(self.serials),
        }


def _session(db: Database, session_id: int) -> tuple[str, SessionInfo]:
    """The session and its event's name (the course printed in headings); ``SessionNotFound``
    when there is no such session."""
    event = event_of_session(db, session_id)
    return event.name, next(s for s in event.sessions if s.id == session_id)


def _suffix(target: Path, allowed: tuple[str, ...]) -> str:
    suffix = Path(target).suffix.lower().lstrip(".")
    if suffix not in allowed:
        choices = "/".join(f".{a}" for a in allowed)
        raise ExportError(files.BAD_EXTENSION, name=Path(target).name, choices=choices)
    return suffix


# --- close of day --------------------------------------------------------------------------


def close_of_day(
    db: Database,
    session_id: int,
    document: str,
    target: Path,
    *,
    order: str = "agency",
    progress: Progress | None = None,
    actor: str = "",
    now: dt.datetime | None = None,
    overwrite: bool = False,
) -> DocumentResult:
    """Sign-in sheet, attendance record, certificates or badges of the session. A document
    with nobody in it is refused (``CloseDayError`` saying why), never written empty; a
    cancelled build (``Cancelled`` from ``progress``) writes and issues nothing."""
    if document not in DOCUMENTS:
        raise CloseDayError(exports.UNKNOWN_DOCUMENT, choices="/".join(DOCUMENTS), value=document)
    if order not in ORDERS:
        raise CloseDayError(exports.UNKNOWN_ORDER, choices="/".join(ORDERS), value=order)
    report = day_report(db, session_id)
    people = sort_people(people_for(document, report), order)
    if not people:
        raise nobody_refusal(document, report)
    with atomic_target(target, PDF, replace_any=overwrite) as partial, glyph_record() as drawn:
        serials = render(
            db,
            report,
            document,
            people,
            partial,
            progress=progress,
            actor=actor,
            now=now,
            issue=True,
        )
    return DocumentResult(
        Path(target), drawn.problems(), len(people), document=document, serials=serials
    )


def portal_hours(
    db: Database,
    session_id: int,
    layout: str,
    passphrase: str,
    target: Path,
    *,
    overwrite: bool = False,
) -> PortalResult:
    """The learning-hours portal CSV (Big5) in ``layout``; see ``services.portal``."""
    from desktop.reports.portal_csv import encode

    result = portal_file(db, session_id, layout, passphrase)
    write_atomic(target, encode(result.portal), PORTAL_CSV, replace_any=overwrite)
    return result


# --- the day's other papers ----------------------------------------------------------------


def admitted_list(
    db: Database,
    session_id: int,
    target: Path,
    *,
    mask_names: bool = False,
    actor: str = "",
    now: dt.datetime | None = None,
    overwrite: bool = False,
) -> Written:
    """The admitted list (上課名單, PDF or XLSX by the suffix); the people on it are recorded
    as told."""
    from db.models import Status
    from desktop.reports.admitted_list import write_admitted_list
    from desktop.services.admission import record_told
    from desktop.services.roster import list_roster

    fmt = _suffix(target, ("pdf", "xlsx"))
    rows = [r for r in list_roster(db, session_id) if r.status == Status.ADMITTED]
    event = next(e for e in list_events(db) if any(x.id == session_id for x in e.sessions))
    session = next(x for x in event.sessions if x.id == session_id)
    kind = PDF if fmt == "pdf" else XLSX
    with atomic_target(target, kind, replace_any=overwrite) as partial, glyph_record() as drawn:
        count = write_admitted_list(partial, event, session, rows, mask_names=mask_names, fmt=fmt)
    with db.unit_of_work() as s:
        record_told(
            s,
            session_id,
            [r.registration_id for r in rows],
            "admitted_list",
            actor=actor,
            at=now or dt.datetime.now(),
        )
    return Written(Path(target), drawn.problems(), count)


AGENDA_FORMATS = ("pdf", "csv")


def agenda_report(
    db: Database, session_id: int, target: Path, fmt: str, *, overwrite: bool = False
) -> Written:
    """The agenda's planned against actual times, ``fmt`` ``pdf`` or ``csv`` (UTF-8, BOM)."""
    from desktop.reports.agenda_report import AgendaHeading, write_csv, write_pdf
    from desktop.services.agenda_run import planned_vs_actual

    if fmt not in AGENDA_FORMATS:
        raise ExportError(exports.BAD_FORMAT, value=fmt)
    course, session = _session(db, session_id)
    rows = planned_vs_actual(db, session_id)
    kind = PDF if fmt == "pdf" else CSV_UTF8
    with atomic_target(target, kind, replace_any=overwrite) as partial, glyph_record() as drawn:
        if fmt == "csv":
            write_csv(rows, partial)
        else:
            heading = AgendaHeading(course, session.name, session.date, session.venue)
            write_pdf(rows, heading, partial)
    return Written(Path(target), drawn.problems(), len(rows))


TABLE_SHEETS = ("tents", "rosters", "overview")


def tables_pdf(
    db: Database, session_id: int, kind: str, target: Path, *, overwrite: bool = False
) -> Written:
    """桌牌 (``tents``), 各桌名單 (``rosters``) or 分桌總覽 (``overview``)."""
    from desktop.reports import tables_pdf as sheets
    from desktop.services import seating

    course, session = _session(db, session_id)
    view = seating.show(db, session_id)
    if not view.tables:
        raise ExportError(exports.TABLES_NOT_SET, session=session.name)
    build = {"tents": sheets.tent_cards, "rosters": sheets.rosters, "overview": sheets.overview}
    with atomic_target(target, PDF, replace_any=overwrite) as partial, glyph_record() as drawn:
        build[kind](sheets.sheet_from(session, view, course), partial)
    return Written(Path(target), drawn.problems(), len(view.tables))


@dataclass(frozen=True)
class ReportsWritten(Written):
    format: str = "pdf"
    session: str = ""
    filled: int = 0
    proposals: int = 0
    problems: int = 0  # things to confirm in the reports (a cost that could not be read)


def group_reports(
    db: Database, session_id: int, target: Path, *, overwrite: bool = False
) -> ReportsWritten:
    """The compiled group reports (PDF or XLSX by the suffix), with the vote's results page."""
    from desktop.reports.group_reports_pdf import ReportsBook, TableReport, write_pdf, write_xlsx
    from desktop.services.group_report_compile import compile_session

    fmt = _suffix(target, ("pdf", "xlsx"))
    c = compile_session(db, session_id)
    book = ReportsBook(
        c.event_name,
        c.organiser,
        c.session_name,
        c.date,
        c.venue,
        tuple(
            TableReport(
                r.table.number,
                r.table.name,
                r.table.leader_name,
                r.table.leader_unit,
                r.content,
                r.updated_at,
                r.photo,
                r.photo_name,
                r.problems,
            )
            for r in c.reports
        ),
        c.vote,
    )
    kind = PDF if fmt == "pdf" else XLSX
    with atomic_target(target, kind, replace_any=overwrite) as partial, glyph_record() as drawn:
        (write_pdf if fmt == "pdf" else write_xlsx)(book, partial)
    return ReportsWritten(
        Path(target),
        drawn.problems(),
        len(book.reports),
        format=fmt,
        session=book.session_name,
        filled=book.filled,
        proposals=sum(
            len([p for p in r.content.proposals if not p.is_blank()]) for r in book.reports
        ),
        problems=sum(len(r.problems) for r in book.reports),
    )


def vote_pabulib(
    db: Database, session_id: int, target: Path, *, overwrite: bool = False
) -> Written:
    """The closed vote as a pabulib ``.pb`` file (UTF-8, no byte-order mark)."""
    from desktop.services.vote import export_pb

    _suffix(target, ("pb",))
    text = export_pb(db, session_id)
    return Written(write_atomic(target, text.encode("utf-8"), PABULIB, replace_any=overwrite))


def survey_results(
    db: Database, session_ids: tuple[int, ...], target: Path, *, overwrite: bool = False
) -> Written:
    """The closed questionnaires of ``session_ids`` (one, or the course's side by side) as a
    PDF (charts, means, response rate, comments) or an XLSX (summary, anonymous responses)."""
    from desktop.reports import survey_pdf
    from desktop.services.survey import anonymous_responses, survey_state

    suffix = _suffix(target, ("pdf", "xlsx"))
    course = ""
    sessions = []
    for session_id in session_ids:
        course, info = _session(db, session_id)
        state = survey_state(db, session_id)
        answers = anonymous_responses(db, session_id)  # refuses a questionnaire not closed
        sessions.append(
            survey_pdf.SessionResults(
                info.name, info.date, state.responses, state.checked_in, state.results, answers
            )
        )
    if not sessions:
        raise ExportError(exports.NOTHING_TO_EXPORT)
    kind = PDF if suffix == "pdf" else XLSX
    with atomic_target(target, kind, replace_any=overwrite) as partial, glyph_record() as drawn:
        if suffix == "pdf":
            survey_pdf.write_pdf(partial, course, sessions)
        else:
            survey_pdf.write_xlsx(partial, course, sessions)
    return Written(Path(target), drawn.problems(), sum(s.responses for s in sessions))
