import datetime as dt

import pytest
from sqlalchemy import func, select

from db.models import CheckIn, Event, Registration
from db.uow import Database
from desktop.core.tokens import make_token
from desktop.services import checkin as svc
from desktop.services import checkin_log, desk_counts, desk_search
from desktop.services.events import list_events
from desktop.services.walkins import add_walk_in

T = dt.datetime(2019, 3, 15, 8, 40)


def _setup(db: Database):
    sessions = list_events(db)[0].sessions
    with db.read() as s:
        secret = s.scalars(select(Event.token_secret)).one()
        regs = {
            st: s.scalars(
                select(Registration.id).where(
                    Registration.session_id == sessions[0].id, Registration.status == st
                )
            ).all()
            for st in ("admitted", "waitlisted")
        }
        other = s.scalars(
            select(Registration.id).where(Registration.session_id == sessions[1].id)
        ).first()
    return sessions, secret, regs, other


def _log(db: Database, reg_id: int) -> list[tuple[str, int | None]]:
    with db.read() as s:
        return [
            (c.action, c.voids_id)
            for c in s.scalars(
                select(CheckIn).where(CheckIn.registration_id == reg_id).order_by(CheckIn.id)
            )
        ]


def test_scan_checks_in_then_reports_already_checked_in(demo_db: Database) -> None:
    sessions, secret, regs, _ = _setup(demo_db)
    reg = regs["admitted"][0]
    token = make_token(secret, reg)
    first = svc.scan(demo_db, sessions[0].id, token, desk="desk-2", now=T)
    assert (
        first.code == "ok" and first.action == "in" and first.name and first.lunch in ("葷", "素")
    )
    again = svc.scan(
        demo_db, sessions[0].id, token.lower(), desk="desk-1", now=T.replace(minute=45)
    )
    assert again.code == "already_checked_in"
    assert (again.first_at, again.first_desk) == (T, "desk-2")
    assert _log(demo_db, reg) == [("in", None), ("refused", None)]


def test_repeated_nonce_is_harmless(demo_db: Database) -> None:
    sessions, secret, regs, _ = _setup(demo_db)
    token = make_token(secret, regs["admitted"][1])
    a = svc.scan(demo_db, sessions[0].id, token, nonce="n1", now=T)
    b = svc.scan(demo_db, sessions[0].id, token, nonce="n1", now=T.replace(minute=41))
    assert a.code == b.code == "ok" and b.replayed and a.check_in_id == b.check_in_id
    assert _log(demo_db, regs["admitted"][1]) == [("in", None)]


def test_refused_codes(demo_db: Database) -> None:
    sessions, secret, regs, other = _setup(demo_db)
    sid = sessions[0].id
    token = make_token(secret, regs["admitted"][0])
    forged = token[:-1] + ("A" if token[-1] != "A" else "B")
    assert svc.scan(demo_db, sid, forged).code == "forged"
    assert svc.scan(demo_db, sid, make_token(b"another event" * 3, 5)).code == "other_event"
    assert svc.scan(demo_db, sid, "4710088123456").code == "invalid_code"
    assert svc.scan(demo_db, sid, make_token(secret, 999999)).code == "invalid_code"
    r = svc.scan(demo_db, sid, make_token(secret, other))
    assert r.code == "other_session" and r.session_name == "臺南場次"
    assert r.session_date == dt.date(2019, 3, 29)
    w = svc.scan(demo_db, sid, make_token(secret, regs["waitlisted"][0]), desk="d3", now=T)
    assert w.code == "not_admitted" and w.status == "waitlisted" and w.seats_free == 0
    # Every attempt is in the day's record: code, desk, time, and the registration if known.
    log = checkin_log.list_log(demo_db, sid)
    assert [(r.action, r.result) for r in log] == [
        ("refused", "not_admitted"),
        ("refused", "other_session"),
        ("refused", "invalid_code"),
        ("refused", "invalid_code"),
        ("refused", "other_event"),
        ("refused", "forged"),
    ]
    assert (log[0].registration_id, log[0].desk, log[0].at) == (regs["waitlisted"][0], "d3", T)
    assert log[0].name and log[1].registration_id == other
    assert [r.registration_id for r in log[2:]] == [None] * 4
    # ...and none of them changes anyone's state.
    counts = desk_counts.live_counts(demo_db, sid)
    assert (counts.arrived, counts.present, counts.signed_out) == (0, 0, 0)
    assert checkin_log.last_action(demo_db, sid, "d3") is None
    with pytest.raises(svc.CheckInError) as refused:
        checkin_log.void(demo_db, log[0].id, "不是報到")
    assert refused.value.code == "not_voidable"


