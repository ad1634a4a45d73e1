"""What the coach's dashboard says about each member: adherence, time since contact, flag
levels, and whether the member needs the coach's attention. Pure functions; days are the
member's local calendar days; `now` is passed in.

- **Counting windows** (`windows`): the members view counts each member's finished sessions
  from a few local midnights of their zone (this week's Monday, the 4-week window's first day,
  the two fortnights of the drop rule, today), turned into UTC instants once per zone; the
  database counts every member's sessions from them at once (`Training`).
- **4-week adherence**: sessions finished in the last 28 local days (today included) against
  those planned in them: the member's reminder days a week (at most the protocol's weekly cap)
  for each week, pro rata for a member who joined inside the window. Capped at 100 %; None
  when nothing was planned (not set up, no reminder days). A member trains only once set up,
  so every session counted is one since they joined.
- **Flag levels**: how soon the coach must act on a flag (`FLAG_LEVELS`, least first): the
  pain-monitoring levels, then "emergency" for a red flag that needs an emergency department.
- **Needs attention**: an open flag, a member who blocked the bot, or, for a member who is not
  paused, the digest's adherence findings `no_recent_session` and `fortnight_drop`
  (`bot.rules.adherence`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.config import DEFAULT_ADHERENCE_THRESHOLDS, AdherenceThresholds
from bot.rules.adherence import no_session_since, sessions_dropped
from bot.rules.local_time import local_day, local_instant, require_aware, week_bounds
from bot.rules.reasons import N_, N_plural, Reason

__all__ = [
    "ADHERENCE_DAYS",
    "FLAG_LEVELS",
    "Training",
    "Windows",
    "adherence_percent",
    "attention_reasons",
    "count_levels",
    "days_since",
    "windows",
]

ADHERENCE_DAYS = 28
"""The adherence window: four weeks of local days, today included."""

FlagLevel = Literal["low", "high", "critical", "urgent", "emergency"]
FLAG_LEVELS: tuple[FlagLevel, ...] = ("low", "high", "critical", "urgent", "emergency")


@dataclass(frozen=True)
class Windows:
    """Where the members view's counting windows start in one zone at some `now`: local
    midnights, as UTC instants. Each window runs from its start to `now`."""

    week: datetime
    """This ISO week's Monday."""
    four_weeks: datetime
    """The first day of the 4-week adherence window (today is its last)."""
    fortnight: datetime
    """`drop_window_days` days before today: the drop rule's recent period starts here..."""
    two_fortnights: datetime
    """...and its earlier period here (each period ends where the next one starts)."""
    today: datetime

    def starts(self) -> tuple[datetime, ...]:
        """The starts in the order `Training.counted` reads the counts from them."""
        return (self.week, self.four_weeks, self.fortnight, self.two_fortnights, self.today)


def windows(
    now: datetime, zone: ZoneInfo, thresholds: AdherenceThresholds = DEFAULT_ADHERENCE_THRESHOLDS
) -> Windows:
    """The counting windows of the members view in `zone` at `now`."""
    require_aware(now, "now")
    today = local_day(now, zone)

    def midnight(days_before: int) -> datetime:
        return local_instant(today - timedelta(days=days_before), time(0, 0), zone)

    return Windows(
        week=week_bounds(now, zone)[0],
        four_weeks=midnight(ADHERENCE_DAYS - 1),
        fortnight=midnight(thresholds.drop_window_days),
        two_fortnights=midnight(2 * thresholds.drop_window_days),
        today=midnight(0),
    )


@dataclass(frozen=True)
class Training:
    """A member's finished sessions up to now, as the members view counts them."""

    zone: ZoneInfo
    this_week: int
    four_weeks: int
    """In the 4-week adherence window, today included."""
    last_fortnight: int
    """In the drop rule's recent period: the full days up to yesterday."""
    fortnight_before: int
    last_finished: datetime | None

    @classmethod
    def idle(cls, zone: ZoneInfo) -> Training:
        """A member who never finished a session."""
        return cls(zone, 0, 0, 0, 0, None)

    @classmethod
    def counted(
        cls, zone: ZoneInfo, since: Sequence[int], last_finished: datetime | None
    ) -> Training:
        """From the sessions finished since each of `Windows.starts()`, in that order."""
        week, four_weeks, fortnight, two_fortnights, today = since
        return cls(
            zone=zone,
            this_week=week,
            four_weeks=four_weeks,
            last_fortnight=fortnight - today,
            fortnight_before=two_fortnights - fortnight,
            last_finished=last_finished,
        )


def adherence_percent(
    done: int,
    days_per_week: int,
    joined: date,
    now: datetime,
    zone: ZoneInfo,
) -> int | None:
    """`done` sessions in the 4-week window against those planned, in whole percent (0-100)."""
    require_aware(now, "now")
    today = local_day(now, zone)
    first_day = max(today - timedelta(days=ADHERENCE_DAYS - 1), joined)
    days = (today - first_day).days + 1
    planned = days_per_week * days / 7
    if days <= 0 or planned <= 0:
        return None
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


_LEVEL_WORDS: Mapping[FlagLevel, Reason] = {
    # Translators: the level of a flag, in "2 open flags, the worst urgent."
    "low": Reason(N_("low")),
    "high": Reason(N_("high")),
    "critical": Reason(N_("critical")),
    "urgent": Reason(N_("urgent")),
    "emergency": Reason(N_("emergency")),
}


def attention_reasons(
    *,
    open_flags: Mapping[FlagLevel, int],
    blocked: bool,
    paused: bool,
    training: Training,
    joined_at: datetime | None,
    now: datetime,
    thresholds: AdherenceThresholds = DEFAULT_ADHERENCE_THRESHOLDS,
) -> list[Reason]:
    """Why the member needs the coach, most pressing first (to be said in the coach's
    language); empty when nothing does.

    `joined_at` is None for a member who has not finished setting up (or has no protocol):
    nothing is planned, so their training is not judged.
    """
    reasons: list[Reason] = []
    flagged = [
        (level, open_flags[level]) for level in reversed(FLAG_LEVELS) if open_flags.get(level)
    ]
    if flagged:
        total = sum(count for _, count in flagged)
        worst = flagged[0][0]
        reasons.append(
            Reason(
                N_plural(
                    "{count} open flag, the worst {worst}.",
                    "{count} open flags, the worst {worst}.",
                ),
                {"count": total, "worst": _LEVEL_WORDS[worst]},
            )
        )
    if blocked:
        reasons.append(Reason(N_("Blocked the bot: no reminders reach them.")))
    if joined_at is not None and not paused:
        today = local_day(now, training.zone)
        for finding in (
            no_session_since(training.last_finished, joined_at, training.zone, now, thresholds),
            sessions_dropped(training.last_fortnight, training.fortnight_before, today, thresholds),
        ):
            if finding is not None:
                reasons.append(finding.reason)
    return reasons
