"""The hostile-file corpus: registration "exports" that are broken, malicious or absurd.

Every file is generated at test time (no binary blobs in the repository), cheaply: the large
ones are built from repeated chunks and compressed at the fastest level. Each case says what
the import must do with it:

* ``refused`` — exit 2 with one line on stderr that contains ``expect``; the database unchanged;
* ``imported`` — exit 0; ``expect`` is a check of the ``--json`` summary;
* ``either`` — a file whose handling may reasonably go either way (a broken quote, an XML
  entity bomb): a clean refusal or a sane import, never a traceback or a stall.

Run ``python -m tests.hostile_files DIR`` to write the corpus into DIR and look at it.
"""

from __future__ import annotations

import codecs
import csv
import io
import os
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.file_guard import MAX_IMPORT_BYTES, MAX_XLSX_CELLS
from desktop.core.importing import MAX_CHARS

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
NAME, AGENCY, UNIT, TITLE, EMAIL, ID, REMARK = 1, 2, 3, 4, 5, 7, 11
# The ID numbers the corpus hides in its cells: no message or summary may repeat their digits.
ID_DIGITS = ("23456789", "34567813", "27654329", "22334454")


def person(n: int = 0, **changes: str) -> list[str]:
    """One clean row for the demo event's 臺北場次; ``changes`` by header index (``c1="…"``)."""
    values = [
        f"2019/02/21 上午 09:{n % 60:02d}:00",
        f"王小明{n}",
        "臺北市政府民政局",
        "研考科",
        "科員",
        f"ming{n}@mail.example.gov.tw",
        "0912345678",
        "",
        "臺北場次",
        "葷",
        "否",
        "",
    ]
    for key, value in changes.items():
        values[int(key[1:])] = value
    return values


def csv_text(rows: list[list[str]], headers: list[str] = HEADERS, delimiter: str = ",") -> str:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue()


def write_csv(
    rows: list[list[str]], encoding: str = "utf-8-sig", **kwargs: Any
) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(csv_text(rows, **kwargs).encode(encoding))


def write_bytes(data: bytes | Callable[[], bytes]) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data() if callable(data) else data)


# --- XLSX, written part by part so that any part can be broken --------------------------------

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"'
_R_NS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
_WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook {_NS} {_R_NS}><sheets>'
    '<sheet name="表單回應 1" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
_WORKBOOK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>'
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>'
    '<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_STYLES = (
    f'<?xml version="1.0" encoding="UTF-8"?><styleSheet {_NS}><cellXfs count="1">'
    '<xf numFmtId="0"/></cellXfs></styleSheet>'
)


def _column(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def sheet_rows(rows: list[list[str]]) -> str:
    out = []
    for r, values in enumerate(rows, start=1):
        cells = "".join(
            f'<c r="{_column(c)}{r}" t="inlineStr"><is><t>{_escape(v)}</t></is></c>'
            for c, v in enumerate(values)
            if v != ""
        )
        out.append(f'<row r="{r}">{cells}</row>')
    return "".join(out)


def sheet_xml(body: str, dimension: str = "") -> str:
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet {_NS}>{dim}'
        f"<sheetData>{body}</sheetData></worksheet>"
    )


def xlsx_parts(
    rows: list[list[str]] | None = None,
    *,
    headers: list[str] = HEADERS,
    sheet: str | bytes | None = None,
    shared: str | bytes | None = None,
    drop: tuple[str, ...] = (),
    **replace: str | bytes,
) -> dict[str, str | bytes]:
    body = sheet if sheet is not None else sheet_xml(sheet_rows([headers, *(rows or [])]))
    parts: dict[str, str | bytes] = {
        "[Content_Types].xml": _CONTENT_TYPES,
        "_rels/.rels": _ROOT_RELS,
        "xl/workbook.xml": _WORKBOOK,
        "xl/_rels/workbook.xml.rels": _WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": body,
        "xl/styles.xml": _STYLES,
        "xl/sharedStrings.xml": shared
        if shared is not None
        else f'<?xml version="1.0" encoding="UTF-8"?><sst {_NS} count="0" uniqueCount="0"/>',
    }
    for name, value in replace.items():
        parts[name.replace("__", "/").replace("_dot_", ".")] = value
    for name in drop:
        parts.pop(name)
    return parts


def write_xlsx(*args: Any, **kwargs: Any) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for name, data in xlsx_parts(*args, **kwargs).items():
                archive.writestr(name, data)

    return make


