"""A voter on a 360×740 phone (Debian's chromium driven by Playwright): signs in on the room
page with their room code, opens 投票, fills a basket, tries to go over budget, submits, votes
again; a device that is not signed in is sent to the one sign-in form and comes back; a person
who has not checked in is told so. Screenshots land in ``tests/server/screens/`` (git-ignored)
for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from db.models import PbBallot
from desktop.core import room_code as rules
from desktop.core.vote import Method, Rules
from desktop.services import room
from desktop.services import vote as svc
from desktop.services.events import find_session
from scenarios import vote_day
from tests.server.conftest import serving

SHOTS = Path(__file__).parent / "screens"


@pytest.fixture
def served(demo_db, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[vote_day.VoteDay, str]]:
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits())
    day = vote_day.prepare(demo_db)
    svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 1_000_000))
    with serving(demo_db, find_session(demo_db, "臺北")) as base:
        yield day, base


def _type_code(page: Page, code: str) -> None:
    page.get_by_label("請輸入您的房間碼").fill(code)
    page.get_by_role("button", name="登入").click()


def test_signed_in_on_the_room_page_a_voter_opens_the_vote_and_casts(served, page, demo_db) -> None:
    day, base = served
    SHOTS.mkdir(exist_ok=True)
    page.goto(f"{base}/me")
    _type_code(page, day.codes[day.present[0]])
    page.get_by_role("link", name="前往投票").click()
    page.wait_for_url(f"{base}/vote")
    expect(page.get_by_text("投票人：")).to_be_visible()
    page.get_by_label("社區共融公園").check()  # 600,000
    page.get_by_label("公車站遮雨棚").check()  # 150,000
    assert page.locator("#sum").inner_text() == "750,000"
    page.get_by_label("共融公園遊具").click()  # 550,000 would go over 1,000,000
    assert not page.get_by_label("共融公園遊具").is_checked()
    assert "超過預算" in page.locator("#over").inner_text()
    assert page.locator("#sum").inner_text() == "750,000"
    page.screenshot(path=SHOTS / "vote-1-ballot.png", full_page=True)
    page.get_by_role("button", name="送出選票").click()
    assert "已收到您的選票" in page.locator("h1").inner_text()
    page.screenshot(path=SHOTS / "vote-2-done.png", full_page=True)
    page.get_by_role("link", name="修改我的選票").click()
    assert page.get_by_label("社區共融公園").is_checked()
    page.get_by_label("社區共融公園").uncheck()
    page.get_by_label("長者共餐廚房").check()
    page.get_by_role("button", name="送出選票").click()
    assert "取代先前那一張" in page.locator("h1").inner_text()
    with demo_db.read() as s:
        assert [sorted(b.approvals) for b in s.scalars(select(PbBallot))] == [[2, 4]]


def test_a_device_not_signed_in_signs_in_once_and_comes_back_to_the_vote(served, page) -> None:
    day, base = served
    SHOTS.mkdir(exist_ok=True)
    page.goto(f"{base}/vote")
    page.wait_for_url(f"{base}/me?next=/vote")
    expect(page.get_by_text("登入後會回到投票頁")).to_be_visible()
    assert page.get_by_text("末三碼").count() == 0
    page.screenshot(path=SHOTS / "vote-0-sign-in.png", full_page=True)
    _type_code(page, day.codes[day.present[1]].lower())
    page.wait_for_url(f"{base}/vote")
    expect(page.get_by_role("button", name="送出選票")).to_be_visible()


def test_a_person_not_checked_in_cannot_vote(served, page, demo_db) -> None:
    day, base = served
    SHOTS.mkdir(exist_ok=True)
    page.goto(f"{base}/vote")
    _type_code(page, day.codes[day.absent[0]])  # a seat holder who has not arrived
    page.wait_for_url(f"{base}/vote")
    expect(page.get_by_text("尚未報到")).to_be_visible()
    assert page.get_by_role("button", name="送出選票").count() == 0
    page.screenshot(path=SHOTS / "vote-3-not-checked-in.png", full_page=True)
    with demo_db.read() as s:
        assert s.scalars(select(PbBallot)).all() == []


def test_a_project_beyond_the_budget_says_why_it_cannot_be_chosen(
    demo_db, page, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits())
    day = vote_day.prepare(demo_db)
    svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 500_000))
    with serving(demo_db, find_session(demo_db, "臺北")) as base:
        page.goto(f"{base}/vote")
        _type_code(page, day.codes[day.present[0]])
        page.wait_for_url(f"{base}/vote")
        dear = page.get_by_label("社區共融公園")  # 600,000 > 500,000
        assert dear.is_disabled()
        why = page.get_by_text("不能選：經費 NT$ 600,000 超過總預算 NT$ 500,000")
        assert why.is_visible()
        assert page.get_by_label("公車站遮雨棚").is_enabled()
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / "vote-4-beyond-budget.png", full_page=True)


def test_the_leader_is_told_under_the_field_when_a_cost_cannot_be_read(page: Page, demo_db) -> None:
    from desktop.services import seating
    from desktop.services.venue import issue_secrets

    session = find_session(demo_db, "臺北場次")
    seating.assign(demo_db, session.id)
    with serving(demo_db, session) as base:
        table = next(t for t in issue_secrets(demo_db, session.id) if t.number == 2)
        page.goto(f"{base}/t/{table.code}/{table.secret}")
        page.locator("#add-proposal").click()
        page.locator('[data-key="proposals.0.title"]').fill("社區圖書角")
        page.locator('[data-key="proposals.0.cost_text"]').fill("三萬多")
        note = page.locator('[data-cost="0"]')
        expect(note).to_contain_text("經費「三萬多」看不懂", timeout=10_000)
        assert "不會列入投票" in note.inner_text()
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / "leader-unreadable-cost.png", full_page=True)
