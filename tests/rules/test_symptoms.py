"""The coach's view of the pain trend: after-session scores in time order, and their direction.
(The flag rules are `assess`: tests/rules/test_symptoms_assess.py.)"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.rules.symptoms import (
    CheckIn,
    CheckInKind,
    pain_direction,
    pain_points,
    recent_pains,
)

START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)


def after_sessions(*pains: int | None) -> list[CheckIn]:
    """One check-in after each session, two days apart."""
    return [
        CheckIn(
            at=START + timedelta(days=2 * index),
            pain=pain,
            note=None if pain is not None else "just a note",
        )
        for index, pain in enumerate(pains)
    ]


def test_pain_points_are_scored_check_ins_in_time_order() -> None:
    history = after_sessions(3, None, 5)

    assert pain_points(list(reversed(history))) == [
        (START, 3),
        (START + timedelta(days=4), 5),
    ]


@pytest.mark.parametrize("kind", ["before", "morning"])
def test_pain_points_leave_out_scores_not_given_after_a_session(kind: CheckInKind) -> None:
    other = CheckIn(START + timedelta(hours=15), pain=6, kind=kind)

    assert pain_points([*after_sessions(3), other]) == [(START, 3)]


@pytest.mark.parametrize(
    ("pains", "direction"),
    [
        ((4, 6, 7), "rising"),
        ((7, 5, 5), "easing"),
        ((3, 3, 3), "steady"),
        ((3, 5, 4), "up_and_down"),
    ],
)
def test_pain_direction(pains: tuple[int, ...], direction: str) -> None:
    assert pain_direction(pains) == direction


@pytest.mark.parametrize(
    ("pains", "recent"),
    [((1, 2, 3, 4, 5, 6), [2, 3, 4, 5, 6]), ((4, None, 6), [4, 6]), ((), [])],
    ids=["the-last-five", "scored-only", "none"],
)
def test_recent_pains(pains: tuple[int | None, ...], recent: list[int]) -> None:
    assert recent_pains(after_sessions(*pains)) == recent
