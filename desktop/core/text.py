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
# Line separators other than \n: Word's soft line break (\x0b), form feed, NEL and the Unicode
# line and paragraph separators. Python's ``splitlines`` (pabutools reading a .pb file) breaks
# lines at each of them, so they must never reach a one-line field.
_LINE_BREAKS = "\r\x0b\x0c\x85\u2028\u2029"
# Removed: control characters (C0 and C1; openpyxl refuses them, a PDF prints boxes), the
# bidirectional overrides that reorder how text is shown, lone surrogates (not encodable as
# UTF-8) and the two non-characters XML forbids. Joiners stay (emoji).
_REMOVED = [
    c for c in (*range(0x20), *range(0x7F, 0xA0)) if chr(c) not in "\t\n" + _LINE_BREAKS
] + [*range(0x202A, 0x202F), *range(0x2066, 0x206A), *range(0xD800, 0xE000), 0xFFFE, 0xFFFF]
_MULTI_LINE = {**dict.fromkeys(_REMOVED), **{ord(c): "\n" for c in _LINE_BREAKS}}
_ONE_LINE = {**_MULTI_LINE, **{ord(c): " " for c in "\t\n" + _LINE_BREAKS}}


def clean_text(value: object, *, multiline: bool = False) -> str:
    r"""Text typed or sent into a field, as stored and exported: control characters, terminal
    escapes, bidi overrides and lone surrogates removed; line breaks of every kind (``\r\n``,
    ``\x0b``, U+2028, U+2029, U+0085) become ``\n`` in a multi-line field and a space in a
    one-line field (tabs too). Nothing else changes: no trimming, no NFKC (a leader's ，stays
    full-width), so a field being typed is never rewritten under the cursor."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    if text.isprintable():  # the common case: nothing to remove
        return text
    if "\x1b" in text:
        text = _ESCAPES.sub("", text)
    if multiline:
        text = text.replace("\r\n", "\n")
    return text.translate(_MULTI_LINE if multiline else _ONE_LINE)


def clean(value: object) -> str:
    """A one-line value from a form or import: NFKC (full-width letters, digits and the
    ideographic space become ASCII), ``clean_text``'s removals (``李\x07華`` → ``李華``), trimmed,
    inner runs of whitespace collapsed to one space."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFKC", str(value))
    if text.isprintable():  # the common case: no control, no escape, no space but " "
        text = text.strip()
        return _SPACES.sub(" ", text) if "  " in text else text
    return _SPACES.sub(" ", clean_text(text)).strip()


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
