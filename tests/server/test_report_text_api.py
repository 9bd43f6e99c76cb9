"""What phones send into a table's report (issue 26): proposals merged by their ids between two
devices, a conflict's losing text kept in the history, control characters cleaned, field
lengths and what a device may store bounded, an identical save stored once."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from sqlalchemy import func, select, text

from db.models import GroupReportRevision, GroupReportState
from desktop.core.report_limits import FIELD_LIMITS
from desktop.services import group_report_usage as usage
from desktop.services import group_reports as svc
from desktop.services import venue as access
from tests.server.conftest import Venue


def _put(client, url: str, revision: int, **fields: Any):
    return client.put(url + "/report.json", json={"revision": revision, "fields": fields})


def _device(venue: Venue, number: int):
    """A joined phone of the table, sending its CSRF token like the page does."""
    browser = venue.joined(number)
    browser.headers["X-CSRF-Token"] = venue.csrf(browser, number)
    browser.headers["Origin"] = "http://testserver"
    return browser, f"/t/{venue.secrets[number].code}"


def _table_id(venue: Venue, number: int) -> int:
    return svc.find_table(venue.db, venue.session.id, number).id


WALK = {"id": "walk01", "title": "步道", "problem": "太暗"}
BENCH = {"id": "bench1", "title": "座椅", "problem": "不夠"}


def test_a_proposal_deleted_on_one_phone_and_edited_on_another_is_kept_and_told(
    venue: Venue,
) -> None:
    a, url = _device(venue, 1)
    b, _ = _device(venue, 1)
    start = _put(a, url, 0, proposals=[WALK, BENCH]).json()
    assert start["ok"] and [p["id"] for p in start["fields"]["proposals"]] == ["walk01", "bench1"]
    deleted = _put(b, url, start["revision"], proposals=[BENCH]).json()  # B deletes 步道
    assert deleted["ok"]
    edited = {**WALK, "problem": "太暗，晚上危險"}
    answer = _put(a, url, start["revision"], proposals=[edited, BENCH]).json()  # A edits it
    assert answer["ok"] is False
    assert answer["conflict"] == {"proposals.0": {"mine": "步道", "theirs": None, "kept": "mine"}}
    stored = svc.load_report(venue.db, _table_id(venue, 1)).content.proposals
    assert [(p.id, p.title, p.problem) for p in stored] == [
        ("walk01", "步道", "太暗，晚上危險"),
        ("bench1", "座椅", "不夠"),  # untouched: the edit did not land here
    ]


def test_proposals_sent_without_ids_get_ids_from_the_server(venue: Venue) -> None:
    a, url = _device(venue, 2)
    answer = _put(a, url, 0, proposals=[{"title": "路燈"}, {"title": "座椅", "id": "x y"}]).json()
    ids = [p["id"] for p in answer["fields"]["proposals"]]
    assert len(set(ids)) == 2 and all(len(i) == 10 for i in ids)  # "x y" is not an id
    again = a.get(url + "/report.json").json()
    assert [p["id"] for p in again["fields"]["proposals"]] == ids


def test_a_later_save_in_another_field_keeps_the_conflicts_losing_text(venue: Venue) -> None:
    a, url = _device(venue, 3)
    b, _ = _device(venue, 3)
    first = _put(a, url, 0, topic="公園").json()
    _put(b, url, first["revision"], topic="河濱公園")
    clash = _put(a, url, first["revision"], topic="共融公園").json()
    assert clash["conflict"]["topic"]["mine"] == "共融公園"
    # A goes on typing elsewhere (the same author, within the minute).
    _put(a, url, clash["revision"], feedback="講師很好")
    _put(a, url, clash["revision"] + 1, feedback="講師很好，謝謝")
    topics = [r.content.topic for r in svc.list_revisions(venue.db, _table_id(venue, 3))]
    assert "共融公園" in topics


def test_control_characters_from_a_phone_are_cleaned_where_they_enter(venue: Venue) -> None:
    a, url = _device(venue, 4)
    answer = _put(
        a,
        url,
        0,
        topic="公\x00園\u2028改\x1b[31m造",
        feedback="第一行\x0b第二行\u2029第三行\x1c",
        proposals=[{"id": "p1", "title": "步道\x1e\x85照明"}],
    ).json()
    assert answer["ok"]
    stored = svc.load_report(venue.db, _table_id(venue, 4)).content
    assert stored.topic == "公園 改造"
    assert stored.feedback == "第一行\n第二行\n第三行"
    assert stored.proposals[0].title == "步道 照明"


def test_a_field_over_its_limit_is_refused_naming_the_field_and_the_limit(venue: Venue) -> None:
    a, url = _device(venue, 5)
    limit = FIELD_LIMITS["problem"]
    answer = _put(
        a, url, 0, topic="ok", proposals=[{"id": "p1", "title": "t", "problem": "字" * (limit + 1)}]
    )
    assert answer.status_code == 422
    error = answer.json()["error"]
    assert answer.json()["ok"] is False and error["code"] == "report_field_too_long"
    assert error["params"]["field"] == "proposals.0.problem" and error["params"]["limit"] == limit
    assert str(limit) in error["message"] and "提案 1 問題" in error["message"]
    assert svc.load_report(venue.db, _table_id(venue, 5)).content.topic == ""  # nothing written
    page = a.get(url).text
    assert f'maxlength="{limit}"' in page and f"最多 {limit} 字" in page


def test_an_identical_save_stores_no_new_revision(venue: Venue) -> None:
    a, url = _device(venue, 6)
    b, _ = _device(venue, 6)
    first = _put(a, url, 0, topic="公園", feedback="好").json()
    _put(b, url, first["revision"], topic="河濱公園")
    table_id = _table_id(venue, 6)
    before = len(svc.list_revisions(venue.db, table_id))
    for _ in range(5):  # a phone retrying the same save, which conflicts every time
        answer = _put(a, url, first["revision"], topic="共融公園").json()
        assert answer["conflict"]["topic"]["mine"] == "共融公園"
    for _ in range(5):  # and the same content again on the current revision
        assert _put(a, url, answer["revision"], topic="河濱公園", feedback="好").json()["ok"]
    assert len(svc.list_revisions(venue.db, table_id)) == before + 1  # the losing text, once


def _database_bytes(venue: Venue) -> int:
    with venue.db.engine.connect() as c:
        c.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))
        pages = c.execute(text("PRAGMA page_count")).scalar_one()
        free = c.execute(text("PRAGMA freelist_count")).scalar_one()
        size = c.execute(text("PRAGMA page_size")).scalar_one()
    return int((pages - free) * size)


def _big_report(n: int) -> dict[str, Any]:
    """About 200 KB of UTF-8 within every field's limit, different for each ``n``."""
    text_ = ("參與式預算讓居民共同決定公共經費" * 200)[: FIELD_LIMITS["problem"] - 10]
    fields: dict[str, Any] = {
        key: f"{n:06d}{text_}"
        for key in ("points_for", "points_against", "ranking", "open_questions")
    }
    fields["proposals"] = [
        {"id": f"p{i}", "title": f"提案{i}", "problem": f"{n:06d}{i:02d}{text_}"}
        for i in range(1, 31)
    ]
    return fields


