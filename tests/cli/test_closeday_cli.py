import json
from pathlib import Path

from pypdf import PdfReader

from desktop.reports.portal_csv import FULL_HEADER, OPENED_HEADER
from tests.closeday_sim import simulate_day


def test_hours_json_lists_people_with_times_hours_and_reasons(
    demo_db, demo_db_path, run_cli
) -> None:
    sim = simulate_day(demo_db)
    code, out, _ = run_cli("--db", demo_db_path, "hours", "--session", "臺北場次", "--json")
    assert code == 0
    people = {p["name"]: p for p in json.loads(out)}
    late = people[sim.names["late"]]
    assert late["first_in"] == "10:40" and late["last_out"] == "15:42"
    assert late["hours"] == 4.0 and "late_arrival" in late["reasons"]
    assert people[sim.names["full"]]["hours"] == 5.0
    assert people[sim.names["no_out"]]["last_out"] is None


def test_hours_adjust_from_the_cli(demo_db, demo_db_path, run_cli) -> None:
    sim = simulate_day(demo_db)
    code, _, err = run_cli(
        "--db",
        demo_db_path,
        "hours",
        "--session",
        "臺北",
        "--adjust",
        sim.names["no_out"],
        "--to",
        "5",
    )
    assert code == 2 and "--reason" in err
    code, out, _ = run_cli(
        "--db",
        demo_db_path,
        "hours",
        "--session",
        "臺北",
        "--adjust",
        sim.names["no_out"],
        "--to",
        "5",
        "--reason",
        "在場",
        "--json",
    )
    person = next(p for p in json.loads(out) if p["name"] == sim.names["no_out"])
    assert code == 0 and person["hours"] == 5.0 and person["adjustment"]["reason"] == "在場"


def test_pdf_command_writes_each_document(demo_db, demo_db_path, run_cli, tmp_path) -> None:
    sim = simulate_day(demo_db)
    for document in ("signin", "attendance", "certificates", "badges"):
        out = tmp_path / f"{document}.pdf"
        code, stdout, err = run_cli(
            "--db", demo_db_path, "pdf", document, "--session", "臺北", "--out", out, "--json"
        )
        assert code == 0, err
        data = json.loads(stdout)
        assert data["document"] == document and data["out"] == str(out)
        assert sim.names["full"] in PdfReader(out).pages[0].extract_text() or document in (
            "certificates",
            "attendance",
            "signin",
            "badges",
        )
    code, _, err = run_cli(
        "--db", demo_db_path, "pdf", "signin", "--session", "高雄", "--out", tmp_path / "x.pdf"
    )
    assert code == 2 and "高雄" in err


def test_export_hours_writes_big5_with_the_exact_header(
    demo_db, demo_db_path, run_cli, tmp_path, monkeypatch
) -> None:
    sim = simulate_day(demo_db)
    out = tmp_path / "hours.csv"
    monkeypatch.delenv("WORKSHOP_DESK_PASSPHRASE", raising=False)
    code, _, err = run_cli(
        "--db",
        demo_db_path,
        "export",
        "hours",
        "--session",
        "臺北",
        "--layout",
        "full",
        "--out",
        out,
    )
    assert code == 2 and "WORKSHOP_DESK_PASSPHRASE" in err and not out.exists()
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "demo")
    code, _, err = run_cli(
        "--db",
        demo_db_path,
        "export",
        "hours",
        "--session",
        "臺北",
        "--layout",
        "full",
        "--out",
        out,
    )
    assert code == 2 and "課程類別代碼" in err and not out.exists()
    code, _, _ = run_cli(
        "--db",
        demo_db_path,
        "event",
        "set",
        "--session",
        "臺北",
        "--category-code",
        "345",
        "--course-code",
        "1234567",
    )
    assert code == 0
    code, stdout, _ = run_cli(
        "--db",
        demo_db_path,
        "export",
        "hours",
        "--session",
        "臺北",
        "--layout",
        "full",
        "--out",
        out,
        "--json",
    )
    result = json.loads(stdout)
    assert code == 1 and result["ok"] is False  # rare-character names could not be written
    assert {s["name"] for s in result["skipped"]} >= {sim.names["full"], sim.names["late"]}
    lines = out.read_bytes().decode("cp950").splitlines()
    assert lines[0] == ",".join(FULL_HEADER)
    assert len(lines) == 1 + result["written"] and result["written"] > 10
    assert sim.names["lunch"] in out.read_bytes().decode("cp950") or any(
        s["name"] == sim.names["lunch"] for s in result["skipped"]
    )
    code, stdout, _ = run_cli(
        "--db",
        demo_db_path,
        "export",
        "hours",
        "--session",
        "臺北",
        "--layout",
        "opened",
        "--out",
        out,
        "--json",
    )
    assert out.read_bytes().decode("cp950").splitlines()[0] == ",".join(OPENED_HEADER)
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "nope")
    code, _, err = run_cli(
        "--db",
        demo_db_path,
        "export",
        "hours",
        "--session",
        "臺北",
        "--layout",
        "full",
        "--out",
        out,
    )
    assert code == 2 and "密語" in err


