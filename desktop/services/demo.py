"""The demo event: the seed announcement's course with a synthetic, fictional roster.

Sessions, venues, dates, agendas and speakers come from ``resources/demo/seed_event.json``,
transcribed from the announcement. The roster is generated from fixed pools with a fixed
random seed, so every demo database is the same: 45 registrations per session (more than
the 40 seats), some agencies with more than two registrants, valid-checksum fake ID numbers.
"""

from __future__ import annotations

import datetime as dt
import json
import random
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from db.models import (
    AgendaBlock,
    Attendee,
    Event,
    EventSession,
    Registration,
    WorkshopTable,
)
from db.uow import Database
from desktop.core import admission
from desktop.core.ids import LETTER_VALUES, make_id
from desktop.core.status import Status
from desktop.core.text import match_key
from desktop.paths import resource
from desktop.services import audit, stored_settings
from desktop.services.events import create_event
from desktop.services.idnumbers import store_id_number

DEMO_PASSPHRASE = "demo"  # documented in the README; real events get the organiser's own
DEMO_SEED = 20190315
FORBIDDEN_IDS = {"A123456789"}  # the famous example number must never appear in demo data


@dataclass(frozen=True)
class DemoResult:
    event_id: int
    sessions: int
    attendees: int


def load_seed() -> dict[str, Any]:
    return json.loads(resource("demo", "seed_event.json").read_text(encoding="utf-8"))


def build_demo(db: Database, now: dt.datetime | None = None) -> DemoResult:
    """Fill an empty database with the demo event. Refuses a database that has events."""
    with db.read() as s:
        if s.scalar(select(Event.id).limit(1)) is not None:
            raise ValueError("demo database already holds an event")
    seed = load_seed()
    pools = json.loads(resource("demo", "roster_pools.json").read_text(encoding="utf-8"))
    info = seed["event"]
    created = now or dt.datetime.now()
    event_id = create_event(
        db,
        name=info["name"],
        organiser=info["organiser"],
        executor=info["executor"],
        passphrase=DEMO_PASSPHRASE,
        public_passphrase=True,
        actor="demo",
        now=created,
    )
    rng = random.Random(DEMO_SEED)
    people = 0
    with db.unit_of_work() as s:
        event = s.get_one(Event, event_id)
        announced_on = dt.date.fromisoformat(info["announced_on"])
        event.announced_on = announced_on
        for position, spec in enumerate(seed["sessions"]):
            es = _add_session(event, position, spec)
            _add_tables(es, seed["tables"])
            s.flush()
            people += _add_roster(s, event, es, pools, rng, created, announced_on)
        # The demo's passphrase is public (README); saying it in the unlock prompt spares a
        # new user the hunt. Real events never get this setting.
        stored_settings.write(
            s, stored_settings.PASSPHRASE_HINT, event_id, {"text": DEMO_PASSPHRASE}, created
        )
        audit.record(s, "demo.build", actor="demo", entity="event", entity_id=event_id)
    return DemoResult(event_id=event_id, sessions=len(seed["sessions"]), attendees=people)


def _at(day: dt.date, hhmm: str) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.fromisoformat(hhmm))


def _add_session(event: Event, position: int, spec: dict[str, Any]) -> EventSession:
    day = dt.date.fromisoformat(spec["date"])
    es = EventSession(
        position=position,
        name=spec["name"],
        date=day,
        start_time=dt.time.fromisoformat(spec["start"]),
        end_time=dt.time.fromisoformat(spec["end"]),
        venue=spec["venue"],
        address=spec["address"],
        city_code=spec["city_code"],
        term=spec["term"],
        capacity=spec["capacity"],
        agency_limit=spec["agency_limit"],
    )
    for i, (start, end, kind, title, speaker, credit, description) in enumerate(spec["agenda"]):
        es.agenda.append(
            AgendaBlock(
                position=i,
                planned_start=_at(day, start),
                planned_end=_at(day, end),
                kind=kind,
                title=title,
                speaker=speaker,
                counts_for_hours=credit,
                description=description,
            )
        )
    event.sessions.append(es)
    return es


def _add_tables(es: EventSession, spec: dict[str, Any]) -> None:
    for number, (leader, unit) in enumerate(spec["leaders"][es.name], start=1):
        es.tables.append(
            WorkshopTable(
                number=number,
                name=f"第{number}桌",
                capacity=spec["capacity"],
                leader_name=leader,
                leader_unit=unit,
            )
        )


def _fake_id(rng: random.Random) -> str:
    while True:
        letter = rng.choice(sorted(LETTER_VALUES))
        number = make_id(letter, rng.choice("12"), f"{rng.randrange(10**7):07d}")
        if number not in FORBIDDEN_IDS:
            return number


def _add_roster(
    s: Session,
    event: Event,
    es: EventSession,
    pools: dict[str, Any],
    rng: random.Random,
    created: dt.datetime,
    announced_on: dt.date,
) -> int:
    agencies = pools["agencies"][es.name]
    # Two registrants from each of 20 agencies, one from two more, and three extra people from
    # the most popular agencies: 45 in all, so first come fills the 40 seats, and both the
    # capacity and the per-agency limit put people on the waitlist.
    slots = [a for a in agencies[:20] for _ in range(2)] + agencies[20:22] + agencies[:3]
    rng.shuffle(slots)
    opened = dt.datetime.combine(announced_on, dt.time(9, 0))
    registrations: list[Registration] = []
    used_names: set[str] = set()
    for agency in slots:
        name = rng.choice(pools["surnames"]) + rng.choice(pools["given"])
        while name in used_names:
            name = rng.choice(pools["surnames"]) + rng.choice(pools["given"])
        used_names.add(name)
        wants_hours = rng.random() < 0.85
        attendee = Attendee(
            name=name,
            agency=agency,
            unit=rng.choice(pools["units"]),
            title=rng.choice(pools["titles"]),
            email=f"demo{es.position}{len(registrations):03d}@mail.example.gov.tw",
            phone=f"09{rng.randrange(10**8):08d}",
            wants_hours=wants_hours,
            created_at=created,
            updated_at=created,
        )
        store_id_number(attendee, event, _fake_id(rng) if wants_hours else None)
        event.attendees.append(attendee)
        registered_at = opened + dt.timedelta(minutes=rng.randrange(14 * 24 * 60))
        registration = Registration(
            session=es,
            registered_at=registered_at,
            lunch=rng.choices(["葷", "素"], [4, 1])[0],
            source="manual",  # not from an export: a later import must not flag them
        )
        attendee.registrations.append(registration)
        registrations.append(registration)
    registrations.sort(key=lambda r: r.registered_at)
    for queue, registration in enumerate(registrations, start=1):
        registration.queue = queue
    s.flush()
    proposal = admission.propose(
        (
            admission.Applicant(
                key=r.id,
                agency_key=match_key(r.attendee.agency),
                queue=r.queue,
                status=Status.WAITLISTED,
            )
            for r in registrations
        ),
        capacity=es.capacity,
        agency_limit=es.agency_limit,
    )
    for r in registrations:
        r.status = proposal.statuses[r.id]
    return len(registrations)
