"""Does a member's pain need the coach? Pure rules over their check-ins: the pain-monitoring model.

A check-in is a 0-10 pain score of one of three kinds: `"before"` a session starts, `"session"`
(during or right after it) and `"morning"` (the next morning). `assess` reads a member's
check-ins and returns the flags they raise. Every number comes from `PainThresholds`.

The model (Thomeé 1997; Silbernagel et al. 2007): pain up to 5/10 during and after exercise is
acceptable; it must settle to its usual level by the next morning; it must not rise from week to
week. A change counts when it reaches the minimal important change (MIC) of Ostelo et al. 2008,
2 points or 30 % (`bot.rules.pain_change` explains what 30 % means near zero: 30 % of 1 is
0.3 points, less than the scale's step, so at low pain only the 2 points count).

The rules, each named by its id in the flag and in words in the reason (numbers are the
defaults):

- `severe_pain`, urgent: pain 9 or more at any check-in. NICE CKS lists pain 9-10 as a red flag:
  the member should see a clinician today.
- `high_pain`, critical: pain 7 or 8 at any check-in, the very first one included: there is no
  grace period. MedBridge (critical) and Okta Health alert the therapist at 7.
- `above_acceptable`, low or high: pain 6, above Thomeé's acceptable 5 and below 7. MedBridge
  grades a score past its line by its rise: one point is low, two points high. Here the level is
  high when the score is up by the MIC from its reference (below), low otherwise.
- `not_settling`, high: a next-morning score above the usual level by the MIC, twice in a row
  (consecutive morning scores). This is the model's central test failing twice; once may be a
  bad night, so once alone does not flag.
- `rising`, low or high: the mean of one kind of score in a programme week is up by the MIC on
  the first week's mean of that kind. Only once the week has `rising_min_check_ins` scores of
  that kind so far (one score is a jump, not a mean), and only on a score that is itself above
  the safe zone. High when the week's mean is above the acceptable 5 (MedBridge's two-point
  rise past its line), low while it is still within it.

Nothing else flags. Pain up to 5 on its own (a steady 5), or a single jump that stays within 5,
is what the model accepts. The safe zone: no rule flags a score at or below `safe_max` (3), nor a
mean in it, so nothing within 0-3 ever flags: 1 → 3 is 2 points but sits where Thomeé's model
has no concern, and 3 → 4 is below the MIC (30 % of 3 is 0.9 points, less than the scale's step:
from 0-3 only the full 2 points count, see `bot.rules.pain_change`).

What a score is compared with (its reference):

- A morning score is compared with the member's usual level: their last before-session score
  before it. With none (a member who only answers the morning question, or never the before
  one) it is the mean of their morning scores in their first week with any, counting only the
  scores before this one: their usual morning pain.
- A before or session score is compared with the lowest score of the same kind in the
  `rise_lookback_days` local days before it, so a climb over a few sessions counts in full
  (4 → 5 → 6 is up 2 from 4). A session score is never compared with the before score of the
  same session: exercise may raise pain up to 5.

Weeks are programme weeks: 7 local days from the local date of the member's first score (a member
who started on a Wednesday has Wednesday-to-Tuesday weeks). Days are read on the member's clock
(`zone`, or each check-in's own offset), so a week lasts whatever daylight saving makes of it.

Each check-in is judged on the check-ins up to it only, as if the rules ran as it came in: a flag
never depends on a later check-in, and more check-ins never take a flag away. Each check-in that
meets a rule gets that rule's flag (a steady 6 is flagged every time); whether the coach already
has an open flag is for the caller to decide. Flags come in check-in time order; within one
check-in the most severe first and, at one level, not settling and rising before the score's own
level. Check-ins with no score (a note only) are left out of everything.

When a score has risen by the MIC, the bot asks one short red-flag screening question:
`needs_screening_follow_up` says when.
"""

from __future__ import annotations

import itertools
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Generic, Literal, Protocol, TypeVar

from bot.config import DEFAULT_PAIN_THRESHOLDS, PainThresholds
from bot.rules.pain_change import is_important_rise
from bot.rules.reasons import N_, N_plural, Param, Reason

CheckInKind = Literal["before", "session", "morning"]
CHECK_IN_KINDS: tuple[CheckInKind, ...] = ("before", "session", "morning")

