"""Reminder rules: local times across zones and DST, quiet hours, the decision, nudge and snooze."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from zones import (
    CHATHAM,
    FRI,
    KATHMANDU,
    KIRITIMATI,
    LONDON,
    LORD_HOWE,
    MON,
    NEW_YORK,
    PAGO_PAGO,
    SAO_PAULO,
    SAT,
    SUN,
    THU,
    TUE,
    WED,
    at_local,
    utc,
)

from bot.rules.schedule import (
    ReminderDecision,
    ReminderSettings,
    is_quiet,
    next_reminder_at,
    nudge_at,
    reminder_decision,
    reminders_between,
    snoozed_reminder_at,
)
from bot.rules.weekly_cap import DoneSession, WorkoutCap, WorkoutChoice

DAY_1_DAY_2 = (WorkoutCap("day-1", 3), WorkoutCap("day-2", 3))
GRACE = timedelta(hours=2)


def settings(
    zone: ZoneInfo,
    days: set[int],
    at: time,
    *,
    quiet: tuple[time, time] = (time(21, 0), time(7, 0)),
    paused: bool = False,
) -> ReminderSettings:
    return ReminderSettings(zone, frozenset(days), at, quiet[0], quiet[1], paused)


NONE_QUIET = (time(0, 0), time(0, 0))
LONDON_MWF = settings(LONDON, {MON, WED, FRI}, time(18, 0))


# --- is_quiet ------------------------------------------------------------------------------


def test_late_evening_is_quiet() -> None:
    assert is_quiet(LONDON_MWF, at_local(LONDON, 2026, 6, 8, 22, 0))


def test_early_morning_before_quiet_end_is_quiet() -> None:
    assert is_quiet(LONDON_MWF, at_local(LONDON, 2026, 6, 8, 6, 59))


def test_quiet_start_itself_is_quiet() -> None:
    assert is_quiet(LONDON_MWF, at_local(LONDON, 2026, 6, 8, 21, 0))


def test_quiet_end_itself_is_not_quiet() -> None:
    assert not is_quiet(LONDON_MWF, at_local(LONDON, 2026, 6, 8, 7, 0))


def test_daytime_is_not_quiet() -> None:
    assert not is_quiet(LONDON_MWF, at_local(LONDON, 2026, 6, 8, 12, 0))


def test_quiet_hours_are_read_on_the_members_clock() -> None:
    moment = utc(2026, 1, 15, 14)  # 14:00 in London, 04:00 in Kiritimati
    kiritimati = settings(KIRITIMATI, {MON}, time(18, 0))
    assert (is_quiet(LONDON_MWF, moment), is_quiet(kiritimati, moment)) == (False, True)


def test_quiet_window_within_one_day() -> None:
    siesta = settings(LONDON, {MON}, time(18, 0), quiet=(time(13, 0), time(15, 0)))
    quiet = [is_quiet(siesta, at_local(LONDON, 2026, 6, 8, h, 0)) for h in (12, 13, 14, 15, 22)]
    assert quiet == [False, True, True, False, False]


def test_equal_quiet_start_and_end_mean_no_quiet_hours() -> None:
    never = settings(LONDON, {MON}, time(18, 0), quiet=NONE_QUIET)
    assert not any(is_quiet(never, utc(2026, 6, 8, h)) for h in range(24))


# --- next_reminder_at ----------------------------------------------------------------------


def test_next_reminder_is_later_the_same_day() -> None:
    after = at_local(LONDON, 2026, 6, 8, 17, 0)  # Monday
    assert next_reminder_at(LONDON_MWF, after) == at_local(LONDON, 2026, 6, 8, 18, 0)


def test_next_reminder_is_the_next_chosen_weekday() -> None:
    after = at_local(LONDON, 2026, 6, 8, 19, 0)  # Monday, after the reminder
    assert next_reminder_at(LONDON_MWF, after) == at_local(LONDON, 2026, 6, 10, 18, 0)


def test_next_reminder_is_strictly_after() -> None:
    reminder = at_local(LONDON, 2026, 6, 8, 18, 0)
    assert next_reminder_at(LONDON_MWF, reminder) == at_local(LONDON, 2026, 6, 10, 18, 0)


def test_next_reminder_wraps_into_next_week() -> None:
    after = at_local(LONDON, 2026, 6, 12, 19, 0)  # Friday
    assert next_reminder_at(LONDON_MWF, after) == at_local(LONDON, 2026, 6, 15, 18, 0)


def test_next_reminder_is_in_utc() -> None:
    reminder = next_reminder_at(LONDON_MWF, at_local(LONDON, 2026, 6, 8, 17, 0))
    assert reminder is not None
    assert reminder.utcoffset() == timedelta(0)


def test_same_local_time_moves_an_hour_in_utc_after_london_spring_forward() -> None:
    weekend = settings(LONDON, {SAT, MON}, time(18, 0))
    saturday = next_reminder_at(weekend, utc(2026, 3, 28, 12))
    assert saturday is not None
    assert (saturday, next_reminder_at(weekend, saturday)) == (
        utc(2026, 3, 28, 18),
        utc(2026, 3, 30, 17),
    )


def test_reminder_in_london_spring_forward_gap_moves_to_end_of_gap() -> None:
    night = settings(LONDON, {SUN}, time(1, 30), quiet=NONE_QUIET)
    assert next_reminder_at(night, utc(2026, 3, 28, 12)) == utc(2026, 3, 29, 1)


def test_reminder_in_new_york_spring_forward_gap_moves_to_end_of_gap() -> None:
    night = settings(NEW_YORK, {SUN}, time(2, 30), quiet=NONE_QUIET)
    assert next_reminder_at(night, utc(2026, 3, 7, 12)) == utc(2026, 3, 8, 7)


def test_reminder_in_new_york_fall_back_overlap_uses_first_occurrence() -> None:
    night = settings(NEW_YORK, {SUN}, time(1, 30), quiet=NONE_QUIET)
    assert next_reminder_at(night, utc(2026, 10, 31, 12)) == utc(2026, 11, 1, 5, 30)


def test_new_york_evening_reminder_shifts_in_utc_after_fall_back() -> None:
    weekend = settings(NEW_YORK, {SAT, MON}, time(18, 0))
    assert reminders_between(weekend, utc(2026, 10, 31, 0), utc(2026, 11, 3, 0)) == [
        utc(2026, 10, 31, 22),
        utc(2026, 11, 2, 23),
    ]


def test_lord_howe_reminder_shifts_half_an_hour_in_april() -> None:
    evening = settings(LORD_HOWE, {SAT, SUN}, time(18, 0))
    assert reminders_between(evening, utc(2026, 4, 3, 12), utc(2026, 4, 6, 0)) == [
        utc(2026, 4, 4, 7, 0),
        utc(2026, 4, 5, 7, 30),
    ]


def test_reminder_in_chatham_spring_forward_gap_moves_to_end_of_gap() -> None:
    # Chatham's clocks jump from 02:45 to 03:45 on 2026-09-27 (+12:45 to +13:45).
    night = settings(CHATHAM, {SUN}, time(3, 0), quiet=NONE_QUIET)
    assert next_reminder_at(night, utc(2026, 9, 25, 0)) == utc(2026, 9, 26, 14, 0)


def test_kathmandu_quarter_hour_offset() -> None:
    morning = settings(KATHMANDU, {MON}, time(7, 15))
    assert next_reminder_at(morning, utc(2026, 6, 7, 0)) == utc(2026, 6, 8, 1, 30)


def test_sao_paulo_has_no_daylight_saving_in_october() -> None:
    evening = settings(SAO_PAULO, {SUN}, time(18, 0))
    assert reminders_between(evening, utc(2026, 9, 27, 0), utc(2026, 10, 12, 0)) == [
        utc(2026, 9, 27, 21),
        utc(2026, 10, 4, 21),
        utc(2026, 10, 11, 21),
    ]


def test_utc_member_is_reminded_at_the_same_utc_time() -> None:
    plain = settings(ZoneInfo("UTC"), {TUE}, time(9, 0))
    assert next_reminder_at(plain, utc(2026, 3, 29, 12)) == utc(2026, 3, 31, 9)


def test_kiritimati_monday_reminder_is_sunday_in_utc() -> None:
    morning = settings(KIRITIMATI, {MON}, time(8, 0))
    assert next_reminder_at(morning, utc(2026, 6, 7, 0)) == utc(2026, 6, 7, 18)


def test_pago_pago_sunday_reminder_is_monday_in_utc() -> None:
    evening = settings(PAGO_PAGO, {SUN}, time(20, 0))
    assert next_reminder_at(evening, utc(2026, 6, 7, 0)) == utc(2026, 6, 8, 7)


def test_morning_reminder_inside_quiet_hours_waits_for_quiet_end() -> None:
    early = settings(LONDON, {MON}, time(5, 30))
    assert next_reminder_at(early, utc(2026, 6, 7, 12)) == at_local(LONDON, 2026, 6, 8, 7, 0)


def test_evening_reminder_inside_quiet_hours_is_sent_that_morning() -> None:
    late = settings(LONDON, {MON}, time(22, 30))
    assert next_reminder_at(late, utc(2026, 6, 7, 12)) == at_local(LONDON, 2026, 6, 8, 7, 0)


def test_day_whose_only_waking_minutes_fall_in_a_dst_gap_has_no_reminder() -> None:
    # Awake only 02:40-02:50, which New York skips on 2026-03-08: next reminder a week later.
    odd = settings(NEW_YORK, {SUN}, time(2, 45), quiet=(time(2, 50), time(2, 40)))
    assert next_reminder_at(odd, utc(2026, 3, 7, 12)) == at_local(NEW_YORK, 2026, 3, 15, 2, 45)


def test_paused_member_has_no_next_reminder() -> None:
    paused = settings(LONDON, {MON}, time(18, 0), paused=True)
    assert next_reminder_at(paused, utc(2026, 6, 7, 12)) is None


def test_member_without_days_has_no_next_reminder() -> None:
    assert next_reminder_at(settings(LONDON, set(), time(18, 0)), utc(2026, 6, 7, 12)) is None


def test_weekday_outside_0_to_6_is_refused() -> None:
    with pytest.raises(ValueError, match="weekday"):
        settings(LONDON, {7}, time(18, 0))


def test_aware_reminder_time_is_refused() -> None:
    with pytest.raises(ValueError, match="naive"):
        settings(LONDON, {MON}, time(18, 0, tzinfo=UTC))


# --- reminders_between ---------------------------------------------------------------------


def test_two_weeks_plan_across_london_spring_forward() -> None:
    assert reminders_between(LONDON_MWF, utc(2026, 3, 23, 0), utc(2026, 4, 6, 0)) == [
        utc(2026, 3, 23, 18),
        utc(2026, 3, 25, 18),
        utc(2026, 3, 27, 18),
        utc(2026, 3, 30, 17),
        utc(2026, 4, 1, 17),
        utc(2026, 4, 3, 17),
    ]


def test_plan_includes_start_and_excludes_end() -> None:
    monday, wednesday = utc(2026, 6, 8, 17), utc(2026, 6, 10, 17)
    assert reminders_between(LONDON_MWF, monday, wednesday) == [monday]


def test_paused_member_has_an_empty_plan() -> None:
    paused = settings(LONDON, {MON, WED, FRI}, time(18, 0), paused=True)
    assert reminders_between(paused, utc(2026, 6, 8, 0), utc(2026, 6, 15, 0)) == []


# --- reminder_decision ---------------------------------------------------------------------

WEEKDAYS = settings(LONDON, {MON, TUE, WED, THU, FRI}, time(18, 0))
FRIDAY_18 = at_local(LONDON, 2026, 6, 12, 18, 0)


def decide(
    *,
    done: tuple[DoneSession, ...] = (),
    now: datetime = FRIDAY_18,
    already_sent: bool = False,
    member: ReminderSettings = WEEKDAYS,
    grace: timedelta = GRACE,
) -> ReminderDecision:
    return reminder_decision(member, DAY_1_DAY_2, done, FRIDAY_18, now, grace, already_sent)


def session(key: str, day: int, hour: int = 18) -> DoneSession:
    """A session of ``key`` finished in London in June 2026 (8 June is a Monday)."""
    return DoneSession(key, at_local(LONDON, 2026, 6, day, hour, 30))


def test_due_reminder_is_sent_naming_the_workout_and_remaining() -> None:
    assert decide(done=(session("day-1", 10),)) == ReminderDecision(
        "send", WorkoutChoice("day-2", done_this_week=0, cap=3, remaining_this_week=3)
    )


def test_reminder_late_by_exactly_the_grace_window_is_sent() -> None:
    assert decide(now=FRIDAY_18 + GRACE).outcome == "send"


def test_reminder_late_beyond_the_grace_window_is_dropped() -> None:
    assert decide(now=FRIDAY_18 + GRACE + timedelta(minutes=1)).outcome == "skip_too_late"


def test_catch_up_during_quiet_hours_is_not_sent() -> None:
    late_start = FRIDAY_18 + timedelta(hours=3, minutes=15)  # 21:15 local
    assert decide(now=late_start, grace=timedelta(hours=4)).outcome == "skip_quiet_hours"


def test_reminder_already_sent_is_not_sent_again() -> None:
    assert decide(already_sent=True).outcome == "skip_already_sent"


def test_paused_member_gets_no_reminder() -> None:
    paused = settings(LONDON, {FRI}, time(18, 0), paused=True)
    assert decide(member=paused).outcome == "skip_paused"


def test_no_reminder_when_every_workout_is_at_cap() -> None:
    capped = (
        session("day-1", 8),
        session("day-2", 9),
        session("day-1", 10),
        session("day-2", 11),
        session("day-1", 12, hour=7),
        session("day-2", 12, hour=12),
    )
    assert decide(done=capped).outcome == "skip_cap_reached"


def test_sessions_done_without_a_reminder_count_against_the_cap() -> None:
    history = (
        session("day-1", 8),
        session("day-2", 9),
        session("day-1", 10),
        session("day-2", 11, hour=10),  # /today mid-morning, no reminder
        session("day-1", 11, hour=12),  # and another one at lunch
    )
    assert decide(done=history).choice == WorkoutChoice(
        "day-2", done_this_week=2, cap=3, remaining_this_week=1
    )


def test_reminder_names_day_2_again_when_day_1_is_at_cap() -> None:
    history = (
        session("day-1", 8),
        session("day-1", 9),
        session("day-1", 10),
        session("day-2", 11),
    )
    assert decide(done=history).choice == WorkoutChoice(
        "day-2", done_this_week=1, cap=3, remaining_this_week=2
    )


def test_last_weeks_sessions_do_not_block_this_weeks_reminder() -> None:
    last_week = tuple(
        session(k, d) for d, k in zip(range(1, 7), ["day-1", "day-2"] * 3, strict=True)
    )
    assert decide(done=last_week).outcome == "send"


def test_negative_grace_is_refused() -> None:
    with pytest.raises(ValueError, match="grace"):
        decide(grace=timedelta(minutes=-1))


# --- nudge_at ------------------------------------------------------------------------------

NUDGE_AFTER = timedelta(hours=2)


def test_unanswered_reminder_gets_a_nudge_later_that_day() -> None:
    assert nudge_at(WEEKDAYS, FRIDAY_18, False, NUDGE_AFTER) == FRIDAY_18 + NUDGE_AFTER


def test_answered_reminder_gets_no_nudge() -> None:
    assert nudge_at(WEEKDAYS, FRIDAY_18, True, NUDGE_AFTER) is None


def test_paused_member_gets_no_nudge() -> None:
    paused = settings(LONDON, {FRI}, time(18, 0), paused=True)
    assert nudge_at(paused, FRIDAY_18, False, NUDGE_AFTER) is None


def test_nudge_falling_in_quiet_hours_is_dropped() -> None:
    assert nudge_at(WEEKDAYS, FRIDAY_18, False, timedelta(hours=3)) is None


def test_nudge_falling_on_the_next_local_day_is_dropped() -> None:
    night_owl = settings(LONDON, {FRI}, time(22, 0), quiet=NONE_QUIET)
    reminder = at_local(LONDON, 2026, 6, 12, 22, 0)
    assert nudge_at(night_owl, reminder, False, timedelta(hours=3)) is None


def test_nudge_day_is_the_local_day_not_the_utc_day() -> None:
    morning = settings(KIRITIMATI, {MON}, time(8, 0))
    reminder = utc(2026, 6, 7, 18)  # Monday 08:00 in Kiritimati, Sunday in UTC
    assert nudge_at(morning, reminder, False, timedelta(hours=8)) == utc(2026, 6, 8, 2)


def test_non_positive_nudge_delay_is_refused() -> None:
    with pytest.raises(ValueError, match="nudge_after"):
        nudge_at(WEEKDAYS, FRIDAY_18, False, timedelta(0))


# --- snoozed_reminder_at -------------------------------------------------------------------


def test_snooze_before_the_reminder_moves_it_an_hour() -> None:
    now = FRIDAY_18 - timedelta(hours=1)
    assert snoozed_reminder_at(WEEKDAYS, FRIDAY_18, now) == FRIDAY_18 + timedelta(hours=1)


def test_snooze_after_the_reminder_is_an_hour_from_now() -> None:
    now = FRIDAY_18 + timedelta(minutes=40)
    assert snoozed_reminder_at(WEEKDAYS, FRIDAY_18, now) == now + timedelta(hours=1)


def test_snooze_by_a_custom_delay() -> None:
    by = timedelta(minutes=30)
    assert snoozed_reminder_at(WEEKDAYS, FRIDAY_18, FRIDAY_18, by) == FRIDAY_18 + by


def test_snooze_into_quiet_hours_is_refused() -> None:
    now = FRIDAY_18 + timedelta(hours=2, minutes=10)  # 20:10 local
    assert snoozed_reminder_at(WEEKDAYS, FRIDAY_18, now) is None


def test_snooze_into_tomorrow_is_refused() -> None:
    night_owl = settings(LONDON, {FRI}, time(22, 0), quiet=NONE_QUIET)
    reminder = at_local(LONDON, 2026, 6, 12, 22, 0)
    now = at_local(LONDON, 2026, 6, 12, 23, 30)
    assert snoozed_reminder_at(night_owl, reminder, now) is None


def test_paused_member_cannot_snooze() -> None:
    paused = settings(LONDON, {FRI}, time(18, 0), paused=True)
    assert snoozed_reminder_at(paused, FRIDAY_18, FRIDAY_18) is None


def test_non_positive_snooze_is_refused() -> None:
    with pytest.raises(ValueError, match="by"):
        snoozed_reminder_at(WEEKDAYS, FRIDAY_18, FRIDAY_18, timedelta(0))
