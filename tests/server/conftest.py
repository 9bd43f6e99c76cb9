"""A venue app on the demo event's 臺北場次 (everyone seated), its table secrets, a client;
and the real browser the page tests drive: Debian's chromium through Playwright, skipped only
when no chromium is installed outside CI (in CI a missing browser fails)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from starlette.testclient import TestClient

from db.uow import Database
from desktop.server.app import LiveState, create_app
from desktop.server.runner import VenueServer
from desktop.services import seating
from desktop.services.events import SessionInfo, find_session
from desktop.services.venue import TableSecret, issue_secrets

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"width": 360, "height": 740}


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM:
        reason = "no chromium installed (apt install chromium; scripts/install-system-deps.sh)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def phone(browser: Browser) -> Page:
    """A new page in its own context (its own storage and cookies), as a 360×740 phone."""
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True, locale="zh-TW"
    )
    return context.new_page()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """``phone``'s page, its context closed after the test."""
    opened = phone(browser)
    yield opened
    opened.context.close()


@contextmanager
def serving(db: Database, session: SessionInfo) -> Iterator[str]:
    """The venue app for ``session`` on a free loopback port while the block runs: its base
    URL, without the trailing slash."""
    server = VenueServer(create_app(db, session), "127.0.0.1", 0)
    server.start()
    try:
        yield server.address.rstrip("/")
    finally:
        server.stop()


@dataclass
class Venue:
    db: Database
    path: Path
    session: SessionInfo
    live: LiveState
    client: TestClient
    secrets: dict[int, TableSecret]

    def url(self, number: int) -> str:
        t = self.secrets[number]
        return f"/t/{t.code}/{t.secret}"

    def joined(self, number: int) -> TestClient:
        """A browser that opened the table URL (it holds the device cookie now)."""
        browser = TestClient(self.client.app, base_url="http://testserver")
        answer = browser.get(self.url(number), follow_redirects=False)
        assert answer.status_code == 303
        return browser

    def csrf(self, browser: TestClient, number: int) -> str:
        page = browser.get(f"/t/{self.secrets[number].code}").text
        return page.split('data-csrf="', 1)[1].split('"', 1)[0]


@pytest.fixture
def venue(demo_db: Database, demo_db_path: Path) -> Venue:
    session = find_session(demo_db, "臺北場次")
    seating.assign(demo_db, session.id)
    live = LiveState()
    app = create_app(demo_db, session, live=live)
    issued = issue_secrets(demo_db, session.id)
    return Venue(
        demo_db, demo_db_path, session, live, TestClient(app), {t.number: t for t in issued}
    )


def personal_data(db: Database, session_id: int) -> set[str]:
    """Full names (3+ characters, so a masked form differs), phones, e-mails and ID masks of
    everyone registered for the session: none may appear on a venue page."""
    from sqlalchemy import select

    from db.models import Attendee, Registration, WorkshopTable

    with db.read() as s:
        people = s.scalars(
            select(Attendee).join(Registration).where(Registration.session_id == session_id)
        ).all()
        leaders = s.scalars(
            select(WorkshopTable.leader_name).where(WorkshopTable.session_id == session_id)
        ).all()
        found = {p.name for p in people if len(p.name) >= 2} | {n for n in leaders if len(n) >= 2}
        found |= {p.phone for p in people if p.phone} | {p.email for p in people if p.email}
        found |= {p.id_mask[:6] for p in people if p.id_mask}
    return found
