"""(files: declared by the conversion in progress.)"""

from __future__ import annotations

from desktop.core.problems import QT_TRANSLATE_NOOP, Domain

WORDS = Domain("files")

# Placeholder for the import's use until the files conversion lands (the same declaration).
FILE_EMPTY = WORDS("file_empty", QT_TRANSLATE_NOOP("messages", "{file}：檔案是空的"))
