"""Telling a keyboard-wedge scanner from a person typing, by key timing.

A USB scanner "types" a whole code in a burst (a few ms between keys) and usually ends with
Enter, sometimes Tab, sometimes nothing. People type far slower (≥ 80 ms between keys). A burst
of at least ``min_length`` characters with no gap above ``max_gap`` seconds is a scan.

``ComposedScan`` is a scan typed into a field whose input method is on (Microsoft Bopomofo in
the search field, which must keep it for Chinese names): the scanner's keys arrive as the
input method's composition (preedit) and committed text, not as key presses. Such a burst is
a scan only when its text starts like a pass (``WS1:``) and comes at a scanner's pace; a
Chinese name composed and committed stays a search.

``ConsistentReads`` is the camera's counterpart: a code is accepted only when the decoder saw
it in ``required`` consecutive frames, and the same code is not accepted again until it has
left the picture for a while.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_GAP = 0.05  # seconds between keys of one scan
MIN_LENGTH = 8
PASS_PREFIX = "WS1:"  # desktop.core.tokens.PREFIX


def split_codes(text: str) -> list[str]:
    """A burst holding two passes back to back (a scanner with no terminator that read twice
    within one burst) → each pass on its own; anything else is one code."""
    upper = text.upper()
    starts = [i for i in range(len(upper)) if upper.startswith(PASS_PREFIX, i)]
    if len(starts) < 2 or starts[0] != 0:
        return [text]
    return [text[a:b] for a, b in zip(starts, [*starts[1:], len(text)], strict=True)]


@dataclass
class ScanDetector:
    max_gap: float = MAX_GAP
    min_length: int = MIN_LENGTH
    chars: list[str] = field(default_factory=list)
    times: list[float] = field(default_factory=list)

    def key(self, char: str, at: float) -> bool:
        """Record a typed character at time ``at`` (seconds). Returns True when it starts a new
        burst (the previous characters were too long ago to belong to this one)."""
        new_burst = not self.times or at - self.times[-1] > self.max_gap
        if new_burst:
            self.reset()
        self.chars.append(char)
        self.times.append(at)
        return new_burst

    def reset(self) -> None:
        self.chars.clear()
        self.times.clear()

    @property
    def text(self) -> str:
        return "".join(self.chars)

    def is_scan(self, at: float | None = None) -> bool:
        """The burst so far looks like a scan (and, given ``at``, it is still fresh: the
        terminator came within ``max_gap`` of the last character)."""
        if len(self.chars) < self.min_length:
            return False
        if at is not None and at - self.times[-1] > self.max_gap * 2:
            return False
        return True


PASS_CHARACTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567:.1")  # WS1: + base32 . base32


def starts_like_a_pass(text: str) -> bool:
    """``text`` holds the whole pass prefix and nothing a pass cannot hold."""
    upper = text.upper()
    return upper.startswith(PASS_PREFIX) and set(upper) <= PASS_CHARACTERS


@dataclass
class ComposedScan:
    """One burst of input-method events: the text committed in it and the composition now."""

    max_gap: float = MAX_GAP
    committed: str = ""
    preedit: str = ""
    last: float | None = None
    fast: bool = True  # no pause longer than ``max_gap`` since the burst began

    def feed(self, commit: str, preedit: str, at: float) -> bool:
        """Record one input-method event at ``at`` (seconds). True when it begins a new
        burst (what was before ended: a pause after a finished composition)."""
        new_burst = self.last is None or (at - self.last > self.max_gap and not self.preedit)
        if new_burst:
            self.reset()
        elif self.last is not None and at - self.last > self.max_gap:
            self.fast = False  # a composition going on by hand
        self.committed += commit
        self.preedit = preedit
        self.last = at
        return new_burst

    def reset(self) -> None:
        self.committed, self.preedit, self.last, self.fast = "", "", None, True

    @property
    def text(self) -> str:
        return self.committed + self.preedit

    @property
    def is_scan(self) -> bool:
        """The burst is a scanner's: fast, and its text starts like a pass."""
        return self.fast and starts_like_a_pass(self.text)

    def complete(self, commit: str) -> bool:
        """The event that just committed ``commit`` ended the scan: the input method held
        the whole code and committed it at once (on the scanner's Enter), leaving nothing
        composed. An input method that commits key by key ends by Enter, Tab or a pause."""
        return self.is_scan and not self.preedit and len(commit) >= MIN_LENGTH


@dataclass(frozen=True)
class ScanReport:
    """What the scanner self-test found."""

    text: str
    ending: str  # "enter" / "tab" / "none"
    mean_gap_ms: float
    max_gap_ms: float
    chars_per_second: float
    looks_like_scanner: bool
    matches: bool  # the text equals the test code (case included)
    caps_changed: bool  # same letters but other case (Caps Lock / scanner setting)


def scan_report(
    chars: str, times: list[float], ending: str, expected: str, max_gap: float = MAX_GAP
) -> ScanReport:
    gaps = [b - a for a, b in zip(times, times[1:], strict=False)]
    mean = sum(gaps) / len(gaps) if gaps else 0.0
    top = max(gaps) if gaps else 0.0
    span = times[-1] - times[0] if len(times) > 1 else 0.0
    cps = (len(times) - 1) / span if span > 0 else 0.0
    return ScanReport(
        text=chars,
        ending=ending,
        mean_gap_ms=round(mean * 1000, 1),
        max_gap_ms=round(top * 1000, 1),
        chars_per_second=round(cps, 1),
        looks_like_scanner=len(chars) >= MIN_LENGTH and top <= max_gap,
        matches=chars == expected,
        caps_changed=chars != expected and chars.upper() == expected.upper(),
    )


@dataclass
class ConsistentReads:
    required: int = 2  # consecutive decodes that must agree
    forget_after: int = 15  # frames without the accepted code before it may be accepted again
    _candidate: str | None = None
    _streak: int = 0
    _accepted: str | None = None
    _absent: int = 0

    def feed(self, texts: list[str]) -> str | None:
        """One decoded frame's codes; returns a code when it is newly accepted."""
        text = texts[0] if len(texts) == 1 else None  # two codes in view: wait for one
        if self._accepted is not None:
            if text == self._accepted:
                self._absent = 0
                return None
            self._absent += 1
            if self._absent >= self.forget_after:
                self._accepted = None
        if text is None:
            self._candidate, self._streak = None, 0
            return None
        if text == self._candidate:
            self._streak += 1
        else:
            self._candidate, self._streak = text, 1
        if self._streak >= self.required and text != self._accepted:
            self._accepted, self._absent = text, 0
            self._candidate, self._streak = None, 0
            return text
        return None
