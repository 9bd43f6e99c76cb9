"""What an hours policy refuses (``desktop.core.hours.PolicyError``, raised when a policy is
read or set; ``desktop.services.hours`` and ``desktop.services.course`` pass it on as a
``CloseDayError`` with the same outcome). The names of the hours' reasons, rules and schedules
are stored codes, not outcomes: ``desktop.core.hours`` tables them (``vocabulary``)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("hours")

POLICY_BAD_STEP = WORDS(
    "policy_bad_step", QT_TRANSLATE_NOOP("messages", "時數單位須為 0.5 或 1 小時（輸入 {value}）")
)
POLICY_BAD_MISSING_SIGN_OUT = WORDS(
    "policy_bad_missing_sign_out",
    QT_TRANSLATE_NOOP("messages", "未簽退的處理方式須為 {choices}（輸入 {value}）"),
)
POLICY_NEGATIVE = WORDS(
    "policy_negative", QT_TRANSLATE_NOOP("messages", "時數規則 {key} 不可為負數")
)
POLICY_UNKNOWN = WORDS(
    "policy_unknown", QT_TRANSLATE_NOOP("messages", "未知的時數規則設定：{keys}")
)
POLICY_UNREADABLE = WORDS(
    "policy_unreadable", QT_TRANSLATE_NOOP("messages", "時數規則 {key} 無法讀取：{value}")
)
