"""Pain zones: what a 0-10 score means, for the words said back to the member."""

from __future__ import annotations

import pytest

from bot.config import PainThresholds
from bot.rules.pain_zone import pain_zone


@pytest.mark.parametrize(
    ("pain", "zone"),
    [
        (0, "none"),
        (1, "safe"),
        (3, "safe"),
        (4, "acceptable"),
        (5, "acceptable"),
        (6, "above_acceptable"),
        (7, "critical"),
        (8, "critical"),
        (9, "urgent"),
        (10, "urgent"),
    ],
)
def test_each_score_falls_in_its_zone_with_the_default_thresholds(pain: int, zone: str) -> None:
    assert pain_zone(pain) == zone


def test_the_zones_follow_the_configured_thresholds() -> None:
    thresholds = PainThresholds.model_construct(
        safe_max=2, acceptable_pain=4, critical_pain=6, urgent_pain=8
    )
    assert [pain_zone(pain, thresholds) for pain in (2, 3, 5, 6, 8)] == [
        "safe",
        "acceptable",
        "above_acceptable",
        "critical",
        "urgent",
    ]
