"""The table leader's JSON API and pages through Starlette's TestClient."""

from __future__ import annotations

import io
import json

from PIL import Image

from desktop.services import group_report_photo as photos
from desktop.services import group_reports as svc
from tests.server.conftest import Venue


def test_get_report_json_has_the_keys_of_reports_show_plus_revision(venue: Venue, run_cli) -> None:
    answer = venue.client.get(venue.url(3) + "/report.json")
    assert answer.status_code == 200
    data = answer.json()
    code, out, _ = run_cli(
        "--db", venue.path, "reports", "show", "--session", "臺北場次", "--table", "3", "--json"
    )
    assert code == 0
    shown = json.loads(out)["tables"][0]
    assert set(shown) | {"revision", "fields"} == set(data)
    assert data["revision"] == 0 and data["number"] == 3
    assert data["members"] and all("○" in m["name"] for m in data["members"])


def test_put_saves_and_reports_show_has_it(venue: Venue, run_cli) -> None:
    answer = venue.client.put(
        venue.url(2) + "/report.json", json={"revision": 0, "fields": {"topic": "社區<共融>公園"}}
    )
    assert answer.json()["ok"] is True and answer.json()["revision"] == 1
    code, out, _ = run_cli(
        "--db", venue.path, "reports", "show", "--session", "臺北場次", "--table", "2", "--json"
    )
    assert json.loads(out)["tables"][0]["topic"] == "社區<共融>公園"


def _put(client, url: str, revision: int, **fields):
    return client.put(url + "/report.json", json={"revision": revision, "fields": fields}).json()


def test_two_editors_of_different_fields_merge(venue: Venue) -> None:
    url = venue.url(1)
    assert _put(venue.client, url, 0, topic="公園")["revision"] == 1
    assert _put(venue.client, url, 1, feedback="講師很好")["ok"] is True  # phone A
    answer = _put(venue.client, url, 1, topic="共融公園")  # phone B, still on revision 1
    assert answer["ok"] is True and answer["revision"] == 3
    assert answer["fields"]["topic"] == "共融公園" and answer["fields"]["feedback"] == "講師很好"


def test_same_field_changed_twice_comes_back_as_a_conflict_and_both_texts_are_kept(
    venue: Venue,
) -> None:
    url = venue.url(1)
    _put(venue.client, url, 0, topic="公園")
    _put(venue.client, url, 1, topic="河濱公園")
    answer = _put(venue.client, url, 1, topic="共融公園")
    assert answer["ok"] is False
    assert answer["conflict"] == {
        "topic": {"mine": "共融公園", "theirs": "河濱公園", "kept": "theirs"}
    }
    table = svc.find_table(venue.db, venue.session.id, 1)
    assert svc.load_report(venue.db, table.id).content.topic == "河濱公園"
    assert "共融公園" in [r.content.topic for r in svc.list_revisions(venue.db, table.id)]
    # The leader keeps theirs... or saves mine on the new revision: no conflict any more.
    assert _put(venue.client, url, answer["revision"], topic="共融公園")["ok"] is True


def test_members_presence_is_saved_by_position_and_names_stay_real(venue: Venue) -> None:
    data = venue.client.get(venue.url(4) + "/report.json").json()
    flags = [{"present": i == 0} for i in range(len(data["fields"]["members"]))]
    assert _put(venue.client, venue.url(4), 0, members=flags)["ok"] is True
    stored = svc.load_report(venue.db, svc.find_table(venue.db, venue.session.id, 4).id).content
    assert [m.present for m in stored.members] == [f["present"] for f in flags]
    assert all("○" not in m.name for m in stored.members)


def test_a_wrong_or_revoked_secret_gets_a_plain_refusal(venue: Venue) -> None:
    from desktop.services.venue import revoke_table

    wrong = venue.client.get("/t/3/" + "a" * 32)
    assert wrong.status_code == 403 and "無法開啟" in wrong.text and "<form" not in wrong.text
    assert venue.client.get("/t/3/" + venue.secrets[2].secret).status_code == 403  # other table
    assert (
        venue.client.put(
            "/t/3/" + "a" * 32 + "/report.json", json={"revision": 0, "fields": {"topic": "x"}}
        ).status_code
        == 403
    )
    browser = venue.joined(3)
    assert browser.get("/t/3").status_code == 200
    fresh = revoke_table(venue.db, venue.secrets[3].table_id)
    assert venue.client.get(venue.url(3) + "/report.json").status_code == 403
    assert browser.get("/t/3").status_code == 403  # its device went with the secret
    assert venue.client.get(f"/t/3/{fresh.secret}/report.json").status_code == 200


def test_a_revoked_device_is_shut_out_and_others_keep_writing(venue: Venue) -> None:
    from desktop.services.venue import list_devices, revoke_device

    lost, kept = venue.joined(5), venue.joined(5)
    devices = list_devices(venue.db, venue.session.id)
    assert [d.number for d in devices] == [5, 5]
    revoke_device(venue.db, devices[0].id)
    assert lost.get("/t/5/report.json").status_code == 403
    assert kept.get("/t/5/report.json").status_code == 200


