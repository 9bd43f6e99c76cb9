"""What the organiser's passphrase and the ID numbers refuse (``desktop.services.security``,
``desktop.services.idnumbers``; ``desktop.services.portal`` reuses ``NO_ID_KEY``): no such
event or person, a passphrase that is wrong or too weak to seal the ID numbers, an ID number
that cannot be read, stored or shown. The PIN has its own domain (``pins``)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("security")

NO_EVENT = WORDS("no_event", QT_TRANSLATE_NOOP("messages", "找不到活動 #{id}"))
NO_EVENT_IN_DATABASE = WORDS(
    "no_event_in_database", QT_TRANSLATE_NOOP("messages", "尚未建立任何活動")
)
NO_ATTENDEE = WORDS("no_attendee", QT_TRANSLATE_NOOP("messages", "找不到這位學員 #{id}"))

# The passphrase (``check_passphrase``: ``desktop.core.newevent.passphrase_problem``'s codes).
TOO_SHORT = WORDS("too_short", QT_TRANSLATE_NOOP("messages", "主辦密語至少需要 {n} 個字元"))
COMMON = WORDS(
    "common",
    QT_TRANSLATE_NOOP("messages", "主辦密語太常見、容易被猜中，請換一句較長的話"),
)
WRONG_PASSPHRASE = WORDS("wrong_passphrase", QT_TRANSLATE_NOOP("messages", "主辦密語不正確"))
WRONG_CURRENT_PASSPHRASE = WORDS(
    "wrong_current_passphrase", QT_TRANSLATE_NOOP("messages", "原密語不正確")
)
# The command line's organiser commands (``Context.unlock_organiser``): ``action`` names the
# command's organiser action, ``variable`` the environment variable the passphrase is read from.
NO_PASSPHRASE = WORDS("no_passphrase", QT_TRANSLATE_NOOP("messages", "這個活動尚未設定主辦密語"))

# ID numbers.
ID_UNRECOGNISED = WORDS("id_unrecognised", QT_TRANSLATE_NOOP("messages", "身分證字號無法辨識"))
NO_ID_NUMBER = WORDS(
    "no_id_number", QT_TRANSLATE_NOOP("messages", "這位學員沒有可顯示的身分證字號")
)
NO_ID_KEY = WORDS(
    "no_id_key",
    QT_TRANSLATE_NOOP("messages", "活動沒有加密身分證字號的金鑰，請先設定主辦密語"),
)
