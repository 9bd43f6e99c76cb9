"""What the organiser's PIN refuses (``desktop.core.pins``, ``desktop.services.organiser_pin``):
a PIN that cannot be set, a wrong current PIN, a stored hash that cannot be read. The PIN dialog
shows them under the PIN field, so the sentences do not repeat the field's name."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("pins")

TOO_SHORT = WORDS("too_short", QT_TRANSLATE_NOOP("messages", "太短，至少需要 {n} 個字元"))
TOO_LONG = WORDS("too_long", QT_TRANSLATE_NOOP("messages", "太長，最多 {n} 個字元"))
WRONG_PIN = WORDS("wrong_pin", QT_TRANSLATE_NOOP("messages", "目前的 PIN 不正確"))
BAD_HASH = WORDS("bad_hash", QT_TRANSLATE_NOOP("messages", "儲存的 PIN 無法辨識，請重新設定 PIN"))
# A programming mistake (scrypt's n must be a power of two of at least 2), not a person's.
BAD_PARAMETERS = WORDS("bad_parameters", QT_TRANSLATE_NOOP("messages", "PIN 設定參數不正確"))