FlagLevel = Literal["low", "high", "critical", "urgent"]
FLAG_LEVELS: tuple[FlagLevel, ...] = ("low", "high", "critical", "urgent")
"""The levels from the least to the most severe."""

PainRule = Literal["severe_pain", "high_pain", "not_settling", "rising", "above_acceptable"]
_RULE_ORDER: tuple[PainRule, ...] = (
    "severe_pain",
    "high_pain",
    "not_settling",
    "rising",
    "above_acceptable",
)
"""Within one check-in and level, the model's tests (settling, rising) come before the score."""

_WEEK_DAYS = 7
_SCORE_WORDS: dict[str, Reason] = {
    "before": Reason(N_("before-session")),
    "session": Reason(N_("after-session")),
    "morning": Reason(N_("next-morning")),
}


class PainReport(Protocol):
    """What `assess` reads from a check-in: any object with these attributes will do."""

    @property
    def at(self) -> datetime: ...

    @property
    def pain(self) -> int | None: ...

    @property
    def kind(self) -> str: ...


ReportT = TypeVar("ReportT", bound=PainReport)


@dataclass(frozen=True)
class CheckIn:
    """One check-in from a member.

    `at` is an aware datetime. `pain` is 0-10, or None when the member only wrote a note.
    `kind` says when the score was given: "before" a session, "session" (during or after it) or
    "morning" (the next morning). `session_number` is 1 for a check-in about the member's first
    session, 2 about the second, and so on; None when it is not tied to a session (the rules do
    not read it: it is for the coach's view).
    """

    at: datetime
    pain: int | None
    kind: CheckInKind = "session"
    note: str | None = None
    session_number: int | None = None

    def __post_init__(self) -> None:
        _validate(self)


@dataclass(frozen=True)
class PainFlag(Generic[ReportT]):
    """A reason to bring a member to the coach: `rule` is the rule's id, `reason` a sentence
    still to be said in the coach's language (`bot.rules.reasons`)."""

    level: FlagLevel
    rule: PainRule
    check_in: ReportT
    reason: Reason


def assess(
    check_ins: Iterable[ReportT],
    thresholds: PainThresholds = DEFAULT_PAIN_THRESHOLDS,
    *,
    zone: tzinfo | None = None,
) -> list[PainFlag[ReportT]]:
    """The flags a member's check-ins raise, in time order (see the module notes for the rules).

    `zone` is the member's time zone, for local days, programme weeks and the dates in the
    reasons; without it each check-in is read on its own clock. The check-ins may come in any
    order. A ValueError names a check-in with a naive time, a score outside 0-10 or an unknown
    kind.
    """
    history: _History[ReportT] = _History()
    unsettled: _Unsettled[ReportT] | None = None
    flags: list[PainFlag[ReportT]] = []
    for score in _scores(_in_time_order(check_ins), zone):
        found: list[PainFlag[ReportT]] = []
        level_flag = _level_flag(score, history, thresholds)
        if level_flag is not None:
            found.append(level_flag)
        if score.kind == "morning":
            previous, unsettled = unsettled, _unsettled(score, history, thresholds)
            if previous is not None and unsettled is not None:
                found.append(_not_settling_flag(previous, unsettled))
        rising = _rising_flag(score, history, thresholds)
        if rising is not None:
            found.append(rising)
        flags.extend(sorted(found, key=_severity))
        history.add(score)
    return flags


def needs_screening_follow_up(
    check_ins: Iterable[PainReport],
    thresholds: PainThresholds = DEFAULT_PAIN_THRESHOLDS,
    *,
    zone: tzinfo | None = None,
) -> bool:
    """Whether the newest check-in's score has risen by the MIC, so the bot asks its red-flag
    screening question.

    Risen means above its reference (see the module notes) by the minimal important change, and
    above the safe zone. False when the newest check-in has no score or nothing to compare with.
    """
    reports = _in_time_order(check_ins)
    if not reports or reports[-1].pain is None:
        return False
    *earlier, newest = _scores(reports, zone)
    history: _History[PainReport] = _History()
    for score in earlier:
        history.add(score)
    reference = _rise_reference(newest, history, thresholds)
    return (
        reference is not None
        and newest.pain > thresholds.safe_max
        and is_important_rise(reference.value, newest.pain, thresholds)
    )


