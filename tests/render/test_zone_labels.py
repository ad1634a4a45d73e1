"""Set-up's closing lines name the time zone as its buttons do ("Los Angeles (UTC\u22128)"), with
the offset in force at the time, never by its id."""

from __future__ import annotations

from datetime import UTC, datetime, time
from zoneinfo import ZoneInfo

import pytest

from bot.render import texts
from bot.views import MemberSettings, Schedule

WINTER = datetime(2026, 1, 15, 12, 0, tzinfo=UTC)
SUMMER = datetime(2026, 7, 15, 12, 0, tzinfo=UTC)


def settings(zone: str) -> MemberSettings:
    schedule = Schedule(frozenset({0, 2, 4}), time(18, 0), ZoneInfo(zone))
    return MemberSettings("Lower Back Pain Relief, Level 1", schedule)


@pytest.mark.parametrize(
    ("zone", "now", "shown"),
    [
        ("America/Los_Angeles", WINTER, "Mon, Wed, Fri at 18:00 (Los Angeles (UTC\u22128))"),
        ("America/Los_Angeles", SUMMER, "Mon, Wed, Fri at 18:00 (Los Angeles (UTC\u22127))"),
        ("Asia/Kolkata", WINTER, "Mon, Wed, Fri at 18:00 (Kolkata (UTC+5:30))"),
        ("UTC", WINTER, "Mon, Wed, Fri at 18:00 (UTC)"),
    ],
    ids=["standard-time", "daylight-saving", "half-hour", "utc"],
)
def test_all_set_shows_the_zone_by_its_label(zone: str, now: datetime, shown: str) -> None:
    assert f"Reminders: {shown}." in texts.all_set(settings(zone), now)


def test_welcome_back_shows_the_zone_by_its_label() -> None:
    welcome = texts.welcome_back("Maya", settings("Europe/Berlin"), WINTER)
    assert "reminders Mon, Wed, Fri at 18:00 (Berlin (UTC+1))." in welcome
    assert "Europe/Berlin" not in welcome
