"""The course questionnaire (課後問卷): the organiser's template, open and close, the
attendees' answers (phones and paper forms typed at the desk), and the results.

Anonymity, as the vote's ballots (``desktop.services.vote``). A ``SurveyResponse`` holds only
the answers: no person, no time. While the questionnaire is open, ``SurveyRespondent`` links a
registration to its response — the one link needed so that answering again replaces the
earlier response. Closing deletes every link with ``secure_delete`` on and re-writes the
responses in a random order; on SQLite the write-ahead log must then be emptied into the file
(``erasure.checkpoint``, its busy flag checked) and the automatic backups holding links are
rewritten (``erasure``). Counts are shown only after the close: a count moving while
the desk watches who answered would tell one person's answer.
"""

from __future__ import annotations

import datetime as dt
import random
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ScalarResult, func, select
from sqlalchemy.orm import Session

from db.models import (
    AgendaBlock,
    BlockKind,
    CheckAction,
    CheckIn,
    EventSession,
    Registration,
    Survey,
    SurveyRespondent,
)
from db.models import SurveyResponse as ResponseRow
from db.uow import Database
from desktop.core import survey as rules
from desktop.core.outcomes import events
from desktop.core.outcomes import survey as survey_outcomes
from desktop.core.status import arrived
from desktop.core.survey import Item, ItemResult, SurveyError, SurveyStatus
from desktop.services import audit, erasure
from desktop.services.arrivals import arrived_ids

# Two threads of the venue server that both read then write would collide on SQLite (deferred
# transactions): answering holds this lock, and so does closing, so no response lands between
# the close and the shuffle.
ANSWER_LOCK = threading.Lock()


@dataclass(frozen=True)
class SurveyState:
    session_id: int
    session_name: str
    status: str  # "none" or SurveyStatus
    items: tuple[Item, ...]  # the stored template, or the standard one when none is stored
    responses: int
    checked_in: int
    results: tuple[ItemResult, ...]  # after close only (counts would tell answers while open)
    opened_at: dt.datetime | None
    closed_at: dt.datetime | None

    @property
    def closed(self) -> bool:
        return self.status == SurveyStatus.CLOSED

    @property
    def response_rate(self) -> float | None:
        return self.responses / self.checked_in if self.checked_in else None


@dataclass(frozen=True)
class Answered:
    replaced: bool  # an earlier response of the same person was replaced


def _find(s: Session, session_id: int) -> Survey | None:
    return s.scalar(select(Survey).where(Survey.session_id == session_id))


def _session(s: Session, session_id: int) -> EventSession:
    es = s.get(EventSession, session_id)
    if es is None:
        raise SurveyError(events.NO_SESSION, id=session_id)
    return es


# Blocks whose speaker teaches (講座): the host's opening and the tables' own work are not rated.
LECTURE_KINDS = (BlockKind.TALK, BlockKind.CASE_SHARING, BlockKind.DEMO)


def _standard(s: Session, session_id: int) -> tuple[Item, ...]:
    speakers = s.scalars(
        select(AgendaBlock.speaker)
        .where(AgendaBlock.session_id == session_id, AgendaBlock.kind.in_(LECTURE_KINDS))
        .order_by(AgendaBlock.position, AgendaBlock.planned_start)
    ).all()
    return rules.standard_template(speakers)


def _items(s: Session, session_id: int, survey: Survey | None) -> tuple[Item, ...]:
    if survey is None:
        return _standard(s, session_id)
    return rules.parse_template(survey.items)


def _answers(s: Session, survey_id: int) -> list[dict[str, Any]]:
    # A JSON column: SQLAlchemy's select() overloads cannot name its type.
    stored: ScalarResult[dict[str, Any]] = s.scalars(
        select(ResponseRow.answers)
        .where(ResponseRow.survey_id == survey_id)
        .order_by(ResponseRow.id)
    )
    return [dict(a) for a in stored]


