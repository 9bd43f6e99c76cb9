"""A demo session ready for the PB vote: seated, some people checked in, reports with proposals,
everyone's room code (what a voter signs in with).

Shared by the vote's service, CLI, report and venue-page tests and the vote benchmark."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select

from db.models import Attendee, Registration
from db.uow import Database
from desktop.core.group_report import Proposal, ReportContent
from desktop.services import group_reports, room, seating
from desktop.services.checkin import check_in_registration
from desktop.services.events import find_session

T0 = dt.datetime(2019, 3, 15, 9, 0)

# table -> proposals (title, cost as typed); table 2's first and table 1's first are alike
PROPOSALS = {
    1: [("社區共融公園", "60萬"), ("公車站遮雨棚", "NT$150,000")],
    2: [("共融公園遊具", "55萬"), ("長者共餐廚房", "30萬")],
    3: [("巷弄照明改善", "200000"), ("社區圖書角", "待估")],
}


@dataclass(frozen=True)
class VoteDay:
    session_id: int
    present: tuple[int, ...]  # registration ids checked in
    absent: tuple[int, ...]  # admitted, seated, not checked in
    phones: dict[int, str]  # registration id -> phone on file
    codes: dict[int, str]  # registration id -> room code, grouped (K7M-Q4X-RTP)


def prepare(db: Database, *, checked_in: int = 12) -> VoteDay:
    session = find_session(db, "臺北")
    seating.assign(db, session.id, now=T0)
    with db.read() as s:
        rows = s.execute(
            select(Registration.id, Attendee.phone)
            .join(Attendee, Attendee.id == Registration.attendee_id)
            .where(Registration.session_id == session.id, Registration.status == "admitted")
            .order_by(Registration.queue)
        ).all()
    room.ensure_codes(db, session.id)
    with db.read() as s:
        codes = room.codes_for(s, [r for r, _ in rows])
    for rid, _ in rows[:checked_in]:
        check_in_registration(db, session.id, rid, now=T0)
    for number, proposals in PROPOSALS.items():
        table = group_reports.find_table(db, session.id, number)
        content = ReportContent(
            topic="社區參與",
            proposals=tuple(Proposal(title=title, cost_text=cost) for title, cost in proposals),
        )
        group_reports.save_report(db, table.id, content, author="桌長", now=T0)
    return VoteDay(
        session.id,
        tuple(r for r, _ in rows[:checked_in]),
        tuple(r for r, _ in rows[checked_in:]),
        {r: p for r, p in rows},
        codes,
    )


def sign_in(client: Any, code: str) -> dict[str, str]:
    """Sign ``client`` (a TestClient) in on the room page with ``code``: the headers its JSON
    writes carry (the device cookie stays in the client)."""
    answer = client.post("/me/api/sign-in", json={"code": code})
    assert answer.status_code == 200, answer.text
    return {"X-CSRF-Token": answer.json()["csrf"]}
