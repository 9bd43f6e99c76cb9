from __future__ import annotations

import json
from pathlib import Path

from pypdf import PdfReader


def test_assign_and_show_json(run_cli, demo_db_path: Path) -> None:
    code, out, err = run_cli(
        "--db", demo_db_path, "tables", "assign", "--session", "台北", "--json"
    )
    assert code == 0, err
    data = json.loads(out)
    assert len(data["tables"]) == 6 and data["unmet"] == []
    first = data["tables"][0]
    assert first["number"] == 1 and first["leader"] == "林佳穎"
    assert {"name", "agency"} <= set(first["members"][0])
    assert sorted(len(t["members"]) for t in data["tables"]) == [6, 6, 7, 7, 7, 7]

    code, out, _ = run_cli(
        "--db", demo_db_path, "tables", "show", "--session", "臺北場次", "--json"
    )
    shown = json.loads(out)
    assert code == 0
    assert [[m["name"] for m in t["members"]] for t in shown["tables"]] == [
        [m["name"] for m in t["members"]] for t in data["tables"]
    ]
    assert "phone" not in json.dumps(shown)


def test_move_pin_and_rerun_keeps_pin(run_cli, demo_db_path: Path) -> None:
    run_cli("--db", demo_db_path, "tables", "assign", "--session", "臺北", "--json")
    _, out, _ = run_cli("--db", demo_db_path, "tables", "show", "--session", "臺北", "--json")
    tables = json.loads(out)["tables"]
    small = next(t for t in tables if len(t["members"]) == 6)
    person = next(t for t in tables if len(t["members"]) == 7)["members"][0]["name"]
    code, _, err = run_cli(
        "--db",
        demo_db_path,
        "tables",
        "move",
        "--session",
        "臺北",
        "--person",
        person,
        "--table",
        small["number"],
    )
    assert code == 0, err
    _, out, _ = run_cli("--db", demo_db_path, "tables", "assign", "--session", "臺北", "--json")
    again = json.loads(out)["tables"]
    at = next(t["number"] for t in again if any(m["name"] == person for m in t["members"]))
    assert at == small["number"]
    code, _, err = run_cli(
        "--db",
        demo_db_path,
        "tables",
        "move",
        "--session",
        "臺北",
        "--person",
        "沒有這個人",
        "--table",
        1,
    )
    assert code == 2 and "找不到" in err
    code, _, err = run_cli("--db", demo_db_path, "tables", "show", "--session", "高雄")
    assert code == 2 and "找不到場次" in err


def test_pdfs_embed_font_and_show_names(run_cli, demo_db_path: Path, tmp_path: Path) -> None:
    run_cli("--db", demo_db_path, "tables", "assign", "--session", "臺南")
    for kind in ("tents", "rosters", "overview"):
        out = tmp_path / f"{kind}.pdf"
        code, _, err = run_cli(
            "--db", demo_db_path, "tables", "pdf", kind, "--session", "臺南", "--out", out
        )
        assert code == 0, err
        reader = PdfReader(out)
        text = "".join(page.extract_text() for page in reader.pages)
        fonts = {
            str(f["/BaseFont"]): "/FontFile2" in f.get("/FontDescriptor", {})
            for page in reader.pages
            for f in (ref.get_object() for ref in page["/Resources"]["/Font"].values())
        }
        assert fonts and all(fonts.values()), fonts  # only the embedded Kai font
        if kind == "tents":
            assert len(reader.pages) == 6 and "蔡宜庭" in text and "第 1 桌" in text
            assert "桌號代碼 1" in text and "第 1 桌桌長 QR" in text  # how to reach the page
        if kind == "rosters":
            assert len(reader.pages) == 6 and "討論紀錄" in text and "服務機關" in text
            assert "場地 Wi-Fi" in text and "撤銷" in text
        if kind == "overview":
            assert "洪浩宇" in text


def test_assign_text_says_why_people_have_no_seat(run_cli, demo_db_path: Path) -> None:
    run_cli(
        "--db",
        demo_db_path,
        "tables",
        "template",
        "--session",
        "臺北",
        "--count",
        "5",
        "--capacity",
        "7",
    )
    code, out, err = run_cli("--db", demo_db_path, "tables", "assign", "--session", "臺北")
    assert code == 0, err
    assert "未分桌 5 人" in out
    assert "5 人沒有座位：各桌共 35 個座位，需安排 40 人" in out
