"""The ballot on a 360-pixel phone (QA): 「NT$」 and its amount split across lines, a title with
no break point widened the page past 360 px, and the sticky total bar covered 送出選票 when it
was just scrolled into view. Screenshots land in ``tests/server/screens/`` (git-ignored)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.core.group_report import Proposal, ReportContent
from desktop.core.vote import Method, Rules
from desktop.services import group_reports
from desktop.services import vote as svc
from desktop.services.events import find_session
from scenarios import vote_day
from tests.server.conftest import serving

SHOTS = Path(__file__).parent / "screens"
# The amounts (NT$ and digits) in the page's text whose characters are not all on one line.
SPLIT_AMOUNTS = r"""() => {
  const split = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const text = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) text.push(node);
  const whole = text.map(n => n.data).join("");
  const at = (offset) => {
    for (const node of text) {
      if (offset <= node.data.length) return [node, offset];
      offset -= node.data.length;
    }
  };
  for (const m of whole.matchAll(/NT\$\s*[\d,]+/g)) {
    const range = document.createRange();
    range.setStart(...at(m.index));
    range.setEnd(...at(m.index + m[0].length));
    const tops = new Set([...range.getClientRects()].filter(r => r.width > 0)
      .map(r => Math.round(r.top + r.height / 2)));
    if (tops.size > 1) split.push(m[0]);
  }
  return split;
}"""
UNBROKEN = "SmartStreetlightPilotForTheWholeNeighbourhoodIncludingSensors"


@pytest.fixture
def served(demo_db) -> Iterator[tuple[vote_day.VoteDay, str]]:
    day = vote_day.prepare(demo_db)
    table = group_reports.find_table(demo_db, day.session_id, 4)
    content = ReportContent(
        topic="社區參與", proposals=(Proposal(title=UNBROKEN, cost_text="1,200,000"),)
    )
    group_reports.save_report(demo_db, table.id, content, author="桌長", now=vote_day.T0)
    svc.open_vote(demo_db, day.session_id, Rules(Method.BASKET, 2_000_000))
    with serving(demo_db, find_session(demo_db, "臺北")) as base:
        yield day, base


def test_the_ballot_fits_360_pixels(served, page, demo_db) -> None:
    day, base = served
    SHOTS.mkdir(exist_ok=True)
    page.goto(f"{base}/vote")  # not signed in: the room page's sign-in, then back
    page.get_by_label("請輸入您的房間碼").fill(day.codes[day.present[0]])
    page.get_by_role("button", name="登入").click()
    page.wait_for_url(f"{base}/vote")
    page.screenshot(path=SHOTS / "ballot-360.png", full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    # Every amount on one line: each 「NT$ 1,200,000」 in the page's text lies on one line.
    split = page.evaluate(SPLIT_AMOUNTS)
    assert split == [], split
    # Scrolled just far enough to bring the button in: it is what a tap there reaches.
    button = page.locator("#submit")
    button.scroll_into_view_if_needed()
    box = button.bounding_box()
    assert box is not None
    hit = page.evaluate(
        "([x, y]) => document.elementFromPoint(x, y).id",
        [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
    )
    page.screenshot(path=SHOTS / "ballot-360-submit.png")
    assert hit == "submit"
