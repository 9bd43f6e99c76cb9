"""What the learning-hours portal file (``desktop.reports.portal_csv``,
``desktop.services.portal``) refuses or leaves out: course fields it needs that are missing or
not Big5 (``PortalError``, one per field: ``MISSING[key]``, ``NOT_BIG5[key]``), and the people
whose row cannot be written (``RowProblem``'s outcome; the export's ``skipped``)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("portal")

UNKNOWN_LAYOUT = WORDS(
    "unknown_layout", QT_TRANSLATE_NOOP("messages", "時數檔格式須為 full 或 opened（輸入 {value}）")
)

# A course field the layout needs is empty (code ``missing_<key>``).
MISSING = {
    "course_name": WORDS("missing_course_name", QT_TRANSLATE_NOOP("messages", "課程名稱 未設定")),
    "course_code": WORDS("missing_course_code", QT_TRANSLATE_NOOP("messages", "課程代碼 未設定")),
    "category_code": WORDS(
        "missing_category_code", QT_TRANSLATE_NOOP("messages", "課程類別代碼 未設定")
    ),
    "city_code": WORDS("missing_city_code", QT_TRANSLATE_NOOP("messages", "上課縣市 未設定")),
    "term": WORDS("missing_term", QT_TRANSLATE_NOOP("messages", "期別 未設定")),
}
# A course field holds characters Big5 cannot write (code ``not_big5_<key>``).
NOT_BIG5 = {
    "course_name": WORDS(
        "not_big5_course_name", QT_TRANSLATE_NOOP("messages", "課程名稱 含 Big5 以外的字：{chars}")
    ),
    "course_code": WORDS(
        "not_big5_course_code", QT_TRANSLATE_NOOP("messages", "課程代碼 含 Big5 以外的字：{chars}")
    ),
    "category_code": WORDS(
        "not_big5_category_code",
        QT_TRANSLATE_NOOP("messages", "課程類別代碼 含 Big5 以外的字：{chars}"),
    ),
    "city_code": WORDS(
        "not_big5_city_code", QT_TRANSLATE_NOOP("messages", "上課縣市 含 Big5 以外的字：{chars}")
    ),
    "term": WORDS("not_big5_term", QT_TRANSLATE_NOOP("messages", "期別 含 Big5 以外的字：{chars}")),
}
# The command line's advice after the missing fields (``{problems}``: their sentences).
SET_COURSE_FIELDS = WORDS(
    "course_fields_missing",
    QT_TRANSLATE_NOOP("messages", "{problems}（用 workshop-desk event set 設定）"),
)

# A person whose row is not written (the export's ``skipped``: row, name, code, detail).
ID_MISSING = WORDS("id_missing", QT_TRANSLATE_NOOP("messages", "未提供身分證字號"))
ID_INVALID = WORDS("id_invalid", QT_TRANSLATE_NOOP("messages", "身分證字號檢查碼或格式不符"))
NOT_BIG5_NAME = WORDS(
    "not_big5", QT_TRANSLATE_NOOP("messages", "含 Big5 以外的字「{chars}」，請於入口網站手動輸入")
)
ID_DUPLICATE = WORDS(
    "id_duplicate",
    QT_TRANSLATE_NOOP("messages", "身分證字號與第 {row} 列 {name} 相同，只寫入一次"),
)
NO_HOURS = WORDS(
    "no_hours",
    QT_TRANSLATE_NOOP("messages", "核給 0 小時（{reasons}），完整課程資料不列未通過者"),
)
