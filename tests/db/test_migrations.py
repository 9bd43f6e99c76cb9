"""Models and migrations agree, there is one head, and a failed upgrade leaves the file as it
was."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from db import migrate
from db.engine import make_engine
from db.models import Base
from desktop.app import open_database


def test_there_is_exactly_one_head_and_start_up_reads_it_without_alembic() -> None:
    heads = ScriptDirectory.from_config(migrate.alembic_config()).get_heads()
    assert heads == [migrate.head_revision()]


def test_models_match_migrations(empty_db_path: Path) -> None:
    engine = make_engine(f"sqlite:///{empty_db_path}")
    with engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), Base.metadata)
    engine.dispose()
    assert diff == []


def test_new_database_is_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    db = open_database(tmp_path / "new.sqlite3")
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    db.dispose()


def test_failed_upgrade_restores_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "old.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE precious (v TEXT)")
        connection.execute("INSERT INTO precious VALUES ('keep me')")
    connection.close()

    def broken_upgrade(config, revision):
        connection = config.attributes["connection"]
        connection.exec_driver_sql("DELETE FROM precious")
        raise RuntimeError("simulated migration failure")

    from alembic import command

    monkeypatch.setattr(command, "upgrade", broken_upgrade)
    with pytest.raises(migrate.MigrationError) as failure:
        open_database(path)
    assert failure.value.backup is not None and failure.value.backup.exists()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT v FROM precious").fetchall() == [("keep me",)]
    connection.close()


def test_certificate_image_paths_move_into_the_database(demo_db_path: Path, tmp_path: Path) -> None:
    """0007: a seal whose stored path still opens is read into ``events.seal_image``; the path
    keys leave the settings either way."""
    import json

    from alembic import command
    from PIL import Image

    seal = tmp_path / "seal.png"
    Image.new("RGB", (100, 100), "red").save(seal)
    engine = make_engine(f"sqlite:///{demo_db_path}")
    with migrate.migration_connection(engine) as (config, connection):
        command.downgrade(config, "0001")
        connection.exec_driver_sql(
            "UPDATE events SET certificate_settings = ?",
            (
                json.dumps(
                    {"seal_image": str(seal), "signature_image": "gone.png", "signer": "主任委員"}
                ),
            ),
        )
    with migrate.migration_connection(engine) as (config, connection):
        command.upgrade(config, "head")
        row = connection.exec_driver_sql(
            "SELECT seal_image, signature_image, certificate_settings FROM events"
        ).one()
    engine.dispose()
    assert row[0] == seal.read_bytes() and row[1] is None
    assert json.loads(row[2]) == {"signer": "主任委員"}


def test_0003_scrubs_masks_that_show_more_than_a12345(demo_db_path: Path) -> None:
    """Masks made from a whole ID cell (``E134567813/0``, ``F27654329*``) leaked an ID in clear
    into the database, backups and the roster: the migration leaves only A12345**** or no
    characters at all, in the attendees and in the audit log's copies."""
    engine = make_engine(f"sqlite:///{demo_db_path}")
    with migrate.migration_connection(engine) as (config, _connection):
        command.downgrade(config, "0001")  # back to the schema before 0003
    engine.dispose()
    with sqlite3.connect(demo_db_path) as connection:
        ids = [
            r[0]
            for r in connection.execute(
                "SELECT id FROM attendees WHERE id_mask <> '' ORDER BY id LIMIT 3"
            )
        ]
        for attendee_id, mask in zip(
            ids, ("E134567813/0", "F27654329***", "F13110****"), strict=True
        ):
            connection.execute("UPDATE attendees SET id_mask = ? WHERE id = ?", (mask, attendee_id))
        connection.execute(
            "INSERT INTO audit_log (at, actor, action, entity, entity_id, detail) VALUES "
            "('2026-11-29 09:00:00', 'x', 'id.reveal', 'attendee', ?, ?)",
            (ids[0], '{"mask": "E134567813/0"}'),
        )
    connection.close()
    engine = make_engine(f"sqlite:///{demo_db_path}")
    migrate.upgrade_to_head(engine, demo_db_path)
    engine.dispose()
    with sqlite3.connect(demo_db_path) as connection:
        masks = [
            connection.execute("SELECT id_mask FROM attendees WHERE id = ?", (i,)).fetchone()[0]
            for i in ids
        ]
        (detail,) = connection.execute(
            "SELECT detail FROM audit_log WHERE action = 'id.reveal'"
        ).fetchone()
        dump = "\n".join(connection.iterdump())
    connection.close()
    assert masks == ["**********", "**********", "F13110****"]
    assert '"mask": "**********"' in detail
    assert "E134567813" not in dump and "F27654329" not in dump


def test_down_and_up_again_keeps_every_row(demo_db_path: Path) -> None:
    """A batch migration rebuilds a table and drops the old one; with foreign keys on, that DROP
    cascaded into every child row (downgrading 0007 deleted all sessions and attendees)."""

    def counts() -> dict[str, int]:
        with sqlite3.connect(demo_db_path) as connection:
            names = [
                r[0]
                for r in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN "
                    "('events', 'sessions', 'attendees', 'registrations', 'agenda_blocks')"
                )
            ]
            found = {
                n: connection.execute(f"SELECT count(*) FROM {n}").fetchone()[0] for n in names
            }
        connection.close()
        return found

    before = counts()
    engine = make_engine(f"sqlite:///{demo_db_path}")
    with migrate.migration_connection(engine) as (config, _connection):
        command.downgrade(config, "0001")
    assert counts() == before
    migrate.upgrade_to_head(engine, demo_db_path)
    with engine.connect() as connection:  # the pooled connection has its foreign keys back
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    engine.dispose()
    assert counts() == before and all(before.values())


