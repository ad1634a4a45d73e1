"""Is a member keeping up, and are they ready for more? Pure rules for the coach's daily digest.

The input is plain data (`MemberActivity`: the member's time zone, when they joined, when their
sessions finished, the reminders sent and whether a session followed each, their check-ins) and
`now`. Days are the member's local calendar days. Only what happened at or before `now` counts.
Numbers come from `AdherenceThresholds`; the minimal important change from `PainThresholds`.

The rules, each named by its id in the finding and in words in the reason (default numbers):

- `no_recent_session`: no session on the last 7 local days, today included (PT Lab flags no
  training for 7 days). A member who never finished one counts from the day they joined.
- `reminders_ignored`: the last 3 reminders in a row had no session after them. A reminder sent
  today is not counted against the member until the day is over: they may still train.
- `fortnight_drop`: the sessions of the last 14 full local days (up to yesterday) are at least
  20 % fewer than those of the 14 days before (TrueCoach: a 20 % compliance drop needs
  attention). Only when there were sessions in that earlier fortnight.
- `ready_to_progress`: over the last 3 full weeks (the 21 local days up to yesterday), at least
  2 sessions every week, after-session pain down by the minimal important change from the
  first week's mean to the last week's (Ostelo et al. 2008), and no pain flag (`assess`) in the
  last week. A member whose after-session pain stayed within the safe zone (0-3) all along is
  ready too: from there pain cannot come down by 2 points, and Thomeé's model has nothing
  against more load. Full days only, so the answer does not depend on the hour of the digest.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal
from zoneinfo import ZoneInfo

from bot.config import (
    DEFAULT_ADHERENCE_THRESHOLDS,
    DEFAULT_PAIN_THRESHOLDS,
    AdherenceThresholds,
    PainThresholds,
)
from bot.rules.local_time import local_day, require_aware
from bot.rules.pain_change import is_important_fall
from bot.rules.reasons import N_, N_plural, Reason
from bot.rules.symptoms import PainReport, assess

AdherenceRule = Literal[
    "no_recent_session", "reminders_ignored", "fortnight_drop", "ready_to_progress"
]

_WEEK_DAYS = 7


@dataclass(frozen=True)
class ReminderSent:
    """A reminder the member was sent, and whether a session followed it."""

    at: datetime
    followed: bool

    def __post_init__(self) -> None:
        require_aware(self.at, "at")


@dataclass(frozen=True)
class MemberActivity:
    """What the digest rules read about one member. `sessions` are finish times."""

    zone: ZoneInfo
    joined_at: datetime
    sessions: Sequence[datetime] = ()
    reminders: Sequence[ReminderSent] = ()
    check_ins: Sequence[PainReport] = ()

    def __post_init__(self) -> None:
        require_aware(self.joined_at, "joined_at")
        for finished in self.sessions:
            require_aware(finished, "a session's finish time")


@dataclass(frozen=True)
class AdherenceFinding:
    """Something for the coach's digest: `rule` is the rule's id, `reason` a sentence still to
    be said in the coach's language (`bot.rules.reasons`)."""

    rule: AdherenceRule
    reason: Reason


def digest_findings(
    activity: MemberActivity,
    now: datetime,
    thresholds: AdherenceThresholds = DEFAULT_ADHERENCE_THRESHOLDS,
    pain: PainThresholds = DEFAULT_PAIN_THRESHOLDS,
) -> list[AdherenceFinding]:
    """Every finding for the member at `now`, in the order the rules are listed above."""
    require_aware(now, "now")
    found = (
        no_recent_session(activity, now, thresholds),
        reminders_ignored(activity, now, thresholds),
        fortnight_drop(activity, now, thresholds),
        ready_to_progress(activity, now, thresholds, pain),
    )
    return [finding for finding in found if finding is not None]


def no_recent_session(
    activity: MemberActivity,
    now: datetime,
    thresholds: AdherenceThresholds = DEFAULT_ADHERENCE_THRESHOLDS,
) -> AdherenceFinding | None:
    """A finding when the member has had no session for `inactive_days` local days."""
    done = [finished for finished in activity.sessions if finished <= now]
    return no_session_since(
        max(done, default=None), activity.joined_at, activity.zone, now, thresholds
    )


def no_session_since(
    last_finished: datetime | None,
    joined_at: datetime,
    zone: ZoneInfo,
    now: datetime,
    thresholds: AdherenceThresholds = DEFAULT_ADHERENCE_THRESHOLDS,
) -> AdherenceFinding | None:
    """`no_recent_session` from the member's last finished session (None: never)."""
    require_aware(now, "now")
    today = local_day(now, zone)
    if last_finished is not None:
        since = local_day(last_finished, zone)
        days = (today - since).days
        reason = Reason(
            N_plural(
                "No session for {count} day: the last was on {day}.",
                "No session for {count} days: the last was on {day}.",
            ),
            {"count": days, "day": since},
        )
    else:
        since = local_day(joined_at, zone)
        days = (today - since).days
        reason = Reason(
            N_plural(
                "No session yet, {count} day after joining on {day}.",
                "No session yet, {count} days after joining on {day}.",
            ),
            {"count": days, "day": since},
        )
    if days < thresholds.inactive_days:
        return None
    return AdherenceFinding("no_recent_session", reason)


