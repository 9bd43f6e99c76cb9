"""Hostile and broken files through the real import command: each gets one clear line, and the
database is exactly as it was (every table's row count, and the audit log, unchanged)."""

from __future__ import annotations

import json
import logging
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from db.models import Base
from tests.hostile_files import CASES, ID_DIGITS, Case, generate


def table_counts(path: Path) -> dict[str, int]:
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        counts = {
            name: connection.execute(text(f'SELECT count(*) FROM "{name}"')).scalar_one()
            for name in Base.metadata.tables
        }
        # The organiser's unlock before the import is audited whatever the file holds.
        counts["audit_log"] -= connection.execute(
            text("SELECT count(*) FROM audit_log WHERE action = 'role.unlock'")
        ).scalar_one()
    engine.dispose()
    return counts


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    written = generate(tmp_path_factory.mktemp("hostile"))
    return {case.name: path for case, path in written}


def test_the_corpus_has_every_kind_of_case() -> None:
    assert len(CASES) >= 60 and len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file_is_refused_in_one_line_or_handled_and_never_stalls(
    run_cli,
    demo_db_path: Path,
    corpus: dict[str, Path],
    case: Case,
    caplog: pytest.LogCaptureFixture,
    recwarn: pytest.WarningsRecorder,
) -> None:
    path = corpus[case.name]
    before = table_counts(demo_db_path)
    started = time.perf_counter()
    code, out, err = run_cli("--db", demo_db_path, "import", path, "--json")
    elapsed = time.perf_counter() - started
    # A generous ceiling, not a speed target: a file that stalls the import takes minutes.
    assert elapsed < 10, f"{case.name}: {elapsed:.1f} s"
    assert "Traceback" not in out + err and "未預期的錯誤" not in err, err
    assert not [d for d in ID_DIGITS if d in out + err + caplog.text], err
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
    assert not [w for w in recwarn if issubclass(w.category, UserWarning)]  # stderr lines
    if code == 2:
        assert case.outcome in ("refused", "either"), err
        assert err.count("\n") == 1 and path.name in err, err
        assert isinstance(case.expect, str) and case.expect in err or case.outcome == "either", err
        assert table_counts(demo_db_path) == before
    else:
        assert code == 0 and case.outcome in ("imported", "either"), err
        summary = json.loads(out)
        assert case.outcome == "either" or callable(case.expect) and case.expect(summary), summary


def test_ten_thousand_character_cell_rejects_only_its_row(
    run_cli,
    demo_db_path: Path,
    tmp_path: Path,
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