def test_a_refused_scan_submitted_again_answers_the_same_and_logs_once(
    demo_db: Database,
) -> None:
    sessions, secret, regs, _ = _setup(demo_db)
    sid, reg = sessions[0].id, regs["admitted"][4]
    token = make_token(secret, reg)
    first = svc.scan(demo_db, sid, token, desk="d1", now=T)
    dup = svc.scan(demo_db, sid, token, desk="d2", nonce="dup", now=T.replace(minute=41))
    assert (first.code, dup.code) == ("ok", "already_checked_in")
    assert first.check_in_id is not None
    checkin_log.void(demo_db, first.check_in_id, "掃錯人", now=T.replace(minute=42))
    # The same refused scan again (a retried write): still refused, not a check-in now.
    again = svc.scan(demo_db, sid, token, desk="d2", nonce="dup", now=T.replace(minute=43))
    assert (again.code, again.replayed, again.at) == ("already_checked_in", True, dup.at)
    assert again.registration_id == reg and again.check_in_id is None
    assert _log(demo_db, reg) == [("in", None), ("refused", None), ("void", first.check_in_id)]
    junk = [svc.scan(demo_db, sid, "4710088123456", nonce="junk", now=T) for _ in range(2)]
    assert [(r.code, r.replayed) for r in junk] == [("invalid_code", False), ("invalid_code", True)]
    with demo_db.read() as s:
        assert s.scalar(select(func.count()).where(CheckIn.nonce == "junk")) == 1


def test_not_admitted_can_be_admitted_at_desk_when_seats_are_free(demo_db: Database) -> None:
    sessions, secret, regs, _ = _setup(demo_db)
    sid = sessions[0].id
    with demo_db.unit_of_work() as s:
        s.get_one(Registration, regs["admitted"][0]).status = "cancelled"
    w = svc.scan(demo_db, sid, make_token(secret, regs["waitlisted"][0]))
    assert (w.code, w.seats_free) == ("not_admitted", 1)
    r = svc.admit_and_check_in(demo_db, sid, regs["waitlisted"][0], now=T)
    assert r.code == "ok" and r.status == "walk_in"


def test_sign_out_reentry_and_undo(demo_db: Database) -> None:
    sessions, secret, regs, _ = _setup(demo_db)
    sid, reg = sessions[0].id, regs["admitted"][2]
    token = make_token(secret, reg)
    assert svc.scan(demo_db, sid, token, mode="out", now=T).code == "not_checked_in"
    assert svc.scan(demo_db, sid, token, now=T, desk="d").code == "ok"
    assert svc.scan(demo_db, sid, token, mode="out", now=T.replace(hour=12), desk="d").code == "ok"
    assert (
        svc.scan(demo_db, sid, token, mode="out", now=T.replace(hour=12)).code
        == "already_checked_out"
    )
    back = svc.scan(demo_db, sid, token, now=T.replace(hour=13), desk="d")
    assert back.code == "ok" and back.reentry
    undone = checkin_log.undo_last(demo_db, sid, desk="d", now=T.replace(hour=13, minute=1))
    assert (
        undone is not None and undone.voided_id == back.check_in_id and undone.state_after == "out"
    )
    undone = checkin_log.undo_last(demo_db, sid, desk="d", now=T.replace(hour=13, minute=2))
    assert undone is not None and undone.state_after == "in"
    assert _log(demo_db, reg)[-2:] == [("void", back.check_in_id), ("void", undone.voided_id)]
    assert [a for a, _ in _log(demo_db, reg)] == [
        "refused",  # not_checked_in
        "in",
        "out",
        "refused",  # already_checked_out
        "in",
        "void",
        "void",
    ]
    again = svc.scan(demo_db, sid, token, now=T.replace(hour=14))
    assert again.code == "already_checked_in" and again.first_at == T


