"""The organiser's and the desk's changes to registrations and what they are refused: admitting
by hand, cancelling, moving to another session, editing a person (``desktop.services.
registrations``), adding a walk-in (``desktop.services.walkins``), storing an ID number
(``desktop.services.idnumbers``), applying the admission rule after a preview
(``desktop.services.admission``), and opening the event's ID numbers with the organiser's
passphrase."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("registrations")

# --- the organiser's passphrase and the ID numbers --------------------------------------------
PASSPHRASE_REQUIRED = WORDS(
    "passphrase_required", QT_TRANSLATE_NOOP("messages", "請輸入主辦單位密語")
)

# --- overrides ----------------------------------------------------------------------------
ADMIT_REASON_REQUIRED = WORDS(
    "admit_reason_required", QT_TRANSLATE_NOOP("messages", "請填寫錄取理由")
)
ALREADY_CANCELLED = WORDS("already_cancelled", QT_TRANSLATE_NOOP("messages", "此報名已取消"))
ALREADY_IN_SESSION = WORDS("already_in_session", QT_TRANSLATE_NOOP("messages", "已在此場次"))
SESSION_OF_OTHER_EVENT = WORDS(
    "session_of_other_event", QT_TRANSLATE_NOOP("messages", "不同活動的場次")
)
ALREADY_REGISTERED_THERE = WORDS(
    "already_registered_there", QT_TRANSLATE_NOOP("messages", "{name} 已報名{session}")
)
UNCONFIRMED_CHANGES = WORDS(
    "unconfirmed_changes",
    QT_TRANSLATE_NOOP("messages", "{n} 人的錄取狀態會改變，尚未確認，未寫入"),
)

# --- a person's data (the roster's edit, a walk-in) ---------------------------------------
NOT_EDITABLE = WORDS("not_editable", QT_TRANSLATE_NOOP("messages", "不能編輯的欄位：{fields}"))
NAME_REQUIRED = WORDS("name_required", QT_TRANSLATE_NOOP("messages", "請輸入姓名"))
# ``field``: the field's name (``desktop.core.importing.FIELD_LABELS``); the import's limits.
FIELD_TOO_LONG = WORDS(
    "field_too_long",
    QT_TRANSLATE_NOOP("messages", "{field}內容過長（{length} 字，上限 {limit} 字）"),
)
BAD_LUNCH = WORDS("bad_lunch", QT_TRANSLATE_NOOP("messages", "用餐只能是 葷、素 或空白"))
