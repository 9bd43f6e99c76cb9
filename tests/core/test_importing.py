import datetime as dt
from pathlib import Path

import pytest

from desktop.core.dedupe import merge_rows
from desktop.core.import_rows import (
    normalize_phone,
    parse_lunch,
    parse_rows,
    parse_timestamp,
    parse_yes_no,
)
from desktop.core.importing import (
    AGENCY,
    EMAIL,
    ID_NUMBER,
    NAME,
    PHONE,
    SESSION,
    TIMESTAMP,
    TITLE,
    UNIT,
    WANTS_HOURS,
    ImportFileError,
    guess_mapping,
    match_session,
    read_table,
)
from tests.registration_files import (
    MESSY_ROWS,
    SAMPLE,
    VARIANT_HEADERS,
    big5_rows,
    write_csv,
    write_xlsx,
)

SESSIONS = ["臺北場次", "臺南場次", "臺中場次"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2019/02/21 下午 01:07:13", dt.datetime(2019, 2, 21, 13, 7, 13)),
        ("2019/02/22 上午 12:01:02", dt.datetime(2019, 2, 22, 0, 1, 2)),
        ("2019/02/21 下午 12:40:12", dt.datetime(2019, 2, 21, 12, 40, 12)),
        ("2019/02/21 上午 11:59:59", dt.datetime(2019, 2, 21, 11, 59, 59)),
        ("2019-02-21 13:07", dt.datetime(2019, 2, 21, 13, 7)),
        ("2019/2/21 1:07:13 PM", dt.datetime(2019, 2, 21, 13, 7, 13)),
        ("108/02/21 09:00:00", dt.datetime(2019, 2, 21, 9, 0)),
        ("２０１９/０２/２１ 下午 ０１:０７:１３", dt.datetime(2019, 2, 21, 13, 7, 13)),
        (43517.5, dt.datetime(2019, 2, 21, 12, 0)),
        ("2019/02/30 10:00:00", None),
        ("下午 13:00", None),
        ("昨天", None),
    ],
)
def test_timestamps(text: object, expected: dt.datetime | None) -> None:
    assert parse_timestamp(text) == expected


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (912345678, "0912345678"),
        (912345678.0, "0912345678"),
        ("912345678", "0912345678"),
        ("0912-345-678", "0912345678"),
        ("223456789", "0223456789"),
        ("(02)2345-6789#123", "0223456789#123"),
        ("+886 912 345 678", "0912345678"),
        ("０９１２３４５６７８", "0912345678"),
        ("", ""),
    ],
)
def test_phone_leading_zero_restored(raw: object, expected: str) -> None:
    assert normalize_phone(raw) == expected


def test_yes_no_and_lunch_answers() -> None:
    assert [parse_yes_no(v) for v in ("是", "需要", "Yes", "否", "不需要", "", "也許")] == [
        True,
        True,
        True,
        False,
        False,
        False,
        None,
    ]
    assert [parse_lunch(v) for v in ("葷", "素食", "不用餐", "", "蛋奶")] == [
        "葷",
        "素",
        "",
        "",
        None,
    ]


def test_header_variants_are_recognised() -> None:
    mapping = guess_mapping(VARIANT_HEADERS)
    assert mapping == {
        TIMESTAMP: 0,
        NAME: 1,
        AGENCY: 2,
        UNIT: 3,
        TITLE: 4,
        EMAIL: 5,
        PHONE: 6,
        ID_NUMBER: 7,
        SESSION: 8,
        "lunch": 9,
        WANTS_HOURS: 10,
        "remark": 11,
    }
    assert guess_mapping(["是否需要公務人員終身學習時數"]) == {WANTS_HOURS: 0}


def test_bracketed_notes_do_not_decide_the_column() -> None:
    # Real forms explain a question in brackets; 時數 inside the ID header's note must not
    # turn the ID column into the yes/no hours question (the IDs were lost that way).
    headers = [
        "時間戳記",
        " 姓名 ",
        "服務機關（全銜）",
        "聯絡電話（手機）",
        "身分證字號（申請時數用）",
        "用餐（葷／素）",
        "是否需要公務人員終身學習時數（需填身分證字號）",
    ]
    assert guess_mapping(headers) == {
        TIMESTAMP: 0,
        NAME: 1,
        AGENCY: 2,
        PHONE: 3,
        ID_NUMBER: 4,
        "lunch": 5,
        WANTS_HOURS: 6,
    }


