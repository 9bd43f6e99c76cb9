"""(backup: declared by the conversion in progress.)"""

from __future__ import annotations

from desktop.core.problems import Domain

WORDS = Domain("backup")