def _severity(flag: PainFlag[ReportT]) -> tuple[int, int]:
    """Sort key: the most severe level first, then the rule order."""
    return (-FLAG_LEVELS.index(flag.level), _RULE_ORDER.index(flag.rule))


@dataclass(frozen=True)
class _Scored(Generic[ReportT]):
    """A check-in with a score: its kind, local day, programme week (0 is the first) and the
    day that week starts."""

    report: ReportT
    pain: int
    kind: str
    day: date
    week: int
    week_start: date


@dataclass(frozen=True)
class _Reference:
    """What a score is compared with, and where that came from.

    `source` is "before" (the last before-session score), "first_week" (the mean of the first
    week's morning scores) or "earlier" (the lowest recent score of the same kind); `day` is the
    day of that score, None for a mean.
    """

    value: float
    source: Literal["before", "first_week", "earlier"]
    day: date | None


@dataclass(frozen=True)
class _Unsettled(Generic[ReportT]):
    """A morning score above the usual level by the MIC, and the day of the session before it."""

    score: _Scored[ReportT]
    usual: _Reference
    session_day: date | None


class _History(Generic[ReportT]):
    """The scores read so far, kept the ways the rules look them up."""

    def __init__(self) -> None:
        self._by_kind: dict[str, list[_Scored[ReportT]]] = defaultdict(list)
        self._by_kind_week: dict[str, dict[int, list[int]]] = defaultdict(dict)
        self._last_before: _Scored[ReportT] | None = None
        self.last_session: _Scored[ReportT] | None = None

    def add(self, score: _Scored[ReportT]) -> None:
        self._by_kind[score.kind].append(score)
        self._by_kind_week[score.kind].setdefault(score.week, []).append(score.pain)
        if score.kind == "before":
            self._last_before = score
        elif score.kind == "session":
            self.last_session = score

    def lowest_recent(self, score: _Scored[ReportT], days: int) -> _Scored[ReportT] | None:
        """The lowest score of `score`'s kind from the `days` local days before it (of equal
        lows, the latest)."""
        lowest: _Scored[ReportT] | None = None
        for earlier in reversed(self._by_kind[score.kind]):
            if (score.day - earlier.day).days > days:
                break
            if lowest is None or earlier.pain < lowest.pain:
                lowest = earlier
        return lowest

    def week_pains(self, kind: str, week: int) -> list[int]:
        return self._by_kind_week[kind].get(week, [])

    def first_week(self, kind: str) -> int | None:
        """The earliest programme week with scores of `kind`; None before the first."""
        weeks = self._by_kind_week[kind]
        return min(weeks) if weeks else None

    def usual_level(self) -> _Reference | None:
        """The level a morning score should settle to (see the module notes)."""
        if self._last_before is not None:
            return _Reference(self._last_before.pain, "before", self._last_before.day)
        week = self.first_week("morning")
        if week is None:
            return None
        return _Reference(statistics.fmean(self.week_pains("morning", week)), "first_week", None)


def _validate(report: PainReport) -> None:
    at, pain, kind = report.at, report.pain, report.kind
    if at.tzinfo is None or at.utcoffset() is None:
        raise ValueError(f"check-in time must be an aware datetime, got {at!r}")
    if pain is not None and not 0 <= pain <= 10:
        raise ValueError(f"pain must be 0-10, got {pain!r} at {at.isoformat()}")
    if kind not in CHECK_IN_KINDS:
        raise ValueError(f"kind must be one of {', '.join(CHECK_IN_KINDS)}, got {kind!r}")


def _in_time_order(check_ins: Iterable[ReportT]) -> list[ReportT]:
    """The check-ins, each validated, sorted by time (a stable sort: ties keep their order)."""
    reports = list(check_ins)
    for report in reports:
        _validate(report)
    return sorted(reports, key=lambda report: report.at)


def _scores(reports: Sequence[ReportT], zone: tzinfo | None) -> list[_Scored[ReportT]]:
    """The scored check-ins among `reports` (in time order), with their local days and weeks."""
    days = [
        (report, pain, (report.at.astimezone(zone) if zone is not None else report.at).date())
        for report in reports
        if (pain := report.pain) is not None
    ]
    if not days:
        return []
    first_day = days[0][2]
    scores = []
    for report, pain, day in days:
        week = (day - first_day).days // _WEEK_DAYS
        start = first_day + timedelta(days=week * _WEEK_DAYS)
        scores.append(_Scored(report, pain, report.kind, day, week, start))
    return scores


