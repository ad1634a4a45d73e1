"""The coach's pain-trend line, in English: the last after-session scores and their direction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.render.coach_texts import pain_trend
from bot.rules.symptoms import CheckIn

START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def after_sessions(*pains: int | None) -> list[CheckIn]:
    """One check-in after each session, two days apart."""
    return [
        CheckIn(at=START + timedelta(days=2 * index), pain=pain, note=None)
        for index, pain in enumerate(pains)
    ]


@pytest.mark.parametrize(
    ("pains", "summary"),
    [
        ((4, 6, 7), "4 → 6 → 7 (rising)"),
        ((7, 5, 5), "7 → 5 → 5 (easing)"),
        ((3, 3, 3), "3 → 3 → 3 (steady)"),
        ((3, 5, 4), "3 → 5 → 4 (up and down)"),
        ((6,), "6"),
        ((), "no pain scores yet"),
        ((1, 2, 3, 4, 5, 6), "2 → 3 → 4 → 5 → 6 (rising)"),
        ((4, None, 6), "4 → 6 (rising)"),
    ],
)
def test_pain_trend(pains: tuple[int | None, ...], summary: str) -> None:
    assert pain_trend(after_sessions(*pains)) == summary
