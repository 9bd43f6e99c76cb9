"""Why a new event's or session's input cannot be saved (``desktop.core.newevent``: each
``Problem`` names a field and one of these), and why a passphrase or a PIN is refused: the
new-event dialog, the session form, ``event create`` and ``session add`` word the same
entries."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("newevent")

REQUIRED = WORDS("required", QT_TRANSLATE_NOOP("messages", "必須填寫"))
TOO_LONG = WORDS("too_long", QT_TRANSLATE_NOOP("messages", "最多 {n} 個字元"))
TOO_SHORT = WORDS("too_short", QT_TRANSLATE_NOOP("messages", "至少需要 {n} 個字元"))
COMMON = WORDS("common", QT_TRANSLATE_NOOP("messages", "太常見、容易被猜中，請換一句較長的話"))
WHITESPACE = WORDS("whitespace", QT_TRANSLATE_NOOP("messages", "不可包含空白"))
MISMATCH = WORDS("mismatch", QT_TRANSLATE_NOOP("messages", "兩次輸入不一致"))
BEFORE_START = WORDS("before_start", QT_TRANSLATE_NOOP("messages", "必須晚於開始時間"))
TOO_SMALL = WORDS("too_small", QT_TRANSLATE_NOOP("messages", "至少為 1"))
OVER_CAPACITY = WORDS("over_capacity", QT_TRANSLATE_NOOP("messages", "不能大於名額"))
DUPLICATE = WORDS("duplicate", QT_TRANSLATE_NOOP("messages", "已有同名的場次"))
# The command line's refusal: every problem as 「欄位：原因」 (``problems``).
INVALID_INPUT = WORDS("invalid_input", QT_TRANSLATE_NOOP("messages", "無法建立：{problems}"))
