"""Closing a questionnaire erases who gave which response from every file on disk.

The live file is handled by ``survey.close_survey`` (``secure_delete``, then
``vote_erasure.checkpoint`` with its busy flag checked). Automatic backups taken while the
questionnaire was open hold every link too: ``scrub_backups`` rewrites each backup of the
database that still holds links of a closed questionnaire — the questionnaire as it closed
(status, shuffled responses, no respondents), then ``VACUUM`` so no freed page keeps the old
rows — through ``atomic_target`` like every backup, as ``vote_erasure`` does for ballots.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.uow import Database
from desktop.core.atomicfile import SQLITE, atomic_target
from desktop.services import backup
from desktop.services.vote_erasure import database_file


@dataclass(frozen=True)
class ClosedSurvey:
    """A closed questionnaire as the live database holds it (raw column values)."""

    id: int
    closed_at: str
    responses: tuple[str, ...]  # the answers as stored (JSON text), in the shuffled order


def closed_surveys(db: Database) -> tuple[ClosedSurvey, ...]:
    with db.engine.connect() as connection:
        surveys = connection.exec_driver_sql(
            "SELECT id, closed_at FROM surveys WHERE status = 'closed'"
        ).all()
        return tuple(
            ClosedSurvey(
                survey[0],
                survey[1],
                tuple(
                    r[0]
                    for r in connection.exec_driver_sql(
                        "SELECT answers FROM survey_responses WHERE survey_id = ? ORDER BY id",
                        (survey[0],),
                    )
                ),
            )
            for survey in surveys
        )


def links_held(file: Path, surveys: tuple[ClosedSurvey, ...]) -> bool:
    """Whether ``file`` still names a respondent of one of ``surveys``."""
    connection = sqlite3.connect(f"{file.resolve().as_uri()}?mode=ro", uri=True)
    try:
        ids = [v.id for v in surveys]
        marks = ",".join("?" * len(ids))
        held = connection.execute(
            f"SELECT 1 FROM survey_respondents WHERE survey_id IN ({marks}) LIMIT 1", ids
        ).fetchone()
        return held is not None
    except sqlite3.DatabaseError:
        return False  # no questionnaire tables (an older backup) or not a database
    finally:
        connection.close()


def _rewrite(file: Path, surveys: tuple[ClosedSurvey, ...]) -> None:
    with atomic_target(file, SQLITE, replace_any=True) as partial:
        source = sqlite3.connect(file)
        target = sqlite3.connect(partial)
        try:
            source.backup(target)
            target.execute("PRAGMA secure_delete=ON")
            with target:
                for v in surveys:
                    target.execute("DELETE FROM survey_respondents WHERE survey_id = ?", (v.id,))
                    target.execute("DELETE FROM survey_responses WHERE survey_id = ?", (v.id,))
                    target.executemany(
                        "INSERT INTO survey_responses (survey_id, answers) VALUES (?, ?)",
                        [(v.id, answers) for answers in v.responses],
                    )
                    target.execute(
                        "UPDATE surveys SET status = 'closed', closed_at = ? WHERE id = ?",
                        (v.closed_at, v.id),
                    )
            target.execute("VACUUM")  # a fresh file: no freed page keeps an old row
        finally:
            target.close()
            source.close()


def scrub_backups(db: Database) -> tuple[Path, ...]:
    """Rewrite this database's automatic backups that still hold respondents of a closed
    questionnaire; returns the files rewritten."""
    database = database_file(db)
    surveys = closed_surveys(db) if database is not None else ()
    if database is None or not surveys:
        return ()
    settings = backup.load_settings()
    folders = dict.fromkeys(Path(f).resolve() for f in (settings.folder, backup.default_folder()))
    rewritten = []
    for folder in folders:
        for file in backup.list_backups(database, folder):
            if links_held(file, surveys):
                _rewrite(file, surveys)
                rewritten.append(file)
    return tuple(rewritten)
