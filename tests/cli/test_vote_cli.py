"""``workshop-desk vote``: the contract's commands and JSON keys, the .pb checked by
pabulib-checker."""

import json
from pathlib import Path

import pytest
from pabulib.checker import Checker

from db.uow import Database
from scenarios import vote_day


@pytest.fixture
def day(demo_db: Database, demo_db_path: Path, monkeypatch: pytest.MonkeyPatch) -> vote_day.VoteDay:
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "demo")
    return vote_day.prepare(demo_db)


def test_open_ballots_close_show_export(
    day: vote_day.VoteDay, demo_db_path: Path, run_cli, tmp_path: Path
) -> None:
    db = ("--db", demo_db_path)
    code, out, _ = run_cli(
        *db,
        "vote",
        "open",
        "--session",
        "臺北",
        "--budget",
        "1000000",
        "--method",
        "basket",
        "--json",
    )
    assert code == 0 and json.loads(out)["status"] == "open"
    for voter, approve in zip(
        day.present,
        [["1", "2"], ["1"], ["3", "4"], ["4", "5", "2"], ["5"], ["2", "4"]],
        strict=False,
    ):
        code, out, _ = run_cli(
            *db,
            "vote",
            "ballot",
            "--session",
            "臺北",
            "--voter",
            voter,
            "--approve",
            *approve,
            "--json",
        )
        assert code == 0 and json.loads(out)["result"] == "ok"
    code, out, _ = run_cli(*db, "vote", "show", "--session", "臺北", "--json")
    shown = json.loads(out)
    assert shown["turnout"] == {"ballots": 6, "checked_in": 12}
    assert all(p["votes"] is None for p in shown["projects"]) and "funded" not in shown
    code, out, _ = run_cli(*db, "vote", "close", "--session", "臺北")
    assert code == 0
    code, out, _ = run_cli(*db, "vote", "show", "--session", "臺北", "--json")
    shown = json.loads(out)
    assert shown["status"] == "closed" and shown["method"] == "basket"
    assert shown["budget"] == 1000000
    assert {p["id"]: p["votes"] for p in shown["projects"]} == {1: 2, 2: 3, 3: 1, 4: 3, 5: 2}
    assert set(shown["projects"][0]) >= {"id", "title", "table", "cost", "votes"}
    assert shown["funded"]["greedy"] and shown["funded"]["equal_shares"]
    out_file = tmp_path / "vote.pb"
    code, _, err = run_cli(*db, "vote", "export", "--session", "臺北", "--out", out_file)
    assert code == 0, err
    raw = out_file.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    results = Checker().process_files([str(out_file)])
    assert results["metadata"] == {"processed": 1, "valid": 1, "invalid": 0}, results


@pytest.mark.parametrize(
    ("args", "code"),
    [(["--approve", "1", "3"], "over_budget"), (["--approve", "42"], "unknown_project")],
)
def test_refused_ballot_exits_1_with_a_result_code(
    day: vote_day.VoteDay, demo_db_path: Path, run_cli, args: list[str], code: str
) -> None:
    run_cli(
        "--db",
        demo_db_path,
        "vote",
        "open",
        "--session",
        "臺北",
        "--budget",
        "1000000",
        "--method",
        "basket",
    )
    exit_code, out, _ = run_cli(
        "--db",
        demo_db_path,
        "vote",
        "ballot",
        "--session",
        "臺北",
        "--voter",
        day.present[0],
        *args,
        "--json",
    )
    assert exit_code == 1 and json.loads(out)["result"] == code


