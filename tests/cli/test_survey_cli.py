"""``workshop-desk survey``: the contract's commands and JSON keys; the PDF's numbers equal a
hand count of the answers typed here; the XLSX neutralises formula-like text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from db.uow import Database
from desktop.services.checkin import check_in_registration
from desktop.services.events import find_session
from desktop.services.roster import list_roster
from scenarios import vote_day

# Five paper forms. Hand count: 整體滿意度 5,5,4,2,5 → 非常滿意 3, 滿意 1, 普通 0, 不滿意 1,
# 非常不滿意 0, mean 21/5 = 4.20; 課程內容 4,4,3 → 0, 2, 1, 0, 0, mean 11/3 = 3.67.
FORMS = [
    {"overall": 5, "content": 4, "gain": "分組討論"},
    {"overall": 5, "content": 4},
    {"overall": 4, "content": 3, "suggest": '=HYPERLINK("http://x","點")'},
    {"overall": 2},
    {"overall": 5, "suggest": "時間再長一點"},
]


@pytest.fixture
def day(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> vote_day.VoteDay:
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "demo")
    return vote_day.prepare(demo_db)


def pdf_text(path: Path) -> str:
    return "".join("".join(p.extract_text().split()) for p in PdfReader(path).pages)


def _answer_forms(run_cli, db: tuple[str, Path], day: vote_day.VoteDay, tmp_path: Path) -> None:
    for rid, form in zip(day.present, FORMS, strict=False):
        answers = tmp_path / f"form{rid}.json"
        answers.write_text(json.dumps(form, ensure_ascii=False), encoding="utf-8")
        code, out, err = run_cli(
            *db,
            "survey",
            "answer",
            "--session",
            "臺北",
            "--voter",
            rid,
            "--answers",
            answers,
            "--json",
        )
        assert code == 0, err
        assert json.loads(out) == {"ok": True, "replaced": False}


def test_template_open_answer_close_show_export(
    day: vote_day.VoteDay,
    demo_db_path: Path,
    run_cli,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    db = ("--db", demo_db_path)
    monkeypatch.delenv("WORKSHOP_DESK_PASSPHRASE")
    code, out, _ = run_cli(*db, "survey", "template", "--session", "臺北", "--json")
    shown = json.loads(out)
    assert code == 0 and shown["status"] == "none"
    assert [i["id"] for i in shown["items"]][:6] == [
        "content",
        "clarity",
        "timing",
        "venue",
        "admin",
        "overall",
    ]
    template = tmp_path / "template.json"
    items = [i for i in shown["items"] if i["id"] != "venue"]
    template.write_text(json.dumps(items, ensure_ascii=False), encoding="utf-8")
    code, _, err = run_cli(*db, "survey", "template", "--session", "臺北", "--file", template)
    assert code == 2 and "密語" in err  # changing it is the organiser's
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "demo")
    code, out, _ = run_cli(
        *db, "survey", "template", "--session", "臺北", "--file", template, "--json"
    )
    assert code == 0 and "venue" not in [i["id"] for i in json.loads(out)["items"]]
    code, out, _ = run_cli(*db, "survey", "open", "--session", "臺北", "--json")
    assert code == 0 and json.loads(out)["status"] == "open"
    _answer_forms(run_cli, db, day, tmp_path)
    refused = tmp_path / "absent.json"
    refused.write_text('{"overall": 5}', encoding="utf-8")
    code, out, _ = run_cli(
        *db, "survey", "answer", "--session", "臺北", "--voter", day.absent[0],
        "--answers", refused, "--json",
    )  # fmt: skip
    assert code == 2 and json.loads(out)["error"]["code"] == "not_checked_in"
    code, out, _ = run_cli(*db, "survey", "show", "--session", "臺北", "--json")
    opened = json.loads(out)
    assert opened["responses"] == 5 and opened["comments"] is None
    assert all(i.get("counts") is None for i in opened["items"])  # nothing to watch while open
    code, out, _ = run_cli(*db, "survey", "close", "--session", "臺北", "--json")
    assert code == 0
    code, out, _ = run_cli(*db, "survey", "show", "--session", "臺北", "--json")
    shown = json.loads(out)
    assert set(shown) == {"status", "responses", "checked_in", "items", "comments"}
    assert (shown["status"], shown["responses"], shown["checked_in"]) == ("closed", 5, 12)
    by_id = {i["id"]: i for i in shown["items"]}
    assert set(by_id["overall"]) == {"id", "text", "kind", "counts", "mean"}
    assert by_id["overall"]["counts"] == [3, 1, 0, 1, 0] and by_id["overall"]["mean"] == 4.2
    assert by_id["content"]["counts"] == [0, 2, 1, 0, 0] and by_id["content"]["mean"] == 3.67
    assert set(by_id["gain"]) == {"id", "text", "kind"}
    assert shown["comments"]["gain"] == ["分組討論"]
    assert sorted(shown["comments"]["suggest"]) == sorted([FORMS[2]["suggest"], "時間再長一點"])

    pdf = tmp_path / "問卷.pdf"
    code, out, _ = run_cli(*db, "survey", "export", "--session", "臺北", "--out", pdf, "--json")
    assert code == 0 and json.loads(out)["responses"] == 5
    text = pdf_text(pdf)
    assert "非常滿意3、滿意1、普通0、不滿意1、非常不滿意0；平均4.20" in text
    assert "非常滿意0、滿意2、普通1、不滿意0、非常不滿意0；平均3.67" in text
    assert "5/12份（42%）" in text and "時間再長一點" in text and "分組討論" in text
    xlsx = tmp_path / "問卷.xlsx"
    code, _, _ = run_cli(*db, "survey", "export", "--session", "臺北", "--out", xlsx)
    book = load_workbook(xlsx)
    summary = [list(r) for r in book["摘要"].iter_rows(values_only=True)]
    assert ["臺北場次", "整體滿意度", 3, 1, 0, 1, 0, 4.2, 5] in summary
    responses = [c for r in book.worksheets[1].iter_rows(values_only=True) for c in r]
    assert "'" + FORMS[2]["suggest"] in responses and FORMS[2]["suggest"] not in responses


def test_all_sessions_side_by_side(
    day: vote_day.VoteDay, demo_db: Database, demo_db_path: Path, run_cli, tmp_path: Path
) -> None:
    db = ("--db", demo_db_path)
    run_cli(*db, "survey", "open", "--session", "臺北")
    _answer_forms(run_cli, db, day, tmp_path)
    run_cli(*db, "survey", "close", "--session", "臺北")
    other = find_session(demo_db, "臺中")
    person = next(p for p in list_roster(demo_db, other.id) if p.status == "admitted")
    check_in_registration(demo_db, other.id, person.registration_id)
    run_cli(*db, "survey", "open", "--session", "臺中")
    form = tmp_path / "taichung.json"
    form.write_text('{"overall": 3}', encoding="utf-8")
    code, _, err = run_cli(
        *db, "survey", "answer", "--session", "臺中", "--voter", person.registration_id,
        "--answers", form,
    )  # fmt: skip
    assert code == 0, err
    run_cli(*db, "survey", "close", "--session", "臺中")
    pdf = tmp_path / "course.pdf"
    code, out, err = run_cli(
        *db, "survey", "export", "--session", "臺北", "--all-sessions", "--out", pdf, "--json"
    )
    assert code == 0, err
    assert json.loads(out)["responses"] == 6
    text = pdf_text(pdf)
    assert "臺北場次：非常滿意3、滿意1、普通0、不滿意1、非常不滿意0；平均4.20" in text
    assert "臺中場次：非常滿意0、滿意0、普通1、不滿意0、非常不滿意0；平均3.00" in text
