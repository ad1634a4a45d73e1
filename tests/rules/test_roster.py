"""The dashboard's per-member figures: 4-week adherence, days since contact, flag levels and
whether the member needs the coach's attention."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.rules.adherence import MemberActivity
from bot.rules.roster import (
    adherence_percent,
    attention_reasons,
    count_levels,
    days_since,
)

LISBON = ZoneInfo("Europe/Lisbon")
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)  # a Friday
TODAY = date(2026, 3, 20)
NO_FLAGS = count_levels([])


def days_ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


@pytest.mark.parametrize(
    ("finished", "per_week", "joined", "percent"),
    [
        pytest.param([days_ago(2 * n) for n in range(12)], 3, date(2026, 1, 1), 100, id="12-of-12"),
        pytest.param([days_ago(2 * n) for n in range(6)], 3, date(2026, 1, 1), 50, id="6-of-12"),
        pytest.param([days_ago(2 * n) for n in range(20)], 3, date(2026, 1, 1), 100, id="capped"),
        pytest.param([], 3, date(2026, 1, 1), 0, id="none"),
        pytest.param([days_ago(28)], 3, date(2026, 1, 1), 0, id="day-before-the-window"),
        pytest.param([days_ago(27)], 3, date(2026, 1, 1), 8, id="first-day-of-the-window"),
        pytest.param([days_ago(1)], 3, TODAY - timedelta(days=6), 33, id="joined-a-week-ago"),
        pytest.param([days_ago(1)], 0, date(2026, 1, 1), None, id="nothing-planned"),
    ],
)
def test_adherence_is_sessions_done_against_planned_over_four_weeks(
    finished: list[datetime], per_week: int, joined: date, percent: int | None
) -> None:
    assert adherence_percent(finished, per_week, joined, NOW, LISBON) == percent


def test_a_session_after_now_does_not_count() -> None:
    assert adherence_percent([NOW + timedelta(hours=1)], 3, date(2026, 1, 1), NOW, LISBON) == 0


@pytest.mark.parametrize(
    ("moment", "days"),
    [
        pytest.param(None, None, id="never"),
        pytest.param(NOW - timedelta(hours=1), 0, id="today"),
        pytest.param(datetime(2026, 3, 19, 23, 30, tzinfo=UTC), 1, id="yesterday-late"),
        pytest.param(days_ago(9), 9, id="nine-days"),
    ],
)
def test_days_since_counts_local_calendar_days(moment: datetime | None, days: int | None) -> None:
    assert days_since(moment, NOW, LISBON) == days


def test_flag_levels_are_counted_with_every_level_present() -> None:
    assert count_levels(["high", "urgent", "high"]) == {
        "low": 0,
        "high": 2,
        "critical": 0,
        "urgent": 1,
        "emergency": 0,
    }


def activity(*finished: datetime) -> MemberActivity:
    return MemberActivity(LISBON, datetime(2026, 1, 1, tzinfo=UTC), sessions=finished)


def reasons(**changes: object) -> list[str]:
    values: dict[str, object] = {
        "open_flags": NO_FLAGS,
        "blocked": False,
        "paused": False,
        "activity": activity(days_ago(1)),
        "now": NOW,
    }
    values.update(changes)
    return attention_reasons(**values)  # type: ignore[arg-type]


def test_a_member_who_trains_and_has_no_flag_needs_nothing() -> None:
    assert reasons() == []


def test_open_flags_come_first_with_the_worst_level() -> None:
    flags = count_levels(["high", "urgent"])
    assert reasons(open_flags=flags) == ["2 open flags, the worst urgent."]


def test_a_member_who_blocked_the_bot_needs_attention() -> None:
    assert reasons(blocked=True) == ["Blocked the bot: no reminders reach them."]


def test_a_week_without_a_session_needs_attention() -> None:
    [reason] = reasons(activity=activity(days_ago(8)))
    assert reason.startswith("No session for 8 days")


def test_a_paused_member_is_not_chased_for_sessions() -> None:
    assert reasons(activity=activity(days_ago(8)), paused=True) == []


def test_a_member_not_set_up_is_judged_on_flags_only() -> None:
    assert reasons(activity=None) == []
