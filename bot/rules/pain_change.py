"""How much a pain score has to change to matter: the minimal important change (MIC).

Ostelo et al. 2008 (Spine 33:90), the consensus for low back pain: about 2 points on the 0-10
numeric pain scale, or 30 % from baseline. Both numbers come from `PainThresholds`.

What "30 %" means near zero: read with a plain "or", the percentage would make tiny changes
important at low pain. 30 % of 1 is 0.3 points and 30 % of 3 is 0.9, so from a score of 3 a
one-point wobble (3 → 4, 33 %) would count: less than one step of a scale of whole points, and
exactly the noise inside 0-3 that Ostelo warns about. So the percentage only counts from a
reference above the safe zone (`safe_max`, 3); from 0-3 it takes the full 2 points.

For single whole-point scores this comes to 2 points from every reference: from 4 to 6 the
percentage asks for 1.2 to 1.8 points, which a whole-point score can only meet by moving 2, and
from 7 up 2 points is less than 30 %. The percentage matters for means: a weekly mean rising
from 4.0 to 5.2 (30 %) is an important change, one rising from 3.0 to 4.0 is not.
"""

from __future__ import annotations

from bot.config import PainThresholds

_TOLERANCE = 1e-9
"""Means of whole scores are compared with this slack, so 30 % of 6.666… reads as 2 points."""


def important_change(reference: float, thresholds: PainThresholds) -> float:
    """How many points away from `reference` a score must be to be an important change."""
    if reference <= thresholds.safe_max:
        return float(thresholds.mic_points)
    return min(float(thresholds.mic_points), reference * thresholds.mic_percent / 100)


def is_important_rise(reference: float, value: float, thresholds: PainThresholds) -> bool:
    """Whether `value` is above `reference` by at least the minimal important change."""
    return value - reference >= important_change(reference, thresholds) - _TOLERANCE


def is_important_fall(reference: float, value: float, thresholds: PainThresholds) -> bool:
    """Whether `value` is below `reference` by at least the minimal important change."""
    return reference - value >= important_change(reference, thresholds) - _TOLERANCE