def test_void_needs_reason_and_cannot_repeat(demo_db: Database) -> None:
    sessions, secret, regs, _ = _setup(demo_db)
    sid = sessions[0].id
    r = svc.scan(demo_db, sid, make_token(secret, regs["admitted"][3]), now=T)
    assert r.check_in_id is not None
    with pytest.raises(svc.CheckInError, match="原因"):
        checkin_log.void(demo_db, r.check_in_id, " ")
    v = checkin_log.void(demo_db, r.check_in_id, "刷錯人", now=T)
    assert v.state_after == "absent"
    with pytest.raises(svc.CheckInError, match="已經作廢"):
        checkin_log.void(demo_db, r.check_in_id, "again")
    log = checkin_log.list_log(demo_db, sid)
    assert log[0].action == "void" and log[0].reason == "刷錯人" and log[1].voided


def test_check_in_seats_on_arrival_when_the_session_says_so(demo_db: Database) -> None:
    from desktop.services import seating

    sessions, secret, regs, _ = _setup(demo_db)
    sid, first, second = sessions[0].id, regs["admitted"][4], regs["admitted"][5]
    r = svc.scan(demo_db, sid, make_token(secret, first), now=T)
    assert r.code == "ok" and r.table is None  # seating on arrival is off: no table yet
    seating.set_on_arrival(demo_db, sid, True)
    r = svc.scan(demo_db, sid, make_token(secret, second), now=T)
    assert r.code == "ok" and r.table is not None
    again = svc.scan(demo_db, sid, make_token(secret, second), now=T)
    assert again.code == "already_checked_in" and again.table == r.table
    counts = desk_counts.live_counts(demo_db, sid)
    assert [t.arrived for t in counts.tables if t.number == r.table] == [1]


def test_live_counts_and_search(demo_db: Database) -> None:
    sessions, secret, regs, _ = _setup(demo_db)
    sid = sessions[0].id
    before = desk_counts.live_counts(demo_db, sid)
    assert (before.expected, before.admitted, before.arrived) == (40, 40, 0)
    assert len(before.not_arrived) == 40
    walk = add_walk_in(
        demo_db, sid, name="臺灣銘", agency="台中市政府", phone="0912-345-678", now=T
    )
    svc.check_in_registration(demo_db, sid, walk.registration_id, method="walk_in", now=T)
    svc.scan(demo_db, sid, make_token(secret, regs["admitted"][0]), now=T)
    after = desk_counts.live_counts(demo_db, sid)
    assert (after.expected, after.walk_ins, after.arrived, after.present) == (41, 1, 2, 2)
    assert len(after.not_arrived) == 39
    assert regs["admitted"][0] not in {p.registration_id for p in after.not_arrived}
    for text in ("台灣", "臺灣銘", "臺中市", "678", "２"[0:0] + "345678"):
        hits = desk_search.search(demo_db, sid, text)
        assert [h.registration_id for h in hits] == [walk.registration_id], text
        assert hits[0].state == "in"
    assert desk_search.search(demo_db, sid, "67") == [] or all(
        "67" in h.name + h.agency for h in desk_search.search(demo_db, sid, "67")
    )


