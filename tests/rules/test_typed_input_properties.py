"""Typed times and pain: every clock time written the usual ways, and no text that breaks them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.places import ZoneFound, ZoneOptions, find_time_zone
from bot.rules.typed_input import Ambiguous, TypedTime, parse_pain, read_time_of_day

EVERY_MINUTE = [time(minute // 60, minute % 60) for minute in range(24 * 60)]


def twelve_hour(at: time) -> str:
    """'6:30pm', '12:05am'."""
    return f"{(at.hour - 1) % 12 + 1}:{at.minute:02d}{'am' if at.hour < 12 else 'pm'}"


def as_read_on_a_24_hour_clock(at: time) -> TypedTime:
    """10:30 and 11:30 are written the same on a 12-hour clock: those are asked about."""
    if at.hour in (10, 11):
        return Ambiguous(at, at.replace(hour=at.hour + 12))
    return at


@pytest.mark.parametrize(
    "written",
    [
        pytest.param(lambda at: f"{at:%H:%M}", id="18:30"),
        pytest.param(lambda at: f"{at:%H.%M}", id="18.30"),
        pytest.param(lambda at: f"{at:%H%M}", id="1830"),
    ],
)
def test_every_minute_of_the_day_in_24_hour_digits_is_read_back(
    written: Callable[[time], str],
) -> None:
    readings = [read_time_of_day(written(at)) for at in EVERY_MINUTE]
    assert readings == [as_read_on_a_24_hour_clock(at) for at in EVERY_MINUTE]


@pytest.mark.parametrize(
    "written",
    [
        pytest.param(lambda at: f"{at.hour}h{at.minute:02d}", id="18h30"),
        pytest.param(twelve_hour, id="6:30pm"),
    ],
)
def test_every_minute_of_the_day_is_read_back_exactly(written: Callable[[time], str]) -> None:
    assert [read_time_of_day(written(at)) for at in EVERY_MINUTE] == EVERY_MINUTE


def test_an_hour_from_1_to_11_alone_is_always_asked_about() -> None:
    assert all(isinstance(read_time_of_day(str(hour)), Ambiguous) for hour in range(1, 12))


@given(st.text(max_size=120))
def test_any_text_is_a_time_a_question_or_not_understood(text: str) -> None:
    assert isinstance(read_time_of_day(text), time | Ambiguous | None)


@given(st.text(max_size=40))
def test_any_text_is_a_score_from_0_to_10_or_not_understood(text: str) -> None:
    assert parse_pain(text) in {None, *range(11)}


@settings(deadline=None)  # the first call loads the city index
@given(st.text(max_size=120))
def test_any_text_is_a_place_options_or_not_understood(text: str) -> None:
    assert isinstance(find_time_zone(text), ZoneFound | ZoneOptions | None)
