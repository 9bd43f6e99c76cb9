"""A session's group reports compiled (the PDF/XLSX and ``reports show``), and a report as
JSON for ``reports show --json`` and the venue pages' ``report.json`` (names masked there).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from db.models import Event, EventSession, WorkshopTable
from db.uow import Database
from desktop.core import group_report as form
from desktop.core.group_report import (
    ReportContent,
    member_to_json,
    points,
    proposal_to_json,
)
from desktop.core.outcomes import events
from desktop.core.text import mask_name
from desktop.core.vote import VoteState
from desktop.services.group_reports import GroupReportError, TableInfo, load_report, table_info
from desktop.services.vote import reported_state


@dataclass(frozen=True)
class CompiledReport:
    table: TableInfo
    content: ReportContent
    updated_at: dt.datetime | None
    photo: bytes | None
    photo_name: str
    problems: tuple[form.Problem, ...]


@dataclass(frozen=True)
class SessionCompilation:
    event_name: str
    organiser: str
    session_name: str
    date: dt.date
    venue: str
    reports: tuple[CompiledReport, ...]
    vote: VoteState | None = None  # the session's PB vote, for its results page

    @property
    def filled(self) -> int:
        return sum(1 for r in self.reports if not r.content.is_empty())


# --- compilation ------------------------------------------------------------------------------


def compile_session(db: Database, session_id: int) -> SessionCompilation:
    """Every table of the session with its report (empty content where none was written)."""

    with db.read() as s:
        es = s.get(EventSession, session_id)
        if es is None:
            raise GroupReportError(events.NO_SESSION, id=session_id)
        event = s.get_one(Event, es.event_id)
        vote = reported_state(db, session_id)
        tables = s.scalars(
            select(WorkshopTable)
            .options(joinedload(WorkshopTable.report))
            .where(WorkshopTable.session_id == session_id)
            .order_by(WorkshopTable.number)
        ).all()
        reports = []
        for t in tables:
            if t.report is not None:
                content = form.from_json(t.report.content)
                reports.append(
                    CompiledReport(
                        table_info(t),
                        content,
                        t.report.updated_at,
                        t.report.photo,
                        t.report.photo_name,
                        form.problems(content),
                    )
                )
            else:
                reports.append(CompiledReport(table_info(t), ReportContent(), None, None, "", ()))
        return SessionCompilation(
            event.name, event.organiser, es.name, es.date, es.venue, tuple(reports), vote
        )


# --- JSON (reports show --json, the venue pages' report.json) ---------------------------------


def public_report(db: Database, table_id: int) -> tuple[CompiledReport, int]:
    """A table's report as the venue pages may show it (names masked as 王○明, no contact
    details, no registration ids) and the revision a save of it is based on."""
    snap = load_report(db, table_id)
    table = replace(snap.table, leader_name=mask_name(snap.table.leader_name))
    content = masked(snap.content)
    return (
        CompiledReport(
            table, content, snap.updated_at, None, snap.photo_name, form.problems(content)
        ),
        snap.revision,
    )


def masked(content: ReportContent) -> ReportContent:
    """Members as a public page may show them: 王○明, no registration ids."""
    return content.with_members(
        replace(m, name=mask_name(m.name), registration_id=None) for m in content.members
    )


def editable_fields(content: ReportContent) -> dict[str, Any]:
    """The report as the venue page edits it and ``PUT report.json`` takes it back."""
    data = form.to_json(content)
    data.pop("schema")
    data["members"] = [{"name": m.name, "present": m.present} for m in content.members]
    # Proposals keep ``cost`` (read from ``cost_text``) for the page to show, and the sentence
    # of a cost it cannot read (``cost_problem``, "" when it reads); neither is taken back.
    for shown, proposal in zip(data["proposals"], content.proposals, strict=True):
        shown["cost_problem"] = _cost_problem(proposal.cost_text)
    return data


def _cost_problem(text: str) -> str:
    try:
        form.parse_cost(text)
    except form.CostError as exc:
        return str(exc)
    return ""


def report_json(r: CompiledReport) -> dict[str, Any]:
    c = r.content
    return {
        "number": r.table.number,
        "name": r.table.name,
        "leader": r.table.leader_name,
        "leader_unit": r.table.leader_unit,
        "filled": not c.is_empty(),
        "updated_at": r.updated_at.isoformat(timespec="seconds") if r.updated_at else None,
        "members": [member_to_json(m) for m in c.members],
        "members_present": [m.name for m in c.present_members()],
        "topic": c.topic,
        "points_for": list(points(c.points_for)),
        "points_against": list(points(c.points_against)),
        "proposals": [proposal_to_json(p) for p in c.proposals if not p.is_blank()],
        "total_cost": c.total_cost(),
        "ranking": c.ranking,
        "open_questions": list(points(c.open_questions)),
        "feedback": c.feedback,
        "photo": r.photo_name or None,
        "problems": [{"where": p.where, "code": p.code, "message": p.message} for p in r.problems],
    }
