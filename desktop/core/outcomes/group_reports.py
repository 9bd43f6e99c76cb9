"""What a group report (小組報告) refuses or asks to confirm: an estimated cost that cannot be
read (``desktop.core.group_report``), a field too long or too many items
(``desktop.core.report_limits``, ``desktop.services.group_reports``), a save over what a
device may store (``desktop.services.group_report_usage``), a flip-chart photo
(``desktop.services.group_report_photo``), and the table leader's page refusing a device
(``desktop.server.tables``). The codes are the CLI's and the venue server's JSON ``code``."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("group_reports")

# The estimated cost as typed (``desktop.core.group_report.parse_cost``; ``raw``: what was
# typed). An unreadable cost also carries ``token``, the first part that is not an amount.
COST_NO_AMOUNT = WORDS(
    "cost_no_amount",
    QT_TRANSLATE_NOOP(
        "messages", "經費「{raw}」沒有金額：請寫成 300000、300,000、NT$300000 或 約 30 萬"
    ),
)
COST_NEGATIVE = WORDS(
    "cost_negative", QT_TRANSLATE_NOOP("messages", "經費「{raw}」是負數：經費不可為負")
)
COST_RANGE = WORDS(
    "cost_range",
    QT_TRANSLATE_NOOP("messages", "經費「{raw}」是一個範圍：請填一個估計金額（例如取上限）"),
)
COST_UNREADABLE = WORDS(
    "cost_unreadable",
    QT_TRANSLATE_NOOP(
        "messages", "經費「{raw}」看不懂：請寫成 300000、300,000、NT$300000 或 約 30 萬"
    ),
)
COST_TOO_LARGE = WORDS(
    "cost_too_large",
    QT_TRANSLATE_NOOP("messages", "經費「{raw}」超過新臺幣 10 兆元，請確認位數"),
)

# What a report's form points at without refusing it (``desktop.core.group_report.problems``;
# ``label``: the proposal, 提案 2「路燈」).
PROPOSAL_NO_TITLE = WORDS("no_title", QT_TRANSLATE_NOOP("messages", "{label}沒有名稱"))
# A cost's refusal said of its proposal (its own code stays the problem's).
PROPOSAL_PROBLEM = WORDS("proposal_problem", QT_TRANSLATE_NOOP("messages", "{label}：{problem}"))
PROPOSAL_BAD_MARK = WORDS(
    "bad_mark",
    QT_TRANSLATE_NOOP("messages", "{label}的{criterion}「{mark}」不是 ○ △ × 或 1–5"),
)
PROPOSAL_NEGATIVE_VOTES = WORDS(
    "negative_votes", QT_TRANSLATE_NOOP("messages", "{label}的票數是負數")
)
DUPLICATE_MEMBER = WORDS(
    "duplicate_member", QT_TRANSLATE_NOOP("messages", "成員「{name}」重複列出")
)

# Finding a report (``desktop.services.group_reports``, ``group_report_compile``).
NO_TABLE = WORDS("no_table", QT_TRANSLATE_NOOP("messages", "找不到桌次 #{id}，這一桌可能已被移除"))
NO_TABLE_NUMBER = WORDS("no_table_number", QT_TRANSLATE_NOOP("messages", "這個場次沒有第 {n} 桌"))
NO_REVISION = WORDS("no_revision", QT_TRANSLATE_NOOP("messages", "找不到這個版本 #{id}"))

# A save (``desktop.services.group_reports.save_report``).
REVISION_UNKNOWN = WORDS(
    "revision_unknown",
    QT_TRANSLATE_NOOP(
        "messages",
        "第 {table} 桌的報告沒有第 {revision} 版（目前是第 {current} 版）；請重新整理頁面",
    ),
)
FIELD_TOO_LONG = WORDS(
    "report_field_too_long",
    QT_TRANSLATE_NOOP("messages", "「{label}」最多 {limit} 字（送出的有 {length} 字）"),
)
# ``label``: the list's name as the form shows it (提案, 成員; ``field`` is its key).
TOO_MANY = WORDS(
    "report_too_many",
    QT_TRANSLATE_NOOP("messages", "一份報告的「{label}」最多 {limit} 項（送出的有 {count} 項）"),
)
# ``scope``: ``device`` (this device) or ``table`` (all the table's devices together).
STORAGE_MINUTE = WORDS(
    "report_storage_minute",
    QT_TRANSLATE_NOOP(
        "messages",
        "一分鐘內儲存的內容已達上限（{limit_mb} MB），請稍候一分鐘再儲存；草稿留在裝置上",
    ),
)
STORAGE_TOTAL = WORDS(
    "report_storage_total",
    QT_TRANSLATE_NOOP(
        "messages", "存入的版本紀錄已達上限（{limit_mb} MB），無法再儲存；請到報到台"
    ),
)

# The flip-chart photo (``desktop.services.group_report_photo``; ``name``: the file's or 照片).
PHOTO_TOO_LARGE = WORDS(
    "photo_too_large",
    QT_TRANSLATE_NOOP(
        "messages",
        "照片「{name}」有 {mb} MB，超過上限 {limit} MB；請先縮小（例如用手機的「中」尺寸）再附加",
    ),
)
PHOTO_TOO_MANY_PIXELS = WORDS(
    "photo_too_many_pixels",
    QT_TRANSLATE_NOOP(
        "messages",
        "照片「{name}」超過上限 {limit_mp} 百萬像素；請用手機相機的一般尺寸重新拍攝或縮小後再附加",
    ),
)
PHOTO_NOT_AN_IMAGE = WORDS(
    "photo_not_an_image",
    QT_TRANSLATE_NOOP("messages", "「{name}」不是圖片檔（可用 JPEG、PNG、GIF、BMP、WebP）"),
)
PHOTO_DAMAGED = WORDS(
    "photo_damaged",
    QT_TRANSLATE_NOOP(
        "messages", "「{name}」的圖片不完整或已損壞，無法讀取；請重新拍攝或重新複製檔案"
    ),
)
PHOTO_FORMAT = WORDS(
    "photo_format",
    QT_TRANSLATE_NOOP("messages", "「{name}」是 {kind} 圖檔，請改存成 JPEG 或 PNG 再附加"),
)
PHOTO_UNREADABLE = WORDS(
    "photo_unreadable", QT_TRANSLATE_NOOP("messages", "無法讀取照片「{path}」：{detail}")
)
PHOTO_BUSY = WORDS(
    "photo_busy",
    QT_TRANSLATE_NOOP("messages", "現在有太多照片正在處理，「{name}」尚未收下；請稍候再送一次"),
)

# The table leader's page (``desktop.server.tables``; ``table``: the table's code in its URL).
DEVICE_REFUSED = WORDS(
    "refused",
    QT_TRANSLATE_NOOP(
        "messages",
        "這個裝置沒有第 {table} 桌的填寫權限，或連線碼已被報到台撤銷；"
        "請到報到台掃描第 {table} 桌的桌長 QR",
    ),
)
PHOTO_MISSING = WORDS("photo_missing", QT_TRANSLATE_NOOP("messages", "沒有照片（表單欄位 photo）"))
