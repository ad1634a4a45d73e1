"""The weekly cap: ISO weeks in the member's zone, counts per workout, the workout due."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.rules.weekly_cap import (
    DoneSession,
    WorkoutCap,
    WorkoutChoice,
    choose_workout,
    local_instant,
    sessions_this_week,
    week_bounds,
)

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
LORD_HOWE = ZoneInfo("Australia/Lord_Howe")
KATHMANDU = ZoneInfo("Asia/Kathmandu")
CHATHAM = ZoneInfo("Pacific/Chatham")
SAO_PAULO = ZoneInfo("America/Sao_Paulo")
KIRITIMATI = ZoneInfo("Pacific/Kiritimati")
PAGO_PAGO = ZoneInfo("Pacific/Pago_Pago")
TEHRAN = ZoneInfo("Asia/Tehran")

DAY_1_DAY_2 = (WorkoutCap("day-1", 3), WorkoutCap("day-2", 3))
CIRCUITS = (WorkoutCap("circuits", 3),)


def at_local(zone: ZoneInfo, year: int, month: int, day: int, hour: int, minute: int) -> datetime:
    """The UTC instant of a local wall time (first occurrence when ambiguous)."""
    return datetime(year, month, day, hour, minute, tzinfo=zone).astimezone(UTC)


def done(key: str, moment: datetime) -> DoneSession:
    return DoneSession(key, moment)


def hours(span: timedelta) -> float:
    return span / timedelta(hours=1)


# --- local_instant -------------------------------------------------------------------------


def test_local_instant_in_spring_forward_gap_is_first_instant_after_gap() -> None:
    assert local_instant(date(2026, 3, 8), time(2, 30), NEW_YORK) == datetime(
        2026, 3, 8, 7, 0, tzinfo=UTC
    )


def test_local_instant_in_thirty_minute_gap_on_lord_howe_is_end_of_gap() -> None:
    instant = local_instant(date(2026, 10, 4), time(2, 15), LORD_HOWE)
    assert instant.astimezone(LORD_HOWE).replace(tzinfo=None) == datetime(2026, 10, 4, 2, 30)


def test_local_instant_in_fall_back_overlap_is_first_occurrence() -> None:
    assert local_instant(date(2026, 11, 1), time(1, 30), NEW_YORK) == datetime(
        2026, 11, 1, 5, 30, tzinfo=UTC
    )


def test_local_instant_at_midnight_gap_is_one_oclock() -> None:
    # Sao Paulo still had daylight saving in 2018; its clocks jumped from 00:00 to 01:00.
    assert local_instant(date(2018, 11, 4), time(0, 30), SAO_PAULO) == datetime(
        2018, 11, 4, 3, 0, tzinfo=UTC
    )


# --- week_bounds ---------------------------------------------------------------------------


def test_week_bounds_are_monday_midnights_local() -> None:
    start, end = week_bounds(at_local(KATHMANDU, 2026, 6, 10, 12, 0), KATHMANDU)
    assert start.astimezone(KATHMANDU).replace(tzinfo=None) == datetime(2026, 6, 8)
    assert end.astimezone(KATHMANDU).replace(tzinfo=None) == datetime(2026, 6, 15)


def test_week_bounds_are_utc() -> None:
    start, end = week_bounds(at_local(KATHMANDU, 2026, 6, 10, 12, 0), KATHMANDU)
    assert start.utcoffset() == timedelta(0)
    assert end.utcoffset() == timedelta(0)


def test_ordinary_week_lasts_168_hours() -> None:
    start, end = week_bounds(datetime(2026, 1, 14, tzinfo=UTC), LONDON)
    assert hours(end - start) == 168


def test_london_week_with_spring_forward_lasts_167_hours() -> None:
    start, end = week_bounds(datetime(2026, 3, 29, 12, tzinfo=UTC), LONDON)
    assert hours(end - start) == 167


def test_new_york_week_with_fall_back_lasts_169_hours() -> None:
    start, end = week_bounds(datetime(2026, 11, 1, 12, tzinfo=UTC), NEW_YORK)
    assert hours(end - start) == 169


def test_new_york_week_with_spring_forward_lasts_167_hours() -> None:
    start, end = week_bounds(datetime(2026, 3, 8, 12, tzinfo=UTC), NEW_YORK)
    assert hours(end - start) == 167


def test_lord_howe_april_week_gains_half_an_hour() -> None:
    start, end = week_bounds(at_local(LORD_HOWE, 2026, 4, 5, 12, 0), LORD_HOWE)
    assert hours(end - start) == 168.5


def test_lord_howe_october_week_loses_half_an_hour() -> None:
    start, end = week_bounds(at_local(LORD_HOWE, 2026, 10, 4, 12, 0), LORD_HOWE)
    assert hours(end - start) == 167.5


def test_chatham_april_week_gains_an_hour() -> None:
    start, end = week_bounds(at_local(CHATHAM, 2026, 4, 5, 12, 0), CHATHAM)
    assert hours(end - start) == 169


def test_week_whose_monday_midnight_does_not_exist_starts_when_clocks_jump() -> None:
    # Tehran's clocks went from 00:00 to 01:00 on Monday 2021-03-22.
    start, _ = week_bounds(at_local(TEHRAN, 2021, 3, 24, 12, 0), TEHRAN)
    assert start.astimezone(TEHRAN).replace(tzinfo=None) == datetime(2021, 3, 22, 1, 0)


def test_sunday_2330_and_monday_0030_local_are_in_different_weeks() -> None:
    sunday = at_local(NEW_YORK, 2026, 6, 14, 23, 30)
    monday = at_local(NEW_YORK, 2026, 6, 15, 0, 30)
    assert week_bounds(sunday, NEW_YORK)[1] == week_bounds(monday, NEW_YORK)[0]


def test_utc_sunday_is_already_next_week_in_kiritimati() -> None:
    sunday_utc = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # Monday 13:30 in Kiritimati
    start, _ = week_bounds(sunday_utc, KIRITIMATI)
    assert start.astimezone(KIRITIMATI).date() == date(2026, 3, 2)


def test_utc_monday_is_still_last_week_in_pago_pago() -> None:
    monday_utc = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)  # Sunday 18:00 in Pago Pago
    start, _ = week_bounds(monday_utc, PAGO_PAGO)
    assert start.astimezone(PAGO_PAGO).date() == date(2026, 2, 23)


def test_iso_week_53_spans_the_new_year() -> None:
    start, end = week_bounds(at_local(LONDON, 2026, 12, 31, 9, 0), LONDON)
    assert start == datetime(2026, 12, 28, tzinfo=UTC)
    assert end == datetime(2027, 1, 4, tzinfo=UTC)


def test_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        week_bounds(datetime(2026, 1, 1), LONDON)


# --- sessions_this_week --------------------------------------------------------------------


def test_sessions_this_week_counts_each_workout() -> None:
    history = [
        done("day-1", at_local(LONDON, 2026, 6, 8, 18, 0)),
        done("day-2", at_local(LONDON, 2026, 6, 10, 18, 0)),
        done("day-1", at_local(LONDON, 2026, 6, 12, 18, 0)),
    ]
    now = at_local(LONDON, 2026, 6, 13, 9, 0)
    assert sessions_this_week(history, now, LONDON) == {"day-1": 2, "day-2": 1}


def test_sessions_this_week_ignores_last_and_next_week() -> None:
    history = [
        done("day-1", at_local(LONDON, 2026, 6, 7, 23, 59)),
        done("day-1", at_local(LONDON, 2026, 6, 15, 0, 0)),
    ]
    assert sessions_this_week(history, at_local(LONDON, 2026, 6, 10, 12, 0), LONDON) == {}


def test_sessions_across_new_year_count_in_the_same_iso_week() -> None:
    history = [
        done("circuits", at_local(SAO_PAULO, 2026, 12, 29, 7, 0)),
        done("circuits", at_local(SAO_PAULO, 2027, 1, 2, 7, 0)),
        done("circuits", at_local(SAO_PAULO, 2027, 1, 4, 7, 0)),
    ]
    now = at_local(SAO_PAULO, 2026, 12, 31, 12, 0)
    assert sessions_this_week(history, now, SAO_PAULO) == {"circuits": 2}


def test_session_counts_in_the_members_local_week_not_utc() -> None:
    # Sunday 20:00 UTC is Monday 10:00 in Kiritimati: the new local week.
    history = [done("circuits", datetime(2026, 3, 1, 20, 0, tzinfo=UTC))]
    now = at_local(KIRITIMATI, 2026, 3, 3, 9, 0)
    assert sessions_this_week(history, now, KIRITIMATI) == {"circuits": 1}


# --- choose_workout ------------------------------------------------------------------------

NOW = at_local(LONDON, 2026, 6, 12, 18, 0)  # a Friday


def test_first_workout_is_due_with_no_history() -> None:
    choice = choose_workout(DAY_1_DAY_2, [], NOW, LONDON)
    assert choice == WorkoutChoice("day-1", done_this_week=0, cap=3, remaining_this_week=3)


def test_day_2_follows_day_1() -> None:
    history = [done("day-1", at_local(LONDON, 2026, 6, 10, 18, 0))]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice is not None
    assert choice.key == "day-2"


def test_day_1_follows_day_2() -> None:
    history = [
        done("day-1", at_local(LONDON, 2026, 6, 8, 18, 0)),
        done("day-2", at_local(LONDON, 2026, 6, 10, 18, 0)),
    ]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice == WorkoutChoice("day-1", done_this_week=1, cap=3, remaining_this_week=2)


def test_alternation_carries_over_from_last_week() -> None:
    history = [done("day-1", at_local(LONDON, 2026, 6, 5, 18, 0))]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice == WorkoutChoice("day-2", done_this_week=0, cap=3, remaining_this_week=3)


def test_last_session_is_the_latest_finished_not_the_last_listed() -> None:
    history = [
        done("day-2", at_local(LONDON, 2026, 6, 10, 18, 0)),
        done("day-1", at_local(LONDON, 2026, 6, 8, 18, 0)),
    ]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice is not None
    assert choice.key == "day-1"


def test_workout_at_cap_is_passed_over() -> None:
    caps = (WorkoutCap("day-1", 3), WorkoutCap("day-2", 1))
    history = [
        done("day-1", at_local(LONDON, 2026, 6, 8, 18, 0)),
        done("day-2", at_local(LONDON, 2026, 6, 9, 18, 0)),
        done("day-1", at_local(LONDON, 2026, 6, 10, 18, 0)),
    ]
    choice = choose_workout(caps, history, NOW, LONDON)
    assert choice == WorkoutChoice("day-1", done_this_week=2, cap=3, remaining_this_week=1)


def test_nothing_is_due_when_every_workout_is_at_cap() -> None:
    history = [
        done(key, at_local(LONDON, 2026, 6, day, 18, 0))
        for day, key in zip(range(8, 14), ["day-1", "day-2"] * 3, strict=True)
    ]
    assert choose_workout(DAY_1_DAY_2, history, at_local(LONDON, 2026, 6, 14, 9, 0), LONDON) is None


def test_single_workout_is_due_until_its_cap() -> None:
    history = [done("circuits", at_local(KATHMANDU, 2026, 6, d, 7, 0)) for d in (8, 10)]
    choice = choose_workout(CIRCUITS, history, at_local(KATHMANDU, 2026, 6, 12, 7, 0), KATHMANDU)
    assert choice == WorkoutChoice("circuits", done_this_week=2, cap=3, remaining_this_week=1)


def test_single_workout_at_cap_is_not_due() -> None:
    history = [done("circuits", at_local(KATHMANDU, 2026, 6, d, 7, 0)) for d in (8, 10, 12)]
    assert (
        choose_workout(CIRCUITS, history, at_local(KATHMANDU, 2026, 6, 13, 7, 0), KATHMANDU) is None
    )


def test_cap_comes_from_the_protocol() -> None:
    history = [done("circuits", at_local(LONDON, 2026, 6, d, 7, 0)) for d in (8, 10, 12)]
    choice = choose_workout((WorkoutCap("circuits", 5),), history, NOW, LONDON)
    assert choice == WorkoutChoice("circuits", done_this_week=3, cap=5, remaining_this_week=2)


def test_workout_with_cap_zero_is_never_due() -> None:
    caps = (WorkoutCap("day-1", 0), WorkoutCap("day-2", 3))
    choice = choose_workout(caps, [], NOW, LONDON)
    assert choice is not None
    assert choice.key == "day-2"


def test_cap_resets_on_local_monday() -> None:
    history = [done("circuits", at_local(NEW_YORK, 2026, 6, d, 7, 0)) for d in (9, 11, 13)]
    choice = choose_workout(CIRCUITS, history, at_local(NEW_YORK, 2026, 6, 15, 0, 30), NEW_YORK)
    assert choice == WorkoutChoice("circuits", done_this_week=0, cap=3, remaining_this_week=3)


def test_workout_no_longer_in_protocol_restarts_from_first() -> None:
    history = [done("old-workout", at_local(LONDON, 2026, 6, 10, 18, 0))]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice is not None
    assert choice.key == "day-1"


def test_sessions_after_now_are_ignored() -> None:
    history = [done("day-1", NOW + timedelta(minutes=1))]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice == WorkoutChoice("day-1", done_this_week=0, cap=3, remaining_this_week=3)


def test_no_workouts_means_nothing_due() -> None:
    assert choose_workout((), [], NOW, LONDON) is None


def test_duplicate_workout_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        choose_workout((WorkoutCap("a", 3), WorkoutCap("a", 3)), [], NOW, LONDON)


def test_negative_cap_is_refused() -> None:
    with pytest.raises(ValueError, match="weekly_cap"):
        WorkoutCap("day-1", -1)


def test_naive_finished_at_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        DoneSession("day-1", datetime(2026, 6, 1, 18, 0))
