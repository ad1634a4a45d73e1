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
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.rules.local_time import require_aware, week_bounds
from protocols.schema import Protocol


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


def workout_caps(protocol: Protocol) -> list[WorkoutCap]:
    """Each workout of the protocol with its weekly cap, in protocol order."""
    return [WorkoutCap(workout.key, workout.weekly_cap) for workout in protocol.workouts]


def week_counts(
    protocol: Protocol, done: Sequence[DoneSession], moment: datetime, zone: ZoneInfo
) -> dict[str, tuple[int, int]]:
    """(done in the week of ``moment``, cap) for every workout of the protocol, in protocol
    order."""
    counts = sessions_this_week(done, moment, zone)
    return {w.key: (counts.get(w.key, 0), w.weekly_cap) for w in protocol.workouts}


def streak_weeks(finished: Sequence[datetime], now: datetime, zone: ZoneInfo) -> int:
    """Weeks in a row, ending this week (or last week, if none yet this week), with a session."""
    weeks = {week_bounds(at, zone)[0] for at in finished}
    start, _ = week_bounds(now, zone)
    if start not in weeks:
        start, _ = week_bounds(start - timedelta(days=1), zone)
    streak = 0
    while start in weeks:
        streak += 1
        start, _ = week_bounds(start - timedelta(days=1), zone)
    return streak
