"""The emergency number a member is given follows the country of their time zone."""

from __future__ import annotations

from zoneinfo import ZoneInfo

import pytest

from bot.rules.emergency import EmergencyNumber, country_of, emergency_number


@pytest.mark.parametrize(
    ("zone", "number"),
    [
        ("America/New_York", "911"),
        ("America/Los_Angeles", "911"),
        ("America/Toronto", "911"),
        ("Europe/London", "999"),
        ("Europe/Lisbon", "112"),
        ("Europe/Berlin", "112"),
        ("Europe/Dublin", "112"),
        ("Australia/Sydney", "000"),
        ("Pacific/Auckland", "111"),
        ("Asia/Kolkata", "112"),
    ],
)
def test_the_number_follows_the_country_of_the_zone(zone: str, number: str) -> None:
    assert emergency_number(ZoneInfo(zone)).number == number


def test_a_zone_names_its_country() -> None:
    assert country_of(ZoneInfo("Europe/Lisbon")) == "PT"


def test_a_zone_of_no_country_gets_112_and_no_country() -> None:
    assert emergency_number(ZoneInfo("UTC")) == EmergencyNumber("112", None)
