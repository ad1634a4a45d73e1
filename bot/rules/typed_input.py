"""Reading what members type where a button would do: a time of day, a pain score, a time zone.

Each reader refuses a text longer than any real answer before looking at it (issue 22), then
splits it into tokens (runs of digits, runs of letters, single punctuation marks) and reads
them with a small grammar: the work is small and linear whatever the member sends.

Times, in plain words:

- '18:30', '18.30', '1830', '18h30', '18h', '19', '0630' are on a 24-hour clock: as written.
- '6:30pm', '7am', '7 a.m.', '7 in the evening', '11 at night', '6 in the morning' are as said.
- 'noon', 'midday', 'midnight', '12 noon' are 12:00 and 00:00; '12' and '12:30' alone are
  after noon.
- Otherwise an hour from 1 to 11 (or 'half past six', 'quarter to 7', 'seven thirty', '7ish')
  could be morning or evening: the answer is an ``Ambiguous`` for the bot to ask about.
- Number words ('seven', 'twenty five past six'), 'at', 'around', 'about', '-ish' and
  "o'clock" are understood; anything else ('banana', '25:00', '6:75', '13pm') is not.

Pain is a whole number from 0 to 10: '7', '7/10', '7 out of 10', 'seven', 'a 7'. A decimal
('7.5') is refused rather than rounded: the scale has no halves, and the bot asks again with
the buttons rather than record a score the member did not give.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import time
from typing import TypeVar

from bot.rules.places import ZoneFound, ZoneOptions, find_time_zone

MAX_TIME_TEXT = 64
MAX_PAIN_TEXT = 32

_T = TypeVar("_T")
_TOKEN = re.compile(r"\d+|[^\W\d_]+|\S")
_MERIDIEM = re.compile(r"(?<![a-z])([ap])\.\s?m\.?(?![a-z])")
_HYPHEN = re.compile(r"(?<=\w)-(?=\w)")  # '7-ish', 'twenty-five'
_APOSTROPHES = re.compile("['\N{RIGHT SINGLE QUOTATION MARK}]")
_OCLOCK = re.compile(r"(?<![a-z])o\s?'?\s?clock(?![a-z])")

_ONES = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_TEENS = ("ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50}
_SMALL_NUMBERS = {word: value for value, word in enumerate(("zero", *_ONES, *_TEENS))}
_NUMBER_WORDS = _TENS.keys() | _SMALL_NUMBERS.keys()
_SCORE_WORDS = frozenset(("zero", *_ONES, "ten"))

_TIME_FILLERS = frozenset(
    {"at", "around", "about", "approximately", "roughly", "ish", "oclock", "sharp", "a", "in",
     "the", "this"}
)  # fmt: skip
_ENDINGS = frozenset({".", "!", "?"})
_PAIN_FILLERS = frozenset({"a", "about", "around", "maybe", "like"})
_MINUTE_WORDS = frozenset({"minutes", "minute", "mins", "min"})
_PAST = frozenset({"past", "after"})
_TO = frozenset({"to", "till", "before"})
_SEPARATORS = frozenset({":", ".", "h"})
_DAY_PARTS = {
    "am": "am", "morning": "am",
    "pm": "pm", "afternoon": "pm", "evening": "pm",
    "night": "night", "tonight": "night",
}  # fmt: skip
_NOON = _HALF_DAY = 12 * 60
_NAMED_TIMES = {"noon": _NOON, "midday": _NOON, "midnight": 0}
_DAY = 24 * 60


@dataclass(frozen=True, slots=True)
class Ambiguous:
    """A time said without morning or evening ('7', 'half past six'): the bot asks which."""

    morning: time
    evening: time


TypedTime = time | Ambiguous | None


class _Tokens:
    """A cursor over tokens; the ``_read_*`` functions take from it or leave it where it was."""

    def __init__(self, tokens: Sequence[str]) -> None:
        self._tokens = tokens
        self.at = 0

    def peek(self) -> str | None:
        return self._tokens[self.at] if self.at < len(self._tokens) else None

    def take(self, accepted: Callable[[str], bool]) -> str | None:
        token = self.peek()
        if token is None or not accepted(token):
            return None
        self.at += 1
        return token

    def take_word(self, words: Collection[str]) -> str | None:
        return self.take(lambda token: token in words)

    @property
    def finished(self) -> bool:
        return self.at == len(self._tokens)

    def attempt(self, read: Callable[[_Tokens], _T | None]) -> _T | None:
        """``read`` from here; on failure the cursor is put back."""
        start = self.at
        result = read(self)
        if result is None:
            self.at = start
        return result


def _tokenise(text: str, fillers: frozenset[str]) -> _Tokens:
    """Tokens less the filler words and any full stop or '!' ending the message."""
    words = [w for w in _TOKEN.findall(_APOSTROPHES.sub("", text.casefold())) if w not in fillers]
    while words and words[-1] in _ENDINGS:
        words.pop()
    return _Tokens(words)


# --- numbers -------------------------------------------------------------------------------


def _read_number_words(tokens: _Tokens) -> int | None:
    """'seven', 'fifteen', 'forty five' → 0..59."""
    word = tokens.take_word(_NUMBER_WORDS)
    if word is None:
        return None
    if word in _SMALL_NUMBERS:
        return _SMALL_NUMBERS[word]
    ones = tokens.take_word(_ONES)
    return _TENS[word] + (_SMALL_NUMBERS[ones] if ones else 0)


def _read_digits(tokens: _Tokens, most: int) -> str | None:
    return tokens.take(lambda token: token.isdigit() and token.isascii() and len(token) <= most)


# --- times ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Clock:
    """A time as written: ``hour`` as written (0..23), minutes past it (negative for 'to'),
    and whether the writing shows a 24-hour clock ('06:30', '18h', '19')."""

    hour: int
    minutes: int
    twenty_four: bool


def _read_hour(tokens: _Tokens) -> tuple[int, bool] | None:
    """An hour and whether it was zero-padded or past 12 ('07', '19', 'seven')."""
    digits = _read_digits(tokens, 2)
    if digits is not None:
        hour = int(digits)
        return hour, digits.startswith("0") or not 1 <= hour <= 12
    spelt = tokens.attempt(_read_number_words)
    if spelt is None or spelt == 0:
        return None
    return spelt, spelt > 12


def _read_minute_count(tokens: _Tokens) -> int | None:
    """'quarter', '20', 'twenty five', '10 minutes': minutes before 'past' or 'to'."""
    if tokens.take_word({"quarter"}) is not None:
        return 15
    digits = _read_digits(tokens, 2)
    minutes = int(digits) if digits is not None else tokens.attempt(_read_number_words)
    if minutes is None or not 1 <= minutes <= 59:
        return None
    tokens.take_word(_MINUTE_WORDS)
    return minutes


def _read_relative(tokens: _Tokens) -> _Clock | None:
    """'half past six', 'half six', 'quarter to 7', 'twenty five past 6', '10 minutes to 8'."""
    direction: str | None
    if tokens.take_word({"half"}) is not None:
        minutes: int | None = 30
        direction = tokens.take_word(_PAST) or "past"  # 'half six' is half past six
    else:
        minutes = _read_minute_count(tokens)
        direction = tokens.take_word(_PAST | _TO)
    hour = _read_hour(tokens)
    if minutes is None or direction is None or hour is None:
        return None
    return _Clock(hour[0], -minutes if direction in _TO else minutes, hour[1])


def _read_minutes_after(tokens: _Tokens) -> tuple[int, bool] | None:
    """What may follow an hour: ':30', '.30', 'h30', 'h', ' 30', ' thirty', ' oh five'; with
    whether it shows a 24-hour clock (the 'h' does)."""
    separator = tokens.take_word(_SEPARATORS)
    digits = _read_digits(tokens, 2)
    if digits is not None:
        return (int(digits), separator == "h") if len(digits) == 2 else None
    if separator is not None:
        return (0, True) if separator == "h" else None
    if tokens.take_word({"oh", "o"}) is not None:
        ones = tokens.take_word(_ONES)
        return (_SMALL_NUMBERS[ones], False) if ones else None
    words = tokens.attempt(_read_number_words)
    return (words, False) if words is not None and words >= 10 else None


def _read_compact(tokens: _Tokens) -> _Clock | None:
    """'0630', '630', '1830': hours and minutes with nothing between."""
    digits = tokens.take(lambda token: token.isdigit() and token.isascii() and len(token) in (3, 4))
    if digits is None:
        return None
    hour = int(digits[:-2])
    return _Clock(hour, int(digits[-2:]), digits[0] == "0" or not 1 <= hour <= 12)


def _read_clock(tokens: _Tokens) -> _Clock | None:
    """'18:30', '6.30', '18h30', '18h', '7 30', 'seven thirty', 'seven oh five', '7', '19'."""
    hour = _read_hour(tokens)
    if hour is None:
        return None
    minutes, twenty_four = tokens.attempt(_read_minutes_after) or (0, False)
    return _Clock(hour[0], minutes, hour[1] or twenty_four)


def _read_time(tokens: _Tokens) -> TypedTime:
    named = tokens.take_word(_NAMED_TIMES)
    if named is not None:
        return _time(_NAMED_TIMES[named]) if tokens.finished else None
    clock = (
        tokens.attempt(_read_relative)
        or tokens.attempt(_read_compact)
        or tokens.attempt(_read_clock)
    )
    if clock is None or not 0 <= clock.hour <= 23 or clock.minutes > 59:
        return None
    day_part = tokens.take_word(_DAY_PARTS)
    if day_part is None and (clock.hour, clock.minutes) == (12, 0):
        named = tokens.take_word(_NAMED_TIMES)  # '12 noon', '12 midnight'
    if not tokens.finished:
        return None
    if named is not None:
        return _time(_NAMED_TIMES[named])
    if day_part is not None:
        return _said_part_of_day(clock, _DAY_PARTS[day_part])
    if clock.twenty_four:
        return _time(clock.hour * 60 + clock.minutes)
    if clock.hour == 12 and clock.minutes >= 0:
        return _time(_NOON + clock.minutes)
    start = clock.hour % 12 * 60 + clock.minutes
    morning, evening = sorted((start + half) % _DAY for half in (0, _HALF_DAY))
    return Ambiguous(_time(morning), _time(evening))


def _said_part_of_day(clock: _Clock, part: str) -> time | None:
    """The time of '6:30 pm', 'quarter to 7 in the evening', '11 at night' (1 to 12 only)."""
    if not 1 <= clock.hour <= 12:
        return None
    base = clock.hour % 12 * 60
    if part == "pm" or (part == "night" and clock.hour >= 6 and clock.hour != 12):
        base += _HALF_DAY
    return _time((base + clock.minutes) % _DAY)


def _time(minutes: int) -> time:
    return time(minutes // 60 % 24, minutes % 60)


def read_time_of_day(text: str) -> TypedTime:
    """A typed time: a ``time``, an ``Ambiguous`` to ask about, or None if it is not one."""
    if len(text) > MAX_TIME_TEXT:
        return None
    text = _MERIDIEM.sub(r" \1m ", _HYPHEN.sub(" ", text.casefold()))
    text = _OCLOCK.sub(" oclock ", text)
    return _read_time(_tokenise(text, _TIME_FILLERS))


def parse_time_of_day(text: str) -> time | None:
    """A typed time, taking the morning when it could be either (until the chat asks)."""
    typed = read_time_of_day(text)
    return typed.morning if isinstance(typed, Ambiguous) else typed


# --- pain ----------------------------------------------------------------------------------


def _read_score(tokens: _Tokens) -> int | None:
    digits = _read_digits(tokens, 2)
    if digits is not None:
        return int(digits)
    word = tokens.take_word(_SCORE_WORDS)
    return _SMALL_NUMBERS[word] if word is not None else None


def parse_pain(text: str) -> int | None:
    """'7', '7/10', '7 out of 10', 'seven', 'a 7' → 7; None for anything that is not a whole
    number from 0 to 10 ('11', '-1', '7.5')."""
    if len(text) > MAX_PAIN_TEXT:
        return None
    tokens = _tokenise(text, _PAIN_FILLERS)
    score = _read_score(tokens)
    if score is None or score > 10:
        return None
    out = tokens.take_word({"out"}) is not None
    of = tokens.take_word({"/", "of"})
    if (out and of != "of") or (of is not None and _read_score(tokens) != 10):
        return None
    return score if tokens.finished else None


# --- time zones ----------------------------------------------------------------------------


def parse_time_zone(text: str) -> str | None:
    """An IANA zone from 'Europe/Lisbon', 'lisbon', 'Porto' or 'UTC'; None if unknown.

    Where a name leads to several zones this takes the most populous place's; the fuller answer,
    with the places to choose from, is ``bot.rules.places.find_time_zone``.
    """
    answer = find_time_zone(text)
    if isinstance(answer, ZoneFound):
        return answer.zone
    if isinstance(answer, ZoneOptions) and not answer.guessed:
        return answer.options[0].zone
    return None
