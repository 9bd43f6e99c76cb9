"""Hostile and broken files through the real import command: each gets one clear line, and the
database is exactly as it was (every table's row count, and the audit log, unchanged)."""

from __future__ import annotations

import json
import os
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db.models import Base


def table_counts(path: Path) -> dict[str, int]:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        counts = {
            name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            for name in Base.metadata.tables
        }
        # The organiser's unlock before the import is audited whatever the file holds.
        counts["audit_log"] -= connection.execute(
            text("SELECT count(*) FROM audit_log WHERE action = 'role.unlock'")).scalar_one()
    engine.dispose()
    return counts


def zip_bomb(path: Path) -> None:
    """A real OOXML skeleton whose worksheet inflates 50 MB of zeros from ~50 KB."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (50 * 1024 * 1024))


def huge_csv(path: Path) -> None:
    row = "2019/02/21 上午 09:00:00,王小明,臺北市政府,民政局,科員\n".encode()
    with open(path, "wb") as handle:
        handle.write("時間戳記,姓名,服務機關,單位,職稱\n".encode())
        handle.write(row * (21 * 1024 * 1024 // len(row) + 1))


HOSTILE = {
    "bomb.xlsx": (zip_bomb, "疑似惡意檔案"),
    "huge.csv": (huge_csv, "檔案太大"),
    "garbage.csv": (lambda p: p.write_bytes(os.urandom(64 * 1024)), "二進位資料"),
    "broken-encoding.csv": (
        lambda p: p.write_bytes("姓名,服務機關\n".encode() + b"\x80\xff\xfe\x81\x30\n" * 20),
        "無法辨識的文字編碼",
    ),
    "renamed.xlsx": (lambda p: p.write_bytes(b"PK\x03\x04" + os.urandom(2048)), "不是有效的 Excel"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_file_is_refused_in_one_line_and_nothing_changes(
    run_cli, demo_db_path: Path, tmp_path: Path, name: str  # type: ignore[no-untyped-def]
) -> None:
    make, why = HOSTILE[name]
    path = tmp_path / name
    make(path)
    before = table_counts(demo_db_path)
    code, out, err = run_cli("--db", demo_db_path, "import", path, "--json")
    assert code == 2, out
    assert why in err and name in err and err.count("\n") == 1
    assert table_counts(demo_db_path) == before


def test_ten_thousand_character_cell_rejects_only_its_row(
    run_cli, demo_db_path: Path, tmp_path: Path  # type: ignore[no-untyped-def]
) -> None:
    path = tmp_path / "long-cell.csv"
    lines = [
        "時間戳記,姓名,服務機關,單位,職稱,報名場次,備註",
        "2019/02/21 上午 09:00:00,王大同,臺北市大同區公所,民政課,科員,臺北場次,",
        "2019/02/21 上午 09:01:00,李長文,臺北市文山區公所,民政課,科員,臺北場次," + "長" * 10_000,
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    code, out, err = run_cli("--db", demo_db_path, "import", path, "--json")
    assert code == 0, err
    summary = json.loads(out)
    assert summary["imported"] == 1
    (rejected,) = summary["rejected"]
    assert rejected["row"] == 3 and rejected["column"] == "備註" and "過長" in rejected["reason"]
