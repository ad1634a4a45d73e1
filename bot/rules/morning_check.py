"""When to ask a member how their back feels the morning after a session. Pure and DST-safe.

The pain-monitoring model's central test (Thomeé 1997; Silbernagel et al. 2007) is whether pain
has settled to its usual level by the next morning, so the bot asks, once, the morning after
each session:

- on the local day after the local day the session finished;
- at the member's usual reminder time or `morning_check_by` (09:00), whichever is earlier;
- never in quiet hours: a time inside them moves to the end of quiet hours that day, the first
  minute they are over (07:00 by default). If even that is not possible that day (contrived
  quiet hours, or a daylight-saving gap across their end) there is no morning check that day;
- at most once a day: sessions finished on the same local day share one morning check;
- never for a paused member.

Wall-clock times are placed with `local_time.local_instant` (a time in a daylight-saving gap
moves to the first instant after it; a time that happens twice means the first) and quiet hours
read with `schedule.is_quiet`. Results are in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.config import DEFAULT_PAIN_THRESHOLDS, PainThresholds
from bot.rules.local_time import local_day, local_instant, require_aware
from bot.rules.schedule import ReminderSettings, is_quiet


def morning_check_at(
    finished_at: datetime,
    member: ReminderSettings,
    thresholds: PainThresholds = DEFAULT_PAIN_THRESHOLDS,
) -> datetime | None:
    """When to ask about the session finished at `finished_at`; None when there is no slot."""
    require_aware(finished_at, "finished_at")
    if member.paused:
        return None
    day = local_day(finished_at, member.zone) + timedelta(days=1)
    for wall_time in (min(member.at, thresholds.morning_check_by), member.quiet_end):
        instant = local_instant(day, wall_time, member.zone)
        if local_day(instant, member.zone) == day and not is_quiet(member, instant):
            return instant
    return None


def next_morning_check_at(
    finished: Iterable[datetime],
    member: ReminderSettings,
    after: datetime,
    thresholds: PainThresholds = DEFAULT_PAIN_THRESHOLDS,
) -> datetime | None:
    """The first morning check strictly after `after` for these sessions' finish times, or None.

    Used after each session and to rebuild the schedule on start-up; sessions on one day give
    one check.
    """
    require_aware(after, "after")
    due = {morning_check_at(finished_at, member, thresholds) for finished_at in finished}
    return min(
        (instant for instant in due if instant is not None and instant > after), default=None
    )


def is_morning_after(finished_at: datetime, now: datetime, zone: ZoneInfo) -> bool:
    """Whether `now` is on the local day after the session finished: the day its morning
    question may be answered (a button from an older morning is stale)."""
    require_aware(finished_at, "finished_at")
    require_aware(now, "now")
    return local_day(now, zone) == local_day(finished_at, zone) + timedelta(days=1)
