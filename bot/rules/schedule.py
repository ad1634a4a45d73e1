"""When to remind a member, and whether a reminder due now should go out.

Pure functions: no clock (``now`` is a parameter), no Telegram, no database, no scheduler. Every
instant is an aware datetime; results are in UTC. Local times are read in the member's IANA zone.

Rules, in plain words:

- A member is reminded on each chosen weekday (0 = Monday ... 6 = Sunday) at the chosen local
  time. A local time that does not exist that day (the clocks go forward over it) moves to the
  first instant after the gap; a local time that happens twice (the clocks go back) means the
  first of the two.
- Quiet hours (default 21:00-07:00 local, possibly across midnight) are never broken. A reminder
  time inside quiet hours is sent when the quiet hours end on that same local day, i.e. the
  morning of the chosen day: a 22:30 reminder with quiet hours 21:00-07:00 goes out at 07:00 that
  day. The member hears about the day's workout on the day they chose, never at night. If even
  that instant is quiet (only when the end of quiet hours falls in a daylight-saving gap that
  lands inside them) there is no reminder that day.
- A paused member, or one with no days chosen, gets no reminders, nudges or snoozes.
- A reminder goes out at most once, no later than ``grace`` after it was due (a reminder missed
  while the bot was down is sent on start-up only inside that window), never in quiet hours, and
  never when every workout is at its weekly cap; it names the workout due and how many remain.
- A reminder not answered gets at most one gentle nudge, ``nudge_after`` later, only if that is
  still the same local day and outside quiet hours.
- /snooze moves today's reminder one hour (by default) past the later of now and the reminder
  time, unless that lands in quiet hours or on the next local day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.rules.local_time import local_day, local_instant, require_aware
from bot.rules.weekly_cap import DoneSession, WorkoutCap, WorkoutChoice, choose_workout

ReminderOutcome = Literal[
    "send",
    "skip_cap_reached",
    "skip_already_sent",
    "skip_too_late",
    "skip_paused",
    "skip_quiet_hours",
]

# How many local days next_reminder_at looks at, from the day of ``after``: two weeks and a day,
# so every chosen weekday comes round at least twice after that day.
_LOOKAHEAD_DAYS = 15


@dataclass(frozen=True)
class ReminderSettings:
    """A member's reminder choices; times are naive local wall-clock times in ``zone``."""

    zone: ZoneInfo
    days: frozenset[int]
    at: time
    quiet_start: time = time(21, 0)
    quiet_end: time = time(7, 0)
    paused: bool = False

    def __post_init__(self) -> None:
        if not self.days <= frozenset(range(7)):
            raise ValueError(f"days must be weekday numbers 0..6, got {sorted(self.days)}")
        for name in ("at", "quiet_start", "quiet_end"):
            if getattr(self, name).tzinfo is not None:
                raise ValueError(f"{name} must be a naive local time; the zone is {self.zone}")


@dataclass(frozen=True)
class ReminderDecision:
    """What to do with a reminder due now; ``choice`` is set exactly when the outcome is send."""

    outcome: ReminderOutcome
    choice: WorkoutChoice | None = None


def is_quiet(settings: ReminderSettings, moment: datetime) -> bool:
    """Whether ``moment`` falls inside the member's quiet hours, read on their local clock.

    Quiet hours include their start and exclude their end (21:00 is quiet, 07:00 is not) and may
    span midnight. Equal start and end mean no quiet hours at all.
    """
    require_aware(moment, "moment")
    wall = moment.astimezone(settings.zone).time().replace(tzinfo=None)
    start, end = settings.quiet_start, settings.quiet_end
    if start <= end:
        return start <= wall < end
    return wall >= start or wall < end


def _reminder_on(settings: ReminderSettings, day: date) -> datetime | None:
    """The reminder instant on local ``day``, or None when ``day`` has no reminder.

    The chosen time if it is not quiet, else the end of quiet hours that day; either only if it
    is really on ``day`` locally (a whole calendar day can be skipped when a zone changes sides
    of the date line).
    """
    if day.weekday() not in settings.days:
        return None
    for wall_time in (settings.at, settings.quiet_end):
        instant = local_instant(day, wall_time, settings.zone)
        if local_day(instant, settings.zone) == day and not is_quiet(settings, instant):
            return instant
    return None