def test_search_finds_e_mail_fragments_and_every_term_of_a_query(demo_db: Database) -> None:
    sessions, *_ = _setup(demo_db)
    sid = sessions[0].id
    walk = add_walk_in(
        demo_db,
        sid,
        name="詹堃明",
        agency="新北市三重區公所",
        unit="社會課",
        email="Kun.Ming@ntpc.gov.tw",
        phone="02-2960-3456#517",
        now=T,
    )
    for text in ("kun.ming", "NTPC.GOV", "詹 三重", "三重 堃明", "社會課 詹堃", "3456"):
        hits = desk_search.search(demo_db, sid, text)
        assert walk.registration_id in [h.registration_id for h in hits], text
    assert [h.registration_id for h in desk_search.search(demo_db, sid, "詹 kun.ming")] == [
        walk.registration_id
    ]
    assert desk_search.search(demo_db, sid, "詹 臺南") == []
    # The extension is not the end of the phone number.
    assert walk.registration_id not in [
        h.registration_id for h in desk_search.search(demo_db, sid, "517")
    ]
    assert desk_search.search(demo_db, sid, "3456")[0].phone_tail == "456"


def test_undoing_an_admission_at_the_desk_gives_the_seat_back(demo_db: Database) -> None:
    sessions, secret, regs, _ = _setup(demo_db)
    sid = sessions[0].id
    with demo_db.unit_of_work() as s:
        s.get_one(Registration, regs["admitted"][0]).status = "cancelled"
        s.get_one(Registration, regs["waitlisted"][0]).status_reason = "同機關名額已滿"
    wrong = regs["waitlisted"][0]
    r = svc.admit_and_check_in(demo_db, sid, wrong, desk="d1", now=T)
    assert r.ok and desk_counts.live_counts(demo_db, sid).walk_ins == 1
    undone = checkin_log.undo_last(demo_db, sid, desk="d1", now=T)
    assert undone is not None and undone.state_after == "absent"
    assert undone.status_restored == "waitlisted"
    with demo_db.read() as s:
        reg = s.get_one(Registration, wrong)
        assert (reg.status, reg.status_reason) == ("waitlisted", "同機關名額已滿")
    counts = desk_counts.live_counts(demo_db, sid)
    assert (counts.walk_ins, counts.expected) == (0, 39)
    assert _log(demo_db, wrong) == [("in", None), ("void", r.check_in_id)]
    # The seat is free again for the right person.
    again = svc.scan(demo_db, sid, make_token(secret, regs["waitlisted"][1]), now=T)
    assert (again.code, again.seats_free) == ("not_admitted", 1)
    # An ordinary check-in's undo leaves the status alone.
    ok = svc.scan(demo_db, sid, make_token(secret, regs["admitted"][1]), desk="d1", now=T)
    assert ok.ok and checkin_log.undo_last(demo_db, sid, desk="d1", now=T).status_restored is None