def _rise_reference(
    score: _Scored[ReportT], history: _History[ReportT], thresholds: PainThresholds
) -> _Reference | None:
    """What `score` is compared with for a rise (see the module notes); None with nothing yet."""
    if score.kind == "morning":
        return history.usual_level()
    lowest = history.lowest_recent(score, thresholds.rise_lookback_days)
    return None if lowest is None else _Reference(lowest.pain, "earlier", lowest.day)


def _level_flag(
    score: _Scored[ReportT], history: _History[ReportT], thresholds: PainThresholds
) -> PainFlag[ReportT] | None:
    """The flag of the score's own level: severe, high or above the acceptable level."""
    pain, where = score.pain, _where(score)
    if pain >= thresholds.urgent_pain:
        reason = Reason(
            N_("Severe pain: {pain}/10 {where} (urgent at {threshold} or more)."),
            {"pain": pain, "where": where, "threshold": thresholds.urgent_pain},
        )
        return PainFlag("urgent", "severe_pain", score.report, reason)
    if pain >= thresholds.critical_pain:
        reason = Reason(
            N_("High pain: {pain}/10 {where} (critical at {threshold} or more)."),
            {"pain": pain, "where": where, "threshold": thresholds.critical_pain},
        )
        return PainFlag("critical", "high_pain", score.report, reason)
    if pain <= thresholds.acceptable_pain:
        return None
    reference = _rise_reference(score, history, thresholds)
    level: FlagLevel = "low"
    values: dict[str, Param] = {
        "pain": pain,
        "where": where,
        "acceptable": thresholds.acceptable_pain,
    }
    if reference is None or reference.value >= pain:
        message = N_(
            "Above the acceptable level: {pain}/10 {where} (acceptable up to {acceptable})."
        )
    else:
        message = N_(
            "Above the acceptable level: {pain}/10 {where}, up {rise} from {reference}"
            " (acceptable up to {acceptable})."
        )
        values |= {"rise": float(pain - reference.value), "reference": _reference_words(reference)}
        if is_important_rise(reference.value, pain, thresholds):
            level = "high"
    return PainFlag(level, "above_acceptable", score.report, Reason(message, values))


def _unsettled(
    score: _Scored[ReportT], history: _History[ReportT], thresholds: PainThresholds
) -> _Unsettled[ReportT] | None:
    """`score` (a morning score) if it is above the usual level by the MIC, else None."""
    usual = history.usual_level()
    if (
        usual is None
        or score.pain <= thresholds.safe_max
        or not is_important_rise(usual.value, score.pain, thresholds)
    ):
        return None
    session = history.last_session
    return _Unsettled(score, usual, session.day if session is not None else None)


def _not_settling_flag(
    previous: _Unsettled[ReportT], current: _Unsettled[ReportT]
) -> PainFlag[ReportT]:
    mornings = tuple(
        Reason(N_("{pain} on {day}"), {"pain": unsettled.score.pain, "day": unsettled.score.day})
        for unsettled in (previous, current)
    )
    session_days = tuple(sorted({u.session_day for u in (previous, current) if u.session_day}))
    usual = (previous.usual, current.usual)
    levels = tuple(dict.fromkeys(round(reference.value, 1) for reference in usual))
    sources = {reference.source for reference in usual}
    if sources == {"before"}:
        if len(session_days) > 1:
            usual_words = Reason(N_("before the sessions it was {levels}"), {"levels": levels})
        else:
            usual_words = Reason(N_("before the session it was {levels}"), {"levels": levels})
    elif sources == {"first_week"}:
        usual_words = Reason(
            N_("their usual morning pain, from their first week, is {levels}"), {"levels": levels}
        )
    else:
        usual_words = Reason(N_("their usual level was {levels}"), {"levels": levels})
    values: dict[str, Param] = {"mornings": mornings, "usual": usual_words}
    if not session_days:
        message = N_("Not settling by the next morning: next-morning pain {mornings}; {usual}.")
    else:
        message = N_(
            "Not settling by the next morning: next-morning pain {mornings} {after}; {usual}."
        )
        if len(session_days) > 1:
            values["after"] = Reason(N_("after sessions on {days}"), {"days": session_days})
        else:
            values["after"] = Reason(N_("after the session on {days}"), {"days": session_days})
    return PainFlag("high", "not_settling", current.score.report, Reason(message, values))