def next_reminder_at(settings: ReminderSettings, after: datetime) -> datetime | None:
    """The first reminder strictly after ``after`` (UTC), or None when none is due.

    None when the member is paused or chose no days (or, in contrived settings where quiet hours
    swallow every reminder, when none comes within two weeks).
    """
    require_aware(after, "after")
    if settings.paused or not settings.days:
        return None
    first_day = local_day(after, settings.zone)
    for offset in range(_LOOKAHEAD_DAYS):
        instant = _reminder_on(settings, first_day + timedelta(days=offset))
        if instant is not None and instant > after:
            return instant
    return None


def reminders_between(settings: ReminderSettings, start: datetime, end: datetime) -> list[datetime]:
    """Every reminder instant from ``start`` (included) to ``end`` (excluded), in order.

    Empty when the member is paused or chose no days. Used to rebuild a schedule after a restart
    and to show a week's plan.
    """
    require_aware(start, "start")
    require_aware(end, "end")
    if settings.paused or not settings.days:
        return []
    planned: list[datetime] = []
    day, last_day = local_day(start, settings.zone), local_day(end, settings.zone)
    while day <= last_day:
        instant = _reminder_on(settings, day)
        if instant is not None and start <= instant < end:
            planned.append(instant)
        day += timedelta(days=1)
    return planned


def reminder_decision(
    settings: ReminderSettings,
    workouts: Sequence[WorkoutCap],
    done: Sequence[DoneSession],
    due_at: datetime,
    now: datetime,
    grace: timedelta,
    already_sent: bool,
) -> ReminderDecision:
    """Whether the reminder due at ``due_at`` should be sent at ``now``, and about which workout.

    Checked in this order: a paused member gets nothing; a reminder already recorded as sent is
    never sent again; one more than ``grace`` late (the bot was down) is dropped; nothing goes
    out during quiet hours; nothing goes out when every workout is at its weekly cap. Otherwise
    send, naming the workout due and how many remain this week. Called at fire time and for the
    catch-up at start-up; a call a moment before ``due_at`` counts as on time.
    """
    require_aware(due_at, "due_at")
    require_aware(now, "now")
    if grace < timedelta(0):
        raise ValueError(f"grace must not be negative, got {grace}")
    if settings.paused:
        return ReminderDecision("skip_paused")
    if already_sent:
        return ReminderDecision("skip_already_sent")
    if now - due_at > grace:
        return ReminderDecision("skip_too_late")
    if is_quiet(settings, now):
        return ReminderDecision("skip_quiet_hours")
    choice = choose_workout(workouts, done, now, settings.zone)
    if choice is None:
        return ReminderDecision("skip_cap_reached")
    return ReminderDecision("send", choice)


def _same_day_and_not_quiet(
    settings: ReminderSettings, candidate: datetime, day_of: datetime
) -> datetime | None:
    """``candidate`` if it is on the local day of ``day_of`` and outside quiet hours, else None."""
    same_day = local_day(candidate, settings.zone) == local_day(day_of, settings.zone)
    if same_day and not is_quiet(settings, candidate):
        return candidate
    return None


def nudge_at(
    settings: ReminderSettings, reminder_at: datetime, answered: bool, nudge_after: timedelta
) -> datetime | None:
    """When to send the one gentle nudge after the reminder sent at ``reminder_at``, if at all.

    The nudge comes ``nudge_after`` after the reminder. None when the member answered (started a
    session since the reminder), is paused, or when that instant is on the next local day or in
    quiet hours: a nudge is dropped, never moved.
    """
    require_aware(reminder_at, "reminder_at")
    if nudge_after <= timedelta(0):
        raise ValueError(f"nudge_after must be positive, got {nudge_after}")
    if answered or settings.paused:
        return None
    return _same_day_and_not_quiet(settings, reminder_at + nudge_after, reminder_at)


def snoozed_reminder_at(
    settings: ReminderSettings,
    reminder_at: datetime,
    now: datetime,
    by: timedelta = timedelta(hours=1),
) -> datetime | None:
    """Where /snooze moves today's reminder: ``by`` after the later of ``now`` and ``reminder_at``.

    None when the member is paused, or when the new time is in quiet hours or past the local day
    of the reminder: a snooze never carries a reminder into the night or into tomorrow.
    """
    require_aware(reminder_at, "reminder_at")
    require_aware(now, "now")
    if by <= timedelta(0):
        raise ValueError(f"by must be positive, got {by}")
    if settings.paused:
        return None
    return _same_day_and_not_quiet(settings, max(now, reminder_at) + by, reminder_at)