def test_a_seal_that_is_not_an_image_is_one_line_naming_the_setting(
    demo_db, demo_db_path, run_cli, tmp_path
) -> None:
    simulate_day(demo_db)
    seal = tmp_path / "seal.png"
    seal.write_text("not a picture", encoding="utf-8")
    code, _, err = run_cli(
        "--db", demo_db_path, "event", "set", "--session", "臺北", "--seal-image", seal
    )
    assert code == 2 and "seal_image" in err and len(err.strip().splitlines()) == 1
    from PIL import Image

    Image.new("RGB", (8, 8), "red").save(seal, format="PNG")  # a smudge, not a seal
    code, _, err = run_cli(
        "--db", demo_db_path, "event", "set", "--session", "臺北", "--seal-image", seal
    )
    assert code == 2 and "8×8" in err


def test_the_seal_is_stored_so_printing_from_another_folder_works(
    demo_db, demo_db_path, run_cli, tmp_path, monkeypatch
) -> None:
    from PIL import Image

    simulate_day(demo_db)
    (tmp_path / "setup").mkdir()
    monkeypatch.chdir(tmp_path / "setup")
    Image.new("RGB", (300, 300), "red").save("seal.png")
    code, out, err = run_cli(
        "--db",
        demo_db_path,
        "event",
        "set",
        "--session",
        "臺北",
        "--seal-image",
        "seal.png",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["images"]["seal"] == {
        "width": 300,
        "height": 300,
        "bytes": Path("seal.png").stat().st_size,
    }
    Path("seal.png").unlink()  # moved away; another folder prints the same seal
    monkeypatch.chdir(tmp_path)
    code, _, err = run_cli(
        "--db", demo_db_path, "pdf", "certificates", "--session", "臺北", "--out", "certs.pdf"
    )
    assert code == 0, err
    page = PdfReader(tmp_path / "certs.pdf").pages[0]
    assert len(page.images) == 1
    assert "國家發展委員會" in page.extract_text()  # the signer line defaults to the organiser


def test_course_hours_beyond_the_day_is_refused_and_auto_goes_back(
    demo_db, demo_db_path, run_cli
) -> None:
    sim = simulate_day(demo_db)
    code, _, err = run_cli(
        "--db", demo_db_path, "event", "set", "--session", "臺北", "--course-hours", "40"
    )  # a typo for 4.0: everyone would get 40 h
    assert code == 2 and "課程時數 40 小時" in err and "08:30–15:30" in err
    code, out, _ = run_cli("--db", demo_db_path, "hours", "--session", "臺北", "--json")
    assert max(p["hours"] for p in json.loads(out)) == 5.0
    code, out, err = run_cli(
        "--db", demo_db_path, "event", "set", "--session", "臺北", "--course-hours", "6", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["course_hours"] == 6.0
    code, out, _ = run_cli("--db", demo_db_path, "hours", "--session", "臺北", "--json")
    assert {p["name"]: p["hours"] for p in json.loads(out)}[sim.names["full"]] == 6.0
    code, out, _ = run_cli(
        "--db",
        demo_db_path,
        "event",
        "set",
        "--session",
        "臺北",
        "--course-hours",
        "auto",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["course_hours"] == 5.0
    assert data["hours_policy"]["course_hours"] is None


def test_adjusting_one_of_two_people_with_the_same_name(demo_db, demo_db_path, run_cli) -> None:
    from desktop.services.checkin import check_in_registration
    from desktop.services.walkins import add_walk_in
    from tests.closeday_sim import at

    sim = simulate_day(demo_db)
    twin = add_walk_in(
        demo_db, sim.session_id, name=sim.names["no_out"], agency="另一個機關", now=at("09:00")
    )
    check_in_registration(demo_db, sim.session_id, twin.registration_id, now=at("09:00"))
    code, _, err = run_cli(
        "--db",
        demo_db_path,
        "hours",
        "--session",
        "臺北",
        "--adjust",
        sim.names["no_out"],
        "--to",
        "5",
        "--reason",
        "在場",
    )
    assert code == 2 and "另一個機關" in err and f"--adjust {twin.registration_id}" in err
    code, out, _ = run_cli(
        "--db",
        demo_db_path,
        "hours",
        "--session",
        "臺北",
        "--adjust",
        str(twin.registration_id),
        "--to",
        "3",
        "--reason",
        "下午離開",
    )
    assert code == 0 and out.startswith(f"已調整 {sim.names['no_out']}：0 → 3 小時")
    code, out, _ = run_cli("--db", demo_db_path, "hours", "--session", "臺北", "--json")
    hours = {p["registration_id"]: p["hours"] for p in json.loads(out)}
    assert hours[twin.registration_id] == 3.0 and hours[sim.roles["no_out"]] == 0.0


def test_a_mistyped_option_value_is_one_line(demo_db_path, capsys) -> None:
    import pytest

    from desktop.cli import main

    for argv in (
        ["event", "set", "--session", "臺北", "--hours-step", "0.7"],
        ["hours", "--session", "臺北", "--adjust", "x", "--to", "abc"],
        ["pdf", "signature", "--out", "x.pdf"],
    ):
        with pytest.raises(SystemExit) as exit_info:
            main(["--db", str(demo_db_path), *argv])
        err = capsys.readouterr().err
        assert exit_info.value.code == 2
        assert len(err.strip().splitlines()) == 1 and "usage" not in err, err