def write_zip(
    members: Callable[[], dict[str, bytes]], flag_bits: int = 0
) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
            for name, data in members().items():
                info = zipfile.ZipInfo(name)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, data)
                info.flag_bits |= flag_bits

    return make


def _truncated_xlsx(path: Path) -> None:
    write_xlsx([person(1)])(path)
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def _big_sheet(rows: int, columns: int = 1) -> Callable[[], str]:
    """A sheet of ``rows`` × ``columns`` small number cells, built from repeated chunks."""

    def body() -> str:
        cells = "".join(f'<c r="{_column(c)}1"><v>1</v></c>' for c in range(columns))
        return sheet_xml(f'<row r="1">{cells}</row>' * rows)

    return body


def _lazy_xlsx(**kwargs: Callable[[], str]) -> Callable[[Path], None]:
    def make(path: Path) -> None:
        write_xlsx(**{k: v() for k, v in kwargs.items()})(path)

    return make


# --- the corpus ---------------------------------------------------------------------------------


def _summary(
    imported: int | None = None, rejected: int | None = None, flagged_id: bool = False
) -> Callable[[dict[str, Any]], bool]:
    def check(summary: dict[str, Any]) -> bool:
        return (
            (imported is None or summary["imported"] == imported)
            and (rejected is None or len(summary["rejected"]) == rejected)
            and (not flagged_id or any(f["column"] == "身分證字號" for f in summary["flagged"]))
        )

    return check


@dataclass(frozen=True)
class Case:
    name: str  # file name (its suffix matters)
    make: Callable[[Path], None]
    outcome: str  # "refused", "imported" or "either"
    expect: str | Callable[[dict[str, Any]], bool] = ""


def _long(column: int, length: int, text: str = "長") -> list[list[str]]:
    value = (text * length)[:length]
    if column == EMAIL:
        value = ("a" * length)[: length - len("@example.tw")] + "@example.tw"
    return [person(1), person(2, **{f"c{column}": value})]


