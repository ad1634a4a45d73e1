"""When the coach's daily digest is due: a local time the coach chose, on the coach's clock.

Pure: the time is a parameter. A digest time that does not exist on a day (the clocks go forward
over it) means the first instant after the gap; one that happens twice (the clocks go back)
means the first, so the digest comes once a day. Results are in UTC.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bot.rules.local_time import local_day, local_instant, require_aware


def next_digest_at(digest_time: time, zone: ZoneInfo, after: datetime) -> datetime:
    """The first instant strictly after `after` at which the coach's clock shows `digest_time`."""
    require_aware(after, "after")
    if digest_time.tzinfo is not None:
        raise ValueError(f"digest_time must be a naive local time; the zone is {zone}")
    day = local_day(after, zone)
    while (instant := local_instant(day, digest_time, zone)) <= after:
        day += timedelta(days=1)
    return instant


def latest_digest_at(digest_time: time, zone: ZoneInfo, now: datetime) -> datetime:
    """The last instant at or before `now` at which the coach's clock showed `digest_time`: the
    digest that is due (it is sent once; `next_digest_at` is the one after)."""
    require_aware(now, "now")
    if digest_time.tzinfo is not None:
        raise ValueError(f"digest_time must be a naive local time; the zone is {zone}")
    day = local_day(now, zone)
    while (instant := local_instant(day, digest_time, zone)) > now:
        day -= timedelta(days=1)
    return instant