def test_the_live_tally_kept_current_matches_a_fresh_load(demo_db: Database) -> None:
    """Issue 18: after scans at two desks, a sign-out and an undone check-in, the tally that
    only read the new check-in rows counts what a fresh full load counts; a walk-in added at
    another desk asks for a fresh load."""
    sessions, secret, regs, _ = _setup(demo_db)
    sid = sessions[0].id
    tally = desk_counts.LiveTally(demo_db, sid)
    assert not tally.update().any
    a, b, c = regs["admitted"][:3]
    svc.scan(demo_db, sid, make_token(secret, a), desk="d1", now=T)
    svc.scan(demo_db, sid, make_token(secret, b), desk="d2", now=T)
    change = tally.update()
    assert sorted(change.arrived) == sorted([a, b]) and not change.returned
    svc.scan(demo_db, sid, make_token(secret, c), desk="d1", now=T)
    svc.scan(demo_db, sid, make_token(secret, a), mode="out", desk="d2", now=T)
    checkin_log.undo_last(demo_db, sid, desk="d1", now=T)  # c's check-in
    change = tally.update()
    assert change.arrived == () and not change.returned  # c came and went in one read
    assert tally.counts() == desk_counts.live_counts(demo_db, sid)
    checkin_log.undo_last(demo_db, sid, desk="d2", now=T)  # a's sign-out: a is in again
    checkin_log.void(
        demo_db, checkin_log.list_log(demo_db, sid)[-2].id, "掃錯人", now=T
    )  # b's check-in
    change = tally.update()
    assert change.returned and tally.counts() == desk_counts.live_counts(demo_db, sid)
    counts = tally.counts()
    assert (counts.arrived, counts.present, counts.signed_out) == (1, 1, 0)
    assert b in {p.registration_id for p in counts.not_arrived}  # in queue order: see above
    walk = add_walk_in(
        demo_db, sid, name="臺灣銘", agency="台中市政府", phone="0912-345-678", now=T
    )
    svc.check_in_registration(demo_db, sid, walk.registration_id, method="walk_in", now=T)
    assert tally.update().people_changed


def test_the_search_index_updated_in_place_finds_what_a_fresh_one_finds(demo_db: Database) -> None:
    sessions, *_ = _setup(demo_db)
    sid = sessions[0].id
    index = desk_search.load_search_index(demo_db, sid)
    walk = add_walk_in(
        demo_db, sid, name="詹堃明", agency="新北市三重區公所", phone="02-2960-3456", now=T
    )
    assert index.find("詹堃明") == []
    index.update(desk_search.search_entries(demo_db, sid, [walk.registration_id]))
    fresh = desk_search.load_search_index(demo_db, sid)
    for text in ("詹堃明", "三重", "3456", "詹 三重", "公所", "市", "0"):
        assert index.find(text) == fresh.find(text), text
    assert [e.registration_id for e in index.find("詹 3456")] == [walk.registration_id]


def test_refused_attempts_change_nothing_anything_reads_from_the_log(demo_db: Database) -> None:
    from desktop.services import arrivals, dashboard, hours

    sessions, secret, regs, other = _setup(demo_db)
    sid = sessions[0].id
    event_id = list_events(demo_db)[0].id
    a, b = regs["admitted"][5], regs["admitted"][6]
    assert svc.scan(demo_db, sid, make_token(secret, a), now=T).ok
    assert svc.scan(demo_db, sid, make_token(secret, b), now=T).ok
    assert svc.scan(demo_db, sid, make_token(secret, b), mode="out", now=T.replace(hour=12)).ok

    def everything() -> tuple[object, ...]:
        with demo_db.read() as s:
            ids = (arrivals.arrived_ids(s, sid),)
        return (
            *ids,
            dashboard.day_figures(demo_db, event_id),
            desk_counts.live_counts(demo_db, sid),
            hours.day_report(demo_db, sid).people,
            checkin_log.last_action(demo_db, sid, ""),
        )

    before = everything()
    later = T.replace(hour=13)
    refused = [
        svc.scan(demo_db, sid, make_token(secret, a), now=later).code,
        svc.scan(demo_db, sid, make_token(secret, b), mode="out", now=later).code,
        svc.scan(demo_db, sid, make_token(secret, regs["admitted"][7]), mode="out").code,
        svc.scan(demo_db, sid, make_token(secret, regs["waitlisted"][1]), now=later).code,
        svc.scan(demo_db, sid, make_token(secret, other), now=later).code,
        svc.scan(demo_db, sid, "WS1:NOT-A-PASS", now=later).code,
    ]
    assert refused == [
        "already_checked_in",
        "already_checked_out",
        "not_checked_in",
        "not_admitted",
        "other_session",
        "invalid_code",
    ]
    assert everything() == before
    assert sum(r.action == "refused" for r in checkin_log.list_log(demo_db, sid)) == 6
