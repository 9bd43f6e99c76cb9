"""What importing a registration export tells the organiser: a file that cannot be imported at
all (``desktop.core.importing.read_table``, ``desktop.core.import_rows.parse_rows``,
``desktop.core.import_plan``; raised as ``ImportFileError``), and each row's problem
(``RowProblem.outcome``: the row is refused, or imported with a note), shown in the import
preview, printed by ``workshop-desk import`` and listed in its ``--json`` by code.

The guard that looks at a file before it is read (size, zip bombs, binary garbage, encodings)
declares its refusals in ``desktop.core.outcomes.files``; the import passes them on.
"""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("importing")

# --- the file -------------------------------------------------------------------------------

IS_FOLDER = WORDS("is_folder", QT_TRANSLATE_NOOP("messages", "{file}：這是資料夾，不是檔案"))
UNSUPPORTED_TYPE = WORDS(
    "unsupported_type",
    QT_TRANSLATE_NOOP("messages", "{file}：不支援的檔案類型，請使用 CSV 或 XLSX"),
)
GARBLED = WORDS("garbled", QT_TRANSLATE_NOOP("messages", "{file}：內容無法辨識為 CSV 文字"))
BAD_CSV = WORDS(
    "bad_csv", QT_TRANSLATE_NOOP("messages", "{file}：第 {row} 列 CSV 格式錯誤（{detail}）")
)
TOO_MANY_ROWS = WORDS(
    "too_many_rows", QT_TRANSLATE_NOOP("messages", "{file}：超過 {limit} 列，不是報名資料")
)
TOO_MANY_COLUMNS = WORDS(
    "too_many_columns",
    QT_TRANSLATE_NOOP("messages", "{file}：第 {row} 列超過 {limit} 欄，不是報名資料"),
)
NO_WORKSHEET = WORDS("no_worksheet", QT_TRANSLATE_NOOP("messages", "{file}：活頁簿裡沒有工作表"))
XLSX_MISSING_PART = WORDS(
    "xlsx_missing_part",
    QT_TRANSLATE_NOOP("messages", "{file}：XLSX 內容損毀：缺少檔案內的部分 {detail}"),
)
XLSX_BAD_XML = WORDS(
    "xlsx_bad_xml", QT_TRANSLATE_NOOP("messages", "{file}：XLSX 內容損毀：XML 格式錯誤 {detail}")
)
XLSX_BAD_SHARED_STRING = WORDS(
    "xlsx_bad_shared_string",
    QT_TRANSLATE_NOOP("messages", "{file}：XLSX 內容損毀：儲存格指向不存在的共用字串"),
)
XLSX_BAD_CELL = WORDS(
    "xlsx_bad_cell", QT_TRANSLATE_NOOP("messages", "{file}：XLSX 內容損毀：儲存格的值無法讀取")
)
XLSX_DAMAGED_ZIP = WORDS(
    "xlsx_damaged_zip", QT_TRANSLATE_NOOP("messages", "{file}：XLSX 內容損毀：壓縮內容損毀")
)
XLSX_UNREADABLE = WORDS(
    "xlsx_unreadable", QT_TRANSLATE_NOOP("messages", "{file}：XLSX 內容損毀，無法讀取（{detail}）")
)
NO_DATA = WORDS("no_data", QT_TRANSLATE_NOOP("messages", "{file}：沒有任何資料"))
TOO_MANY_DATA_ROWS = WORDS(
    "too_many_data_rows",
    QT_TRANSLATE_NOOP("messages", "{file}：共 {count} 列資料，超過上限 {limit} 列"),
)
HEADER_ONLY = WORDS(
    "header_only", QT_TRANSLATE_NOOP("messages", "{file}：只有標題列，沒有任何報名資料")
)
NO_NAME_COLUMN = WORDS(
    "no_name_column",
    QT_TRANSLATE_NOOP("messages", "{file}：找不到「姓名」欄，無法匯入；標題列：{headers}"),
)
NO_SESSION_COLUMN = WORDS(
    "no_session_column",
    QT_TRANSLATE_NOOP("messages", "{file}：檔案沒有「報名場次」欄，請指定場次（可選：{names}）"),
)
# The command line's refusal of a whole import (``reason``: the refusal above, with a hint in
# the command's own terms).
NOTHING_IMPORTED = WORDS(
    "nothing_imported", QT_TRANSLATE_NOOP("messages", "{reason}；未匯入任何資料")
)

