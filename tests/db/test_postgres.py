"""The data layer on PostgreSQL: migrations, the demo event and the summary, as on SQLite.

Runs when WORKSHOP_DESK_TEST_PG_URL names an empty database (the ``pg_db`` fixture in
``tests/conftest.py``; CI starts one in `.ci/run`); in CI a missing server is a failure, not a
skip.
"""

from __future__ import annotations

from db.uow import Database
from desktop.cli.basics import summary_json
from desktop.services.demo import build_demo
from desktop.services.events import list_events


def test_demo_event_on_postgres_matches_sqlite(pg_db: Database, demo_db: Database) -> None:
    build_demo(pg_db)
    on_postgres = summary_json(list_events(pg_db))
    on_sqlite = summary_json(list_events(demo_db))
    assert on_postgres == on_sqlite


def test_confirmed_import_with_admission_applies_on_postgres(pg_db: Database) -> None:
    # The preview is a plan (new people have no ids yet); the confirmed changes must match the
    # ones the commit makes, which reports the ids it wrote.
    from desktop.services.importing import read_registration_file, run_import
    from tests.registration_files import SAMPLE

    build_demo(pg_db)
    table = read_registration_file(SAMPLE)
    taichung = list_events(pg_db)[0].sessions[2]
    from db.models import EventSession

    with pg_db.unit_of_work() as s:
        s.get_one(EventSession, taichung.id).capacity = 70
    preview = run_import(pg_db, table, admit=True, commit=False)
    assert preview.status_changes
    done = run_import(pg_db, table, admit=True, expected=preview.status_changes)
    assert [c.name for c in done.status_changes] == [c.name for c in preview.status_changes]
    assert all(c.registration_id > 0 for c in done.status_changes)


def test_dashboard_figures_on_postgres_match_sqlite(pg_db: Database, demo_db: Database) -> None:
    """The aggregates (window function over the check-in log) give the same day on both."""
    from desktop.services.dashboard import day_figures
    from tests.services.test_dashboard import play_the_morning

    build_demo(pg_db)
    figures = []
    for db in (pg_db, demo_db):
        session_id = play_the_morning(db)
        event_id = next(e.id for e in list_events(db) for s in e.sessions if s.id == session_id)
        figures.append(
            [
                (f.name, f.figures, [(t.number, t.figures) for t in f.tables])
                for f in day_figures(db, event_id)
            ]
        )
    assert figures[0] == figures[1]


def test_closing_a_vote_and_a_questionnaire_on_postgres_keeps_every_answer(
    pg_db: Database,
) -> None:
    """Both closes rewrite their JSON answers through one shuffle (``erasure.unlink_and_shuffle``):
    on PostgreSQL's JSON columns too, every answer comes back and no link stays."""
    from sqlalchemy import select

    from db.models import PbBallot, PbVoter, SurveyRespondent, SurveyResponse
    from desktop.core.vote import Method, Rules
    from desktop.services import survey, vote, vote_ballots
    from scenarios import vote_day

    build_demo(pg_db)
    day = vote_day.prepare(pg_db)
    vote.build_ballot(pg_db, day.session_id)
    vote.open_vote(pg_db, day.session_id, Rules(Method.BASKET, 1_000_000, None), actor="t")
    cast = [[1, 2], [1], [4, 5], [2, 4, 5]]
    for rid, approvals in zip(day.present, cast, strict=False):
        assert vote_ballots.cast_paper_ballot(pg_db, day.session_id, rid, approvals).ok
    survey.open_survey(pg_db, day.session_id, actor="t")
    answers = [{"overall": 1 + i, "gain": f"收穫{i}"} for i in range(3)]
    for rid, answer in zip(day.present, answers, strict=False):
        survey.answer(pg_db, day.session_id, rid, answer)
    vote.close_vote(pg_db, day.session_id)
    survey.close_survey(pg_db, day.session_id)
    with pg_db.read() as s:
        assert s.scalars(select(PbVoter)).all() == []
        assert s.scalars(select(SurveyRespondent)).all() == []
        assert sorted(b.approvals for b in s.scalars(select(PbBallot))) == sorted(cast)
        stored = [r.answers for r in s.scalars(select(SurveyResponse))]
    assert sorted(stored, key=str) == sorted(answers, key=str)