def test_not_checked_in_too_many_and_closed(
    day: vote_day.VoteDay, demo_db_path: Path, run_cli
) -> None:
    db = ("--db", demo_db_path)
    run_cli(
        *db,
        "vote",
        "open",
        "--session",
        "臺北",
        "--budget",
        "1000000",
        "--method",
        "approval",
        "--max-approvals",
        "2",
    )

    def ballot(voter: int, *ids: str) -> tuple[int, str]:
        code, out, _ = run_cli(
            *db,
            "vote",
            "ballot",
            "--session",
            "臺北",
            "--voter",
            voter,
            "--approve",
            *ids,
            "--json",
        )
        return code, json.loads(out)["result"]

    assert ballot(day.absent[0], "1") == (1, "not_checked_in")
    assert ballot(day.present[0], "1", "2", "3") == (1, "too_many")
    run_cli(*db, "vote", "close", "--session", "臺北")
    assert ballot(day.present[0], "1") == (1, "closed")
    # Closing the closed vote again only finishes erasing the links: nothing changes.
    code, out, _ = run_cli(*db, "vote", "close", "--session", "臺北", "--json")
    assert code == 0 and json.loads(out)["status"] == "closed"
    # An organiser action the vote's state refuses: exit 2, the service's code in --json.
    code, out, err = run_cli(*db, "vote", "close", "--session", "臺中", "--json")
    assert code == 2 and "投票尚未開始或已經結束" in err
    assert json.loads(out)["error"]["code"] == "not_open"


def test_organiser_commands_need_the_passphrase(
    day: vote_day.VoteDay, demo_db_path: Path, run_cli, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("WORKSHOP_DESK_PASSPHRASE", "wrong one")
    code, _, err = run_cli(
        "--db",
        demo_db_path,
        "vote",
        "open",
        "--session",
        "臺北",
        "--budget",
        "1000000",
        "--method",
        "basket",
    )
    assert code == 2 and "密語" in err
    code, out, _ = run_cli("--db", demo_db_path, "vote", "show", "--session", "臺北", "--json")
    assert code == 0 and json.loads(out)["status"] == "none"


def test_revoke_from_the_command_line_and_unlock_is_gone(
    day: vote_day.VoteDay, demo_db: Database, demo_db_path: Path, run_cli
) -> None:
    from desktop.core.vote import Method, Rules, VoteError
    from desktop.services import vote as svc
    from desktop.services import vote_ballots as ballots

    svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 1_000_000))
    taken = day.present[1]
    db = ("--db", demo_db_path)
    with pytest.raises(SystemExit) as gone:  # nothing locks a person any more
        run_cli(*db, "vote", "unlock", "--session", "臺北", "--voter", taken)
    assert gone.value.code == 2
    code, out, _ = run_cli(*db, "vote", "revoke", "--session", "臺北", "--voter", taken, "--json")
    assert code == 0 and json.loads(out) == {"ok": True, "session": "臺北場次", "voter": taken}
    with pytest.raises(VoteError) as refused:
        ballots.voter_ballot(demo_db, day.session_id, taken)
    assert refused.value.code == "desk_only"
    code, out, err = run_cli(
        *db, "vote", "revoke", "--session", "臺北", "--voter", 999999, "--json"
    )
    assert code == 2 and json.loads(out)["error"]["code"] == "no_voter"


def test_open_lists_left_out_proposals_and_what_no_basket_holds(
    day: vote_day.VoteDay, demo_db_path: Path, run_cli
) -> None:
    def open_(budget: str) -> tuple[int, dict]:  # type: ignore[type-arg]
        code, out, _ = run_cli(
            "--db", demo_db_path, "vote", "open", "--session", "臺北", "--budget", budget,
            "--method", "basket", "--json",
        )  # fmt: skip
        return code, json.loads(out)

    code, refused = open_("100000")  # every proposal costs more: nobody could vote
    assert code == 2 and refused["error"]["code"] == "nothing_fits"
    code, data = open_("580000")
    assert code == 0 and data["beyond_budget"] == [1]  # 社區共融公園, NT$600,000
    assert [(p["table"], p["title"]) for p in data["left_out"]] == [(3, "社區圖書角")]
    assert "經費「待估」看不懂" in data["left_out"][0]["reason"]
