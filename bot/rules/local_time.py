"""Local time in a member's own zone: wall clocks, days, weeks, and the instants they name.

Pure functions. Every instant is an aware datetime; the instants returned are in UTC. A zone is
a `ZoneInfo` (the database hands one back for every member, see `storage.models.TimeZone`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def require_aware(moment: datetime, name: str) -> None:
    """Refuse a naive datetime: it would silently be read in the server's own time zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {moment!r}")


def wall_clock(moment: datetime, zone: ZoneInfo) -> datetime:
    """The naive local reading of ``moment`` on a wall clock in ``zone``."""
    return moment.astimezone(zone).replace(tzinfo=None)


def local_day(moment: datetime, zone: ZoneInfo) -> date:
    """The calendar day ``moment`` falls on in ``zone``."""
    return moment.astimezone(zone).date()


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant at which the wall clock in ``zone`` shows ``at`` on ``day``.

    A wall time that happens twice (the clocks go back) means its first occurrence. A wall time
    that never happens (the clocks go forward over it) means the first instant after the gap,
    e.g. 02:30 on 2026-03-08 in New York is 03:00 EDT.
    """
    wall = datetime.combine(day, at.replace(tzinfo=None))
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if wall_clock(first, zone) == wall:
        return first
    # In a gap, fold=1 reads the wall time with the offset after the change: an instant before
    # the gap; fold=0 (``first``) one after it. The change is the first instant whose wall
    # clock reads ``wall`` or later; offsets change on whole seconds.
    before = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    low, high = int(before.timestamp()), int(first.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if wall_clock(datetime.fromtimestamp(middle, UTC), zone) >= wall:
            high = middle
        else:
            low = middle
    return datetime.fromtimestamp(high, UTC)


def week_bounds(moment: datetime, zone: ZoneInfo) -> tuple[datetime, datetime]:
    """UTC start (included) and end (excluded) of the ISO week containing ``moment`` in ``zone``.

    The week runs from Monday 00:00 local to the next Monday 00:00 local, so its length follows
    the daylight-saving changes inside it.
    """
    require_aware(moment, "moment")
    day = local_day(moment, zone)
    monday = day - timedelta(days=day.weekday())
    midnight = time(0, 0)
    return (
        local_instant(monday, midnight, zone),
        local_instant(monday + timedelta(days=7), midnight, zone),
    )
