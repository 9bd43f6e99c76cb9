"""What one registrant can type must not leak an ID, stop the import or break a document:
IDs with notes, control characters, over-long values, a header without rows."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Attendee, AuditEntry, Registration
from db.uow import Database
from desktop.core.importing import ImportFileError
from desktop.services.demo import DEMO_PASSPHRASE, build_demo
from desktop.services.events import list_events
from desktop.services.importing import import_file
from desktop.services.registrations import reveal_ids
from desktop.services.roster import list_roster
from tests.registration_files import write_csv

NOW = dt.datetime(2019, 3, 1, 12, 0)
HEADERS = ["時間戳記", "姓名", "服務機關", "身分證字號", "報名場次", "是否需要公務人員終身學習時數"]


def row(name: str, id_cell: str, minute: int = 0) -> list[str]:
    return [f"2019/02/21 上午 09:{minute:02d}:00", name, "臺北市政府", id_cell, "臺北場次", "是"]


ID_CELLS = {  # name: (what the registrant typed, the mask, the number sealed)
    "甲本人": ("A123456789（本人）", "A12345****", "A123456789"),
    "乙括號": ("F27654329(1)", "F27654****", "F276543291"),
    "丙電話": ("E134567813/0911000001", "E13456****", "E134567813"),
    "丁全形": ("Ｋ２２２ ３３４４５４", "K22233****", "K222334454"),
    "戊錯字": ("A12345678", "**********", "A12345678"),
    "己無號": ("本人不提供", "", None),
}


def write_ids(path: Path) -> Path:
    rows = [row(name, cell, i) for i, (name, (cell, _, _)) in enumerate(ID_CELLS.items())]
    return write_csv(path, rows, HEADERS)


def counts(db: Database) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(
            s.scalar(select(func.count()).select_from(t))  # type: ignore[return-value]
            for t in (Attendee, Registration, AuditEntry)
        )


def test_id_cells_with_notes_import_and_the_mask_comes_from_the_id_alone(
    demo_db: Database, demo_db_path: Path, tmp_path: Path, run_cli
) -> None:
    path = write_ids(tmp_path / "ids.csv")
    preview = import_file(demo_db, path, commit=False, now=NOW)  # was UnicodeEncodeError
    assert preview.imported == len(ID_CELLS) and preview.rejected == ()
    summary = import_file(demo_db, path, now=NOW)
    assert summary.imported == len(ID_CELLS)
    (unreadable,) = [p for p in summary.flagged if p.row == 7 and p.column == "身分證字號"]
    assert "無法辨識" in unreadable.message and "本人" not in unreadable.message
    roster = {r.name: r for r in list_roster(demo_db) if r.name in ID_CELLS}
    assert {n: r.id_mask for n, r in roster.items()} == {n: m for n, (_, m, _) in ID_CELLS.items()}
    event_id = list_events(demo_db)[0].id
    with demo_db.read() as s:
        ids = {a.name: a.id for a in s.scalars(select(Attendee).where(Attendee.name.in_(ID_CELLS)))}
    plain = reveal_ids(demo_db, event_id, DEMO_PASSPHRASE, list(ids.values()))
    assert {n: plain.get(i) for n, i in ids.items()} == {n: v for n, (_, _, v) in ID_CELLS.items()}
    # Nothing beyond A12345 of any of them outside the cipher: roster, audit log, the file.
    code, out, err = run_cli("--db", demo_db_path, "roster")
    connection = sqlite3.connect(demo_db_path)
    dump = "\n".join(connection.iterdump())
    connection.close()
    for text in (out, err, dump):
        for secret in ("3456789", "6543291", "4567813", "0911000001", "2334454", "2345678"):
            assert secret not in text


def test_control_characters_and_terminal_escapes_are_cleaned_at_import(
    demo_db: Database, tmp_path: Path
) -> None:
    path = write_csv(
        tmp_path / "controls.csv",
        [row("李\x07華", ""), row("\x1b[31m王\x1b[0m小明", "", 1), row("陳\u202e大文", "", 2)],
        HEADERS,
    )
    summary = import_file(demo_db, path, now=NOW)
    assert summary.imported == 3 and summary.rejected == ()
    names = {r.name for r in list_roster(demo_db)}
    assert {"李華", "王小明", "陳大文"} <= names


@pytest.mark.parametrize(("column", "limit"), [(1, 60), (2, 100)])
def test_a_value_over_its_limit_refuses_its_row_naming_row_and_column(
    demo_db: Database, tmp_path: Path, column: int, limit: int
) -> None:
    longest, too_long = row("王小明", ""), row("李大同", "", 1)
    longest[column] = "長" * limit
    too_long[column] = "長" * (limit + 1)
    summary = import_file(
        demo_db, write_csv(tmp_path / "long.csv", [longest, too_long], HEADERS), now=NOW
    )
    assert summary.imported == 1
    (problem,) = summary.rejected
    assert (problem.row, problem.column) == (3, HEADERS[column])
    assert f"上限 {limit} 字" in problem.message


def test_a_header_without_rows_is_refused_and_nobody_is_marked_missing(
    demo_db: Database, tmp_path: Path
) -> None:
    import_file(demo_db, write_ids(tmp_path / "ids.csv"), now=NOW)
    before = counts(demo_db)
    with pytest.raises(ImportFileError, match="沒有任何報名資料"):
        import_file(
            demo_db,
            write_csv(tmp_path / "header.csv", [["", "", "", "", "", ""]], HEADERS),
            now=NOW,
        )
    assert counts(demo_db) == before
    assert not any(r.missing_from_import for r in list_roster(demo_db))


def test_postgres_gives_the_same_row_message_for_a_name_over_the_limit(
    pg_db: Database, demo_db: Database, tmp_path: Path
) -> None:
    build_demo(pg_db)
    too_long = row("長" * 150, "")  # longer than the 100-character column
    path = write_csv(tmp_path / "long.csv", [row("王小明", ""), too_long], HEADERS)
    on_postgres = import_file(pg_db, path, now=NOW)
    on_sqlite = import_file(demo_db, path, now=NOW)
    assert on_postgres.as_json() == on_sqlite.as_json()
    assert on_postgres.imported == 1 and on_postgres.rejected[0].column == "姓名"


def test_walk_ins_and_edits_keep_the_import_limits_and_refuse_an_unreadable_id(
    demo_db: Database,
) -> None:
    from desktop.services.registrations import RegistrationError, update_registration
    from desktop.services.walkins import WalkInError, add_walk_in

    session = list_events(demo_db)[0].sessions[0]
    with pytest.raises(WalkInError, match="姓名內容過長"):
        add_walk_in(demo_db, session.id, name="長" * 61, agency="臺北市政府")
    registration_id = list_roster(demo_db)[0].registration_id
    with pytest.raises(RegistrationError, match="服務機關內容過長"):
        update_registration(demo_db, registration_id, agency="機" * 101)
    with pytest.raises(RegistrationError, match="無法辨識"):  # was UnicodeEncodeError
        update_registration(demo_db, registration_id, id_number="本人不提供")
