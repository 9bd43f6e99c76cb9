"""A voter on a 360×740 phone (Debian's chromium driven by Playwright): choose table, name,
phone digits; fill a basket, try to go over budget, submit, vote again; a person who has not
checked in is not on the list and the API refuses them. Screenshots land in
``tests/server/screens/`` (git-ignored) for a person to look at."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from db.models import PbBallot
from desktop.core.vote import Method, Rules
from desktop.server.app import create_app
from desktop.server.runner import VenueServer
from desktop.services import vote as svc
from desktop.services import vote_ballots as ballots
from desktop.services.events import find_session
from scenarios import vote_day
from tests.server.conftest import phone

SHOTS = Path(__file__).parent / "screens"


@pytest.fixture
def served(demo_db) -> Iterator[tuple[vote_day.VoteDay, str]]:  # type: ignore[no-untyped-def]
    day = vote_day.prepare(demo_db)
    svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 1_000_000))
    server = VenueServer(create_app(demo_db, find_session(demo_db, "臺北")), "127.0.0.1", 0)
    server.start()
    try:
        yield day, server.address.rstrip("/")
    finally:
        server.stop()


@pytest.fixture
def phone_page(browser: Browser) -> Iterator[Page]:
    page = phone(browser)
    yield page
    page.context.close()


def test_voter_fills_a_basket_goes_over_budget_submits_and_revotes(  # type: ignore[no-untyped-def]
    served, phone_page, demo_db
) -> None:
    day, base = served
    SHOTS.mkdir(exist_ok=True)
    rid = day.present[0]
    tables = ballots.voter_tables(demo_db, day.session_id)
    table = next(t for t in tables if any(v.registration_id == rid for v in t.voters))
    me = next(v for v in table.voters if v.registration_id == rid)
    page = phone_page
    page.goto(f"{base}/vote")
    page.screenshot(path=SHOTS / "vote-1-tables.png", full_page=True)
    page.get_by_role("link", name=table.name).click()
    page.get_by_label(me.label, exact=True).check()
    page.get_by_label("最後三碼").fill(day.phones[rid][-3:])
    page.screenshot(path=SHOTS / "vote-2-name.png", full_page=True)
    page.get_by_role("button", name="下一步：投票").click()
    page.wait_for_url(f"{base}/vote/ballot")
    page.get_by_label("社區共融公園").check()  # 600,000
    page.get_by_label("公車站遮雨棚").check()  # 150,000
    assert page.locator("#sum").inner_text() == "750,000"
    page.get_by_label("共融公園遊具").click()  # 550,000 would go over 1,000,000
    assert not page.get_by_label("共融公園遊具").is_checked()
    assert "超過預算" in page.locator("#over").inner_text()
    assert page.locator("#sum").inner_text() == "750,000"
    page.screenshot(path=SHOTS / "vote-3-over-budget.png", full_page=True)
    page.get_by_role("button", name="送出選票").click()
    assert "已收到您的選票" in page.locator("h1").inner_text()
    page.screenshot(path=SHOTS / "vote-4-done.png", full_page=True)
    page.get_by_role("link", name="修改我的選票").click()
    assert page.get_by_label("社區共融公園").is_checked()
    page.get_by_label("社區共融公園").uncheck()
    page.get_by_label("長者共餐廚房").check()
    page.get_by_role("button", name="送出選票").click()
    assert "取代先前那一張" in page.locator("h1").inner_text()
    with demo_db.read() as s:
        assert [sorted(b.approvals) for b in s.scalars(select(PbBallot))] == [[2, 4]]


def test_a_person_not_checked_in_cannot_vote(served, phone_page, demo_db) -> None:  # type: ignore[no-untyped-def]
    day, base = served
    SHOTS.mkdir(exist_ok=True)
    absent = day.absent[0]
    listed = {
        v.registration_id for t in ballots.voter_tables(demo_db, day.session_id) for v in t.voters
    }
    assert absent not in listed  # not on any table's list of names
    page = phone_page
    page.goto(f"{base}/vote")
    # Trying anyway with a hand-made form post: refused with a sentence, nothing stored.
    page.goto(f"{base}/vote?table=1")
    csrf = page.locator('input[name="csrf"]').get_attribute("value")
    answer = page.request.post(
        f"{base}/vote/identify",
        form={
            "csrf": csrf or "",
            "table": "1",
            "voter": str(absent),
            "digits": day.phones[absent][-3:],
        },
        max_redirects=0,
    )
    assert answer.status == 403 and "尚未報到" in answer.text()
    page.set_content(answer.text())
    page.screenshot(path=SHOTS / "vote-5-not-checked-in.png", full_page=True)
    with demo_db.read() as s:
        assert s.scalars(select(PbBallot)).all() == []


def test_a_project_beyond_the_budget_says_why_it_cannot_be_chosen(  # type: ignore[no-untyped-def]
    demo_db, phone_page
) -> None:
    day = vote_day.prepare(demo_db)
    svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 500_000))
    server = VenueServer(create_app(demo_db, find_session(demo_db, "臺北")), "127.0.0.1", 0)
    server.start()
    try:
        base = server.address.rstrip("/")
        rid = day.present[0]
        voter = ballots.identify_voter(demo_db, day.session_id, rid, day.phones[rid][-3:])
        page = phone_page
        page.context.add_cookies(
            [{"name": "wd_voter", "value": voter.token, "url": base + "/vote"}]
        )
        page.goto(f"{base}/vote/ballot")
        dear = page.get_by_label("社區共融公園")  # 600,000 > 500,000
        assert dear.is_disabled()
        why = page.get_by_text("不能選：經費 NT$ 600,000 超過總預算 NT$ 500,000")
        assert why.is_visible()
        assert page.get_by_label("公車站遮雨棚").is_enabled()
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / "vote-6-beyond-budget.png", full_page=True)
    finally:
        server.stop()


def test_the_leader_is_told_under_the_field_when_a_cost_cannot_be_read(  # type: ignore[no-untyped-def]
    browser: Browser, demo_db
) -> None:
    from desktop.services import seating
    from desktop.services.venue import issue_secrets

    session = find_session(demo_db, "臺北場次")
    seating.assign(demo_db, session.id)
    server = VenueServer(create_app(demo_db, session), "127.0.0.1", 0)
    server.start()
    page = phone(browser)
    try:
        table = next(t for t in issue_secrets(demo_db, session.id) if t.number == 2)
        page.goto(f"{server.address}t/{table.code}/{table.secret}")
        page.locator("#add-proposal").click()
        page.locator('[data-key="proposals.0.title"]').fill("社區圖書角")
        page.locator('[data-key="proposals.0.cost_text"]').fill("三萬多")
        note = page.locator('[data-cost="0"]')
        expect(note).to_contain_text("經費「三萬多」看不懂", timeout=10_000)
        assert "不會列入投票" in note.inner_text()
        SHOTS.mkdir(exist_ok=True)
        page.screenshot(path=SHOTS / "leader-unreadable-cost.png", full_page=True)
    finally:
        page.context.close()
        server.stop()
