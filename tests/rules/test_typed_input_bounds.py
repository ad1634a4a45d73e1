"""Issue 22: a long text sent where the bot waits for a typed answer is not read at all.

Each reader stops at its length cap before any parsing, so a megabyte is simply not
understood (how long that takes is in bench/places.py, not here).
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from bot.rules.places import MAX_PLACE_TEXT, find_time_zone
from bot.rules.typed_input import (
    MAX_PAIN_TEXT,
    MAX_TIME_TEXT,
    parse_pain,
    parse_time_of_day,
    parse_time_zone,
    read_time_of_day,
)

MEGABYTE = 2**20
READERS: dict[str, Callable[[str], object]] = {
    "read_time_of_day": read_time_of_day,
    "parse_time_of_day": parse_time_of_day,
    "parse_pain": parse_pain,
    "parse_time_zone": parse_time_zone,
    "find_time_zone": find_time_zone,
}
# Each a real answer, padded with spaces to a megabyte (so only the length makes it wrong).
ANSWERS = {
    "read_time_of_day": "7pm",
    "parse_time_of_day": "7pm",
    "parse_pain": "7",
    "parse_time_zone": "Lisbon",
    "find_time_zone": "Lisbon",
}
CAPS = {
    "read_time_of_day": MAX_TIME_TEXT,
    "parse_time_of_day": MAX_TIME_TEXT,
    "parse_pain": MAX_PAIN_TEXT,
    "parse_time_zone": MAX_PLACE_TEXT,
    "find_time_zone": MAX_PLACE_TEXT,
}


@pytest.mark.parametrize("reader", READERS)
def test_a_megabyte_of_digits_is_not_understood(reader: str) -> None:
    assert READERS[reader]("7" * MEGABYTE) is None


@pytest.mark.parametrize("reader", READERS)
def test_a_real_answer_padded_to_a_megabyte_is_not_understood(reader: str) -> None:
    assert READERS[reader](ANSWERS[reader].center(MEGABYTE)) is None


@pytest.mark.parametrize("reader", READERS)
def test_a_real_answer_padded_up_to_the_cap_is_still_understood(reader: str) -> None:
    assert READERS[reader](ANSWERS[reader].center(CAPS[reader])) is not None
