"""The course questionnaire (課後問卷): its template, the checks of a template and of one
response, and the count.

Training offices evaluate every course at the reaction level (TTQS; Kirkpatrick level 1). The
standard template asks six 5-point items, one item per speaker of the agenda and two open
questions. A scale answer is stored as its score, 5 = 非常滿意 … 1 = 非常不滿意, so a mean
reads "out of 5"; counts are listed 非常滿意 first, as the paper form prints them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from desktop.core.outcomes import survey
from desktop.core.problems import QT_TRANSLATE_NOOP, CodedError, Outcome

# scores 5 … 1; marked for the window's translation (``desktop.ui.labels.scale_label``)
SCALE_LABELS = (
    QT_TRANSLATE_NOOP("vocabulary", "非常滿意"),
    QT_TRANSLATE_NOOP("vocabulary", "滿意"),
    QT_TRANSLATE_NOOP("vocabulary", "普通"),
    QT_TRANSLATE_NOOP("vocabulary", "不滿意"),
    QT_TRANSLATE_NOOP("vocabulary", "非常不滿意"),
)
SCORES = (5, 4, 3, 2, 1)  # the score of each label, in the same order

STANDARD_SCALES = (
    ("content", "課程內容符合工作需要"),
    ("clarity", "講座表達清楚"),
    ("timing", "時間安排適當"),
    ("venue", "場地與設備"),
    ("admin", "行政服務"),
    ("overall", "整體滿意度"),
)
STANDARD_QUESTIONS = (("gain", "最有收穫的部分"), ("suggest", "建議"))

MAX_ITEMS = 40
MAX_ITEM_TEXT = 200
MAX_ANSWER_TEXT = 1000
ID_CHARACTERS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789_-")
MAX_ID = 40


class SurveyStatus(StrEnum):
    DRAFT = "draft"
    OPEN = "open"
    CLOSED = "closed"


class Kind(StrEnum):
    SCALE = "scale"
    TEXT = "text"


class SurveyError(CodedError):
    """A questionnaire refused: a bad template or answer, or an action in the wrong state
    (``desktop.core.outcomes.survey``)."""


@dataclass(frozen=True)
class Item:
    id: str  # stable key of the answers ("content", "speaker1", ...)
    text: str
    kind: Kind

    def as_json(self) -> dict[str, str]:
        return {"id": self.id, "text": self.text, "kind": self.kind.value}


Answer = int | str
Answers = dict[str, Answer]


def standard_template(speakers: Iterable[str]) -> tuple[Item, ...]:
    """The six standard items, one "講座：<speaker>" item per distinct speaker, two questions."""
    items = [Item(key, text, Kind.SCALE) for key, text in STANDARD_SCALES]
    seen: list[str] = []
    for speaker in speakers:
        name = " ".join(speaker.split())
        if name and name not in seen and len(items) + len(STANDARD_QUESTIONS) < MAX_ITEMS:
            seen.append(name)
            items.append(Item(f"speaker{len(seen)}", f"講座：{name}"[:MAX_ITEM_TEXT], Kind.SCALE))
    items.extend(Item(key, text, Kind.TEXT) for key, text in STANDARD_QUESTIONS)
    return tuple(items)


def _bad(where: str, reason: Outcome, **params: object) -> SurveyError:
    """``bad_template`` naming the item (``params.item``: its number), then why."""
    return SurveyError.of(
        [SurveyError(survey.BAD_TEMPLATE, item=where), SurveyError(reason, item=where, **params)]
    )


def _bad_answer(key: str, reason: Outcome, **params: object) -> SurveyError:
    """``bad_answer`` naming the item (``params.item``: its id), then why."""
    return SurveyError.of(
        [SurveyError(survey.BAD_ANSWER, item=key), SurveyError(reason, item=key, **params)]
    )


def parse_template(data: object) -> tuple[Item, ...]:
    """A template from its JSON form (a list of ``{"id", "text", "kind"}``, or an object with
    ``"items"`` as ``survey template --json`` prints it); ``SurveyError`` naming the item."""
    if isinstance(data, dict) and "items" in data:
        data = data["items"]
    if not isinstance(data, list) or not data:
        raise _bad("", survey.TEMPLATE_NOT_A_LIST)
    if len(data) > MAX_ITEMS:
        raise _bad(str(MAX_ITEMS + 1), survey.TEMPLATE_TOO_MANY, limit=MAX_ITEMS)
    items: list[Item] = []
    for number, raw in enumerate(data, start=1):
        where = str(number)
        if not isinstance(raw, dict):
            raise _bad(where, survey.TEMPLATE_NOT_AN_ITEM)
        key, text, kind = raw.get("id"), raw.get("text"), raw.get("kind")
        if not isinstance(key, str) or not key or len(key) > MAX_ID:
            raise _bad(where, survey.TEMPLATE_ID_LENGTH, limit=MAX_ID)
        if not set(key) <= ID_CHARACTERS:
            raise _bad(where, survey.TEMPLATE_ID_CHARACTERS, id=key)
        if any(i.id == key for i in items):
            raise _bad(where, survey.TEMPLATE_ID_TWICE, id=key)
        if not isinstance(text, str) or not text.strip():
            raise _bad(where, survey.TEMPLATE_NO_TEXT)
        if len(text.strip()) > MAX_ITEM_TEXT:
            raise _bad(where, survey.TEMPLATE_TEXT_TOO_LONG, limit=MAX_ITEM_TEXT)
        if kind not in (Kind.SCALE.value, Kind.TEXT.value):
            raise _bad(where, survey.TEMPLATE_BAD_KIND)
        items.append(Item(key, " ".join(text.split()), Kind(kind)))
    return tuple(items)


def check_answers(items: Iterable[Item], answers: object) -> Answers:
    """One response, checked against the template: scale items 1–5 (5 = 非常滿意), open items
    text; unanswered items are left out (blank text too). ``SurveyError`` naming the item."""
    by_id = {i.id: i for i in items}
    if not isinstance(answers, dict):
        raise _bad_answer("", survey.ANSWERS_NOT_AN_OBJECT)
    checked: Answers = {}
    for key, value in answers.items():
        item = by_id.get(key)
        if item is None:
            raise _bad_answer(str(key), survey.ANSWER_NO_SUCH_ITEM)
        if item.kind == Kind.SCALE:
            if value is None or value == "":
                continue
            if isinstance(value, str) and value.strip().isdigit():
                value = int(value.strip())
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 5:
                raise _bad_answer(key, survey.ANSWER_NOT_A_SCORE, text=item.text)
            checked[key] = value
        else:
            if value is None:
                continue
            if not isinstance(value, str):
                raise _bad_answer(key, survey.ANSWER_NOT_TEXT, text=item.text)
            text = value.strip()
            if len(text) > MAX_ANSWER_TEXT:
                raise _bad_answer(
                    key, survey.ANSWER_TOO_LONG, text=item.text, limit=MAX_ANSWER_TEXT
                )
            if text:
                checked[key] = text
    if not checked:
        raise SurveyError(survey.NO_ANSWERS, item="")
    return checked


@dataclass(frozen=True)
class ItemResult:
    item: Item
    counts: tuple[int, ...]  # scale: 5 numbers, 非常滿意 first; text: ()
    mean: float | None  # scale: on 5 = 非常滿意, None without answers; text: None
    texts: tuple[str, ...]  # text: the answers given; scale: ()

    @property
    def answered(self) -> int:
        return sum(self.counts) if self.item.kind == Kind.SCALE else len(self.texts)


def tally(
    items: Iterable[Item], responses: Iterable[Mapping[str, Answer]]
) -> tuple[ItemResult, ...]:
    """Counts, means and the open answers of every item over the responses given."""
    items = tuple(items)
    responses = tuple(responses)
    results = []
    for item in items:
        if item.kind == Kind.SCALE:
            scores = [r[item.id] for r in responses if isinstance(r.get(item.id), int)]
            counts = tuple(sum(1 for s in scores if s == score) for score in SCORES)
            mean = round(sum(int(s) for s in scores) / len(scores), 2) if scores else None
            results.append(ItemResult(item, counts, mean, ()))
        else:
            texts = tuple(str(r[item.id]) for r in responses if isinstance(r.get(item.id), str))
            results.append(ItemResult(item, (), None, texts))
    return tuple(results)