def test_remembered_mapping_wins_over_guess() -> None:
    headers = ["姓名", "服務單位", "單位"]
    assert guess_mapping(headers)[AGENCY] == 1
    remembered = guess_mapping(headers, {AGENCY: "單位", UNIT: "服務單位"})
    assert remembered[AGENCY] == 2 and remembered[UNIT] == 1


def test_sessions_match_by_prefix_and_variants() -> None:
    assert match_session("臺中場次（108年4月12日）", SESSIONS) == "臺中場次"
    assert match_session("台中場次(108年4月12日)", SESSIONS) == "臺中場次"
    assert match_session("台南", SESSIONS) == "臺南場次"
    assert match_session("高雄場次", SESSIONS) is None
    assert match_session("", SESSIONS) is None


def test_sample_reads_with_bom_and_every_column(tmp_path: Path) -> None:
    table = read_table(SAMPLE)
    assert table.encoding == "utf-8-sig" and table.headers[0] == "時間戳記"
    result = parse_rows(table, guess_mapping(table.headers))
    assert len(result.rows) == 37 and result.blank_rows == 1 and not result.rejected
    first = result.rows[0]
    assert first.registered_at == dt.datetime(2019, 2, 21, 12, 40, 12)
    assert result.rows[5].name == "翁瑄妤" and result.rows[5].registered_at.hour == 0
    people, merges = merge_rows(result.accepted)
    assert len(people) == 36 and [(m.kept_row, m.merged_row) for m in merges] == [(9, 39)]
    chen = next(p for p in people if p.data.name == "陳喆瑋")
    assert chen.data.title == "股長" and chen.rows == (9, 39)


def test_messy_rows_report_problems_with_row_and_column(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "messy.csv", MESSY_ROWS))
    result = parse_rows(table, guess_mapping(table.headers))
    assert result.blank_rows == 1
    rejected = [
        (p.row, p.column) for r in result.rejected for p in r.problems if p.severity == "error"
    ]
    assert rejected == [(5, "姓名")]
    chen = next(r for r in result.rows if r.row == 3)
    assert (chen.name, chen.agency, chen.email, chen.phone, chen.id_number, chen.lunch) == (
        "陳大華",
        "台北市政府民政局",
        "hua@mail.example.gov.tw",
        "0912000111",
        "W100000001",
        "素",
    )
    assert chen.registered_at == dt.datetime(2019, 2, 22, 0, 1, 2) and chen.id_valid
    texts = [p.text() for r in result.rows for p in r.problems]
    assert "第 6 列「身分證字號」：身分證字號檢查碼不正確：需要時數但尚不符資格" in texts
    assert "第 7 列「身分證字號」：未填身分證字號：需要時數但尚不符資格" in texts
    old_resident = next(r for r in result.rows if r.row == 10)
    assert old_resident.id_valid and old_resident.name.startswith("=")


def test_big5_csv_is_detected(tmp_path: Path) -> None:
    path = write_csv(tmp_path / "big5.csv", big5_rows(), encoding="cp950")
    table = read_table(path)
    assert table.encoding == "cp950"
    result = parse_rows(table, guess_mapping(table.headers))
    assert result.rows[0].name == "王小明" and result.rows[0].session_value.startswith("臺北場次")


def test_xlsx_numeric_phones_and_datetime_cells(tmp_path: Path) -> None:
    table = read_table(write_xlsx(tmp_path / "export.xlsx"))
    assert table.encoding == "xlsx"
    result = parse_rows(table, guess_mapping(table.headers))
    assert result.blank_rows == 1
    li, wu, tom = result.rows
    assert (li.row, li.phone, li.registered_at) == (
        2,
        "0912345000",
        dt.datetime(2019, 2, 21, 13, 7, 13),
    )
    assert (wu.phone, wu.registered_at, wu.remark) == (
        "0223456789",
        dt.datetime(2019, 2, 21, 12),
        "需要輪椅通道",
    )
    assert (tom.name, tom.email, tom.phone) == ("TOM LEE", "tom@mail.example.gov.tw", "082123456")


