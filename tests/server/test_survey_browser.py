"""An attendee answers the questionnaire on a 360×740 phone (Debian's chromium via
Playwright): from the room page's 問卷 card to the thank-you page, with the answers stored as
tapped. Set ``WORKSHOP_DESK_SCREENSHOTS=DIR`` to keep screenshots (docs/venue/survey-*.png)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from sqlalchemy import select

from db.models import Registration, SurveyResponse
from db.uow import Database
from desktop.core import room_code as rules
from desktop.services import room, seating
from desktop.services import survey as svc
from desktop.services.checkin import check_in_registration
from desktop.services.events import find_session
from tests.server.conftest import serving


def snap(page: Page, name: str) -> None:
    folder = os.environ.get("WORKSHOP_DESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"survey-{name}.png"), full_page=True)


@pytest.fixture
def served(demo_db: Database, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, str]]:
    """(server address, the room code of a checked-in attendee); the questionnaire is open."""
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits())
    session = find_session(demo_db, "臺北場次")
    seating.assign(demo_db, session.id)
    with serving(demo_db, session) as base:  # the app gives the room codes
        with demo_db.read() as s:
            rid, code = s.execute(
                select(Registration.id, Registration.room_code)
                .where(Registration.session_id == session.id, Registration.status == "admitted")
                .order_by(Registration.id)
                .limit(1)
            ).one()
        check_in_registration(demo_db, session.id, rid)
        svc.open_survey(demo_db, session.id)
        assert code is not None
        yield base, rules.shown(code)


def test_an_attendee_answers_on_a_phone(
    served: tuple[str, str], page: Page, demo_db: Database
) -> None:
    base, code = served
    page.goto(f"{base}/me")
    page.get_by_label("請輸入您的房間碼").fill(code)
    page.get_by_role("button", name="登入").click()
    page.get_by_role("link", name="填寫問卷").click()
    expect(page.get_by_role("heading", name="課後問卷")).to_be_visible()
    overall = page.get_by_role("group", name="整體滿意度")
    choice = overall.get_by_text("非常滿意", exact=True)
    box = choice.locator("xpath=..").bounding_box()
    assert box is not None and box["height"] >= 48 and box["width"] >= 300  # a thumb's target
    choice.click()
    page.get_by_role("group", name="課程內容符合工作需要").get_by_text("滿意", exact=True).click()
    page.get_by_label("最有收穫的部分").fill("分組討論的實作")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scroll
    snap(page, "form")
    page.get_by_role("button", name="送出問卷").click()
    expect(page.get_by_role("status")).to_contain_text("已收到您的回覆")
    snap(page, "done")
    page.get_by_role("link", name="回到我的研習").click()
    expect(page.get_by_text("您已填寫課後問卷")).to_be_visible()
    with demo_db.read() as s:
        assert [r.answers for r in s.scalars(select(SurveyResponse))] == [
            {"content": 4, "overall": 5, "gain": "分組討論的實作"}
        ]
