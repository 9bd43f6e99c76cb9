"""Two attendees on 360×740 phones (Debian's chromium driven by Playwright): a walk-in added
at the desk and a pre-registered person sign in with their room codes, each sees their own
table, the block running now and the handouts, and a 5 MB PDF downloads whole under its
Chinese name. Set ``WORKSHOP_DESK_SCREENSHOTS=DIR`` to keep screenshots of the page
(docs/venue/room-*.png were made so)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect
from sqlalchemy import select

from db.models import Registration, WorkshopTable
from db.uow import Database
from desktop.core import room_code as rules
from desktop.server import room as room_page
from desktop.services import agenda_run, handouts, room, seating
from desktop.services.events import find_session
from desktop.services.walkins import add_walk_in
from tests.server.conftest import phone, serving


def snap(page: Page, name: str) -> None:
    folder = os.environ.get("WORKSHOP_DESK_SCREENSHOTS")
    if folder:
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / f"room-{name}.png"), full_page=True)


class Day:
    def __init__(
        self, db: Database, base: str, session_id: int, walk_in: int, booked: int, running: str
    ) -> None:
        self.db, self.base, self.session_id = db, base, session_id
        self.walk_in, self.booked, self.running = walk_in, booked, running

    def code(self, registration_id: int) -> str:
        with self.db.read() as s:
            code = s.get_one(Registration, registration_id).room_code
        assert code is not None
        return rules.shown(code)

    def table(self, registration_id: int) -> tuple[int, str]:
        with self.db.read() as s:
            table = s.scalar(
                select(WorkshopTable).where(
                    WorkshopTable.seats.any(registration_id=registration_id)
                )
            )
            assert table is not None
            return table.number, table.location


@pytest.fixture
def day(demo_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Day]:
    monkeypatch.setattr(room, "LIMITS", rules.AttemptLimits())
    session = find_session(demo_db, "臺北場次")
    seating.assign(demo_db, session.id)
    walk_in = add_walk_in(demo_db, session.id, name="歐陽志明", agency="臺北市政府").registration_id
    with demo_db.unit_of_work() as s:
        table = s.scalars(
            select(WorkshopTable)
            .where(WorkshopTable.session_id == session.id)
            .order_by(WorkshopTable.number.desc())
        ).first()
        assert table is not None
        table.location = "講台右側，靠窗"
        table_id = table.id
    seating.move_person(demo_db, walk_in, table_id)
    with demo_db.read() as s:
        booked = s.scalar(
            select(Registration.id)
            .where(Registration.session_id == session.id, Registration.status == "admitted")
            .order_by(Registration.id)
        )
    assert booked is not None
    blocks = agenda_run.load_run(demo_db, session.id).rows
    # the first block long enough to be twenty minutes in and still running
    running = next(b for b in blocks if b.planned_end - b.planned_start >= dt.timedelta(hours=1))
    started = running.planned_start + dt.timedelta(minutes=7)  # seven minutes late
    agenda_run.toggle(demo_db, session.id, started, block_id=running.id)
    at = started + dt.timedelta(minutes=20)
    monkeypatch.setattr(room_page, "clock", lambda: at)
    pdf = tmp_path / "參與式預算 講義（第一天）.pdf"
    pdf.write_bytes(b"%PDF-1.4\n" + os.urandom(5 * 1024 * 1024))
    handouts.add_handout(demo_db, session.id, pdf)
    with serving(demo_db, session) as base:
        yield Day(demo_db, base, session.id, walk_in, booked, running.title)


def sign_in(page: Page, base: str, code: str) -> None:
    page.goto(f"{base}/me")
    page.get_by_label("請輸入您的房間碼").fill(code)
    page.get_by_role("button", name="登入").click()
    expect(page.get_by_role("heading", name="我的桌次")).to_be_visible()


def test_walk_in_and_booked_attendee_see_their_own_day_and_download_the_handout(
    day: Day, page: Page, browser: Browser, tmp_path: Path
) -> None:
    page.goto(f"{day.base}/me")
    expect(page.get_by_label("請輸入您的房間碼")).to_be_visible()
    page.get_by_label("請輸入您的房間碼").fill("222-222-222")
    page.get_by_role("button", name="登入").click()
    expect(page.get_by_role("alert")).to_contain_text("房間碼不對")
    snap(page, "wrong-code")
    # the walk-in types the code from the slip the desk printed, lower case, no dashes
    page.get_by_label("請輸入您的房間碼").fill(day.code(day.walk_in).replace("-", "").lower())
    page.get_by_role("button", name="登入").click()
    number, location = day.table(day.walk_in)
    expect(page.get_by_text(f"第 {number} 桌")).to_be_visible()
    expect(page.get_by_text("位置　講台右側，靠窗")).to_be_visible()
    expect(page.get_by_role("heading", name="歐○○明，您好")).to_be_visible()
    expect(page.get_by_text(day.running, exact=True)).to_be_visible()
    expect(page.get_by_text("進度落後 7 分鐘")).to_be_visible()
    expect(page.locator(".status")).to_have_text("尚未報到")
    assert page.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scroll
    link = page.get_by_role("link", name="參與式預算 講義（第一天）")
    box = link.bounding_box()
    assert box is not None and box["height"] >= 48 and box["width"] >= 300  # a thumb's target
    snap(page, "day")
    with page.expect_download() as info:
        link.click()
    download = info.value
    assert download.suggested_filename == "參與式預算 講義（第一天）.pdf"
    saved = tmp_path / "got.pdf"
    download.save_as(saved)
    assert saved.stat().st_size == 5 * 1024 * 1024 + 9
    assert (
        b"".join(handouts.chunks(day.db, handouts.list_handouts(day.db, day.session_id)[0].id))
        == saved.read_bytes()
    )

    other = phone(browser)
    try:
        sign_in(other, day.base, day.code(day.booked))
        booked_table, _ = day.table(day.booked)
        expect(other.get_by_text(f"第 {booked_table} 桌", exact=True)).to_be_visible()
        expect(other.get_by_text("現在", exact=True)).to_be_visible()
        expect(other.get_by_text(day.running, exact=True)).to_be_visible()
        assert "歐○○明" not in other.content()
        # the device remembers the person: the address alone opens the day again
        other.goto(f"{day.base}/me")
        expect(other.get_by_role("heading", name="我的桌次")).to_be_visible()
        other.get_by_role("button", name="登出這台裝置").click()
        expect(other.get_by_label("請輸入您的房間碼")).to_be_visible()
    finally:
        other.context.close()
