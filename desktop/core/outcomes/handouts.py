"""What a handout (講義) refuses: a file that is not one of the four kinds, whose content is
not what its name says, empty, too large for itself or for the session
(``desktop.core.handouts``), unreadable or not there (``desktop.services.handouts``: the
window's handout list and ``workshop-desk handouts``)."""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("handouts")

KIND = WORDS(
    "handout_kind", QT_TRANSLATE_NOOP("messages", "{file}：講義只收 PDF、PPTX、DOCX 或 ZIP 檔")
)
# ``kind``: PDF, PowerPoint, Word or ZIP (the extension's); ``suffix``: the extension.
CONTENT = WORDS(
    "handout_content",
    QT_TRANSLATE_NOOP("messages", "{file}：內容不是 {kind} 檔（檔名是 .{suffix}，內容不符）"),
)
EMPTY = WORDS("handout_empty", QT_TRANSLATE_NOOP("messages", "{file}：講義檔是空的"))
TOO_LARGE = WORDS(
    "handout_too_large",
    QT_TRANSLATE_NOOP("messages", "{file}：{mb} MB，每個講義檔最多 {limit_mb} MB"),
)
SESSION_FULL = WORDS(
    "handout_session_full",
    QT_TRANSLATE_NOOP("messages", "{file}：加上這個檔案，本場次講義共 {mb} MB，上限 {limit_mb} MB"),
)
UNREADABLE = WORDS(
    "handout_unreadable", QT_TRANSLATE_NOOP("messages", "無法讀取講義檔「{file}」：{detail}")
)
NO_SUCH_HANDOUT = WORDS(
    "no_such_handout", QT_TRANSLATE_NOOP("messages", "本場次沒有編號 {id} 的講義")
)