def _state(s: Session, session_id: int) -> SurveyState:
    es = _session(s, session_id)
    survey = _find(s, session_id)
    items = _items(s, session_id, survey)
    checked_in = len(arrived_ids(s, session_id))
    if survey is None:
        return SurveyState(session_id, es.name, "none", items, 0, checked_in, (), None, None)
    closed = survey.status == SurveyStatus.CLOSED
    answers = _answers(s, survey.id) if closed else []
    responses = (
        len(answers)
        if closed
        else s.scalar(
            select(func.count()).select_from(ResponseRow).where(ResponseRow.survey_id == survey.id)
        )
        or 0
    )
    return SurveyState(
        session_id,
        es.name,
        survey.status,
        items,
        responses,
        checked_in,
        rules.tally(items, answers) if closed else (),
        survey.opened_at,
        survey.closed_at,
    )


def survey_state(db: Database, session_id: int) -> SurveyState:
    with db.read() as s:
        return _state(s, session_id)


def set_template(
    db: Database, session_id: int, items: Iterable[Item], *, actor: str = ""
) -> SurveyState:
    """Store the organiser's template (draft only: not once answers may have been given)."""
    items = tuple(items)
    rules.parse_template([i.as_json() for i in items])  # the same checks as a file's
    with db.unit_of_work() as s:
        _session(s, session_id)
        survey = _find(s, session_id)
        if survey is None:
            survey = Survey(session_id=session_id, status=SurveyStatus.DRAFT)
            s.add(survey)
        elif survey.status != SurveyStatus.DRAFT:
            raise SurveyError(survey_outcomes.NOT_DRAFT)
        survey.items = [i.as_json() for i in items]
        s.flush()
        audit.record(
            s,
            "survey.template",
            actor=actor,
            entity="survey",
            entity_id=survey.id,
            items=len(items),
        )
        s.flush()
        return _state(s, session_id)


def open_survey(
    db: Database, session_id: int, *, actor: str = "", now: dt.datetime | None = None
) -> SurveyState:
    """Open for answers (with the standard template when the organiser stored none)."""
    with db.unit_of_work() as s:
        _session(s, session_id)
        survey = _find(s, session_id)
        if survey is None:
            survey = Survey(
                session_id=session_id,
                status=SurveyStatus.DRAFT,
                items=[i.as_json() for i in _standard(s, session_id)],
            )
            s.add(survey)
        elif survey.status == SurveyStatus.OPEN:
            raise SurveyError(survey_outcomes.ALREADY_OPEN)
        elif survey.status == SurveyStatus.CLOSED:
            raise SurveyError(survey_outcomes.CLOSED)
        survey.status = SurveyStatus.OPEN
        survey.opened_at = now or dt.datetime.now()
        s.flush()
        audit.record(
            s, "survey.open", actor=actor, entity="survey", entity_id=survey.id, at=survey.opened_at
        )
        s.flush()
        return _state(s, session_id)


def answer(
    db: Database,
    session_id: int,
    registration_id: int,
    answers: Mapping[str, object],
    *,
    paper_by: str = "",
) -> Answered:
    """One checked-in attendee's response (a second one replaces the first). ``paper_by``: the
    desk that typed a paper form (audited without whose form it was)."""
    with ANSWER_LOCK, db.unit_of_work() as s:
        survey = _find(s, session_id)
        if survey is None or survey.status != SurveyStatus.OPEN:
            raise SurveyError(survey_outcomes.NOT_OPEN)
        checked = rules.check_answers(rules.parse_template(survey.items), dict(answers))
        registration = s.get(Registration, registration_id)
        if registration is None or registration.session_id != session_id:
            raise SurveyError(survey_outcomes.NO_PERSON, id=registration_id)
        if not _has_arrived(s, registration_id):
            raise SurveyError(survey_outcomes.NOT_CHECKED_IN)
        respondent = s.scalar(
            select(SurveyRespondent).where(
                SurveyRespondent.survey_id == survey.id,
                SurveyRespondent.registration_id == registration_id,
            )
        )
        replaced = respondent is not None and respondent.response_id is not None
        previous = (
            s.get(ResponseRow, respondent.response_id)
            if respondent is not None and respondent.response_id is not None
            else None
        )
        if previous is not None:
            previous.answers = checked
        else:
            response = ResponseRow(survey_id=survey.id, answers=checked)
            s.add(response)
            s.flush()
            if respondent is None:
                s.add(
                    SurveyRespondent(
                        survey_id=survey.id,
                        registration_id=registration_id,
                        response_id=response.id,
                    )
                )
            else:
                respondent.response_id = response.id
        if paper_by:
            audit.record(s, "survey.paper", actor=paper_by, entity="survey", entity_id=survey.id)
        return Answered(replaced)


