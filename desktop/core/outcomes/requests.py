"""What the venue server refuses of a request before a feature reads it
(``desktop.server.app``: a wrong Host, another site's write, a flood, a body too large, what
Starlette cannot route or parse) and a body that is not the JSON its route takes
(``desktop.server.bodies``): the leader's ``report.json`` answers the ``body_*`` codes, the
attendee's routes (room, vote, survey) answer ``bad_request`` with the same sentence and
``params`` (README, *現場連線*). Also the page's CSRF token refused, and ``workshop-desk
serve`` finding no address phones can reach (``desktop.cli.venue``)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("requests")

# A JSON body (``desktop.server.bodies``; ``where``: the key, such as ``fields.topic``).
BODY_NOT_JSON = WORDS("body_not_json", QT_TRANSLATE_NOOP("messages", "內容不是 JSON"))
# ``expected`` and ``kind`` name what the schema takes and what came (never the value).
BODY_INVALID = WORDS(
    "body_invalid", QT_TRANSLATE_NOOP("messages", "「{where}」要是{expected}，收到的是 {kind}")
)
BODY_MISSING = WORDS("body_missing", QT_TRANSLATE_NOOP("messages", "少了「{where}」"))
BODY_UNKNOWN_KEY = WORDS("body_unknown_key", QT_TRANSLATE_NOOP("messages", "不認得「{where}」"))
# The code of the attendee's routes for any of the four above, and of a form Starlette cannot
# parse (its own sentence).
BAD_REQUEST = WORDS("bad_request", QT_TRANSLATE_NOOP("messages", "無法讀取這個請求的內容"))

# What every route refuses alike (``desktop.server.app``).
NOT_FOUND = WORDS(
    "not_found", QT_TRANSLATE_NOOP("messages", "找不到這個網頁。請重新掃描報到台的 QR。")
)
METHOD_NOT_ALLOWED = WORDS(
    "method_not_allowed", QT_TRANSLATE_NOOP("messages", "這個網址不接受這種請求方法")
)
BODY_TOO_LARGE = WORDS(
    "body_too_large", QT_TRANSLATE_NOOP("messages", "內容太大（上限 {limit_kb} KB）")
)
CROSS_ORIGIN = WORDS("cross_origin", QT_TRANSLATE_NOOP("messages", "不接受來自其他網站的請求"))
UNKNOWN_HOST = WORDS(
    "unknown_host",
    QT_TRANSLATE_NOOP("messages", "這個網址不是報到台的位址，請重新掃描報到台的 QR"),
)
RATE_LIMITED = WORDS("rate_limited", QT_TRANSLATE_NOOP("messages", "請求太頻繁，請稍候再試"))
CSRF = WORDS("csrf", QT_TRANSLATE_NOOP("messages", "這個頁面已過期，請重新整理後再送出"))

# ``workshop-desk serve`` without ``--host`` (``found``: this computer's addresses).
NO_ROOM_ADDRESS = WORDS(
    "no_room_address",
    QT_TRANSLATE_NOOP(
        "messages",
        "找不到手機連得到的網路位址（先連上場地的 Wi-Fi），或請用 --host 指定要在哪個位址"
        "提供連線；這台電腦的位址有 {found}",
    ),
)