def _rising_flag(
    score: _Scored[ReportT], history: _History[ReportT], thresholds: PainThresholds
) -> PainFlag[ReportT] | None:
    """A flag when this week's mean of `score`'s kind is up by the MIC on the first week's."""
    first = history.first_week(score.kind)
    if first is None or first >= score.week or score.pain <= thresholds.safe_max:
        return None
    pains = [*history.week_pains(score.kind, score.week), score.pain]
    if len(pains) < thresholds.rising_min_check_ins:
        return None
    mean = statistics.fmean(pains)
    first_mean = statistics.fmean(history.week_pains(score.kind, first))
    if mean <= thresholds.safe_max or not is_important_rise(first_mean, mean, thresholds):
        return None
    first_start = score.week_start - timedelta(days=(score.week - first) * _WEEK_DAYS)
    reason = Reason(
        N_plural(
            "Rising week to week: {kind} pain averages {mean} in the week from {week}"
            " ({count} score so far), up from {first_mean} in the week from {first_week}.",
            "Rising week to week: {kind} pain averages {mean} in the week from {week}"
            " ({count} scores so far), up from {first_mean} in the week from {first_week}.",
        ),
        {
            "kind": _SCORE_WORDS[score.kind],
            "mean": mean,
            "week": score.week_start,
            "count": len(pains),
            "first_mean": first_mean,
            "first_week": first_start,
        },
    )
    level: FlagLevel = "high" if mean > thresholds.acceptable_pain else "low"
    return PainFlag(level, "rising", score.report, reason)


def _where(score: _Scored[ReportT]) -> Reason:
    values: dict[str, Param] = {"day": score.day}
    if score.kind == "before":
        return Reason(N_("before the session on {day}"), values)
    if score.kind == "session":
        return Reason(N_("after the session on {day}"), values)
    return Reason(N_("on the morning of {day}"), values)


def _reference_words(reference: _Reference) -> Reason:
    value = round(reference.value, 1)
    if reference.source == "first_week" or reference.day is None:
        return Reason(
            N_("{value}, their mean morning pain in their first week"), {"value": float(value)}
        )
    if reference.source == "before":
        return Reason(
            N_("{value} before the session on {day}"), {"value": value, "day": reference.day}
        )
    return Reason(N_("{value} on {day}"), {"value": value, "day": reference.day})


# --- The coach's view of the trend ------------------------------------------------------------
# `pain_points`, `recent_pains` and `pain_direction` serve the charts, the alerts and /member:
# after-session scores only, so one line is read on one scale of effort (the words are
# `bot.render.coach_texts.pain_trend`'s).

TREND_SUMMARY_LENGTH = 5
"""How many recent pain scores the trend shows by default."""


def pain_points(history: Sequence[CheckIn]) -> list[tuple[datetime, int]]:
    """The scored after-session check-ins as (time, pain) pairs in time order, for a chart."""
    return [
        (check_in.at, check_in.pain)
        for check_in in sorted(history, key=lambda check_in: check_in.at)
        if check_in.pain is not None and check_in.kind == "session"
    ]


PainDirection = Literal["rising", "easing", "steady", "up_and_down"]


def recent_pains(history: Sequence[CheckIn], count: int = TREND_SUMMARY_LENGTH) -> list[int]:
    """The last `count` after-session pain scores, oldest first (the coach's trend line)."""
    return [pain for _, pain in pain_points(history)[-count:]]


def pain_direction(pains: Sequence[int]) -> PainDirection:
    """Where two or more scores went: "rising" (never down, ends higher), "easing" (never up,
    ends lower), "steady" (all the same) or "up_and_down". This is the coach's view of the
    member, not a flag rule (those are `assess`)."""
    pairs = list(itertools.pairwise(pains))
    if all(before == after for before, after in pairs):
        return "steady"
    if all(before <= after for before, after in pairs):
        return "rising"
    if all(before >= after for before, after in pairs):
        return "easing"
    return "up_and_down"
