"""A refusal or result a person reads, declared once as an ``Outcome`` so every interface can
word it.

Each domain declares its outcomes in a module of ``desktop.core.outcomes``: a stable English
``code`` (tests, the CLI's and the server's JSON key on it), the zh-TW sentence marked for
translation, and the parameters that sentence names. Services raise ``CodedError(OUTCOME,
**params)`` (or return the outcome); the CLI and the venue server print ``outcome.say(...)``
(zh-TW: the CLI's language and the phones'), the window words the same outcome in its own
language (``desktop.ui.messages.word``). So a dialog never shows "請輸入姓名 (name is
required)", and no sentence is written twice.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from string import Formatter
from typing import Self

# pyside6-lupdate collects every ``QT_TRANSLATE_NOOP(context, "literal")`` into the
# translation files; at run time it is the identity, so core stays free of Qt.
OUTCOME_CONTEXT = "messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # the name lupdate knows
    return text


class Term(str):
    """A name from a table marked for translation (``QT_TRANSLATE_NOOP("vocabulary", "姓名")``)
    passed as an outcome's parameter: zh-TW wherever a string goes (the CLI, JSON, the log), and
    translated by the window when it words the outcome ("Name is too long", not "姓名 is too
    long")."""

    context: str

    def __new__(cls, text: str, context: str = "vocabulary") -> Term:
        term = super().__new__(cls, text)
        term.context = context
        return term


@dataclass(frozen=True)
class Outcome:
    """One thing a person can be told: ``text`` is the zh-TW sentence with ``{name}`` fields."""

    domain: str
    code: str
    text: str

    @property
    def params(self) -> frozenset[str]:
        """The names the sentence needs (``{path}`` → ``path``)."""
        return frozenset(
            name.split(".")[0].split("[")[0]
            for _, name, _, _ in Formatter().parse(self.text)
            if name
        )

    def say(self, **params: object) -> str:
        """The sentence in zh-TW (extra parameters are data for the caller, not words)."""
        return self.text.format(**params)


@dataclass
class Domain:
    """The outcomes of one domain, by code; a code is declared at most once per domain."""

    name: str
    outcomes: dict[str, Outcome] = field(default_factory=dict)

    def __call__(self, code: str, text: str) -> Outcome:
        if code in self.outcomes:
            raise ValueError(f"outcome {self.name}.{code} declared twice")
        outcome = Outcome(self.name, code, text)
        self.outcomes[code] = outcome
        return outcome


class CodedError(ValueError):
    """A refusal: ``outcome`` says what went wrong, ``params`` fill its sentence (and may carry
    data for the caller, such as a backup's path for a button)."""

    def __init__(self, outcome: Outcome, /, **params: object) -> None:
        missing = outcome.params - params.keys()
        if missing:
            raise TypeError(f"{outcome.domain}.{outcome.code} needs {sorted(missing)}")
        super().__init__(outcome.say(**params))
        self.outcome = outcome
        self.params = params
        self.problems: tuple[CodedError, ...] = (self,)

    @property
    def code(self) -> str:
        return self.outcome.code

    @classmethod
    def of(cls, problems: Sequence[CodedError]) -> Self:
        """One refusal carrying several (every field's problem at once): the message joins
        theirs with ；, the window words each of them."""
        first = problems[0]
        error = cls(first.outcome, **first.params)
        error.args = ("；".join(str(p) for p in problems),)
        error.problems = tuple(problems)
        return error