# --- a row ----------------------------------------------------------------------------------
# Refused rows (not imported).
ROW_CELL_TOO_LONG = WORDS(
    "row_cell_too_long",
    QT_TRANSLATE_NOOP("messages", "內容過長（{length} 字，上限 {limit} 字），此列不匯入"),
)
ROW_NO_NAME = WORDS("row_no_name", QT_TRANSLATE_NOOP("messages", "沒有姓名，此列不匯入"))
ROW_UNKNOWN_SESSION = WORDS(
    "row_unknown_session",
    QT_TRANSLATE_NOOP("messages", "報名場次「{value}」對不上任何場次，此列不匯入"),
)
ROW_NO_SESSION = WORDS(
    "row_no_session", QT_TRANSLATE_NOOP("messages", "沒有填報名場次，此列不匯入")
)
# Imported rows the organiser should look at.
ROW_BAD_TIMESTAMP = WORDS(
    "row_bad_timestamp", QT_TRANSLATE_NOOP("messages", "時間戳記「{value}」無法辨識，排在最後")
)
ROW_NO_TIMESTAMP = WORDS(
    "row_no_timestamp", QT_TRANSLATE_NOOP("messages", "沒有時間戳記，排在最後")
)
ROW_BAD_EMAIL = WORDS(
    "row_bad_email", QT_TRANSLATE_NOOP("messages", "電子郵件「{value}」格式不正確")
)
ROW_BAD_WANTS_HOURS = WORDS(
    "row_bad_wants_hours", QT_TRANSLATE_NOOP("messages", "無法判讀「{value}」，視為不需要時數")
)
ROW_BAD_LUNCH = WORDS(
    "row_bad_lunch", QT_TRANSLATE_NOOP("messages", "無法判讀用餐「{value}」，視為不用餐")
)
# The ID number (never repeated in the sentence: the cell may hold someone's ID); said more
# strongly for someone who wants the training hours, who cannot get them without a valid ID.
ROW_ID_UNRECOGNISED = WORDS(
    "row_id_unrecognised", QT_TRANSLATE_NOOP("messages", "無法辨識身分證字號，此欄不匯入")
)
ROW_ID_UNRECOGNISED_WANTS_HOURS = WORDS(
    "row_id_unrecognised_wants_hours",
    QT_TRANSLATE_NOOP("messages", "無法辨識身分證字號，此欄不匯入：需要時數但尚不符資格"),
)
ROW_ID_BAD_FORMAT = WORDS(
    "row_id_bad_format", QT_TRANSLATE_NOOP("messages", "身分證字號格式不正確")
)
ROW_ID_BAD_CHECKSUM = WORDS(
    "row_id_bad_checksum", QT_TRANSLATE_NOOP("messages", "身分證字號檢查碼不正確")
)
ROW_ID_MISSING_WANTS_HOURS = WORDS(
    "row_id_missing_wants_hours",
    QT_TRANSLATE_NOOP("messages", "未填身分證字號：需要時數但尚不符資格"),
)
ROW_ID_BAD_FORMAT_WANTS_HOURS = WORDS(
    "row_id_bad_format_wants_hours",
    QT_TRANSLATE_NOOP("messages", "身分證字號格式不正確：需要時數但尚不符資格"),
)
ROW_ID_BAD_CHECKSUM_WANTS_HOURS = WORDS(
    "row_id_bad_checksum_wants_hours",
    QT_TRANSLATE_NOOP("messages", "身分證字號檢查碼不正確：需要時數但尚不符資格"),
)
# One person in the file, two sessions.
ROW_TWO_SESSIONS = WORDS(
    "row_two_sessions",
    QT_TRANSLATE_NOOP(
        "messages", "同一人（第 {row} 列）已報名{first}，又報名{second}：兩場都保留，請確認"
    ),
)
ROW_KEPT_IN_SESSION = WORDS(
    "row_kept_in_session",
    QT_TRANSLATE_NOOP(
        "messages",
        "此列改報{session}，但此人在{kept}已報到或已確定名額：仍留在{kept}，"
        "要改場次請在名單用「改場次…」",
    ),
)
