"""What the registration desk answers a scan, a search or an undo (``desktop.core.checkin``,
``desktop.services.checkin``, ``desktop.services.checkin_log``). The codes of a scan are the
CLI's ``result`` (a contract)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("checkin")

# A scan or a click at the desk (``desktop.core.checkin.Code``).
OK = WORDS("ok", QT_TRANSLATE_NOOP("messages", "報到成功"))
ALREADY_CHECKED_IN = WORDS("already_checked_in", QT_TRANSLATE_NOOP("messages", "已報到過"))
ALREADY_CHECKED_OUT = WORDS("already_checked_out", QT_TRANSLATE_NOOP("messages", "已簽退過"))
NOT_CHECKED_IN = WORDS("not_checked_in", QT_TRANSLATE_NOOP("messages", "尚未報到"))
NOT_ADMITTED = WORDS("not_admitted", QT_TRANSLATE_NOOP("messages", "未錄取（候補或已取消）"))
OTHER_SESSION = WORDS("other_session", QT_TRANSLATE_NOOP("messages", "報名的是其他場次"))
OTHER_EVENT = WORDS("other_event", QT_TRANSLATE_NOOP("messages", "不是本活動的入場證"))
INVALID_CODE = WORDS("invalid_code", QT_TRANSLATE_NOOP("messages", "無法辨識的條碼"))
FORGED = WORDS("forged", QT_TRANSLATE_NOOP("messages", "入場證損毀或遭竄改"))
# The two kinds of ``ok`` that are not a first check-in.
SIGNED_OUT = WORDS("signed_out", QT_TRANSLATE_NOOP("messages", "簽退成功"))
REENTRY = WORDS("reentry", QT_TRANSLATE_NOOP("messages", "再次入場"))

# A desk search that does not name one person (the CLI's ``result``).
NO_MATCH = WORDS("not_found", QT_TRANSLATE_NOOP("messages", "找不到符合的人"))
AMBIGUOUS = WORDS("ambiguous", QT_TRANSLATE_NOOP("messages", "符合的人不只一位，請輸入更多字"))