CASES: tuple[Case, ...] = (
    # --- not a table at all
    Case("empty.csv", write_bytes(b""), "refused", "空"),
    Case("blank-lines.csv", write_bytes(b"\r\n \r\n\t\r\n"), "refused", "空"),
    Case("bom-only.csv", write_bytes(codecs.BOM_UTF8), "refused", "空"),
    Case("garbage.csv", write_bytes(lambda: os.urandom(64 * 1024)), "refused", "二進位"),
    Case("nul-bytes.csv", write_bytes("姓名\n王\x00小明\n".encode()), "refused", "二進位"),
    Case(
        "png-renamed.csv",
        write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8),
        "refused",
        "二進位",
    ),
    Case(
        "elf-renamed.xlsx", write_bytes(b"\x7fELF\x02\x01\x01" + bytes(4096)), "refused", "二進位"
    ),
    Case(
        "old-excel.xls",
        write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(4096)),
        "refused",
        "舊版 .xls",
    ),
    Case(
        "password.xlsx",
        write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(8192)),
        "refused",
        "設有密碼",
    ),
    Case("report.pdf", write_bytes(csv_text([person(1)]).encode()), "refused", "不支援"),
    Case("folder.csv", lambda p: p.mkdir(), "refused", "資料夾"),
    Case("only-title.csv", write_bytes("報名資料匯出\r\n".encode()), "refused", "姓名"),
    Case(
        "no-name-column.csv",
        write_csv([["臺北市政府", "科員"]], headers=["服務機關", "職稱"]),
        "refused",
        "找不到「姓名」欄",
    ),
    Case("header-only.csv", write_csv([]), "refused", "沒有任何報名資料"),
    Case("header-and-blank-rows.csv", write_csv([[""] * 12] * 5), "refused", "沒有任何報名資料"),
    # --- encodings
    Case(
        "broken-encoding.csv",
        write_bytes("姓名,服務機關\n".encode() + b"\x80\xff\xfe\x81\x30\n" * 20),
        "refused",
        "無法辨識的文字編碼",
    ),
    Case(
        "big5.csv",
        write_csv([person(1, c1="許功蓋"), person(2)], encoding="cp950"),
        "imported",
        _summary(imported=2),
    ),
    Case("utf8-no-bom.csv", write_csv([person(1)], encoding="utf-8"), "imported", _summary(1)),
    Case("utf16.csv", write_csv([person(1)], encoding="utf-16"), "imported", _summary(1)),
    Case(
        "semicolons.csv", write_csv([person(1), person(2)], delimiter=";"), "imported", _summary(2)
    ),
    Case("tabs.tsv", write_csv([person(1)], delimiter="\t"), "imported", _summary(1)),
    Case(
        "unclosed-quote.csv",
        write_bytes((csv_text([person(1)]) + '2019/02/21,"王大明,臺北市政府\r\n').encode()),
        "either",
    ),
    # --- size: rows, columns, cells, bytes
    Case(
        "over-20mb.csv",
        write_bytes(lambda: csv_text([]).encode() + b"x," * (MAX_IMPORT_BYTES // 2 + 1)),
        "refused",
        "檔案太大",
    ),
    Case(
        "million-rows.csv",
        write_bytes(lambda: csv_text([]).encode() + "1,王,機關\n".encode() * 1_000_000),
        "refused",
        "列",
    ),
    Case(
        "million-blank-lines.csv",
        write_bytes(lambda: csv_text([person(1)]).encode() + b",\n" * 1_000_000),
        "refused",
        "列",
    ),
    Case(
        "five-million-columns.csv",
        write_bytes(lambda: "姓名,".encode() + b"a," * 5_000_000),
        "refused",
        "欄",
    ),
    Case(
        "wide-data-row.csv",
        write_bytes(lambda: (csv_text([person(1)]) + "王,臺北," + "x," * 300 + "\n").encode()),
        "refused",
        "欄",
    ),
    Case(
        "trailing-empty-columns.csv",
        write_bytes(lambda: csv_text([person(1)], headers=HEADERS + [""] * 5000).encode()),
        "imported",
        _summary(1),
    ),
    Case(
        "cell-over-csv-field-limit.csv",
        write_bytes(lambda: (csv_text([person(1)]) + '1,"' + "長" * 140_000 + '"\n').encode()),
        "refused",
        "CSV 格式錯誤",
    ),
    Case(
        "ten-thousand-character-remark.csv",
        write_csv(_long(REMARK, 10_000)),
        "imported",
        _summary(imported=1, rejected=1),
    ),
    Case("million-rows.xlsx", _lazy_xlsx(sheet=_big_sheet(1_000_000)), "refused", "儲存格"),
    Case(
        "too-many-cells.xlsx",
        _lazy_xlsx(sheet=_big_sheet(MAX_XLSX_CELLS // 20 + 1, 20)),
        "refused",
        "儲存格",
    ),
    Case(
        "wide.xlsx",
        write_xlsx([person(1) + ["x"] * 300], headers=HEADERS + ["欄"] * 300),
        "refused",
        "欄",
    ),
    Case(
        "far-row.xlsx",
        write_xlsx(
            sheet=sheet_xml(
                sheet_rows([HEADERS, person(1)]) + '<row r="900000"><c r="B900000" '
                't="inlineStr"><is><t>王</t></is></c></row>'
            )
        ),
        "refused",
        "列",
    ),
    Case(
        "far-column.xlsx",
        write_xlsx(
            sheet=sheet_xml(
                sheet_rows([HEADERS, person(1)]) + '<row r="3"><c r="XFD3"><v>1</v></c></row>'
            )
        ),
        "imported",
        _summary(1),
    ),
    Case(
        "lying-dimension.xlsx",
        write_xlsx(sheet=sheet_xml(sheet_rows([HEADERS, person(1)]), dimension="A1:XFD1048576")),
        "imported",
        _summary(1),
    ),
    Case(
        "shared-string-flood.xlsx",
        _lazy_xlsx(
            shared=lambda: f"<sst {_NS}>" + "<si><t>x</t></si>" * (MAX_XLSX_CELLS + 1) + "</sst>"
        ),
        "refused",
        "共用字串",
    ),
    Case(
        "styles-flood.xlsx",
        _lazy_xlsx(
            xl__styles_dot_xml=lambda: (
                f"<styleSheet {_NS}><cellXfs>"
                + "".join(f'<xf numFmtId="{i}"/>' for i in range(300_000))
                + "</cellXfs></styleSheet>"
            )
        ),
        "refused",
        "XML 元素",
    ),
    Case(
        "merged-everything.xlsx",
        write_xlsx(
            sheet=sheet_xml(sheet_rows([HEADERS, person(1)])).replace(
                "</worksheet>",
                '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells></worksheet>',
            )
        ),
        "imported",
        _summary(1),
    ),
    # --- zip bombs and broken packages
    Case(
        "bomb.xlsx",
        write_zip(
            lambda: {
                "[Content_Types].xml": b"<Types/>",
                "xl/workbook.xml": b"<workbook/>",
                "xl/worksheets/sheet1.xml": bytes(50 * 1024 * 1024),
            }
        ),
        "refused",
        "疑似惡意檔案",
    ),
    Case(
        "many-parts.xlsx",
        write_zip(
            lambda: {
                "[Content_Types].xml": b"<Types/>",
                **{f"xl/p{i}.xml": b"<a/>" for i in range(2001)},
            }
        ),
        "refused",
        "檔案數異常",
    ),
    Case(
        "encrypted-parts.xlsx",
        write_zip(
            lambda: {"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}, 0x1
        ),
        "refused",
        "加密",
    ),
    Case(
        "renamed-random.xlsx",
        write_bytes(lambda: b"PK\x03\x04" + os.urandom(2048)),
        "refused",
        "不是有效的 Excel",
    ),
    Case(
        "plain-zip.xlsx", write_zip(lambda: {"readme.txt": b"hello"}), "refused", "不是有效的 Excel"
    ),
    Case("truncated.xlsx", _truncated_xlsx, "refused", "不是有效的 Excel"),
    Case(
        "bad-xml-sheet.xlsx",
        write_xlsx(sheet="<worksheet><sheetData><row r='1'>"),
        "refused",
        "XML",
    ),
    Case(
        "bad-xml-workbook.xlsx",
        write_xlsx(xl__workbook_dot_xml="<workbook><sheets>"),
        "refused",
        "XML",
    ),
    Case(
        "bad-xml-styles.xlsx",
        write_xlsx([person(1)], xl__styles_dot_xml="<styleSheet><<"),
        "refused",
        "XML",
    ),
    Case(
        "no-sheet.xlsx",
        write_xlsx(xl__workbook_dot_xml=f"<workbook {_NS}><sheets/></workbook>"),
        "refused",
        "工作表",
    ),
    Case(
        "missing-sheet-part.xlsx",
        write_xlsx(drop=("xl/worksheets/sheet1.xml",)),
        "refused",
        "沒有工作表",
    ),
    Case(
        "missing-shared-strings.xlsx",
        write_xlsx(
            sheet=sheet_xml(
                sheet_rows([HEADERS]) + '<row r="2"><c r="B2" t="s"><v>0</v></c></row>'
            ),
            drop=("xl/sharedStrings.xml",),
        ),
        "refused",
        "缺少",
    ),
    Case("missing-workbook.xlsx", write_xlsx(drop=("xl/workbook.xml",)), "refused", "XLSX"),
    Case(
        "bad-shared-string-index.xlsx",
        write_xlsx(
            sheet=sheet_xml(
                sheet_rows([HEADERS]) + '<row r="2"><c r="B2" t="s"><v>999</v></c></row>'
            )
        ),
        "refused",
        "共用字串",
    ),
    Case(
        "bad-number-cell.xlsx",
        write_xlsx(
            sheet=sheet_xml(
                sheet_rows([HEADERS]) + '<row r="2"><c r="B2"><v>not-a-number</v></c></row>'
            )
        ),
        "refused",
        "儲存格的值",
    ),
    Case(
        "id-in-a-number-cell.xlsx",
        write_xlsx(
            sheet=sheet_xml(
                sheet_rows([HEADERS, person(1)])
                + '<row r="3"><c r="B3" t="inlineStr"><is><t>李</t>'
                '</is></c><c r="H3"><v>A123456789</v></c></row>'
            )
        ),
        "refused",
        "儲存格的值",
    ),
    Case(
        "entity-bomb.xlsx",
        write_xlsx(
            sheet=(
                '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY a "aaaaaaaaaa">'
                + "".join(
                    f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8)
                )
                + f']><worksheet {_NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is>'
                "</c></row></sheetData></worksheet>"
            )
        ),
        "either",
    ),
    Case(
        "external-entity.xlsx",
        write_xlsx(
            sheet=(
                '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>'
                + f'<worksheet {_NS}><sheetData><row r="1"><c r="B1" t="inlineStr"><is><t>姓名&e;</t>'
                "</is></c></row></sheetData></worksheet>"
            )
        ),
        "either",
    ),
    Case(
        "huge-date-number.xlsx",
        write_xlsx(
            sheet=sheet_xml(
                sheet_rows([HEADERS, person(1)]) + '<row r="3"><c r="A3"><v>1e308</v></c>'
                '<c r="B3" t="inlineStr"><is><t>李</t></is></c></row>'
            )
        ),
        "either",
    ),
    # --- what one registrant can type
    Case(
        "formula-injection.csv",
        write_csv(
            [
                person(1, c1='=HYPERLINK("http://x","點我")'),
                person(2, c3="+1+2"),
                person(3, c4="-2+3"),
                person(4, c2="@SUM(A1)"),
                person(5, c3="=cmd|' /C calc'!A0"),
            ]
        ),
        "imported",
        _summary(5),
    ),
    Case(
        "control-characters.csv",
        write_csv([person(1, c1="李\x07華"), person(2, c2="臺北\x0b市")]),
        "imported",
        _summary(2),
    ),
    Case(
        "ansi-escapes.csv",
        write_csv([person(1, c1="\x1b[31m王小明\x1b[0m"), person(2, c3="\x1b]0;pwned\x07研考科")]),
        "imported",
        _summary(2),
    ),
    Case("bidi-override.csv", write_csv([person(1, c1="陳\u202e大文")]), "imported", _summary(1)),
    Case(
        "zero-width-and-emoji.csv",
        write_csv([person(1, c1="王\u200b小明"), person(2, c1="林👨‍👩‍👧美玲")]),
        "imported",
        _summary(2),
    ),
    Case(
        "id-with-note.csv",
        write_csv([person(1, c7="A123456789（本人）", c10="是")]),
        "imported",
        _summary(1),
    ),
    Case(
        "id-with-phone.csv",
        write_csv([person(1, c7="E134567813/0911000001", c10="是")]),
        "imported",
        _summary(1),
    ),
    Case(
        "id-bracketed-digit.csv",
        write_csv([person(1, c7="F27654329(1)", c10="是")]),
        "imported",
        _summary(1, flagged_id=True),
    ),
    Case(
        "id-full-width-spaced.csv",
        write_csv([person(1, c7="Ｋ２２２ ３３４４５４", c10="是")]),
        "imported",
        _summary(1),
    ),
    Case(
        "id-words-only.csv",
        write_csv([person(1, c7="本人不提供", c10="是")]),
        "imported",
        _summary(1, flagged_id=True),
    ),
    Case(
        "id-emoji.csv", write_csv([person(1, c7="🆔A123456789", c10="是")]), "imported", _summary(1)
    ),
    Case(
        "id-with-note.xlsx",
        write_xlsx([person(1, c7="A123456789（本人）", c10="是")]),
        "imported",
        _summary(1),
    ),
    Case(
        "name-over-limit.csv",
        write_csv(_long(NAME, MAX_CHARS["name"] + 1)),
        "imported",
        _summary(1, 1),
    ),
    Case("name-300.csv", write_csv(_long(NAME, 300)), "imported", _summary(1, 1)),
    Case("name-1000-latin.xlsx", write_xlsx(_long(NAME, 1000, "W")), "imported", _summary(1, 1)),
    Case(
        "agency-over-limit.csv",
        write_csv(_long(AGENCY, MAX_CHARS["agency"] + 1)),
        "imported",
        _summary(1, 1),
    ),
    Case(
        "unit-over-limit.csv",
        write_csv(_long(UNIT, MAX_CHARS["unit"] + 1)),
        "imported",
        _summary(1, 1),
    ),
    Case(
        "title-over-limit.csv",
        write_csv(_long(TITLE, MAX_CHARS["title"] + 1)),
        "imported",
        _summary(1, 1),
    ),
    Case(
        "email-over-limit.csv",
        write_csv(_long(EMAIL, MAX_CHARS["email"] + 1)),
        "imported",
        _summary(1, 1),
    ),
    Case(
        "remark-over-limit.csv",
        write_csv(_long(REMARK, MAX_CHARS["remark"] + 1)),
        "imported",
        _summary(1, 1),
    ),
    Case(
        "longest-accepted.csv",
        write_csv(
            [
                person(
                    1,
                    c1="長" * MAX_CHARS["name"],
                    c2="機" * MAX_CHARS["agency"],
                    c3="單" * MAX_CHARS["unit"],
                    c4="職" * MAX_CHARS["title"],
                    c11="備" * MAX_CHARS["remark"],
                )
            ]
        ),
        "imported",
        _summary(1),
    ),
)


def generate(directory: Path) -> list[tuple[Case, Path]]:
    """Write every case's file into ``directory``; returns (case, path) pairs."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for case in CASES:
        path = directory / case.name
        case.make(path)
        written.append((case, path))
    return written


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "hostile-files")
    for case, path in generate(target):
        size = path.stat().st_size if path.is_file() else 0
        print(f"{case.outcome:9} {size:>12,}  {path}")