def test_a_hundred_saves_of_200_kb_from_one_device_store_a_bounded_amount(venue: Venue) -> None:
    a, url = _device(venue, 1)
    table_id = _table_id(venue, 1)
    devices = access.list_devices(venue.db, venue.session.id)
    device_id = next(d.id for d in devices if d.table_id == table_id)
    body = json.dumps({"revision": 0, "fields": _big_report(0)}, ensure_ascii=False)
    assert 190_000 < len(body.encode("utf-8")) < 256 * 1024
    before = _database_bytes(venue)
    revision, stored, refused = 0, 0, []
    t0 = dt.datetime(2019, 3, 15, 10, 0)
    for n in range(100):  # 100 saves in 3 seconds, as measured in the issue
        try:
            result = svc.save_report(
                venue.db,
                table_id,
                _big_report(n),
                base_revision=revision,
                author=f"現場裝置 #{device_id}",
                device_id=device_id,
                now=t0 + dt.timedelta(milliseconds=30 * n),
            )
        except usage.StorageRefused as exc:
            refused.append(exc)
            continue
        revision, stored = result.revision, stored + 1
    grown = _database_bytes(venue) - before
    # What one device may store in a minute (merge bases and history), as SQLite holds it.
    assert grown < 2 * usage.DEVICE_BYTES_PER_MINUTE, grown
    assert stored <= 10 and len(refused) == 100 - stored
    assert refused[0].code == "report_storage_minute"
    with venue.db.read() as s:
        assert s.scalar(select(func.count()).select_from(GroupReportState)) <= stored + 1
        assert s.scalar(select(func.count()).select_from(GroupReportRevision)) <= stored


def test_a_device_over_its_minute_is_refused_with_the_error_shape(venue: Venue) -> None:
    a, url = _device(venue, 2)
    revision, answer = 0, None
    for n in range(20):
        answer = a.put(
            url + "/report.json",
            content=json.dumps(
                {"revision": revision, "fields": _big_report(n)}, ensure_ascii=False
            ).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        if answer.status_code != 200:
            break
        revision = answer.json()["revision"]
    assert answer is not None and answer.status_code == 429, answer.text
    assert answer.headers["Retry-After"] == "60"
    error = answer.json()["error"]
    assert answer.json()["ok"] is False and error["code"] == "report_storage_minute"
    assert "一分鐘" in error["message"] and error["params"] == {"scope": "device", "limit_mb": 2}


def test_writes_holding_the_table_url_are_bounded_like_a_device(venue: Venue) -> None:
    url, revision = venue.url(3), 0
    for n in range(20):
        answer = venue.client.put(
            url + "/report.json",
            content=json.dumps(
                {"revision": revision, "fields": _big_report(n)}, ensure_ascii=False
            ).encode("utf-8"),
            headers={"Content-Type": "application/json"},
        )
        if answer.status_code != 200:
            break
        revision = answer.json()["revision"]
    assert answer.status_code == 429 and answer.json()["error"]["code"] == "report_storage_minute"
