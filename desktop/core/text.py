"""Text normalisation for matching what people typed into online forms.

Registration exports mix full-width and half-width characters, stray (also full-width) spaces,
and 台 for 臺. Stored values are cleaned with ``clean``; comparisons use ``match_key``.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")
# Terminal escape sequences (colour codes, cursor moves, window titles) pasted or planted in a
# form: they would reach the terminal raw and break documents.
_ESCAPES = re.compile(r"\x1b(?:\[[0-?]*[ -/]*[@-~]|\][^\x07\x1b]*(?:\x07|\x1b\\)?|[@-Z\\-_])?")
# Control characters (C0 and C1; tab, line breaks and the like become spaces below) and the
# bidirectional overrides that reorder how text is shown: removed. Joiners stay (emoji).
_CONTROLS = dict.fromkeys(
    [c for c in (*range(0x20), *range(0x7F, 0xA0)) if not chr(c).isspace()]
    + [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def clean(value: object) -> str:
    """NFKC (full-width letters, digits and the ideographic space become ASCII), control
    characters and terminal escapes removed (``李\x07華`` → ``李華``), trimmed, inner runs of
    whitespace collapsed to one space."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    if text.isprintable():  # the common case: no control, no escape, no space but " "
        text = text.strip()
        return _SPACES.sub(" ", text) if "  " in text else text
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    return _SPACES.sub(" ", text.translate(_CONTROLS)).strip()


def match_key(value: object) -> str:
    """A key for comparing names, agencies and sessions: cleaned, 台→臺, case- and
    space-insensitive."""
    return clean(value).replace("台", "臺").casefold().replace(" ", "")


def mask_name(name: str) -> str:
    """``王小明`` → ``王○明``; ``王明`` → ``王○``: for screens the public can see."""
    if len(name) <= 1:
        return name
    if len(name) == 2:
        return name[0] + "○"
    return name[0] + "○" * (len(name) - 2) + name[-1]


def mask_phone(phone: str) -> str:
    """Keep the last three digits of the number: ``0912345678`` → ``*******678``; an
    extension is hidden too (``037123456#12`` → ``******456#**``)."""
    number, hash_sign, extension = clean(phone).partition("#")
    masked = "*" * max(len(number) - 3, 0) + number[-3:]
    return masked + hash_sign + "*" * len(extension)


def mask_email(email: str) -> str:
    """``user001@mail.example.gov.tw`` → ``u******@mail.example.gov.tw``."""
    local, at, domain = clean(email).partition("@")
    if not at:
        return "*" * len(local)
    return local[:1] + "*" * max(len(local) - 1, 0) + "@" + domain
