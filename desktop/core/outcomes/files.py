"""Files the program writes or is given to read.

Writing (``desktop.core.atomicfile``, through which every document, export and backup is
written; ``desktop.services.exports`` checks the extension): a target that is a folder, that is
not a file of the kind being written, or that another program holds open.

Reading an imported file (``desktop.core.file_guard``, before any parser sees it): missing,
empty, too large, an old or encrypted workbook, a zip bomb, binary data, an unknown text
encoding, an absurd cell. The registration import (``desktop.core.importing``) and the agenda
CSV raise the same outcomes for the same problems."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("files")

# --- writing a file ---------------------------------------------------------------------------

OUTPUT_IS_FOLDER = WORDS(
    "output_is_folder", QT_TRANSLATE_NOOP("messages", "輸出目標是資料夾，請給檔名：{path}")
)
TARGET_NOT_OURS = WORDS(
    "target_not_ours",
    QT_TRANSLATE_NOOP("messages", "{path} 已存在且不是{kind}檔，未覆寫；請換一個檔名"),
)
OPEN_IN_PDF_READER = WORDS(
    "file_open_in_pdf_reader",
    QT_TRANSLATE_NOOP(
        "messages",
        "「{name}」正在 PDF 閱讀器（例如 Acrobat）中開啟，無法覆寫；請先關閉它，或換一個檔名",
    ),
)
OPEN_IN_EXCEL = WORDS(
    "file_open_in_excel",
    QT_TRANSLATE_NOOP(
        "messages", "「{name}」正在 Excel 中開啟，無法覆寫；請先關閉它，或換一個檔名"
    ),
)
OPEN_ELSEWHERE = WORDS(
    "file_open_elsewhere",
    QT_TRANSLATE_NOOP(
        "messages", "「{name}」正在其他程式中開啟或是唯讀檔，無法覆寫；請先關閉它，或換一個檔名"
    ),
)
BAD_EXTENSION = WORDS(
    "bad_extension", QT_TRANSLATE_NOOP("messages", "{name}：副檔名要是 {choices}")
)

# --- reading an imported file -----------------------------------------------------------------

FILE_NOT_FOUND = WORDS("file_not_found", QT_TRANSLATE_NOOP("messages", "{file}：找不到檔案"))
FILE_EMPTY = WORDS("file_empty", QT_TRANSLATE_NOOP("messages", "{file}：檔案是空的"))
TOO_LARGE = WORDS(
    "too_large",
    QT_TRANSLATE_NOOP("messages", "{file}：檔案太大（{size} MB，上限 {limit} MB）"),
)
OLD_OR_ENCRYPTED = WORDS(
    "old_or_encrypted",
    QT_TRANSLATE_NOOP(
        "messages",
        "{file}：這是舊版 .xls 或設有密碼的 Excel 檔，請移除密碼並另存為 .xlsx 或 CSV",
    ),
)
NOT_OOXML = WORDS(
    "not_ooxml",
    QT_TRANSLATE_NOOP("messages", "{file}：不是有效的 Excel (.xlsx) 檔，或檔案已損毀"),
)
ZIP_BOMB = WORDS(
    "zip_bomb", QT_TRANSLATE_NOOP("messages", "{file}：解壓縮後異常膨脹，疑似惡意檔案")
)
TOO_MANY_PARTS = WORDS(
    "too_many_parts",
    QT_TRANSLATE_NOOP("messages", "{file}：壓縮檔內的檔案數異常（{count} 個），疑似惡意檔案"),
)
ENCRYPTED = WORDS(
    "encrypted", QT_TRANSLATE_NOOP("messages", "{file}：檔案已加密，請移除密碼後再匯入")
)
BINARY = WORDS(
    "binary",
    QT_TRANSLATE_NOOP("messages", "{file}：不是文字檔（CSV）或 Excel 檔，內容是二進位資料"),
)
ENCODING = WORDS(
    "encoding",
    QT_TRANSLATE_NOOP("messages", "{file} 第 {line} 行：無法辨識的文字編碼，請另存為「CSV UTF-8」"),
)
CELL_TOO_LONG = WORDS(
    "cell_too_long",
    QT_TRANSLATE_NOOP(
        "messages", "{file} 第 {row} 列「{column}」欄：內容過長（{length} 字，上限 {limit} 字）"
    ),
)
DAMAGED_PART = WORDS("damaged_part", QT_TRANSLATE_NOOP("messages", "{file}：{part} 已損毀"))
TOO_MANY_CELLS = WORDS(
    "too_many_cells", QT_TRANSLATE_NOOP("messages", "{file}：{part} 超過 {limit} 個儲存格")
)
TOO_MANY_STRINGS = WORDS(
    "too_many_strings", QT_TRANSLATE_NOOP("messages", "{file}：{part} 超過 {limit} 個共用字串")
)
TOO_MANY_ELEMENTS = WORDS(
    "too_many_elements",
    QT_TRANSLATE_NOOP("messages", "{file}：{part} 超過 {limit} 個 XML 元素"),
)
