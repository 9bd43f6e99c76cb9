from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from pypdf import PdfReader

from desktop.services import agenda_run as service
from desktop.services.events import find_session


def test_agenda_json_lists_blocks_with_planned_actual_and_credit(
    run_cli, demo_db_path: Path, tmp_path: Path
) -> None:
    from desktop.app import open_database

    db = open_database(demo_db_path)
    sid = find_session(db, "臺北").id
    service.toggle(db, sid, dt.datetime(2019, 3, 15, 8, 30))
    service.next_block(db, sid, dt.datetime(2019, 3, 15, 9, 2))
    db.dispose()

    code, out, err = run_cli(
        "--db",
        demo_db_path,
        "agenda",
        "--session",
        "台北",
        "--json",
        "--csv",
        tmp_path / "a.csv",
        "--pdf",
        tmp_path / "a.pdf",
    )
    assert code == 0, err
    data = json.loads(out)
    blocks = data["blocks"]
    assert len(blocks) == 11
    first, second = blocks[0], blocks[1]
    assert first["title"] == "報到" and first["kind"] == "check_in"
    assert first["counts_for_hours"] is False and second["counts_for_hours"] is True
    assert first["planned_start"] == "2019-03-15T08:30:00"
    assert first["actual_start"] == "2019-03-15T08:30:00"
    assert first["actual_end"] == "2019-03-15T09:02:00"
    assert second["actual_start"] == "2019-03-15T09:02:00" and second["actual_end"] is None
    assert second["speaker"] == "王國政 高級分析師"
    assert data["run"]["status"] == "running" and data["run"]["current_block_id"] == second["id"]
    assert (tmp_path / "a.csv").read_text(encoding="utf-8-sig").startswith("序號,議程")
    assert "主辦單位開場致詞" in PdfReader(tmp_path / "a.pdf").pages[0].extract_text()


def test_agenda_unknown_session_is_a_clear_error(run_cli, demo_db_path: Path) -> None:
    code, out, err = run_cli("--db", demo_db_path, "agenda", "--session", "高雄", "--json")
    assert code == 2 and "找不到場次「高雄」" in err
    refusal = json.loads(out)
    assert refusal["ok"] is False and refusal["error"]["code"] == "session_not_found"
    assert refusal["error"]["params"]["name"] == "高雄" and "臺北" in refusal["error"]["message"]


def test_report_to_a_folder_is_a_one_line_error(run_cli, demo_db_path, tmp_path) -> None:
    code, _, err = run_cli("--db", demo_db_path, "agenda", "--session", "臺北", "--csv", tmp_path)
    assert code == 2 and "資料夾" in err and err.count("\n") == 1
