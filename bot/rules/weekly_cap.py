"""The weekly cap: which workout is due, and how many of each a member has done this week.

Pure functions: no clock, no database. Every instant is an aware datetime; results are in UTC.

Rules, in plain words:

- A week is an ISO week in the member's own time zone: Monday 00:00 to the next Monday 00:00,
  local time. Across a daylight-saving change a week lasts 167 or 169 hours (167.5 or 168.5 on
  Lord Howe Island), never a fixed 7 x 24 hours.
- A session counts in the week in which it was finished, wherever the member was reminded or not.
- Each workout of a protocol may be done at most its own ``weekly_cap`` times per week; the number
  comes from the protocol.
- The workout due is the one after the last session done (ever, not only this week), in protocol
  order and wrapping around: day-1, day-2, day-1, ... A workout already at its cap this week is
  passed over; when every workout is at its cap nothing is due.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo


def require_aware(moment: datetime, name: str) -> None:
    """Refuse a naive datetime: it would silently be read in the server's own time zone."""
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise ValueError(f"{name} must be an aware datetime, got {moment!r}")


@dataclass(frozen=True)
class WorkoutCap:
    """A workout of the member's protocol and how many times a week it may be done."""

    key: str
    weekly_cap: int

    def __post_init__(self) -> None:
        if self.weekly_cap < 0:
            raise ValueError(f"weekly_cap of {self.key!r} must be 0 or more, got {self.weekly_cap}")


@dataclass(frozen=True)
class DoneSession:
    """A finished session of a workout, reminded or not."""

    workout_key: str
    finished_at: datetime

    def __post_init__(self) -> None:
        require_aware(self.finished_at, "finished_at")


@dataclass(frozen=True)
class WorkoutChoice:
    """The workout due now, with this week's count against its cap."""

    key: str
    done_this_week: int
    cap: int
    remaining_this_week: int


def _wall_clock(moment: datetime, zone: ZoneInfo) -> datetime:
    """The naive local reading of ``moment`` on a wall clock in ``zone``."""
    return moment.astimezone(zone).replace(tzinfo=None)


def local_instant(day: date, at: time, zone: ZoneInfo) -> datetime:
    """The UTC instant at which the wall clock in ``zone`` shows ``at`` on ``day``.

    A wall time that happens twice (the clocks go back) means its first occurrence. A wall time
    that never happens (the clocks go forward over it) means the first instant after the gap,
    e.g. 02:30 on 2026-03-08 in New York is 03:00 EDT.
    """
    wall = datetime.combine(day, at.replace(tzinfo=None))
    first = wall.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if _wall_clock(first, zone) == wall:
        return first
    # In a gap, fold=1 reads the wall time with the offset after the change: an instant before
    # the gap; fold=0 (``first``) one after it. The change is the first instant whose wall
    # clock reads ``wall`` or later; offsets change on whole seconds.
    before = wall.replace(tzinfo=zone, fold=1).astimezone(UTC)
    low, high = int(before.timestamp()), int(first.timestamp())
    while high - low > 1:
        middle = (low + high) // 2
        if _wall_clock(datetime.fromtimestamp(middle, UTC), zone) >= wall:
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
    local_day = moment.astimezone(zone).date()
    monday = local_day - timedelta(days=local_day.weekday())
    midnight = time(0, 0)
    return (
        local_instant(monday, midnight, zone),
        local_instant(monday + timedelta(days=7), midnight, zone),
    )


def sessions_this_week(
    done: Sequence[DoneSession], moment: datetime, zone: ZoneInfo
) -> dict[str, int]:
    """How many sessions of each workout were finished in the local ISO week of ``moment``.

    Only workouts done at least once this week appear; a missing key means 0.
    """
    start, end = week_bounds(moment, zone)
    return dict(Counter(s.workout_key for s in done if start <= s.finished_at < end))


def choose_workout(
    workouts: Sequence[WorkoutCap], done: Sequence[DoneSession], now: datetime, zone: ZoneInfo
) -> WorkoutChoice | None:
    """The workout due at ``now``, or None when every workout is at its cap this week.

    Starting after the workout of the last session finished (at or before ``now``), go through the
    protocol's workouts in order, wrapping around, and take the first one still under its cap
    this week. With no history, or when the last session was of a workout no longer in the
    protocol, start from the first workout. Sessions finished after ``now`` are not known yet
    and are ignored.
    """
    require_aware(now, "now")
    keys = [w.key for w in workouts]
    if len(set(keys)) != len(keys):
        raise ValueError(f"workout keys must be unique, got {keys}")
    history = [s for s in done if s.finished_at <= now]
    counts = sessions_this_week(history, now, zone)
    start = 0
    if history:
        last = max(history, key=lambda s: s.finished_at)
        if last.workout_key in keys:
            start = keys.index(last.workout_key) + 1
    for offset in range(len(workouts)):
        workout = workouts[(start + offset) % len(workouts)]
        count = counts.get(workout.key, 0)
        if count < workout.weekly_cap:
            return WorkoutChoice(
                key=workout.key,
                done_this_week=count,
                cap=workout.weekly_cap,
                remaining_this_week=workout.weekly_cap - count,
            )
    return None
