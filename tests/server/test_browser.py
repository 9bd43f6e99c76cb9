"""The leader's page in a real browser (``browser``: Debian's chromium driven by Playwright,
tests/server/conftest.py) on a 360×740 phone.
Set ``WORKSHOP_DESK_SCREENSHOTS=DIR`` to keep phone screenshots of the page's states.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

from db.uow import Database
from desktop.server.app import create_app
from desktop.server.runner import VenueServer
from desktop.services import group_reports as svc
from desktop.services import seating
from desktop.services.events import SessionInfo, find_session
from desktop.services.venue import TableSecret, issue_secrets
from tests.server.conftest import personal_data, phone


class Room:
    def __init__(
        self,
        db: Database,
        path: Path,
        session: SessionInfo,
        server: VenueServer,
        secrets: dict[int, TableSecret],
    ) -> None:
        self.db, self.path, self.session, self.server, self.secrets = (
            db,
            path,
            session,
            server,
            secrets,
        )

    def url(self, number: int) -> str:
        t = self.secrets[number]
        return f"{self.server.address}t/{t.code}/{t.secret}"

    def stored(self, number: int) -> svc.ReportContent:
        return svc.load_report(self.db, svc.find_table(self.db, self.session.id, number).id).content


@pytest.fixture
def room(demo_db: Database, demo_db_path: Path) -> Iterator[Room]:
    session = find_session(demo_db, "臺北場次")
    seating.assign(demo_db, session.id)
    server = VenueServer(create_app(demo_db, session), "127.0.0.1", 0)
    server.start()
    issued = issue_secrets(demo_db, session.id)
    room = Room(demo_db, demo_db_path, session, server, {t.number: t for t in issued})
    yield room
    room.server.stop()


def snap(page: Page, name: str) -> None:
    folder = os.environ.get("WORKSHOP_DESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"leader-{name}.png"), full_page=False)


def _jpeg() -> bytes:
    import io

    from PIL import Image

    out = io.BytesIO()
    Image.new("RGB", (800, 600), "white").save(out, "JPEG")
    return out.getvalue()


def saved(page: Page) -> None:
    expect(page.locator("#status")).to_contain_text("已儲存", timeout=10_000)


def test_a_leader_fills_the_report_on_a_phone_and_reports_show_has_it(
    browser: Browser, room: Room, run_cli
) -> None:
    page = phone(browser)
    page.goto(room.url(2))
    assert page.url.endswith("/t/2")  # the secret left the address bar
    expect(page.locator("h1")).to_have_text("第2桌 小組報告")
    snap(page, "empty")
    page.locator('[data-key="topic"]').fill("社區共融公園")
    page.locator('[data-key="points_for"]').fill("居民有共識\n交通方便")
    page.locator("#add-proposal").click()
    page.locator('[data-key="proposals.0.title"]').fill("共融遊具")
    page.locator('[data-key="proposals.0.cost_text"]').fill("約 30 萬")
    page.locator('[data-key="proposals.0.feasibility.legal"]').select_option("○")
    page.locator('[data-key="members.0.present"]').uncheck()
    saved(page)
    expect(page.locator('[data-cost="0"]')).to_contain_text("300,000")
    page.locator('[data-cost="0"]').scroll_into_view_if_needed()
    snap(page, "filled")
    page.locator('input[type="file"]').set_input_files(
        files=[{"name": "IMG_0001.jpg", "mimeType": "image/jpeg", "buffer": _jpeg()}]
    )
    expect(page.locator("#photo-status")).to_contain_text("已附照片")
    page.locator("#photo-form").scroll_into_view_if_needed()
    snap(page, "photo")
    code, out, _ = run_cli(
        "--db", room.path, "reports", "show", "--session", "臺北場次", "--table", "2", "--json"
    )
    shown = json.loads(out)["tables"][0]
    assert code == 0 and shown["topic"] == "社區共融公園"
    assert shown["points_for"] == ["居民有共識", "交通方便"]
    assert shown["proposals"][0]["title"] == "共融遊具" and shown["proposals"][0]["cost"] == 300000
    assert shown["proposals"][0]["feasibility"]["legal"] == "○"
    assert shown["members"][0]["present"] is False and shown["photo"]
    page.context.close()


def test_a_network_drop_mid_typing_loses_nothing(browser: Browser, room: Room) -> None:
    page = phone(browser)
    page.goto(room.url(3))
    page.locator('[data-key="topic"]').fill("斷線前")
    saved(page)
    page.context.set_offline(True)
    page.locator('[data-key="topic"]').fill("斷線前，斷線中繼續打")
    page.locator('[data-key="feedback"]').fill("離線時寫的回饋")
    expect(page.locator("#status")).to_contain_text("未連線", timeout=10_000)
    snap(page, "offline")
    assert room.stored(3).topic == "斷線前"
    page.context.set_offline(False)
    saved(page)
    stored = room.stored(3)
    assert (stored.topic, stored.feedback) == ("斷線前，斷線中繼續打", "離線時寫的回饋")
    page.context.close()


def test_a_draft_left_in_the_browser_is_sent_when_the_page_opens_again(
    browser: Browser, room: Room
) -> None:
    page = phone(browser)
    page.goto(room.url(4))
    page.context.set_offline(True)
    page.locator('[data-key="ranking"]').fill("共融遊具 12 票")
    expect(page.locator("#status")).to_contain_text("未連線", timeout=10_000)
    # The phone's browser is closed before the Wi-Fi comes back (so its own "online"
    # retry never runs); the leader opens the table's page again later.
    table_page, context = page.url, page.context
    page.close()
    assert room.stored(4).ranking != "共融遊具 12 票"
    context.set_offline(False)
    page = context.new_page()
    page.goto(table_page)
    saved(page)
    assert room.stored(4).ranking == "共融遊具 12 票"
    # The desk restarts its server (new table secrets, new page signatures): the device goes on.
    room.server.stop()
    room.server = VenueServer(create_app(room.db, room.session), "127.0.0.1", room.server.port)
    room.server.start()
    issue_secrets(room.db, room.session.id)
    page.locator('[data-key="ranking"]').fill("共融遊具 13 票")
    saved(page)
    assert room.stored(4).ranking == "共融遊具 13 票"
    page.context.close()


def test_two_editors_merge_or_see_the_conflict(browser: Browser, room: Room) -> None:
    first, second = phone(browser), phone(browser)
    first.goto(room.url(5))
    second.goto(room.url(5))
    second.context.set_offline(True)  # holds on to the revision it loaded
    first.locator('[data-key="topic"]').fill("甲的主題")
    first.locator('[data-key="feedback"]').fill("甲的回饋")
    saved(first)
    second.locator('[data-key="topic"]').fill("乙的主題")
    second.locator('[data-key="open_questions"]').fill("乙的問題")
    expect(second.locator("#status")).to_contain_text("未連線", timeout=10_000)
    second.context.set_offline(False)
    expect(second.locator("#conflicts")).to_be_visible(timeout=10_000)
    expect(second.locator("#conflict-list")).to_contain_text("甲的主題")
    expect(second.locator("#conflict-list")).to_contain_text("乙的主題")
    expect(second.locator("#conflicts")).to_be_in_viewport()
    snap(second, "conflict")
    stored = room.stored(5)
    assert (stored.topic, stored.feedback, stored.open_questions) == (
        "甲的主題",
        "甲的回饋",
        "乙的問題",
    )
    second.locator("#conflict-list .choice.mine").click()
    expect(second.locator("#conflicts")).to_be_hidden()
    saved(second)
    assert room.stored(5).topic == "乙的主題"
    first.context.close()
    second.context.close()


def test_a_wrong_secret_is_refused_and_pages_carry_no_personal_data(
    browser: Browser, room: Room
) -> None:
    page = phone(browser)
    answer = page.goto(f"{room.server.address}t/1/{'b' * 32}")
    assert answer is not None and answer.status == 403
    expect(page.locator("h1")).to_have_text("無法開啟")
    assert page.locator("#report").count() == 0
    snap(page, "refused")
    served = [page.content()]
    for number in room.secrets:
        page.goto(room.url(number))
        expect(page.locator("#status")).to_contain_text("已連線")
        served.append(page.content())
    page.goto(room.server.address)
    served.append(page.content())
    leaked = {p for p in personal_data(room.db, room.session.id) for html in served if p in html}
    assert not leaked
    page.context.close()


def test_a_proposal_the_desk_deleted_while_the_phone_edited_it_comes_back_and_is_told(
    browser: Browser, room: Room
) -> None:
    page = phone(browser)
    page.goto(room.url(6))
    page.locator("#add-proposal").click()
    page.locator('[data-key="proposals.0.title"]').fill("步道照明")
    page.locator("#add-proposal").click()
    page.locator('[data-key="proposals.1.title"]').fill("座椅")
    saved(page)
    ids = [p.id for p in room.stored(6).proposals]
    assert len(ids) == 2 and len(set(ids)) == 2 and all(len(i) == 10 for i in ids)
    page.context.set_offline(True)  # the phone keeps the revision it has
    page.locator('[data-key="proposals.0.problem"]').fill("晚上太暗")
    expect(page.locator("#status")).to_contain_text("未連線", timeout=10_000)
    table = svc.find_table(room.db, room.session.id, 6)
    desk = svc.load_report(room.db, table.id)
    svc.save_report(  # the desk deletes 步道照明 meanwhile
        room.db,
        table.id,
        replace(desk.content, proposals=desk.content.proposals[1:]),
        base_revision=desk.revision,
        author="主辦",
    )
    page.context.set_offline(False)
    expect(page.locator("#conflict-list")).to_contain_text("另一位刪除了這項提案", timeout=10_000)
    stored = room.stored(6).proposals
    assert [(p.id, p.title, p.problem) for p in stored] == [
        (ids[0], "步道照明", "晚上太暗"),
        (ids[1], "座椅", ""),
    ]
    snap(page, "deleted-and-edited")
    page.locator("#conflict-list .choice.delete").click()  # the leader agrees with the desk
    saved(page)
    assert [p.id for p in room.stored(6).proposals] == [ids[1]]
    expect(page.locator('[data-key="proposals.0.title"]')).to_have_value("座椅")
    page.context.close()


def test_the_page_says_the_limits_and_shows_a_refusal_in_words(
    browser: Browser, room: Room
) -> None:
    page = phone(browser)
    page.goto(room.url(4))
    topic = page.locator('[data-key="topic"]')
    assert topic.get_attribute("maxlength") == "300"
    expect(page.locator("label", has=topic)).to_contain_text("最多 300 字")
    # A script setting the value is not held by maxlength: the desk refuses, the page says why.
    topic.evaluate(
        "el => { el.value = '題'.repeat(301);"
        " el.dispatchEvent(new Event('input', {bubbles: true})); }"
    )
    expect(page.locator("#status")).to_contain_text("最多 300 字", timeout=10_000)
    expect(page.locator("#status")).to_contain_text("未儲存")
    assert room.stored(4).topic == ""
    page.context.close()
