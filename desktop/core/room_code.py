"""The personal room code: the attendee's key to the room page (``/me``) and the vote.

A code is 9 symbols drawn with ``secrets`` from an alphabet of 31 without look-alikes (no
``0``/``O``, ``1``/``I``/``L``): 31**9 ≈ 2.6 × 10**13 codes, 44.6 bits. It is shown in three
groups (``K7M-Q4X-RTP``) and typed in any case, with or without dashes or spaces.

Guessing is bounded by ``AttemptLimits``: per client address a few failures in a window, and
for the whole room a budget of failures per minute. Past the room's budget every sign-in waits
its turn a few seconds (``busy``): everybody is slowed a little, nobody's code is ever blocked.
The odds this leaves an attacker are worked out in the README (section 房間碼).
"""

from __future__ import annotations

import math
import secrets
import threading
from collections import deque
from dataclasses import dataclass, field

from desktop.core.outcomes import room as words
from desktop.core.problems import CodedError

ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
LENGTH = 9
GROUP = 3
BITS = LENGTH * math.log2(len(ALPHABET))  # 44.6
_SEPARATORS = str.maketrans("", "", " -_.\u3000\u2010\u2011\u2012\u2013\u2014\uff0d")
# Full-width letters and digits typed by a Chinese input method are the same keys.
_WIDTH = {chr(c): chr(c - 0xFEE0) for c in range(0xFF10, 0xFF5B)}


class CodeFormat(CodedError):
    """What was typed cannot be a room code (length, a symbol not in the alphabet)."""


def new_code() -> str:
    """A fresh code, stored and compared in this form (9 symbols, no dashes)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def shown(code: str) -> str:
    """``K7MQ4XRTP`` → ``K7M-Q4X-RTP``: how the code is printed and displayed."""
    return "-".join(code[i : i + GROUP] for i in range(0, len(code), GROUP))


def normalise(typed: str) -> str:
    """The stored form of what a person typed: upper case, without dashes or spaces.
    Raises ``CodeFormat`` for anything that cannot be a code; the look-alikes 0, O, 1, I and L
    are never in a code, so they are refused with a hint rather than guessed at."""
    text = "".join(_WIDTH.get(ch, ch) for ch in typed).translate(_SEPARATORS).upper()
    if len(text) != LENGTH:
        raise CodeFormat(words.CODE_LENGTH, length=LENGTH, typed=len(text))
    wrong = sorted({ch for ch in text if ch not in ALPHABET})
    if wrong:
        raise CodeFormat(words.CODE_SYMBOLS, symbols="、".join(wrong))
    return text


@dataclass(frozen=True)
class Verdict:
    """May a code be checked now? ``refusal``: ``""`` (go ahead), ``too_many_attempts`` (this
    address, for ``retry_after`` seconds) or ``busy`` (the whole room, a few seconds)."""

    refusal: str = ""
    retry_after: int = 0


@dataclass
class AttemptLimits:
    """Failed sign-ins, per client address and for the whole room.

    * An address gets ``per_address`` failures in ``window`` seconds, then waits until the
      oldest of them is ``window`` old. Only that address waits.
    * The room gets ``room_per_minute`` failures a minute (a token bucket holding a minute's
      worth). When it is empty every attempt waits until a failure's worth has refilled — a
      second or two — so a flood of guesses from many addresses slows everybody a little and
      never locks a particular person out.

    Times are the caller's monotonic seconds; thread-safe (the server's thread pool)."""

    per_address: int = 10
    window: float = 600.0
    room_per_minute: int = 60
    _failures: dict[str, deque[float]] = field(default_factory=dict)
    _tokens: float = -1.0  # the room's bucket; < 0 before the first use means full
    _filled_at: float = 0.0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _refill(self, now: float) -> None:
        capacity = float(self.room_per_minute)
        if self._tokens < 0:
            self._tokens, self._filled_at = capacity, now
            return
        rate = self.room_per_minute / 60.0
        # callers read their clocks before taking the lock: time never runs backwards here
        elapsed = max(0.0, now - self._filled_at)
        self._tokens = min(capacity, self._tokens + elapsed * rate)
        self._filled_at = max(self._filled_at, now)

    def attempt(self, address: str, now: float) -> Verdict:
        """May a code be compared now? When it may, the attempt is charged as a failure
        (the address's window and the room's bucket) in the same critical section, before
        the comparison: guesses sent at once cannot all pass a check that a failure has not
        yet counted against, so at most the stated number are ever compared. A code that
        matches gives its charge back (``matched``)."""
        with self._lock:
            recent = self._failures.get(address)
            if recent is not None:
                while recent and recent[0] <= now - self.window:
                    recent.popleft()
                if len(recent) >= self.per_address:
                    return Verdict("too_many_attempts", math.ceil(recent[0] + self.window - now))
            self._refill(now)
            if self._tokens < 1:
                seconds = (1 - self._tokens) / (self.room_per_minute / 60.0)
                return Verdict("busy", max(1, math.ceil(seconds)))
            self._failures.setdefault(address, deque()).append(now)
            self._tokens -= 1
            if len(self._failures) > 10_000:  # forget quiet addresses rather than grow
                cutoff = now - self.window
                self._failures = {a: d for a, d in self._failures.items() if d and d[-1] > cutoff}
            return Verdict()

    def matched(self, address: str, now: float) -> None:
        """The attempt charged at ``now`` found its code: it was not a failure."""
        with self._lock:
            recent = self._failures.get(address)
            if recent is not None and now in recent:
                recent.remove(now)
            self._tokens = min(float(self.room_per_minute), self._tokens + 1)
