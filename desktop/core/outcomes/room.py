"""The room code and the room page (``/me``): a code typed on a phone refused
(``desktop.core.room_code``, ``desktop.services.room.identify_by_room_code``), a person the
desk named who has no code (``desktop.services.room``: the desk's show/replace and
``workshop-desk room``), and the attendee's JSON routes refusing a device that is not signed
in (``desktop.server.room``). A typo that cannot be a code is answered on the venue server's
JSON as ``wrong_code`` (``params.reason`` ``format``) with its own sentence."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("room")

WRONG_CODE = WORDS(
    "wrong_code", QT_TRANSLATE_NOOP("messages", "房間碼不對，請對照入場證或名牌再輸入一次")
)
# What cannot be a code (``desktop.core.room_code.CodeFormat``): it costs no attempt.
CODE_LENGTH = WORDS(
    "code_length",
    QT_TRANSLATE_NOOP(
        "messages", "房間碼是 {length} 個字元（例如 K7M-Q4X-RTP），輸入的是 {typed} 個"
    ),
)
CODE_SYMBOLS = WORDS(
    "code_symbols",
    QT_TRANSLATE_NOOP(
        "messages",
        "房間碼裡沒有「{symbols}」：沒有 0、O、1、I、L，請對照入場證或名牌再輸入一次",
    ),
)
# ``retry_after``: seconds, also in the data.
ATTEMPTS = WORDS(
    "room_code_attempts",
    QT_TRANSLATE_NOOP(
        "messages", "輸入錯誤太多次，請 {minutes} 分鐘後再試，或到報到台查詢您的房間碼"
    ),
)
BUSY = WORDS(
    "room_busy", QT_TRANSLATE_NOOP("messages", "登入的人很多，請 {retry_after} 秒後再試一次")
)
NOT_SIGNED_IN = WORDS(
    "not_signed_in", QT_TRANSLATE_NOOP("messages", "請先用房間碼登入（印在入場證與名牌上）")
)

# The desk naming a person (a registration id or a name of the session).
NO_SUCH_PERSON = WORDS("no_such_person", QT_TRANSLATE_NOOP("messages", "本場次找不到「{person}」"))
AMBIGUOUS_PERSON = WORDS(
    "ambiguous_person",
    QT_TRANSLATE_NOOP(
        "messages", "本場次有 {count} 位「{person}」（報名編號 {ids}），請用報名編號指定"
    ),
)
NO_SEAT = WORDS("no_seat", QT_TRANSLATE_NOOP("messages", "{name} 不是錄取或現場報名者，沒有房間碼"))

# The sign-in form sent from a page whose token has expired (it is shown again).
SIGN_IN_EXPIRED = WORDS(
    "csrf", QT_TRANSLATE_NOOP("messages", "這個頁面已過期，請再輸入一次房間碼。")
)
