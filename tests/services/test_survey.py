"""The questionnaire's use cases: template, open, answers (one per checked-in person,
replaceable), close; and anonymity: after close no file holds a person↔response link — not
the database file, not its write-ahead log, not a backup taken while it was open. Links are
searched as SQLite stores a ``survey_respondents`` row: the record bytes (header of serial
types, then the values) in the raw files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import AuditEntry, SurveyRespondent, SurveyResponse
from db.uow import Database
from desktop.core.survey import Item, Kind, SurveyError
from desktop.services import backup
from desktop.services import survey as svc
from desktop.services.backup import validate_backup
from scenarios import vote_day
from tests.sqlite_records import found, stored_records


@pytest.fixture
def day(demo_db: Database) -> vote_day.VoteDay:
    return vote_day.prepare(demo_db)


def links(path: Path) -> list[bytes]:
    """The stored records of the respondents."""
    return stored_records(
        path, "SELECT id, survey_id, registration_id, response_id FROM survey_respondents"
    )


def _answered(db: Database, day: vote_day.VoteDay, n: int = 10) -> None:
    svc.open_survey(db, day.session_id, actor="t")
    for i, rid in enumerate(day.present[:n]):
        svc.answer(db, day.session_id, rid, {"overall": 1 + i % 5, "gain": f"收穫{i}"})


def test_the_standard_template_takes_the_lecturers_from_the_agenda(
    demo_db: Database, day: vote_day.VoteDay
) -> None:
    state = svc.survey_state(demo_db, day.session_id)
    assert state.status == "none" and state.checked_in == 12
    speakers = [i.text for i in state.items if i.id.startswith("speaker")]
    assert speakers == ["講座：施聖文教授", "講座：政府機關", "講座：參與平臺團隊"]


def test_template_is_editable_only_before_opening(demo_db: Database, day: vote_day.VoteDay) -> None:
    items = (Item("overall", "整體滿意度", Kind.SCALE), Item("more", "還想學什麼", Kind.TEXT))
    state = svc.set_template(demo_db, day.session_id, items, actor="t")
    assert state.status == "draft" and state.items == items
    assert svc.open_survey(demo_db, day.session_id).items == items
    with pytest.raises(SurveyError) as refused:
        svc.set_template(demo_db, day.session_id, items[:1])
    assert refused.value.code == "survey_not_draft"


def test_one_response_per_checked_in_person_replaceable_until_close(
    demo_db: Database, day: vote_day.VoteDay
) -> None:
    with pytest.raises(SurveyError) as not_open:
        svc.answer(demo_db, day.session_id, day.present[0], {"overall": 5})
    assert not_open.value.code == "survey_not_open"
    svc.open_survey(demo_db, day.session_id)
    assert not svc.answer(demo_db, day.session_id, day.present[0], {"overall": 5}).replaced
    assert svc.answer(demo_db, day.session_id, day.present[0], {"overall": 2}).replaced
    with pytest.raises(SurveyError) as absent:
        svc.answer(demo_db, day.session_id, day.absent[0], {"overall": 5})
    assert absent.value.code == "not_checked_in"
    assert svc.has_answered(demo_db, day.session_id, day.present[0]) == ("open", True)
    assert svc.has_answered(demo_db, day.session_id, day.present[1]) == ("open", False)
    state = svc.survey_state(demo_db, day.session_id)
    assert state.responses == 1 and state.results == ()  # no counts while open
    state = svc.close_survey(demo_db, day.session_id)
    overall = next(r for r in state.results if r.item.id == "overall")
    assert overall.counts == (0, 0, 0, 1, 0) and overall.mean == 2.0
    with pytest.raises(SurveyError) as closed:
        svc.answer(demo_db, day.session_id, day.present[1], {"overall": 5})
    assert closed.value.code == "survey_not_open"


def test_close_erases_the_links_from_the_file_and_the_log(
    demo_db: Database, demo_db_path: Path, day: vote_day.VoteDay
) -> None:
    _answered(demo_db, day)
    wanted = links(demo_db_path)
    files = [demo_db_path, Path(f"{demo_db_path}-wal")]
    assert len(wanted) == 10 and found(files, wanted) == 10
    reader = sqlite3.connect(demo_db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM survey_responses").fetchall()
    with pytest.raises(SurveyError) as refused:
        svc.close_survey(demo_db, day.session_id, actor="t")
    assert refused.value.code == "survey_erase_blocked"
    assert svc.survey_state(demo_db, day.session_id).status == "open"
    reader.rollback()
    reader.close()
    state = svc.close_survey(demo_db, day.session_id, actor="t")
    assert state.status == "closed" and state.responses == 10
    assert found(files, wanted) == 0
    with demo_db.read() as s:
        assert s.scalars(select(SurveyRespondent)).all() == []
        stored = sorted(r.answers["gain"] for r in s.scalars(select(SurveyResponse)))
        audit = [a.detail for a in s.scalars(select(AuditEntry)) if "survey" in a.action]
    assert stored == sorted(f"收穫{i}" for i in range(10))
    assert all(str(rid) not in str(d) for d in audit for rid in day.present)


def test_backups_taken_while_open_lose_the_links_at_close(
    demo_db: Database, demo_db_path: Path, day: vote_day.VoteDay
) -> None:
    _answered(demo_db, day)
    taken = backup.auto_backup(demo_db_path).path
    wanted = links(taken)
    assert len(wanted) == 10 and found([taken], wanted) == 10
    svc.close_survey(demo_db, day.session_id, actor="t")
    assert found([taken], wanted) == 0
    validate_backup(taken)
    with sqlite3.connect(taken) as connection:
        assert connection.execute("SELECT count(*) FROM survey_respondents").fetchone() == (0,)
        assert connection.execute("SELECT status FROM surveys").fetchall() == [("closed",)]
        assert connection.execute("SELECT count(*) FROM survey_responses").fetchone() == (10,)
    connection.close()
