"""When the bot asks how the back feels the next morning: local times, quiet hours and DST."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from zones import LONDON, NEW_YORK

from bot.config import DEFAULT_PAIN_THRESHOLDS
from bot.rules.morning_check import is_morning_after, morning_check_at, next_morning_check_at
from bot.rules.schedule import ReminderSettings, is_quiet

NO_QUIET_HOURS = (time(0, 0), time(0, 0))


def member(
    at: time = time(18, 0),
    zone: ZoneInfo = LONDON,
    quiet: tuple[time, time] = (time(21, 0), time(7, 0)),
    paused: bool = False,
) -> ReminderSettings:
    return ReminderSettings(zone, frozenset({0, 2, 4}), at, quiet[0], quiet[1], paused)


def local(zone: ZoneInfo, month: int, day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=zone)


MONDAY_EVENING = local(LONDON, 6, 8, 18, 30)


@pytest.mark.parametrize(
    ("settings", "tuesday_at"),
    [
        pytest.param(member(at=time(18, 0)), time(9, 0), id="evening reminders: 09:00"),
        pytest.param(member(at=time(8, 0)), time(8, 0), id="reminders at 08:00: 08:00"),
        pytest.param(
            member(at=time(6, 30)), time(7, 0), id="06:30 is quiet: as quiet hours end, 07:00"
        ),
        pytest.param(
            member(quiet=(time(22, 0), time(10, 0))), time(10, 0), id="quiet until 10:00: 10:00"
        ),
        pytest.param(
            member(at=time(6, 30), quiet=NO_QUIET_HOURS), time(6, 30), id="no quiet hours: 06:30"
        ),
    ],
)
def test_the_morning_after_a_monday_evening_session(
    settings: ReminderSettings, tuesday_at: time
) -> None:
    expected = datetime.combine(MONDAY_EVENING.date() + timedelta(days=1), tuesday_at, LONDON)

    assert morning_check_at(MONDAY_EVENING, settings) == expected


def test_the_latest_time_comes_from_the_thresholds() -> None:
    earlier = DEFAULT_PAIN_THRESHOLDS.model_copy(update={"morning_check_by": time(8, 30)})

    assert morning_check_at(MONDAY_EVENING, member(), earlier) == local(LONDON, 6, 9, 8, 30)


def test_the_result_is_in_utc() -> None:
    check = morning_check_at(MONDAY_EVENING, member())

    assert check == datetime(2026, 6, 9, 8, 0, tzinfo=UTC)
    assert check is not None
    assert check.tzinfo is UTC


def test_a_session_just_before_midnight_is_asked_about_the_next_morning() -> None:
    late = local(LONDON, 6, 8, 23, 50)

    assert morning_check_at(late, member()) == local(LONDON, 6, 9, 9, 0)


def test_a_session_after_midnight_is_asked_about_the_morning_after_that_day() -> None:
    small_hours = local(LONDON, 6, 9, 0, 30)

    assert morning_check_at(small_hours, member()) == local(LONDON, 6, 10, 9, 0)


def test_the_day_is_the_members_local_day() -> None:
    # 02:00 UTC on Tuesday is still Monday evening in New York.
    monday_night_in_new_york = datetime(2026, 6, 9, 2, 0, tzinfo=UTC)

    check = morning_check_at(monday_night_in_new_york, member(zone=NEW_YORK))

    assert check == local(NEW_YORK, 6, 9, 9, 0)


def test_the_morning_the_clocks_go_forward_is_nine_local() -> None:
    saturday = local(NEW_YORK, 3, 7, 18, 0)

    check = morning_check_at(saturday, member(zone=NEW_YORK))

    assert check == datetime(2026, 3, 8, 13, 0, tzinfo=UTC)


def test_the_morning_the_clocks_go_back_is_nine_local() -> None:
    saturday = local(LONDON, 10, 24, 18, 0)

    assert morning_check_at(saturday, member()) == datetime(2026, 10, 25, 9, 0, tzinfo=UTC)


def test_a_usual_time_in_the_daylight_saving_gap_moves_past_it() -> None:
    saturday = local(NEW_YORK, 3, 7, 18, 0)
    settings = member(at=time(2, 30), zone=NEW_YORK, quiet=NO_QUIET_HOURS)

    assert morning_check_at(saturday, settings) == local(NEW_YORK, 3, 8, 3, 0)


def test_no_morning_check_when_quiet_hours_end_inside_a_daylight_saving_gap() -> None:
    # Quiet from 02:30 to 02:15 (almost all day); on 8 March 02:15 does not exist in New York.
    settings = member(zone=NEW_YORK, quiet=(time(2, 30), time(2, 15)))

    assert morning_check_at(local(NEW_YORK, 3, 7, 18, 0), settings) is None


def test_a_paused_member_is_not_asked() -> None:
    assert morning_check_at(MONDAY_EVENING, member(paused=True)) is None


def test_two_sessions_on_one_day_give_one_morning_check() -> None:
    sessions = [local(LONDON, 6, 8, 7, 0), MONDAY_EVENING]
    after = local(LONDON, 6, 8, 20, 0)

    assert next_morning_check_at(sessions, member(), after) == local(LONDON, 6, 9, 9, 0)
    assert next_morning_check_at(sessions, member(), local(LONDON, 6, 9, 9, 0)) is None


def test_the_next_check_is_the_first_still_to_come() -> None:
    monday, wednesday = MONDAY_EVENING, local(LONDON, 6, 10, 18, 0)
    tuesday_noon = local(LONDON, 6, 9, 12, 0)

    assert next_morning_check_at([wednesday, monday], member(), tuesday_noon) == local(
        LONDON, 6, 11, 9, 0
    )


def test_a_naive_time_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        morning_check_at(datetime(2026, 6, 8, 18, 0), member())


# --- properties ------------------------------------------------------------------------------

minute_times = st.builds(time, st.integers(0, 23), st.integers(0, 59))
instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)
)


@st.composite
def members(draw: st.DrawFn) -> ReminderSettings:
    return ReminderSettings(
        draw(st.timezones()),
        frozenset({0}),
        draw(minute_times),
        draw(minute_times),
        draw(minute_times),
    )


@given(members(), instants)
def test_a_morning_check_is_on_the_next_local_day_and_never_quiet(
    settings: ReminderSettings, finished: datetime
) -> None:
    check = morning_check_at(finished, settings)

    if check is not None:
        day_after = finished.astimezone(settings.zone).date() + timedelta(days=1)
        assert check.astimezone(settings.zone).date() == day_after
        assert not is_quiet(settings, check)


@given(members(), instants, st.integers(0, 24 * 60 - 1))
def test_sessions_on_the_same_local_day_share_their_morning_check(
    settings: ReminderSettings, finished: datetime, minutes: int
) -> None:
    local_day = finished.astimezone(settings.zone).date()
    other = (finished + timedelta(minutes=minutes)).astimezone(settings.zone)

    if other.date() == local_day:
        assert morning_check_at(other, settings) == morning_check_at(finished, settings)


@pytest.mark.parametrize(
    ("now", "answerable"),
    [
        (datetime(2026, 3, 10, 7, 0, tzinfo=UTC), True),  # Tue 03:00 New York: the next day
        (datetime(2026, 3, 11, 3, 59, tzinfo=UTC), True),  # Tue 23:59 New York
        (datetime(2026, 3, 10, 3, 0, tzinfo=UTC), False),  # Mon 23:00 New York: the same day
        (datetime(2026, 3, 11, 4, 0, tzinfo=UTC), False),  # Wed 00:00 New York: too late
    ],
    ids=["next-morning", "next-day-late", "same-day", "two-days-on"],
)
def test_a_morning_answer_counts_on_the_local_day_after_the_session(
    now: datetime, answerable: bool
) -> None:
    monday_evening = datetime(2026, 3, 9, 23, 0, tzinfo=UTC)  # Mon 19:00 New York
    assert is_morning_after(monday_evening, now, NEW_YORK) is answerable
