"""A refusal a person reads, named by a stable code so every window can word it.

``CodedError(code, message, **params)``: ``code`` (English, stable: tests and translations
key on it) and ``params`` (the numbers and names in the sentence) say what went wrong; the
message is the zh-TW sentence the CLI prints and the log keeps. The window words the code in
its own language from one table (``desktop.ui.messages``), so a dialog never shows
"請輸入姓名 (name is required)" in either language.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Self


class CodedError(ValueError):
    def __init__(self, code: str, message: str, **params: object) -> None:
        super().__init__(message)
        self.code = code
        self.params = params
        self.problems: tuple[CodedError, ...] = (self,)

    @classmethod
    def of(cls, problems: Sequence[CodedError]) -> Self:
        """One refusal carrying several (every field's problem at once): the message joins
        theirs with ；, the window words each of them."""
        first = problems[0]
        error = cls(first.code, "；".join(str(p) for p in problems), **first.params)
        error.problems = tuple(problems)
        return error