def test_0009_votes_get_rounds_and_voters_desk_only(demo_db_path: Path) -> None:
    """0009: an existing vote is round 1 and its voters are not desk-only; a session may then
    hold a second round; going back keeps each session's latest round only."""
    engine = make_engine(f"sqlite:///{demo_db_path}")
    with migrate.migration_connection(engine) as (config, connection):
        command.downgrade(config, "0008")
        session_id = connection.exec_driver_sql("SELECT id FROM sessions LIMIT 1").scalar()
        registration = connection.exec_driver_sql("SELECT id FROM registrations LIMIT 1").scalar()
        connection.exec_driver_sql(
            "INSERT INTO pb_votes (id, session_id, status, method, budget) VALUES"
            " (1, ?, 'open', 'approval', 1000)",
            (session_id,),
        )
        connection.exec_driver_sql(
            "INSERT INTO pb_voters (vote_id, registration_id, revision, failed_attempts)"
            " VALUES (1, ?, 0, 2)",
            (registration,),
        )
    with migrate.migration_connection(engine) as (config, connection):
        command.upgrade(config, "0009")
        assert connection.exec_driver_sql("SELECT round FROM pb_votes").all() == [(1,)]
        assert connection.exec_driver_sql(
            "SELECT failed_attempts, desk_only FROM pb_voters"
        ).all() == [(2, 0)]
        connection.exec_driver_sql(
            "INSERT INTO pb_votes (id, session_id, round, status, method, budget) VALUES"
            " (2, ?, 2, 'draft', 'approval', 1000)",
            (session_id,),
        )
    with migrate.migration_connection(engine) as (config, connection):
        command.downgrade(config, "0008")
        assert connection.exec_driver_sql("SELECT id FROM pb_votes").all() == [(2,)]
    engine.dispose()


def test_0013_drops_the_vote_pass_columns_and_keeps_an_open_vote(demo_db_path: Path) -> None:
    """0013: ``pb_votes.voter_secret`` and ``pb_voters.failed_attempts`` go; an open vote in the
    file (ballots, a replaced one, a voter the desk took off the web) keeps every row and can
    still be voted on and closed. Going back gives the open vote a secret again."""
    from desktop.core.vote import Method, Rules
    from desktop.services import vote as vote_svc
    from desktop.services import vote_ballots
    from scenarios import vote_day

    db = open_database(demo_db_path)
    day = vote_day.prepare(db)
    vote_svc.open_vote(db, day.session_id, Rules(Method.APPROVAL, 1_000_000), actor="t")
    for i, rid in enumerate(day.present[:4]):
        assert vote_ballots.cast_web_ballot(db, day.session_id, rid, 0, [1 + i]).ok
    assert vote_ballots.cast_web_ballot(db, day.session_id, day.present[0], 1, [5]).ok
    vote_ballots.revoke_web_pass(db, day.session_id, day.present[5], actor="t")
    db.dispose()

    def columns(connection: Connection, table: str) -> list[str]:
        return [r[1] for r in connection.exec_driver_sql(f"PRAGMA table_info({table})")]

    def kept(connection: Connection) -> dict[str, list[tuple[object, ...]]]:
        return {
            "pb_votes": connection.exec_driver_sql(
                "SELECT id, session_id, round, status, method, budget, max_approvals,"
                " opened_at, closed_at FROM pb_votes ORDER BY id"
            ).all(),
            "pb_projects": connection.exec_driver_sql(
                "SELECT * FROM pb_projects ORDER BY id"
            ).all(),
            "pb_ballots": connection.exec_driver_sql("SELECT * FROM pb_ballots ORDER BY id").all(),
            "pb_voters": connection.exec_driver_sql(
                "SELECT id, vote_id, registration_id, ballot_id, revision, desk_only"
                " FROM pb_voters ORDER BY id"
            ).all(),
        }

    engine = make_engine(f"sqlite:///{demo_db_path}")
    with migrate.migration_connection(engine) as (config, connection):
        command.downgrade(config, "0012")
        assert "voter_secret" in columns(connection, "pb_votes")
        assert "failed_attempts" in columns(connection, "pb_voters")
        (secret,) = connection.exec_driver_sql("SELECT voter_secret FROM pb_votes").one()
        assert isinstance(secret, bytes) and len(secret) == 32  # as opening it under 0012 did
        connection.exec_driver_sql("UPDATE pb_voters SET failed_attempts = 2")
        before = kept(connection)
    assert len(before["pb_ballots"]) == 4 and len(before["pb_voters"]) == 5
    with migrate.migration_connection(engine) as (config, connection):
        command.upgrade(config, "0013")
        assert "voter_secret" not in columns(connection, "pb_votes")
        assert "failed_attempts" not in columns(connection, "pb_voters")
        assert kept(connection) == before
    engine.dispose()

    db = open_database(demo_db_path)
    assert vote_ballots.cast_web_ballot(db, day.session_id, day.present[6], 0, [2]).ok
    state = vote_svc.close_vote(db, day.session_id, actor="t")
    db.dispose()
    assert state.status == "closed" and state.ballots == 5
    assert state.result is not None and dict(state.result.votes) == {1: 0, 2: 2, 3: 1, 4: 1, 5: 1}
