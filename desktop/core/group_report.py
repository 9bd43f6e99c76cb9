"""The 小組討論 report form as a typed structure, its JSON form, and its checks.

A table leader types into this form during the discussion, so nothing here ever refuses to
*store* what was typed: the estimated cost is kept as typed (``cost_text``) next to the
amount it was understood as (``cost``, NT$, an integer or None), and ``problems()`` lists what
does not make sense yet (a cost that cannot be read, an unknown feasibility mark) for the form
to show and the compilation to flag. ``from_json`` accepts anything a previous version stored.

JSON keys (``GroupReport.content``, ``GroupReportRevision.content``, ``reports show --json``):
``schema``, ``members`` [{``name``, ``agency``, ``registration_id``, ``present``}], ``topic``,
``points_for``, ``points_against`` (text, one point a line), ``proposals`` [{``id``, ``title``,
``problem``, ``location``, ``beneficiaries``, ``cost_text``, ``cost``, ``feasibility``
{``public``, ``legal``, ``budget``}, ``votes``}], ``ranking``, ``open_questions``, ``feedback``.
"""

from __future__ import annotations

import re
import secrets
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from desktop.core.outcomes import group_reports as words
from desktop.core.problems import CodedError, Outcome
from desktop.core.text import clean_text

SCHEMA = 1

# Feasibility criteria in the order of the handout: 公共性, 適法性, 預算可行性.
CRITERIA = ("public", "legal", "budget")
CRITERION_LABELS = {"public": "公共性", "legal": "適法性", "budget": "預算可行性"}
SYMBOL_MARKS = ("○", "△", "×")  # fits / doubtful / does not fit (× is in the PDF font, ✕ is not)
NUMBER_MARKS = ("1", "2", "3", "4", "5")  # 1 = poor … 5 = very good
MARKS = ("", *SYMBOL_MARKS, *NUMBER_MARKS)
_MARK_ALIASES = {
    "o": "○",
    "O": "○",
    "〇": "○",
    "◯": "○",
    "v": "○",
    "V": "○",
    "✓": "○",
    "✔": "○",
    "◎": "○",
    "可": "○",
    "是": "○",
    "▲": "△",
    "△": "△",
    "?": "△",
    "？": "△",
    "待": "△",
    "x": "×",
    "X": "×",
    "✕": "×",
    "✖": "×",
    "✗": "×",
    "✘": "×",
    "╳": "×",
    "否": "×",
    "不": "×",
}

MAX_COST = 10**13  # NT$ 10 trillion: anything larger is a typing slip


class CostError(CodedError):
    """An estimated cost that cannot be read as an amount of NT$ (``raw``: what was typed)."""


# --- the estimated cost ------------------------------------------------------------------

_PREFIXES = (
    "大約",
    "約莫",
    "預估",
    "預計",
    "估計",
    "約計",
    "總計",
    "合計",
    "約",
    "共",
    "~",
    "新臺幣",
    "新台幣",
    "臺幣",
    "台幣",
    "NTD",
    "NT$",
    "NT",
    "TWD",
    "$",
)
_SUFFIXES = ("左右", "上下", "以內", "元整", "圓整", "元", "圓", "塊", "整", "NTD", "TWD")
_CHINESE_DIGITS = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "壹": 1,
    "二": 2,
    "貳": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "參": 3,
    "四": 4,
    "肆": 4,
    "五": 5,
    "伍": 5,
    "六": 6,
    "陸": 6,
    "七": 7,
    "柒": 7,
    "八": 8,
    "捌": 8,
    "九": 9,
    "玖": 9,
}
_SMALL_UNITS = {
    "十": 10,
    "拾": 10,
    "百": 100,
    "佰": 100,
    "千": 1000,
    "仟": 1000,
    "k": 1000,
    "K": 1000,
}
_LARGE_UNITS = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "m": 10**6, "M": 10**6}
_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\d+(?:\.\d+)?|.", re.S)