def reminders_ignored(
    activity: MemberActivity,
    now: datetime,
    thresholds: AdherenceThresholds = DEFAULT_ADHERENCE_THRESHOLDS,
) -> AdherenceFinding | None:
    """A finding when the last `ignored_reminders` reminders all went without a session."""
    require_aware(now, "now")
    today = local_day(now, activity.zone)
    settled = sorted(
        (
            reminder
            for reminder in activity.reminders
            if reminder.at <= now
            and (reminder.followed or local_day(reminder.at, activity.zone) < today)
        ),
        key=lambda reminder: reminder.at,
    )
    last = settled[-thresholds.ignored_reminders :]
    if len(last) < thresholds.ignored_reminders or any(reminder.followed for reminder in last):
        return None
    days = tuple(local_day(reminder.at, activity.zone) for reminder in last)
    reason = Reason(
        N_plural(
            "{count} reminder in a row with no session after it: {days}.",
            "{count} reminders in a row with no session after them: {days}.",
        ),
        {"count": len(last), "days": days},
    )
    return AdherenceFinding("reminders_ignored", reason)


def fortnight_drop(
    activity: MemberActivity,
    now: datetime,
    thresholds: AdherenceThresholds = DEFAULT_ADHERENCE_THRESHOLDS,
) -> AdherenceFinding | None:
    """A finding when the last `drop_window_days` full days had `drop_percent` fewer sessions
    than the same number of days before them."""
    require_aware(now, "now")
    today = local_day(now, activity.zone)
    window = thresholds.drop_window_days
    recent_start = today - timedelta(days=window)
    earlier_start = recent_start - timedelta(days=window)
    days = [local_day(finished, activity.zone) for finished in activity.sessions if finished <= now]
    recent = sum(recent_start <= day < today for day in days)
    earlier = sum(earlier_start <= day < recent_start for day in days)
    return sessions_dropped(recent, earlier, today, thresholds)


def sessions_dropped(
    recent: int,
    earlier: int,
    today: date,
    thresholds: AdherenceThresholds = DEFAULT_ADHERENCE_THRESHOLDS,
) -> AdherenceFinding | None:
    """`fortnight_drop` from the sessions counted in the last `drop_window_days` full local
    days before `today` (`recent`) and in as many days before those (`earlier`)."""
    if earlier == 0:
        return None
    if (earlier - recent) * 100 < thresholds.drop_percent * earlier:
        return None
    drop = (earlier - recent) * 100 / earlier
    window = thresholds.drop_window_days
    last_day = today - timedelta(days=1)
    reason = Reason(
        N_(
            "Sessions down {drop} %: {recent} in the {window} days to {day},"
            " {earlier} in the {window} days before."
        ),
        {
            "drop": round(drop),
            "recent": recent,
            "window": window,
            "day": last_day,
            "earlier": earlier,
        },
    )
    return AdherenceFinding("fortnight_drop", reason)


def ready_to_progress(
    activity: MemberActivity,
    now: datetime,
    thresholds: AdherenceThresholds = DEFAULT_ADHERENCE_THRESHOLDS,
    pain: PainThresholds = DEFAULT_PAIN_THRESHOLDS,
) -> AdherenceFinding | None:
    """A finding when the member trained steadily while their pain came down (or stayed low)."""
    require_aware(now, "now")
    today = local_day(now, activity.zone)
    starts = [
        today - timedelta(days=_WEEK_DAYS * (thresholds.progress_weeks - index))
        for index in range(thresholds.progress_weeks)
    ]
    session_days = [local_day(done, activity.zone) for done in activity.sessions if done <= now]
    check_ins = [check_in for check_in in activity.check_ins if check_in.at <= now]
    counts = [sum(_in_week(day, start) for day in session_days) for start in starts]
    pains = [
        [
            check_in.pain
            for check_in in check_ins
            if check_in.kind == "session"
            and check_in.pain is not None
            and _in_week(local_day(check_in.at, activity.zone), start)
        ]
        for start in starts
    ]
    if min(counts) < thresholds.progress_sessions_per_week or not pains[0] or not pains[-1]:
        return None
    if _flagged_in_week(check_ins, starts[-1], activity.zone, pain):
        return None
    sessions = tuple(counts)
    if max(score for week in pains for score in week) <= pain.safe_max:
        reason = Reason(
            N_(
                "Ready to progress: after-session pain stayed at {safe} or less for"
                " {weeks} weeks from {day}, with {sessions} sessions."
            ),
            {"safe": pain.safe_max, "weeks": len(starts), "day": starts[0], "sessions": sessions},
        )
        return AdherenceFinding("ready_to_progress", reason)
    first_mean, last_mean = statistics.fmean(pains[0]), statistics.fmean(pains[-1])
    if not is_important_fall(first_mean, last_mean, pain):
        return None
    reason = Reason(
        N_(
            "Ready to progress: after-session pain came down from a mean of {first_mean} in the"
            " week from {first_week} to {last_mean} in the week from {last_week}, with"
            " {sessions} sessions in those {weeks} weeks."
        ),
        {
            "first_mean": first_mean,
            "first_week": starts[0],
            "last_mean": last_mean,
            "last_week": starts[-1],
            "sessions": sessions,
            "weeks": len(starts),
        },
    )
    return AdherenceFinding("ready_to_progress", reason)


def _in_week(day: date, start: date) -> bool:
    return start <= day < start + timedelta(days=_WEEK_DAYS)


def _flagged_in_week(
    check_ins: Sequence[PainReport], start: date, zone: ZoneInfo, thresholds: PainThresholds
) -> bool:
    """Whether a check-in of the week from `start` raised a pain flag."""
    return any(
        _in_week(local_day(flag.check_in.at, zone), start)
        for flag in assess(check_ins, thresholds, zone=zone)
    )
