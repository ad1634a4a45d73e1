"""What the coach's dashboard says about each member: adherence, time since contact, flag
levels, and whether the member needs the coach's attention. Pure functions; days are the
member's local calendar days; `now` is passed in.

- **4-week adherence**: sessions finished in the last 28 local days (today included) against
  those planned in them: the member's reminder days a week (at most the protocol's weekly cap)
  for each week, pro rata for a member who joined inside the window. Capped at 100 %; None
  when nothing was planned (not set up, no reminder days).
- **Flag levels**: how soon the coach must act on a flag (`FLAG_LEVELS`, least first): the
  pain-monitoring levels, then "emergency" for a red flag that needs an emergency department.
- **Needs attention**: an open flag, a member who blocked the bot, or, for a member who is not
  paused, the digest's adherence findings `no_recent_session` and `fortnight_drop`
  (`bot.rules.adherence`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.config import DEFAULT_ADHERENCE_THRESHOLDS, AdherenceThresholds
from bot.rules.adherence import MemberActivity, fortnight_drop, no_recent_session
from bot.rules.local_time import local_day, require_aware

__all__ = [
    "ADHERENCE_DAYS",
    "FLAG_LEVELS",
    "adherence_percent",
    "attention_reasons",
    "count_levels",
    "days_since",
]

ADHERENCE_DAYS = 28
"""The adherence window: four weeks of local days, today included."""

FlagLevel = Literal["low", "high", "critical", "urgent", "emergency"]
FLAG_LEVELS: tuple[FlagLevel, ...] = ("low", "high", "critical", "urgent", "emergency")


def adherence_percent(
    finished: Sequence[datetime],
    days_per_week: int,
    joined: date,
    now: datetime,
    zone: ZoneInfo,
) -> int | None:
    """Sessions finished in the window against sessions planned, in whole percent (0-100)."""
    require_aware(now, "now")
    today = local_day(now, zone)
    first_day = max(today - timedelta(days=ADHERENCE_DAYS - 1), joined)
    days = (today - first_day).days + 1
    planned = days_per_week * days / 7
    if days <= 0 or planned <= 0:
        return None
    done = sum(first_day <= local_day(at, zone) <= today for at in finished if at <= now)
    return round(min(done / planned, 1.0) * 100)


def days_since(moment: datetime | None, now: datetime, zone: ZoneInfo) -> int | None:
    """Local calendar days from `moment` to `now` (0 for today); None for never."""
    if moment is None:
        return None
    return max((local_day(now, zone) - local_day(moment, zone)).days, 0)


def count_levels(levels: Iterable[FlagLevel]) -> dict[FlagLevel, int]:
    """How many open flags of each level, every level present, least severe first."""
    counts: dict[FlagLevel, int] = dict.fromkeys(FLAG_LEVELS, 0)
    for level in levels:
        counts[level] += 1
    return counts


def attention_reasons(
    *,
    open_flags: Mapping[FlagLevel, int],
    blocked: bool,
    paused: bool,
    activity: MemberActivity | None,
    now: datetime,
    thresholds: AdherenceThresholds = DEFAULT_ADHERENCE_THRESHOLDS,
) -> list[str]:
    """Why the member needs the coach, most pressing first; empty when nothing does.

    `activity` is None for a member who has not finished setting up: nothing is planned yet.
    """
    reasons = []
    flagged = [
        (level, open_flags[level]) for level in reversed(FLAG_LEVELS) if open_flags.get(level)
    ]
    if flagged:
        total = sum(count for _, count in flagged)
        worst = flagged[0][0]
        reasons.append(f"{total} open flag{'s' if total > 1 else ''}, the worst {worst}.")
    if blocked:
        reasons.append("Blocked the bot: no reminders reach them.")
    if activity is not None and not paused:
        for finding in (
            no_recent_session(activity, now, thresholds),
            fortnight_drop(activity, now, thresholds),
        ):
            if finding is not None:
                reasons.append(finding.reason)
    return reasons
