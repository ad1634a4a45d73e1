"""Property tests of the scheduling rules, in any IANA zone, for any schedule and history."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.rules.local_time import week_bounds
from bot.rules.schedule import (
    ReminderSettings,
    is_quiet,
    next_reminder_at,
    nudge_at,
    reminder_decision,
    reminders_between,
    snoozed_reminder_at,
)
from bot.rules.weekly_cap import DoneSession, WorkoutCap, choose_workout

instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)
)
minute_times = st.builds(time, st.integers(0, 23), st.integers(0, 59))
durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=2))


@st.composite
def reminder_settings(draw: st.DrawFn, min_days: int = 1) -> ReminderSettings:
    return ReminderSettings(
        zone=draw(st.timezones()),
        days=draw(st.frozensets(st.integers(0, 6), min_size=min_days)),
        at=draw(minute_times),
        quiet_start=draw(minute_times),
        quiet_end=draw(minute_times),
    )


@st.composite
def protocols(draw: st.DrawFn) -> tuple[WorkoutCap, ...]:
    caps = draw(st.lists(st.integers(0, 4), min_size=1, max_size=3))
    return tuple(WorkoutCap(f"day-{n}", cap) for n, cap in enumerate(caps, start=1))


def local_weekday(moment: datetime, zone: ZoneInfo) -> int:
    return moment.astimezone(zone).weekday()


@given(reminder_settings(), instants)
def test_next_reminder_is_strictly_after_on_a_chosen_local_weekday(
    member: ReminderSettings, after: datetime
) -> None:
    reminder = next_reminder_at(member, after)
    assert reminder is not None
    assert reminder > after
    assert local_weekday(reminder, member.zone) in member.days


@given(reminder_settings(), instants)
def test_next_reminder_skips_no_planned_reminder(member: ReminderSettings, after: datetime) -> None:
    reminder = next_reminder_at(member, after)
    assert reminder is not None
    assert [r for r in reminders_between(member, after, reminder) if r > after] == []
    assert reminders_between(member, reminder, reminder + timedelta(seconds=1)) == [reminder]


@given(reminder_settings(min_days=0), instants, st.integers(1, 21))
def test_planned_reminders_are_never_quiet_and_one_per_chosen_day(
    member: ReminderSettings, start: datetime, days: int
) -> None:
    plan = reminders_between(member, start, start + timedelta(days=days))
    local_days = [r.astimezone(member.zone).date() for r in plan]
    assert not any(is_quiet(member, r) for r in plan)
    assert all(d.weekday() in member.days for d in local_days)
    assert local_days == sorted(set(local_days))
    assert all(start <= r < start + timedelta(days=days) for r in plan)


@given(
    reminder_settings(),
    instants,
    st.timedeltas(min_value=timedelta(minutes=1), max_value=timedelta(hours=12)),
)
def test_nudge_is_same_local_day_and_never_quiet(
    member: ReminderSettings, after: datetime, nudge_after: timedelta
) -> None:
    reminder = next_reminder_at(member, after)
    assert reminder is not None
    nudge = nudge_at(member, reminder, False, nudge_after)
    if nudge is not None:
        assert nudge == reminder + nudge_after
        assert nudge.astimezone(member.zone).date() == reminder.astimezone(member.zone).date()
        assert not is_quiet(member, nudge)


@given(reminder_settings(), instants, durations)
def test_snooze_is_same_local_day_later_and_never_quiet(
    member: ReminderSettings, after: datetime, since_reminder: timedelta
) -> None:
    reminder = next_reminder_at(member, after)
    assert reminder is not None
    snoozed = snoozed_reminder_at(member, reminder, reminder + since_reminder)
    if snoozed is not None:
        assert snoozed > reminder + since_reminder
        assert snoozed.astimezone(member.zone).date() == reminder.astimezone(member.zone).date()
        assert not is_quiet(member, snoozed)


@given(st.timezones(), instants)
def test_week_bounds_hold_the_moment_and_start_on_a_local_monday(
    zone: ZoneInfo, moment: datetime
) -> None:
    start, end = week_bounds(moment, zone)
    assert start <= moment < end
    assert local_weekday(start, zone) == 0
    assert week_bounds(end, zone)[0] == end
    local_start = start.astimezone(zone).date()
    assert 0 <= (moment.astimezone(zone).date() - local_start).days < 7


@settings(max_examples=100, deadline=None)
@given(
    member=reminder_settings(),
    workouts=protocols(),
    start=instants,
    follows=st.lists(st.booleans(), min_size=30, max_size=30),
    lateness=st.lists(durations, min_size=30, max_size=30),
    session_length=st.lists(durations, min_size=30, max_size=30),
    unprompted=st.lists(st.integers(0, 21 * 24 * 60), max_size=20),
    grace=durations,
)
def test_following_the_rules_never_exceeds_any_weekly_cap(
    member: ReminderSettings,
    workouts: tuple[WorkoutCap, ...],
    start: datetime,
    follows: list[bool],
    lateness: list[timedelta],
    session_length: list[timedelta],
    unprompted: list[int],
    grace: timedelta,
) -> None:
    """Three weeks of reminders (sent late or not, followed or not) and unprompted sessions."""
    due = reminders_between(member, start, start + timedelta(days=21))
    extra = [start + timedelta(minutes=m) for m in unprompted]
    events = sorted([(t, True) for t in due] + [(t, False) for t in extra])
    done: list[DoneSession] = []
    clock = start
    for n, (planned, is_reminder) in enumerate(events):
        now = max(planned + (lateness[n % 30] if is_reminder else timedelta(0)), clock)
        if is_reminder:
            decision = reminder_decision(member, workouts, done, planned, now, grace, False)
            choice = decision.choice if follows[n % 30] else None
            assert decision.outcome != "send" or not is_quiet(member, now)
        else:
            choice = choose_workout(workouts, done, now, member.zone)
        if choice is not None:
            clock = now + session_length[n % 30]
            done.append(DoneSession(choice.key, clock))
    caps = {w.key: w.weekly_cap for w in workouts}
    per_week = Counter(
        (s.finished_at.astimezone(member.zone).isocalendar()[:2], s.workout_key) for s in done
    )
    assert all(count <= caps[key] for (_, key), count in per_week.items())


@given(
    reminder_settings(),
    protocols(),
    instants,
    st.lists(st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=4)), max_size=10),
)
def test_a_reminder_is_sent_at_most_once(
    member: ReminderSettings,
    workouts: tuple[WorkoutCap, ...],
    after: datetime,
    calls: list[timedelta],
) -> None:
    """Fire, retries and start-up catch-ups for one due time: sent once at most."""
    due_at = next_reminder_at(member, after)
    assert due_at is not None
    sent = False
    sends = 0
    for delay in sorted(calls):
        decision = reminder_decision(
            member, workouts, [], due_at, due_at + delay, timedelta(hours=2), sent
        )
        if decision.outcome == "send":
            sends += 1
            sent = True
    assert sends <= 1