def parse_cost(text: str) -> int | None:
    """NT$ as an integer from what a leader typed; None when the field is empty.

    ``"300000"``, ``"300,000"``, ``"NT$300000"``, ``"約 30 萬"``, ``"3.5萬元"``,
    ``"新臺幣一百二十萬元"``, ``"1億2000萬"``, ``"５０ｋ"`` all work. A range, a negative
    amount or other words raise ``CostError`` with a message saying what to write instead.
    """
    s = re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))
    if not s:
        return None
    amount = bare_amount(s)
    _refuse_shapes(amount, text)
    total = read_amount(amount, text)
    # Checked before rounding: quantize() fails beyond Decimal's 28 digits of precision.
    if total >= MAX_COST:
        raise CostError(words.COST_TOO_LARGE, raw=text)
    return int(total.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def bare_amount(s: str) -> str:
    """``s`` (normalised, without spaces) less the words around an amount (``約``, ``NT$``,
    ``元整``, ``左右`` …), however they are stacked: ``約新臺幣30萬元左右`` → ``30萬``."""
    stripped = True
    while stripped and s:
        stripped = False
        for prefix in _PREFIXES:
            if s.upper().startswith(prefix.upper()):
                s, stripped = s[len(prefix) :], True
        for suffix in _SUFFIXES:
            if s.upper().endswith(suffix.upper()):
                s, stripped = s[: -len(suffix)], True
    return s


def _refuse_shapes(amount: str, raw: str) -> None:
    """Raise for what is not one amount: nothing left, a negative number or a range."""
    if not amount:
        raise CostError(words.COST_NO_AMOUNT, raw=raw)
    if amount.startswith("-"):
        raise CostError(words.COST_NEGATIVE, raw=raw)
    if re.search(r"\d\s*[-~–—至到]\s*\d|[萬千百十kK][-~–—至到]", amount):
        raise CostError(words.COST_RANGE, raw=raw)


def read_amount(amount: str, raw: str) -> Decimal:
    """The value of a bare amount in digits, Chinese numerals and units (``1億2000萬``,
    ``一萬五``, ``3.5萬``, ``50k``); ``CostError`` names the first part that is not one."""
    reader = _AmountReader(raw)
    for token in _TOKEN.findall(amount):
        reader.read(token)
    return reader.value()


@dataclass
class _AmountReader:
    """An amount read token by token: ``total`` holds what the large units (萬 億) closed,
    ``section`` what the small units (十 百 千) closed since, ``number`` the digits being read."""

    raw: str
    total: Decimal = Decimal(0)
    section: Decimal = Decimal(0)
    number: Decimal | None = None
    unit_before: int = 0  # the Chinese unit (百 千 萬 億) right before the number being read
    number_after: int = 0  # ... as it was when that number began
    number_chars: int = 0

    def read(self, token: str) -> None:
        if token[0].isdigit():
            self._arabic_number(token)
        elif token in _CHINESE_DIGITS:
            self._chinese_digit(Decimal(_CHINESE_DIGITS[token]))
        elif token in _SMALL_UNITS:
            self.section += (self.number if self.number is not None else 1) * _SMALL_UNITS[token]
            self.number = None
            self.unit_before = _SMALL_UNITS[token] if not token.isascii() else 0
        elif token in _LARGE_UNITS:
            self.section += self.number if self.number is not None else 0
            self.total += (self.section or 1) * _LARGE_UNITS[token]
            self.section, self.number = Decimal(0), None
            self.unit_before = _LARGE_UNITS[token] if not token.isascii() else 0
        else:
            raise CostError(words.COST_UNREADABLE, raw=self.raw, token=token)

    def _arabic_number(self, token: str) -> None:
        if self.number is not None:  # two numbers, no unit between (1,0000)
            raise self._unreadable()
        try:
            self.number = Decimal(token.replace(",", ""))
        except InvalidOperation as exc:  # pragma: no cover - the regex only lets numbers in
            raise self._unreadable() from exc
        self.number_after, self.number_chars, self.unit_before = self.unit_before, len(token), 0

    def _unreadable(self) -> CostError:
        return CostError(words.COST_UNREADABLE, raw=self.raw)

    def _chinese_digit(self, digit: Decimal) -> None:
        if self.number is None:
            self.number_after, self.number_chars = self.unit_before, 0
        # 一二三 written digit by digit (e.g. 三零零) reads as 300
        self.number = digit if self.number is None else self.number * 10 + digit
        self.number_chars += 1
        self.unit_before = 0

    def value(self) -> Decimal:
        number = self.number
        if number is not None and self.number_chars == 1 and self.number_after >= 100:
            # Spoken shorthand: a last digit right after a unit counts in the next unit down —
            # 一萬五 = 15,000, 兩百五 = 250, 一千二 = 1,200, 一億五 = 1.5 億 (一萬零五 = 10,005).
            number *= Decimal(self.number_after) / 10
        return self.total + self.section + (number if number is not None else 0)


def format_cost(amount: int | None) -> str:
    """``NT$300,000`` (or empty)."""
    return "" if amount is None else f"NT${amount:,}"


def normalise_mark(text: str) -> str:
    """A feasibility mark in its stored form (``○ △ ×`` or ``1``–``5``); unknown text is kept
    as typed so ``problems()`` can point at it."""
    s = unicodedata.normalize("NFKC", text).strip()
    if s in MARKS:
        return s
    return _MARK_ALIASES.get(s, s)


# --- the form -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Member:
    name: str
    agency: str = ""
    registration_id: int | None = None  # None: added by hand
    present: bool = True


@dataclass(frozen=True)
class Proposal:
    title: str = ""
    problem: str = ""
    location: str = ""
    beneficiaries: str = ""
    cost_text: str = ""
    feasibility: Mapping[str, str] = field(default_factory=dict)
    votes: int | None = None
    id: str = ""  # stable for the proposal's life; "" until one is given (``with_ids``)

    @property
    def cost(self) -> int | None:
        """The amount ``cost_text`` reads as, or None (empty or unreadable)."""
        try:
            return parse_cost(self.cost_text)
        except CostError:
            return None

    def mark(self, criterion: str) -> str:
        return normalise_mark(self.feasibility.get(criterion, ""))

    def is_blank(self) -> bool:
        return not any(
            (
                self.title.strip(),
                self.problem.strip(),
                self.location.strip(),
                self.beneficiaries.strip(),
                self.cost_text.strip(),
                *(v for v in self.feasibility.values() if v),
                self.votes is not None,
            )
        )


@dataclass(frozen=True)
class ReportContent:
    members: tuple[Member, ...] = ()
    topic: str = ""
    points_for: str = ""
    points_against: str = ""
    proposals: tuple[Proposal, ...] = ()
    ranking: str = ""
    open_questions: str = ""
    feedback: str = ""

    def present_members(self) -> tuple[Member, ...]:
        return tuple(m for m in self.members if m.present)

    def ranked_proposals(self) -> tuple[tuple[int, Proposal], ...]:
        """(1-based number as entered, proposal) by votes, most first; unvoted keep order."""
        numbered = [(i, p) for i, p in enumerate(self.proposals, start=1) if not p.is_blank()]
        return tuple(
            sorted(numbered, key=lambda ip: (ip[1].votes is None, -(ip[1].votes or 0), ip[0]))
        )

    def total_cost(self) -> int:
        return sum(p.cost or 0 for p in self.proposals)

    def is_empty(self) -> bool:
        text = (
            self.topic,
            self.points_for,
            self.points_against,
            self.ranking,
            self.open_questions,
            self.feedback,
        )
        return not any(t.strip() for t in text) and all(p.is_blank() for p in self.proposals)

    def with_members(self, members: Iterable[Member]) -> ReportContent:
        return replace(self, members=tuple(members))


def points(text: str) -> tuple[str, ...]:
    """Key points typed one a line; bullets (``-``, ``•``, ``1.``) and blank lines removed."""
    result = []
    for line in text.splitlines():
        item = re.sub(r"^\s*(?:[-*•・●‧]|\d+[.、)）]|[（(]\d+[)）])\s*", "", line).strip()
        if item:
            result.append(item)
    return tuple(result)


# --- JSON ---------------------------------------------------------------------------------


def _text(value: Any, *, multiline: bool = False) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return clean_text("\n".join(_text(v, multiline=True) for v in value), multiline=multiline)
    return clean_text(value, multiline=multiline)


def _lines(value: Any) -> str:
    return _text(value, multiline=True)


def _int_or_none(value: Any) -> int | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def member_to_json(m: Member) -> dict[str, Any]:
    return {
        "name": m.name,
        "agency": m.agency,
        "registration_id": m.registration_id,
        "present": m.present,
    }


def proposal_to_json(p: Proposal) -> dict[str, Any]:
    return {
        "id": p.id,
        "title": p.title,
        "problem": p.problem,
        "location": p.location,
        "beneficiaries": p.beneficiaries,
        "cost_text": p.cost_text,
        "cost": p.cost,
        "feasibility": {c: p.mark(c) for c in CRITERIA},
        "votes": p.votes,
    }


def to_json(content: ReportContent) -> dict[str, Any]:
    return {
        "schema": SCHEMA,
        "members": [member_to_json(m) for m in content.members],
        "topic": content.topic,
        "points_for": content.points_for,
        "points_against": content.points_against,
        "proposals": [proposal_to_json(p) for p in content.proposals],
        "ranking": content.ranking,
        "open_questions": content.open_questions,
        "feedback": content.feedback,
    }


def _member_from_json(data: Any) -> Member | None:
    if isinstance(data, str):
        return Member(name=_text(data)) if data.strip() else None
    if not isinstance(data, Mapping):
        return None
    name = _text(data.get("name")).strip()
    if not name:
        return None
    return Member(
        name=name,
        agency=_text(data.get("agency")),
        registration_id=_int_or_none(data.get("registration_id")),
        present=bool(data.get("present", True)),
    )


def _proposal_from_json(data: Any) -> Proposal:
    if not isinstance(data, Mapping):
        return Proposal(title=_text(data))
    stored_id = data.get("id")
    cost_text = _text(data.get("cost_text"))
    if not cost_text and data.get("cost") not in (None, ""):
        cost_text = _text(data.get("cost"))
    feasibility = data.get("feasibility")
    marks = feasibility if isinstance(feasibility, Mapping) else {}
    return Proposal(
        id=stored_id if isinstance(stored_id, str) and PROPOSAL_ID.fullmatch(stored_id) else "",
        title=_text(data.get("title")),
        problem=_lines(data.get("problem")),
        location=_text(data.get("location")),
        beneficiaries=_text(data.get("beneficiaries")),
        cost_text=cost_text,
        feasibility={c: normalise_mark(_text(marks.get(c))) for c in CRITERIA if marks.get(c)},
        votes=_int_or_none(data.get("votes")),
    )


def from_json(data: Any, *, fresh_ids: bool = False) -> ReportContent:
    """The form from stored JSON: unknown keys ignored, missing keys empty, lists of lines
    joined, so no stored word is ever dropped for being in an older shape. A proposal with no
    id gets its position, or with ``fresh_ids`` (a save coming in) a new id."""
    if not isinstance(data, Mapping):
        return ReportContent()
    stored_members, stored_proposals = data.get("members"), data.get("proposals")
    members = stored_members if isinstance(stored_members, list) else []
    proposals = stored_proposals if isinstance(stored_proposals, list) else []
    return ReportContent(
        members=tuple(m for m in (_member_from_json(x) for x in members) if m is not None),
        topic=_text(data.get("topic")),
        points_for=_lines(data.get("points_for")),
        points_against=_lines(data.get("points_against")),
        proposals=with_ids((_proposal_from_json(p) for p in proposals), fresh=fresh_ids),
        ranking=_lines(data.get("ranking")),
        open_questions=_lines(data.get("open_questions")),
        feedback=_lines(data.get("feedback")),
    )


# --- proposal ids ----------------------------------------------------------------------------

PROPOSAL_ID = re.compile(r"[A-Za-z0-9_-]{1,32}")


def new_proposal_id() -> str:
    """A fresh id (10 hex digits): unique for the report's life, whoever makes it."""
    return secrets.token_hex(5)


def with_ids(proposals: Iterable[Proposal], *, fresh: bool = False) -> tuple[Proposal, ...]:
    """Every proposal with an id of its own: one that has none (or repeats an earlier one's)
    gets its position (``"3"``) — the same on every read of a stored report — or, with
    ``fresh``, a new id (a proposal a device just added)."""
    result: list[Proposal] = []
    seen: set[str] = set()
    for position, p in enumerate(proposals, start=1):
        given = p.id
        if not given or given in seen:
            given = new_proposal_id() if fresh else str(position)
            while given in seen:
                given += "_"
        seen.add(given)
        result.append(p if given == p.id else replace(p, id=given))
    return tuple(result)


# --- checks ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Problem:
    """One thing to confirm: ``outcome`` with its ``params``; a cost's refusal is said of its
    proposal (``params["label"]``, 提案 2「路燈」) through ``PROPOSAL_PROBLEM``."""

    where: str  # "proposals[0].cost", "proposals[1].feasibility.legal", ...
    outcome: Outcome
    params: Mapping[str, object] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return self.outcome.code

    @property
    def message(self) -> str:
        """The sentence in zh-TW (the CLI's, the JSON's)."""
        return self.worded(lambda outcome, **params: outcome.say(**params))

    def worded(self, word: Callable[..., str]) -> str:
        """The sentence by ``word(outcome, **params)`` (the window's: its own language)."""
        text = word(self.outcome, **self.params)
        if "label" in self.params and "label" not in self.outcome.params:
            return word(words.PROPOSAL_PROBLEM, label=self.params["label"], problem=text)
        return text


def problems(content: ReportContent) -> tuple[Problem, ...]:
    """What does not make sense yet; never blocks saving."""
    found: list[Problem] = []
    for i, p in enumerate(content.proposals):
        label = f"提案 {i + 1}" + (f"「{p.title.strip()}」" if p.title.strip() else "")
        if p.is_blank():
            continue
        if not p.title.strip():
            found.append(
                Problem(f"proposals[{i}].title", words.PROPOSAL_NO_TITLE, {"label": label})
            )
        try:
            parse_cost(p.cost_text)
        except CostError as exc:
            found.append(
                Problem(f"proposals[{i}].cost", exc.outcome, {**exc.params, "label": label})
            )
        for c in CRITERIA:
            mark = p.mark(c)
            if mark and mark not in MARKS:
                found.append(
                    Problem(
                        f"proposals[{i}].feasibility.{c}",
                        words.PROPOSAL_BAD_MARK,
                        {"label": label, "criterion": CRITERION_LABELS[c], "mark": mark},
                    )
                )
        if p.votes is not None and p.votes < 0:
            found.append(
                Problem(f"proposals[{i}].votes", words.PROPOSAL_NEGATIVE_VOTES, {"label": label})
            )
    names = [m.name.strip() for m in content.members]
    for name in sorted({n for n in names if n and names.count(n) > 1}):
        found.append(Problem("members", words.DUPLICATE_MEMBER, {"name": name}))
    return tuple(found)


def merge_members(
    stored: Iterable[Member], seated: Iterable[Member], *, reset_presence: bool = False
) -> tuple[Member, ...]:
    """The members list after the seating changed: stored members keep their order and the
    leader's ticks; newly seated people are appended (present as the check-ins say). With
    ``reset_presence`` the ticks of seated people are taken from the check-ins again; people
    added by hand are never removed."""
    seated_by_id = {m.registration_id: m for m in seated if m.registration_id is not None}
    result: list[Member] = []
    seen: set[int] = set()
    for m in stored:
        if m.registration_id is not None and m.registration_id in seated_by_id:
            seen.add(m.registration_id)
            if reset_presence:
                m = replace(m, present=seated_by_id[m.registration_id].present)
        result.append(m)
    names = {m.name for m in result}
    for rid, m in seated_by_id.items():
        if rid not in seen and not any(r.registration_id == rid for r in result):
            if m.name in names and any(
                r.name == m.name and r.registration_id is None for r in result
            ):
                continue  # typed in by hand before they were seated
            result.append(m)
    return tuple(result)
