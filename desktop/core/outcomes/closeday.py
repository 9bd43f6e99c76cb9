"""What closing the day refuses: the day's hours and their adjustment
(``desktop.services.hours.CloseDayError``), certificates (``desktop.services.certificates``),
the course fields, certificate settings and images (``desktop.services.course``), and the
close-of-day commands (``desktop.cli.closeday``)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("closeday")

# The day's hours and adjusting them.
NO_REGISTRATION = WORDS("no_registration", QT_TRANSLATE_NOOP("messages", "找不到報名紀錄 #{id}"))
REASON_REQUIRED = WORDS("reason_required", QT_TRANSLATE_NOOP("messages", "請輸入調整原因"))
HOURS_OUT_OF_RANGE = WORDS(
    "hours_out_of_range",
    QT_TRANSLATE_NOOP("messages", "時數須在 0 到課程時數 {limit} 小時之間（輸入 {hours}）"),
)
HOURS_NOT_STEP = WORDS(
    "hours_not_step", QT_TRANSLATE_NOOP("messages", "時數須為 {step} 小時的倍數（輸入 {hours}）")
)

# A document nobody would be in (the sign-in sheet, attendance record, badges; ``document``
# names it, as data).

# Certificates: their wording, serials, and a batch nobody would get.
BAD_CERTIFICATE_TEXT = WORDS(
    "bad_certificate_text",
    QT_TRANSLATE_NOOP("messages", "證書文字無法使用：未知欄位或括號不成對；可用 {fields}"),
)
BAD_SERIAL_PATTERN = WORDS(
    "bad_serial_pattern", QT_TRANSLATE_NOOP("messages", "字號格式無法使用：{pattern}")
)
SERIAL_WITHOUT_SEQ = WORDS(
    "serial_without_seq", QT_TRANSLATE_NOOP("messages", "字號格式須含 {{seq}}：{pattern}")
)
SERIAL_TAKEN = WORDS(
    "serial_taken", QT_TRANSLATE_NOOP("messages", "字號重複：{serial}（請調整字號格式）")
)
CERTIFICATES_NO_AGENDA = WORDS(
    "certificates_no_agenda",
    QT_TRANSLATE_NOOP(
        "messages",
        "{session}沒有人可發研習證明書：場次沒有計入時數的議程（請先加入議程）；未產生任何檔案",
    ),
)
CERTIFICATES_NOBODY_PRESENT = WORDS(
    "certificates_nobody_present",
    QT_TRANSLATE_NOOP("messages", "{session}沒有人可發研習證明書：還沒有人簽到；未產生任何檔案"),
)
CERTIFICATES_NO_HOURS = WORDS(
    "certificates_no_hours",
    QT_TRANSLATE_NOOP(
        "messages", "{session}沒有人可發研習證明書：出席 {n} 人都沒有核給時數；未產生任何檔案"
    ),
)

# The course fields, certificate settings and the seal and signature images.
NOT_SETTABLE = WORDS("not_settable", QT_TRANSLATE_NOOP("messages", "無法設定的欄位：{fields}"))
COURSE_NAME_REQUIRED = WORDS(
    "course_name_required", QT_TRANSLATE_NOOP("messages", "課程名稱不可空白")
)
BAD_CITY_CODE = WORDS(
    "bad_city_code",
    QT_TRANSLATE_NOOP("messages", "上課縣市代碼須為兩位數字（如 10 臺北市）：{value}"),
)
UNKNOWN_SETTING = WORDS(
    "unknown_setting", QT_TRANSLATE_NOOP("messages", "未知的證書設定：{fields}")
)
BAD_FALLBACK_FONT = WORDS(
    "bad_fallback_font", QT_TRANSLATE_NOOP("messages", "備用字型無法使用：{detail}")
)
COURSE_HOURS_TOO_LONG = WORDS(
    "course_hours_too_long",
    QT_TRANSLATE_NOOP("messages", "課程時數 {hours} 小時超過場次時間 {longest} 小時（{span}）"),
)
# ``key`` names the image setting (seal_image, signature_image), ``path`` its file.
SETTING_FILE_MISSING = WORDS(
    "setting_file_missing", QT_TRANSLATE_NOOP("messages", "{key}：找不到檔案 {path}")
)
IMAGE_TOO_LARGE = WORDS(
    "image_too_large",
    QT_TRANSLATE_NOOP("messages", "{key}：{path} 有 {mb} MB，超過 5 MB；請縮小圖檔"),
)
NOT_AN_IMAGE = WORDS(
    "not_an_image", QT_TRANSLATE_NOOP("messages", "{key}：{path} 不是可讀取的圖片檔（PNG/JPEG）")
)
IMAGE_FORMAT = WORDS(
    "image_format", QT_TRANSLATE_NOOP("messages", "{key}：{path} 是 {kind} 圖檔，請用 PNG 或 JPEG")
)
IMAGE_SIZE = WORDS(
    "image_size",
    QT_TRANSLATE_NOOP(
        "messages", "{key}：{path} 為 {width}×{height} 像素，每邊須在 {low}–{high} 像素之間"
    ),
)

# The close-of-day commands (``hours --adjust NAME``, a PDF that cannot be written).
NOT_ON_LIST = WORDS("not_on_list", QT_TRANSLATE_NOOP("messages", "「{person}」不在{session}名單中"))
SEVERAL_ON_LIST = WORDS(
    "several_on_list",
    QT_TRANSLATE_NOOP("messages", "「{person}」在{session}名單中有 {n} 位：{choices}"),
)
# ``pdf certificates`` of a session with no agenda: where the command line adds one.
ADD_AGENDA_FIRST = WORDS(
    "add_agenda_first",
    QT_TRANSLATE_NOOP("messages", "{problem}（用 workshop-desk agenda add 或 agenda import 加入）"),
)
CANNOT_WRITE = WORDS("cannot_write", QT_TRANSLATE_NOOP("messages", "無法寫入 {path}：{detail}"))
