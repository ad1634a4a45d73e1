"""Timers on the workout card: when a hold or a rest starts and ends, which phase it is in,
and at which instants the card's countdown is redrawn.

A *hold* timer gives the member `GET_READY` (3 s, counted 3-2-1) to get into position, then
times the hold. A *rest* timer starts at once. The countdown is redrawn every `TICK_EVERY`
seconds of the time left and on each of the last `FINAL_SECONDS` seconds: a 45 s hold is 15
edits in 48 s, about one every 3 s per member, well under Telegram's one message a second in a
chat, and the end is never more than 5 s away from what the card shows.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Literal

TimerKindName = Literal["hold", "rest"]

GET_READY = timedelta(seconds=3)
TICK_EVERY = 5
"""Seconds between countdown redraws (the time left shown is a multiple of this)."""
FINAL_SECONDS = 3
"""The last seconds, each redrawn."""


@dataclass(frozen=True)
class Timer:
    """A timer on a step of the card: the timed part runs from `starts_at` to `ends_at`."""

    kind: TimerKindName
    step_index: int
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class Phase:
    """Where a timer is at an instant: getting ready, running, or over, and whole seconds left
    in that phase (rounded up, so a card drawn a few milliseconds late shows the right one)."""

    name: Literal["ready", "running", "over"]
    seconds_left: int


def hold_timer(step_index: int, seconds: int, now: datetime) -> Timer:
    """A hold of `seconds` started now: get ready first."""
    starts_at = now + GET_READY
    return Timer("hold", step_index, starts_at, starts_at + timedelta(seconds=seconds))


def rest_timer(step_index: int, seconds: int, now: datetime) -> Timer:
    """Rest of `seconds` before step `step_index`, from now."""
    return Timer("rest", step_index, now, now + timedelta(seconds=seconds))


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(0, math.ceil((moment - now).total_seconds()))


def phase(timer: Timer, now: datetime) -> Phase:
    if now >= timer.ends_at:
        return Phase("over", 0)
    if now < timer.starts_at:
        return Phase("ready", _seconds_until(timer.starts_at, now))
    return Phase("running", _seconds_until(timer.ends_at, now))


def tick_times(timer: Timer) -> list[datetime]:
    """Every instant the countdown is redrawn, in order, the end excluded (the end is its own
    event: the card is redrawn and the member notified)."""
    length = _seconds_until(timer.ends_at, timer.starts_at)
    left_at_ticks = sorted(
        {length}
        | set(range(TICK_EVERY, length, TICK_EVERY))
        | set(range(1, min(FINAL_SECONDS, length - 1) + 1)),
        reverse=True,
    )
    ready_ticks = [
        timer.starts_at - timedelta(seconds=second)
        for second in range(_seconds_until(timer.starts_at, timer.starts_at - GET_READY), 0, -1)
    ]
    if timer.kind == "rest":
        ready_ticks = []
    return ready_ticks + [timer.ends_at - timedelta(seconds=left) for left in left_at_ticks]


def next_tick(timer: Timer, after: datetime) -> datetime | None:
    """The first redraw strictly after `after`; None when only the end is left."""
    return next((moment for moment in tick_times(timer) if moment > after), None)
