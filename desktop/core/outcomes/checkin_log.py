"""Refusals of the desk's corrections: admitting a person at the desk and undoing (voiding) a
row of the check-in log (``desktop.services.checkin``, ``desktop.services.checkin_log``)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("checkin_log")

REGISTRATION_OTHER_SESSION = WORDS(
    "registration_other_session", QT_TRANSLATE_NOOP("messages", "這份報名不屬於本場次")
)
NOT_FOUND = WORDS("not_found", QT_TRANSLATE_NOOP("messages", "找不到報到紀錄 #{id}"))
NOT_VOIDABLE = WORDS(
    "not_voidable", QT_TRANSLATE_NOOP("messages", "紀錄 #{id} 不是報到或簽退，不能作廢")
)
ALREADY_VOIDED = WORDS("already_voided", QT_TRANSLATE_NOOP("messages", "紀錄 #{id} 已經作廢過了"))
REASON_REQUIRED = WORDS("reason_required", QT_TRANSLATE_NOOP("messages", "請輸入作廢原因"))
