"""Typed times and pain scores: what a member may type, and what is not understood."""

from __future__ import annotations

from datetime import time

import pytest

from bot.rules.typed_input import (
    Ambiguous,
    TypedTime,
    parse_pain,
    parse_time_of_day,
    read_time_of_day,
)


def either(hour: int, minute: int = 0) -> Ambiguous:
    """Morning or evening: the bot asks which."""
    return Ambiguous(time(hour, minute), time(hour + 12, minute))


TIMES: list[tuple[str, TypedTime]] = [
    # named times
    ("noon", time(12, 0)),
    ("midday", time(12, 0)),
    ("midnight", time(0, 0)),
    ("at noon", time(12, 0)),
    ("12 noon", time(12, 0)),
    ("12 midnight", time(0, 0)),
    # a 24-hour clock: as written
    ("0630", time(6, 30)),
    ("1830", time(18, 30)),
    ("18:30", time(18, 30)),
    ("06:30", time(6, 30)),
    ("18.30", time(18, 30)),
    ("18h", time(18, 0)),
    ("18h30", time(18, 30)),
    ("6h30", time(6, 30)),
    ("19", time(19, 0)),
    ("07", time(7, 0)),
    ("00:00", time(0, 0)),
    ("0", time(0, 0)),
    ("quarter to 18", time(17, 45)),
    ("eighteen", time(18, 0)),
    # morning or evening said
    ("6:30pm", time(18, 30)),
    ("6:30 PM", time(18, 30)),
    ("7am", time(7, 0)),
    ("7 a.m.", time(7, 0)),
    ("7a.m.", time(7, 0)),
    ("7.30pm", time(19, 30)),
    ("07:00 am", time(7, 0)),
    ("12am", time(0, 0)),
    ("12 pm", time(12, 0)),
    ("7 in the morning", time(7, 0)),
    ("7 in the evening", time(19, 0)),
    ("3 in the afternoon", time(15, 0)),
    ("7:30 in the evening", time(19, 30)),
    ("11 at night", time(23, 0)),
    ("12 at night", time(0, 0)),
    ("2 at night", time(2, 0)),
    ("a quarter past eight in the evening", time(20, 15)),
    ("quarter to 7 pm", time(18, 45)),
    ("6h30pm", time(18, 30)),
    ("7pm.", time(19, 0)),
    ("6:30 p.m.", time(18, 30)),
    # twelve alone is after noon
    ("12", time(12, 0)),
    ("12:30", time(12, 30)),
    ("twelve", time(12, 0)),
    ("half past 12", time(12, 30)),
    # an hour from 1 to 11 alone: ask
    ("7", either(7)),
    ("at 7", either(7)),
    ("7ish", either(7)),
    ("7-ish", either(7)),
    ("at around 7ish", either(7)),
    ("7 o'clock", either(7)),
    ("7 o clock", either(7)),
    ("seven", either(7)),
    ("6.30", either(6, 30)),
    ("6:30", either(6, 30)),
    ("630", either(6, 30)),
    ("7 30", either(7, 30)),
    ("seven thirty", either(7, 30)),
    ("six forty five", either(6, 45)),
    ("seven oh five", either(7, 5)),
    ("half past six", either(6, 30)),
    ("half six", either(6, 30)),
    ("quarter to 7", either(6, 45)),
    ("quarter past 8", either(8, 15)),
    ("twenty five past 6", either(6, 25)),
    ("twenty-five past six", either(6, 25)),
    ("10 minutes to 8", either(7, 50)),
    ("quarter to 1", Ambiguous(time(0, 45), time(12, 45))),
    ("quarter to 12", Ambiguous(time(11, 45), time(23, 45))),
    # not a time
    ("25:00", None),
    ("24:00", None),
    ("2400", None),
    ("banana", None),
    ("6:75", None),
    ("12:60", None),
    ("7:5", None),
    ("13pm", None),
    ("0am", None),
    ("18:30 pm", None),
    ("half to 7", None),
    ("7 7", None),
    ("12345", None),
    ("-7", None),
    ("7pm tonight please", None),
    ("\N{ARABIC-INDIC DIGIT SEVEN}", None),
    ("", None),
    ("   ", None),
]


def named(cases: list[tuple[str, object]]) -> list[str]:
    """Test ids: what was typed ('blank' for nothing but spaces)."""
    return [typed.strip() or "blank" for typed, _ in cases]


@pytest.mark.parametrize(("typed", "expected"), TIMES, ids=named(TIMES))
def test_typed_time_is_read_as_people_mean_it(typed: str, expected: TypedTime) -> None:
    assert read_time_of_day(typed) == expected


def test_surrounding_spaces_and_case_do_not_matter() -> None:
    assert read_time_of_day("  Half Past SIX In The Evening  ") == time(18, 30)


def test_parse_time_of_day_takes_the_morning_of_an_ambiguous_time() -> None:
    assert parse_time_of_day("7") == time(7, 0)


def test_parse_time_of_day_keeps_a_time_that_was_said_in_full() -> None:
    assert parse_time_of_day("7pm") == time(19, 0)


def test_parse_time_of_day_refuses_what_is_not_a_time() -> None:
    assert parse_time_of_day("banana") is None


PAINS: list[tuple[str, int | None]] = [
    ("7", 7),
    ("0", 0),
    ("10", 10),
    ("07", 7),
    ("7/10", 7),
    ("7 / 10", 7),
    ("10/10", 10),
    ("7 out of 10", 7),
    ("7 of 10", 7),
    ("seven", 7),
    ("Seven out of ten", 7),
    ("zero", 0),
    ("a 7", 7),
    ("about a 7", 7),
    (" 7 ", 7),
    ("7!", 7),
    ("11", None),
    ("eleven", None),
    ("-1", None),
    ("7.5", None),
    ("7,5", None),
    ("7/5", None),
    ("7 out", None),
    ("7 out 10", None),
    ("1 0", None),
    ("100", None),
    ("banana", None),
    ("", None),
]


@pytest.mark.parametrize(("typed", "expected"), PAINS, ids=named(PAINS))
def test_typed_pain_is_a_whole_number_from_0_to_10(typed: str, expected: int | None) -> None:
    assert parse_pain(typed) == expected