def test_cookie_writes_need_the_csrf_token_and_the_same_origin(venue: Venue) -> None:
    browser = venue.joined(6)
    body = {"revision": 0, "fields": {"topic": "x"}}
    assert browser.put("/t/6/report.json", json=body).status_code == 403
    token = venue.csrf(browser, 6)
    forged = browser.put(
        "/t/6/report.json",
        json=body,
        headers={"X-CSRF-Token": token, "Origin": "http://evil.example"},
    )
    assert forged.status_code == 403
    ok = browser.put(
        "/t/6/report.json",
        json=body,
        headers={"X-CSRF-Token": token, "Origin": "http://testserver"},
    )
    assert ok.json()["ok"] is True


def test_every_write_is_audit_logged_with_table_device_and_address(venue: Venue) -> None:
    from sqlalchemy import select

    from db.models import AuditEntry

    browser = venue.joined(2)
    browser.put(
        "/t/2/report.json",
        json={"revision": 0, "fields": {"topic": "x"}},
        headers={"X-CSRF-Token": venue.csrf(browser, 2)},
    )
    with venue.db.read() as s:
        row = s.scalars(
            select(AuditEntry)
            .where(AuditEntry.action == "group_report.revision")
            .order_by(AuditEntry.id.desc())
        ).first()
        assert row is not None
        assert row.detail["table"] == 2 and row.detail["device"] and row.detail["address"]
    image = io.BytesIO()
    Image.new("RGB", (40, 30), "white").save(image, "PNG")
    browser.post(
        "/t/2/photo",
        data={"csrf": venue.csrf(browser, 2)},
        files={"photo": ("a.png", image.getvalue(), "image/png")},
    )
    with venue.db.read() as s:
        photo = s.scalars(select(AuditEntry).where(AuditEntry.action == "group_report.photo")).one()
        assert photo.detail["device"] and photo.detail["address"] and photo.detail["table"] == 2


def test_oversized_bodies_are_refused(venue: Venue) -> None:
    answer = venue.client.put(
        venue.url(1) + "/report.json",
        content=b"{" + b" " * 300_000 + b"}",
        headers={"Content-Type": "application/json"},
    )
    assert answer.status_code == 413
    assert venue.client.get(venue.url(1) + "/report.json").json()["revision"] == 0


def test_a_flooding_client_is_refused_while_another_is_served(venue: Venue) -> None:
    from starlette.testclient import TestClient

    from desktop.server.app import create_app

    app = create_app(venue.db, venue.session, rate_per_second=0.01, rate_burst=2)
    flooder = TestClient(app, client=("10.0.0.66", 5000))
    codes = [flooder.get("/").status_code for _ in range(4)]
    assert codes[:2] == [200, 200] and codes[-1] == 429
    assert TestClient(app, client=("10.0.0.7", 5000)).get("/").status_code == 200


def test_photo_is_reencoded_without_exif_or_gps(venue: Venue) -> None:
    import io

    from PIL import Image

    image = Image.new("RGB", (3000, 2000), "white")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (25.0, 2.0, 0.0)}  # GPS
    raw = io.BytesIO()
    image.save(raw, "JPEG", exif=exif)
    answer = venue.client.post(
        venue.url(1) + "/photo", files={"photo": ("IMG_0001.jpg", raw.getvalue(), "image/jpeg")}
    )
    assert answer.json()["ok"] is True
    stored = photos.load_photo(venue.db, svc.find_table(venue.db, venue.session.id, 1).id)
    assert stored is not None
    with Image.open(io.BytesIO(stored[0])) as kept:
        assert not kept.getexif() and max(kept.size) == 2400 and "exif" not in kept.info


def test_not_an_image_is_refused_with_a_message(venue: Venue) -> None:
    answer = venue.client.post(
        venue.url(1) + "/photo", files={"photo": ("x.jpg", b"not an image", "image/jpeg")}
    )
    assert answer.status_code == 400 and "不是圖片" in answer.json()["error"]["message"]


def test_served_pages_and_json_carry_no_full_name_phone_or_id(venue: Venue) -> None:
    from tests.server.conftest import personal_data

    browser = venue.joined(1)
    served = [
        browser.get("/t/1").text,
        browser.get("/t/1/report.json").text,
        venue.client.get("/").text,
    ]
    served += [venue.client.get(venue.url(n) + "/report.json").text for n in venue.secrets]
    leaked = {p for p in personal_data(venue.db, venue.session.id) for page in served if p in page}
    assert not leaked


def test_text_is_escaped_on_the_page(venue: Venue) -> None:
    _put(venue.client, venue.url(1), 0, topic='<script>alert(1)</script>"')
    page = venue.joined(1).get("/t/1").text
    assert "<script>alert(1)" not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page