@pytest.mark.parametrize(
    ("name", "content", "why"),
    [
        ("empty.csv", b"", "檔案是空的"),
        ("blank.csv", b"\xef\xbb\xbf\r\n\r\n", "檔案是空的"),
        ("photo.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "二進位資料"),
        ("garbage.csv", bytes(range(256)) * 8, "二進位資料"),
        ("fake.xlsx", b"PK\x03\x04 not really a zip", "不是有效的 Excel"),
        ("notes.txt.pdf", "姓名,服務機關\n王小明,臺北市政府\n".encode(), "不支援的檔案類型"),
        ("old.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "舊版 .xls"),
    ],
)
def test_unreadable_files_say_why_in_one_line(
    tmp_path: Path, name: str, content: bytes, why: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ImportFileError) as info:
        read_table(path)
    assert why in str(info.value) and "\n" not in str(info.value) and name in str(info.value)


def test_no_name_column_is_refused(tmp_path: Path) -> None:
    table = read_table(write_csv(tmp_path / "x.csv", [["a", "b"]], headers=["機關", "電話"]))
    with pytest.raises(ImportFileError, match="找不到「姓名」欄"):
        parse_rows(table, guess_mapping(table.headers))


def test_same_person_by_id_email_or_name_agency_merges_keeping_first_place(tmp_path: Path) -> None:
    rows = [
        [
            "2019/02/21 上午 09:00:00",
            "甲",
            "A機關",
            "",
            "",
            "a@x.tw",
            "",
            "F131104093",
            "臺北場次",
            "",
            "是",
            "",
        ],
        [
            "2019/02/21 上午 10:00:00",
            "乙",
            "B機關",
            "",
            "",
            "b@x.tw",
            "",
            "",
            "臺北場次",
            "",
            "否",
            "",
        ],
        ["2019/02/21 上午 11:00:00", "丙", "台C機關", "", "", "", "", "", "臺北場次", "", "否", ""],
        [
            "2019/02/22 上午 09:00:00",
            "甲",
            "A2機關",
            "",
            "科長",
            "new@x.tw",
            "",
            "f131104093",
            "臺中場次",
            "",
            "是",
            "",
        ],
        [
            "2019/02/22 上午 10:00:00",
            "乙乙",
            "B機關",
            "",
            "",
            "B@X.TW",
            "",
            "",
            "臺北場次",
            "",
            "否",
            "",
        ],
        [
            "2019/02/22 上午 11:00:00",
            "丙",
            "臺C機關",
            "",
            "",
            "c@x.tw",
            "",
            "",
            "臺北場次",
            "",
            "否",
            "",
        ],
        # same name and agency as 甲's first row but another valid ID: a different person
        [
            "2019/02/22 下午 01:00:00",
            "甲",
            "A機關",
            "",
            "",
            "",
            "",
            "W100000001",
            "臺北場次",
            "",
            "是",
            "",
        ],
    ]
    table = read_table(write_csv(tmp_path / "d.csv", rows))
    people, merges = merge_rows(parse_rows(table, guess_mapping(table.headers)).accepted)
    assert [p.rows for p in people] == [(2, 5), (3, 6), (4, 7), (8,)]
    first = people[0]
    assert (first.data.agency, first.data.title, first.data.session_value) == (
        "A2機關",
        "科長",
        "臺中場次",
    )
    assert first.registered_at == dt.datetime(2019, 2, 21, 9, 0)
    assert len(merges) == 3


def test_xlsx_title_row_and_merged_agency_cells(tmp_path: Path) -> None:
    # A sheet tidied by hand: a merged title line above the header, and one 機關 cell merged
    # over two people's rows. Both people belong to that agency (the per-agency limit).
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["參與式預算實務應用培訓班 報名資料"])
    sheet.merge_cells("A1:D1")
    sheet.append(["姓名", "服務機關", "聯絡電話", "報名場次"])
    sheet.append(["孫燕姿", "臺南市政府", 912777888, "臺南"])
    sheet.append(["蕭敬騰", None, 912777999, "臺南"])
    sheet.append(["林俊傑", "嘉義市政府", 912777000, "臺南"])
    sheet.merge_cells("B3:B4")
    path = tmp_path / "merged.xlsx"
    book.save(path)
    table = read_table(path)
    assert table.headers == ("姓名", "服務機關", "聯絡電話", "報名場次")
    rows = parse_rows(table, guess_mapping(table.headers)).rows
    assert [(r.row, r.name, r.agency, r.phone) for r in rows] == [
        (3, "孫燕姿", "臺南市政府", "0912777888"),
        (4, "蕭敬騰", "臺南市政府", "0912777999"),
        (5, "林俊傑", "嘉義市政府", "0912777000"),
    ]