def _has_arrived(s: Session, registration_id: int) -> bool:
    """This one person's log only: the session's whole log grows all day as the desk scans."""
    rows = s.execute(
        select(CheckIn.id, CheckIn.action, CheckIn.at, CheckIn.voids_id).where(
            CheckIn.registration_id == registration_id, CheckIn.action != CheckAction.REFUSED
        )
    ).all()
    return registration_id in arrived(
        (registration_id, (row_id, action, at, voids)) for row_id, action, at, voids in rows
    )


def has_answered(db: Database, session_id: int, registration_id: int) -> tuple[str, bool]:
    """(status, answered) for the room page: "none" until the organiser stores or opens one."""
    with db.read() as s:
        survey = _find(s, session_id)
        if survey is None:
            return "none", False
        found = s.scalar(
            select(SurveyRespondent.id).where(
                SurveyRespondent.survey_id == survey.id,
                SurveyRespondent.registration_id == registration_id,
            )
        )
        return survey.status, found is not None


def close_survey(
    db: Database, session_id: int, *, actor: str = "", now: dt.datetime | None = None
) -> SurveyState:
    """Close: no more answers; erase the person↔response link; shuffle the responses.

    On SQLite the close is refused while another connection keeps the write-ahead log from
    being emptied (``survey_erase_blocked``: it stays open, nothing changed); if a reader
    arrives between the close and its checkpoint, the questionnaire is closed and
    ``survey_erase_unfinished`` says the file is not clean yet — closing again finishes."""
    with db.read() as s:
        current = _find(s, session_id)
        finishing = current is not None and current.status == SurveyStatus.CLOSED
    erasure.close_erasing(
        db,
        erasure.SURVEY,
        finishing=finishing,
        close=lambda: _close(db, session_id, actor, now),
        blocked=lambda: SurveyError(survey_outcomes.ERASE_BLOCKED),
        unfinished=lambda: SurveyError(survey_outcomes.ERASE_UNFINISHED),
    )
    return survey_state(db, session_id)


def _close(db: Database, session_id: int, actor: str, now: dt.datetime | None) -> None:
    with ANSWER_LOCK, db.unit_of_work() as s:
        survey = _find(s, session_id)
        if survey is None or survey.status != SurveyStatus.OPEN:
            raise SurveyError(survey_outcomes.NOT_OPEN)
        survey.status = SurveyStatus.CLOSED
        survey.closed_at = now or dt.datetime.now()
        responses = erasure.unlink_and_shuffle(s, erasure.SURVEY, survey.id)
        audit.record(
            s,
            "survey.close",
            actor=actor,
            entity="survey",
            entity_id=survey.id,
            at=survey.closed_at,
            responses=responses,
        )


def anonymous_responses(db: Database, session_id: int) -> tuple[dict[str, Any], ...]:
    """The closed questionnaire's responses (answers only, in the order shuffled at close)."""
    with db.read() as s:
        survey = _find(s, session_id)
        if survey is None or survey.status != SurveyStatus.CLOSED:
            raise SurveyError(survey_outcomes.NOT_CLOSED)
        return tuple(_answers(s, survey.id))


def comments(state: SurveyState) -> dict[str, list[str]]:
    """The open items' answers after close, each list in a fresh random order."""
    found: dict[str, list[str]] = {}
    for result in state.results:
        if result.item.kind == rules.Kind.TEXT:
            texts = list(result.texts)
            random.SystemRandom().shuffle(texts)
            found[result.item.id] = texts
    return found
