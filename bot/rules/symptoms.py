"""Does a member's pain need the coach? Pure rules over their check-ins.

A check-in is the member's 0-10 pain rating (and maybe a note) after a session. The protocols
warn that soreness can be worse after the first sessions while the body gets used to the
movements; what the coach wants to hear about is pain that is still bad, or getting worse, once
the member is a few sessions in ("reach out if you are still feeling this way after a few
sessions"). Every number below comes from `SymptomThresholds`, which the caller passes in.

How the check-ins are read:

- They are put in time order first, so the caller may pass them in any order.
- A check-in with no pain score (a note only) is left out of every trend and of the baseline.
- The grace period: check-ins from the member's first `grace_sessions` sessions never count
  towards a worsening flag. A check-in with no session number (a note sent between sessions)
  belongs to the most recent session before it; one sent before any session is part of no
  session and never counts towards a flag either.
- The baseline is the median pain of the member's first `BASELINE_CHECK_INS` scored check-ins,
  grace sessions included. The median, not the mean, so one unusually bad or good day at the
  start does not move it. Its limit: if the member was already very sore in those first
  check-ins the baseline is high and the baseline rule speaks up later; the other two rules
  do not depend on it.
"""

from __future__ import annotations

import itertools
import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Literal, NamedTuple

from bot.config import SymptomThresholds

BASELINE_CHECK_INS = 3
"""How many of the member's first scored check-ins make up their baseline."""

TREND_SUMMARY_LENGTH = 5
"""How many recent pain scores `trend_summary` shows by default."""

_ARROW = " → "


@dataclass(frozen=True)
class CheckIn:
    """One check-in from a member.

    `pain` is 0-10, or None when the member only wrote a note. `session_number` is 1 for the
    check-in after the member's first session, 2 after the second, and so on; None when the
    check-in is not tied to a session.
    """

    at: datetime
    pain: int | None
    note: str | None
    session_number: int | None


@dataclass(frozen=True)
class FlagDecision:
    """A reason to bring a member to the coach's attention.

    `kind` is "worsening" (the coach should follow up) or "urgent" (the member should see a
    clinician now). `reason` is a plain sentence for the coach.
    """

    kind: Literal["worsening", "urgent"]
    reason: str


class _Score(NamedTuple):
    """A check-in that has a pain score, with the number of sessions done by then."""

    pain: int
    sessions_done: int


def pain_points(history: Sequence[CheckIn]) -> list[tuple[datetime, int]]:
    """The scored check-ins as (time, pain) pairs in time order, ready for a chart."""
    return [
        (check_in.at, check_in.pain)
        for check_in in _chronological(history)
        if check_in.pain is not None
    ]


def baseline(history: Sequence[CheckIn], count: int = BASELINE_CHECK_INS) -> float | None:
    """The median pain of the member's first `count` scored check-ins; None if they have none."""
    first = [pain for _, pain in pain_points(history)[:count]]
    return float(statistics.median(first)) if first else None


def worsening_flag(
    history: Sequence[CheckIn], thresholds: SymptomThresholds
) -> FlagDecision | None:
    """Whether the member's pain is not easing the way it should, and why.

    Only scored check-ins after the grace sessions count (see the module notes). The rules are
    tried in this order and the first that holds gives the reason:

    1. Persistent: the last `window` check-ins all have pain at or above `persistent_pain`.
    2. Rising: the last `window` check-ins never go down and the last one is higher than the
       first (4, 4, 6 is rising; 4, 6, 5 is not).
    3. Above baseline: the latest check-in is at least `rise_over_baseline` points above the
       member's baseline. This one needs only a single check-in after the grace sessions.

    Returns None when no rule holds, including when there are too few check-ins to judge.
    """
    scores = _after_grace(history, thresholds.grace_sessions)
    if not scores:
        return None
    recent = scores[-thresholds.window :]
    if len(recent) == thresholds.window:
        pains = [score.pain for score in recent]
        where = f"over the last {len(recent)} check-ins, up to session {recent[-1].sessions_done}"
        if min(pains) >= thresholds.persistent_pain:
            listed = ", ".join(str(pain) for pain in pains)
            return FlagDecision(
                "worsening",
                f"Pain {listed} {where} — not easing (threshold {thresholds.persistent_pain}).",
            )
        if _direction(pains) == "rising":
            return FlagDecision("worsening", f"Pain rising {where}: {_arrows(pains)}.")
    start = baseline(history)
    latest = scores[-1].pain
    if start is not None and latest - start >= thresholds.rise_over_baseline:
        rise = latest - start
        points = "point" if rise == 1 else "points"
        return FlagDecision(
            "worsening",
            f"Pain {latest} is {_number(rise)} {points} above their baseline of {_number(start)}.",
        )
    return None


def trend_summary(history: Sequence[CheckIn], count: int = TREND_SUMMARY_LENGTH) -> str:
    """The last `count` pain scores with their direction, e.g. "4 → 6 → 7 (rising)".

    The direction is "rising" (never down, ends higher), "easing" (never up, ends lower),
    "steady" (all the same) or "up and down". Grace sessions are included: this is for the
    coach's view of the member, not a flag rule.
    """
    pains = [pain for _, pain in pain_points(history)[-count:]]
    if not pains:
        return "no pain scores yet"
    if len(pains) == 1:
        return str(pains[0])
    return f"{_arrows(pains)} ({_direction(pains)})"


def _chronological(history: Sequence[CheckIn]) -> list[CheckIn]:
    return sorted(history, key=lambda check_in: check_in.at)


def _after_grace(history: Sequence[CheckIn], grace_sessions: int) -> list[_Score]:
    """The scored check-ins made once more than `grace_sessions` sessions were done."""
    scores: list[_Score] = []
    sessions_done = 0
    for check_in in _chronological(history):
        if check_in.session_number is not None:
            sessions_done = max(sessions_done, check_in.session_number)
        if check_in.pain is not None and sessions_done > grace_sessions:
            scores.append(_Score(check_in.pain, sessions_done))
    return scores


def _direction(pains: Sequence[int]) -> str:
    pairs = list(itertools.pairwise(pains))
    if all(before == after for before, after in pairs):
        return "steady"
    if all(before <= after for before, after in pairs):
        return "rising"
    if all(before >= after for before, after in pairs):
        return "easing"
    return "up and down"


def _arrows(pains: Sequence[int]) -> str:
    return _ARROW.join(str(pain) for pain in pains)


def _number(value: float) -> str:
    """4.0 as "4", 4.5 as "4.5"."""
    return f"{value:g}"
