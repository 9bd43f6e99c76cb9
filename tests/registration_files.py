"""Messy registration exports for tests: every defect DOMAIN.md lists, in CSV (UTF-8 BOM and
Big5/CP950) and XLSX (numeric phones, datetime cells). People are fictional; IDs are made
with ``make_id`` (valid checksums) or deliberately broken."""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

HEADERS = [
    "時間戳記",
    "姓名",
    "服務機關",
    "單位",
    "職稱",
    "電子郵件",
    "聯絡電話",
    "身分證字號",
    "報名場次",
    "用餐",
    "是否需要公務人員終身學習時數",
    "備註",
]
# Variant headers real forms use for the same questions.
VARIANT_HEADERS = [
    "時間標記",
    " 姓　名 ",
    "機關名稱",
    "服務單位部門",
    "職務",
    "E-mail",
    "手機",
    "身份證字號",
    "場次",
    "葷素",
    "是否需要終身學習時數？",
    "其他意見",
]

# The sample export from shared/samples (fictional people), kept with the tests.
SAMPLE = Path(__file__).resolve().parent / "data" / "registrations-sample.csv"

# row 2.. : the spreadsheet row numbers the organiser sees
MESSY_ROWS = [
    # 2: clean, Taipei
    [
        "2019/02/21 上午 09:00:00",
        "王小明",
        "臺北市政府民政局",
        "研考科",
        "科員",
        "ming@mail.example.gov.tw",
        "0912345678",
        "F131104093",
        "臺北場次（108年3月15日）",
        "葷",
        "是",
        "",
    ],
    # 3: 上午 12:01 is 00:01; full-width ID letters/digits, 台 for 臺, stray full-width spaces
    [
        "2019/02/22 上午 12:01:02",
        "　陳大華 ",
        "台北市政府民政局",
        "主計室",
        "專員",
        " HUA@Mail.Example.gov.tw ",
        "912000111",
        "Ｗ１０００００００１",
        "台北場次(108年3月15日)",
        "素食",
        "需要",
        "　",
    ],
    # 4: blank row
    ["", "", "", "", "", "", "", "", "", "", "", ""],
    # 5: no name -> rejected
    [
        "2019/02/22 上午 10:00:00",
        "",
        "新北市政府",
        "人事室",
        "科員",
        "noname@mail.example.gov.tw",
        "0922000222",
        "",
        "臺北場次（108年3月15日）",
        "葷",
        "否",
        "",
    ],
    # 6: wants hours, bad checksum -> flagged
    [
        "2019/02/22 下午 12:40:00",
        "林美玲",
        "新北市政府",
        "社會局",
        "科長",
        "mei@mail.example.gov.tw",
        "02-2960-3456",
        "A123456788",
        "臺中場次（108年4月12日）",
        "葷",
        "是",
        "",
    ],
    # 7: wants hours, no ID -> flagged
    [
        "2019/02/22 下午 01:07:13",
        "張志豪",
        "臺中市政府",
        "研考會",
        "約聘人員",
        "hao@mail.example.gov.tw",
        "0933-111-222",
        "",
        "臺中場次（108年4月12日）",
        "不用餐",
        "是",
        "",
    ],
    # 8: the same person as row 2 by e-mail, correcting the title: later data wins,
    # keeps row 2's place
    [
        "2019/02/23 下午 03:00:00",
        "王小明",
        "臺北市政府民政局",
        "研考科",
        "股長",
        "ming@mail.example.gov.tw",
        "0912345678",
        "F131104093",
        "臺北場次（108年3月15日）",
        "葷",
        "是",
        "",
    ],
    # 9: session nobody offers -> rejected
    [
        "2019/02/23 下午 04:00:00",
        "黃小琪",
        "高雄市政府",
        "秘書處",
        "科員",
        "chi@mail.example.gov.tw",
        "0955000555",
        "",
        "高雄場次（108年5月1日）",
        "葷",
        "否",
        "",
    ],
    # 10: formula-like name stays text; old resident ID format
    [
        "2019/02/24 上午 08:00:00",
        '=HYPERLINK("x")',
        "臺南市政府",
        "民政局",
        "科員",
        "formula@mail.example.gov.tw",
        "0966000666",
        "AA00000009",
        "臺南場次（108年3月29日）",
        "葷",
        "是",
        "",
    ],
]


def write_csv(
    path: Path, rows: list[list[str]], headers: list[str] = HEADERS, encoding: str = "utf-8-sig"
) -> Path:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode(encoding))
    return path


def big5_rows() -> list[list[str]]:
    """The messy rows without what cp950 cannot encode (full-width Ｗ is in cp950; fine)."""
    return [list(r) for r in MESSY_ROWS]


def write_xlsx(path: Path, headers: list[str] = HEADERS) -> Path:
    """An XLSX as Excel leaves it: phones as numbers (leading zero lost), datetime cells."""
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(headers)
    sheet.append(
        [
            dt.datetime(2019, 2, 21, 13, 7, 13),
            "李俊傑",
            "嘉義市政府",
            "人事室",
            "科員",
            "jun@mail.example.gov.tw",
            912345000,
            "O198765438",
            "臺南場次（108年3月29日）",
            "葷",
            "是",
            None,
        ]
    )
    sheet.append([None] * len(headers))
    sheet.append(
        [
            43517.5,
            "吳雅婷",
            "嘉義市政府",
            "主計室",
            "科員",  # Excel serial date
            "ting@mail.example.gov.tw",
            223456789.0,
            "A800000014",
            "台南場次",
            "素",
            "是",
            "需要輪椅通道",
        ]
    )
    sheet.append(
        [
            dt.datetime(2019, 2, 22, 8, 0),
            "ＴＯＭ　ＬＥＥ",
            "金門縣政府",
            "建設處",
            "技士",
            "TOM@MAIL.EXAMPLE.GOV.TW",
            "+886 82 123456",
            "",
            "臺南場次",
            "",
            "否",
            None,
        ]
    )
    book.save(path)
    return path
