"""The certificate names its organiser once (QA: 「主辦單位：國家發展委員會」 and, on the next
line, 「國家發展委員會」 again: the signer line defaulted to the organiser)."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.closeday_sim import simulate_day


def _lines(pdf: Path) -> list[str]:
    return [line.strip() for line in PdfReader(pdf).pages[0].extract_text().splitlines()]


def test_the_organiser_is_printed_once_without_a_signer(
    demo_db, demo_db_path, run_cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    simulate_day(demo_db)
    out = tmp_path / "certs.pdf"
    code, _, err = run_cli(
        "--db", demo_db_path, "pdf", "certificates", "--session", "臺北", "--out", out
    )
    assert code == 0, err
    lines = _lines(out)
    organiser = next(line for line in lines if line.startswith("主辦單位："))
    name = organiser.removeprefix("主辦單位：")
    assert name and name not in lines  # not again on a line of its own


def test_a_named_signer_is_printed_under_the_organiser(
    demo_db, demo_db_path, run_cli, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    simulate_day(demo_db)
    code, _, err = run_cli(
        "--db", demo_db_path, "event", "set", "--session", "臺北", "--signer", "主任委員 王○○"
    )
    assert code == 0, err
    out = tmp_path / "certs.pdf"
    code, _, err = run_cli(
        "--db", demo_db_path, "pdf", "certificates", "--session", "臺北", "--out", out
    )
    assert code == 0, err
    lines = _lines(out)
    at = next(i for i, line in enumerate(lines) if line.startswith("主辦單位："))
    assert lines[at + 1] == "主任委員 王○○"
