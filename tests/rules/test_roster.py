"""The dashboard's per-member figures: 4-week adherence, days since contact, flag levels and
whether the member needs the coach's attention."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.rules.roster import (
    Training,
    Windows,
    adherence_percent,
    attention_reasons,
    count_levels,
    days_since,
    windows,
)

LISBON = ZoneInfo("Europe/Lisbon")
NOW = datetime(2026, 3, 20, 12, 0, tzinfo=UTC)  # a Friday
TODAY = date(2026, 3, 20)
NO_FLAGS = count_levels([])


def days_ago(days: int) -> datetime:
    return NOW - timedelta(days=days)


@pytest.mark.parametrize(
    ("done", "per_week", "joined", "percent"),
    [
        pytest.param(12, 3, date(2026, 1, 1), 100, id="12-of-12"),
        pytest.param(6, 3, date(2026, 1, 1), 50, id="6-of-12"),
        pytest.param(20, 3, date(2026, 1, 1), 100, id="capped"),
        pytest.param(0, 3, date(2026, 1, 1), 0, id="none"),
        pytest.param(1, 3, date(2026, 1, 1), 8, id="one-of-12"),
        pytest.param(1, 3, TODAY - timedelta(days=6), 33, id="joined-a-week-ago"),
        pytest.param(1, 0, date(2026, 1, 1), None, id="nothing-planned"),
    ],
)
def test_adherence_is_sessions_done_against_planned_over_four_weeks(
    done: int, per_week: int, joined: date, percent: int | None
) -> None:
    assert adherence_percent(done, per_week, joined, NOW, LISBON) == percent


def lisbon(day: int, hour: int = 0) -> datetime:
    """A local wall time in Lisbon in March 2026 (summer time from Sunday 29 March)."""
    return datetime(2026, 3, day, hour, tzinfo=LISBON).astimezone(UTC)


def test_the_windows_start_at_local_midnights() -> None:
    assert windows(NOW, LISBON) == Windows(
        week=lisbon(16),
        four_weeks=datetime(2026, 2, 21, tzinfo=UTC),
        fortnight=lisbon(6),
        two_fortnights=datetime(2026, 2, 20, tzinfo=UTC),
        today=lisbon(20),
    )


def test_a_midnight_in_summer_time_is_an_hour_earlier_in_utc_than_one_in_winter() -> None:
    bounds = windows(datetime(2026, 3, 31, 12, tzinfo=UTC), LISBON)  # clocks went forward on 29
    assert bounds.week == datetime(2026, 3, 29, 23, tzinfo=UTC)  # Monday 30, 00:00 WEST
    assert bounds.four_weeks == datetime(2026, 3, 4, tzinfo=UTC)  # Wednesday 4, 00:00 WET


def test_the_windows_follow_the_members_zone() -> None:
    tokyo = windows(NOW, ZoneInfo("Asia/Tokyo"))
    assert tokyo.today == datetime(2026, 3, 19, 15, tzinfo=UTC)  # Friday 00:00 in Tokyo


def test_the_window_starts_are_read_in_the_order_training_counts_them() -> None:
    bounds = windows(NOW, LISBON)
    assert bounds.starts() == (
        bounds.week,
        bounds.four_weeks,
        bounds.fortnight,
        bounds.two_fortnights,
        bounds.today,
    )


def test_training_splits_the_counts_from_each_start_into_the_two_fortnights() -> None:
    training = Training.counted(LISBON, since=(2, 9, 5, 11, 1), last_finished=None)
    assert (training.this_week, training.four_weeks) == (2, 9)
    assert (training.last_fortnight, training.fortnight_before) == (4, 6)


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


def training(
    last_finished: datetime | None, *, last_fortnight: int = 6, fortnight_before: int = 6
) -> Training:
    return Training(
        LISBON,
        this_week=0,
        four_weeks=last_fortnight + fortnight_before,
        last_fortnight=last_fortnight,
        fortnight_before=fortnight_before,
        last_finished=last_finished,
    )


def reasons(**changes: object) -> list[str]:
    values: dict[str, object] = {
        "open_flags": NO_FLAGS,
        "blocked": False,
        "paused": False,
        "training": training(days_ago(1)),
        "joined_at": datetime(2026, 1, 1, tzinfo=UTC),
        "now": NOW,
    }
    values.update(changes)
    return [reason.english() for reason in attention_reasons(**values)]  # type: ignore[arg-type]


def test_a_member_who_trains_and_has_no_flag_needs_nothing() -> None:
    assert reasons() == []


def test_open_flags_come_first_with_the_worst_level() -> None:
    flags = count_levels(["high", "urgent"])
    assert reasons(open_flags=flags) == ["2 open flags, the worst urgent."]


def test_a_member_who_blocked_the_bot_needs_attention() -> None:
    assert reasons(blocked=True) == ["Blocked the bot: no reminders reach them."]


def test_a_week_without_a_session_needs_attention() -> None:
    [reason] = reasons(training=training(days_ago(8)))
    assert reason.startswith("No session for 8 days")


def test_a_member_who_never_trained_needs_attention_a_week_after_joining() -> None:
    [reason] = reasons(training=training(None, last_fortnight=0, fortnight_before=0))
    assert reason.startswith("No session yet, 78 days after joining")


def test_a_fortnight_with_fewer_sessions_needs_attention() -> None:
    [reason] = reasons(training=training(days_ago(1), last_fortnight=3, fortnight_before=6))
    assert reason == "Sessions down 50 %: 3 in the 14 days to Thu 19 Mar, 6 in the 14 days before."


def test_a_paused_member_is_not_chased_for_sessions() -> None:
    assert reasons(training=training(days_ago(8)), paused=True) == []


def test_a_member_not_set_up_is_judged_on_flags_only() -> None:
    assert reasons(training=training(days_ago(8)), joined_at=None) == []
