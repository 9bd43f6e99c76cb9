"""The table leader's JSON API and pages through Starlette's TestClient."""

from __future__ import annotations

import json

from desktop.services import group_reports as svc
from tests.server.conftest import Venue


def test_get_report_json_has_the_keys_of_reports_show_plus_revision(venue: Venue, run_cli) -> None:  # type: ignore[no-untyped-def]
    answer = venue.client.get(venue.url(3) + "/report.json")
    assert answer.status_code == 200
    data = answer.json()
    code, out, _ = run_cli("--db", venue.path, "reports", "show",
                           "--session", "臺北場次", "--table", "3", "--json")
    assert code == 0
    shown = json.loads(out)["tables"][0]
    assert set(shown) | {"revision", "fields"} == set(data)
    assert data["revision"] == 0 and data["number"] == 3
    assert data["members"] and all("○" in m["name"] for m in data["members"])


def test_put_saves_and_reports_show_has_it(venue: Venue, run_cli) -> None:  # type: ignore[no-untyped-def]
    answer = venue.client.put(venue.url(2) + "/report.json",
                              json={"revision": 0, "fields": {"topic": "社區<共融>公園"}})
    assert answer.json()["ok"] is True and answer.json()["revision"] == 1
    code, out, _ = run_cli("--db", venue.path, "reports", "show",
                           "--session", "臺北場次", "--table", "2", "--json")
    assert json.loads(out)["tables"][0]["topic"] == "社區<共融>公園"
