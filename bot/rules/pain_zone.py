"""Which zone of the pain-monitoring model a 0-10 score falls in (Thomeé 1997): the words the
member hears about their score follow it."""

from __future__ import annotations

from typing import Literal

from bot.config import DEFAULT_PAIN_THRESHOLDS, PainThresholds

PainZone = Literal["none", "safe", "acceptable", "above_acceptable", "critical", "urgent"]


def pain_zone(pain: int, thresholds: PainThresholds = DEFAULT_PAIN_THRESHOLDS) -> PainZone:
    """none (0), safe (up to `safe_max`), acceptable (up to `acceptable_pain`), above
    acceptable (below `critical_pain`), critical (below `urgent_pain`), urgent."""
    if pain <= 0:
        return "none"
    if pain <= thresholds.safe_max:
        return "safe"
    if pain <= thresholds.acceptable_pain:
        return "acceptable"
    if pain < thresholds.critical_pain:
        return "above_acceptable"
    if pain < thresholds.urgent_pain:
        return "critical"
    return "urgent"
