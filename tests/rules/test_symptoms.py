"""Worsening flags: soreness after the first sessions is expected; still bad later is not."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

import pytest

from bot.config import SymptomThresholds
from bot.rules.symptoms import CheckIn, baseline, pain_points, trend_summary, worsening_flag

START = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
THRESHOLDS = SymptomThresholds(
    grace_sessions=2, window=3, persistent_pain=5, rise_over_baseline=2, urgent_pain=9
)


def after_sessions(*pains: int | None, first_session: int = 1) -> list[CheckIn]:
    """One check-in after each session, two days apart, numbered from `first_session`."""
    return [
        CheckIn(
            at=START + timedelta(days=2 * index),
            pain=pain,
            note=None if pain is not None else "just a note",
            session_number=first_session + index,
        )
        for index, pain in enumerate(pains)
    ]


def flag_reason(history: Sequence[CheckIn]) -> str:
    decision = worsening_flag(history, THRESHOLDS)
    assert decision is not None
    assert decision.kind == "worsening"
    return decision.reason


def test_pain_staying_at_the_threshold_after_the_grace_sessions_is_flagged() -> None:
    reason = flag_reason(after_sessions(4, 4, 6, 7, 7))

    assert reason == (
        "Pain 6, 7, 7 over the last 3 check-ins, up to session 5 — not easing (threshold 5)."
    )


def test_pain_rising_below_the_threshold_is_flagged() -> None:
    reason = flag_reason(after_sessions(4, 3, 2, 3, 4))

    assert reason == "Pain rising over the last 3 check-ins, up to session 5: 2 → 3 → 4."


def test_a_plateau_then_a_rise_counts_as_rising() -> None:
    reason = flag_reason(after_sessions(3, 3, 3, 3, 4))

    assert reason.startswith("Pain rising")


def test_pain_well_above_the_baseline_is_flagged() -> None:
    reason = flag_reason(after_sessions(2, 2, 2, 4))

    assert reason == "Pain 4 is 2 points above their baseline of 2."


def test_rise_over_baseline_needs_only_one_check_in_after_the_grace_sessions() -> None:
    assert worsening_flag(after_sessions(1, 2, 4), THRESHOLDS) is not None


def test_a_baseline_of_two_scores_can_be_a_half_point() -> None:
    reason = flag_reason(after_sessions(1, 6, first_session=2))

    assert reason == "Pain 6 is 2.5 points above their baseline of 3.5."


def test_persistent_pain_wins_over_the_other_rules() -> None:
    reason = flag_reason(after_sessions(1, 1, 5, 6, 7))

    assert "not easing" in reason


def test_worse_after_the_first_two_sessions_only_is_not_flagged() -> None:
    assert worsening_flag(after_sessions(3, 8, 9), THRESHOLDS) is None


def test_high_pain_in_the_grace_sessions_does_not_fill_the_window() -> None:
    assert worsening_flag(after_sessions(7, 7, 7, 4), THRESHOLDS) is None


def test_improving_pain_is_not_flagged() -> None:
    assert worsening_flag(after_sessions(6, 7, 6, 5, 4, 3), THRESHOLDS) is None


def test_steady_low_pain_is_not_flagged() -> None:
    assert worsening_flag(after_sessions(3, 3, 3, 3, 3), THRESHOLDS) is None


def test_up_and_down_pain_under_the_threshold_is_not_flagged() -> None:
    assert worsening_flag(after_sessions(3, 3, 3, 4, 3, 4), THRESHOLDS) is None


def test_no_check_ins_is_not_flagged() -> None:
    assert worsening_flag([], THRESHOLDS) is None


def test_note_only_check_ins_are_skipped_in_the_trend() -> None:
    history = after_sessions(3, 3, 2, None, 3, None, 4)

    assert flag_reason(history) == (
        "Pain rising over the last 3 check-ins, up to session 7: 2 → 3 → 4."
    )


def test_a_note_only_check_in_does_not_break_a_persistent_run() -> None:
    history = after_sessions(3, 3, 6, 6, None, 6)

    assert "Pain 6, 6, 6" in flag_reason(history)


def test_check_ins_are_read_in_time_order_whatever_order_they_come_in() -> None:
    history = after_sessions(4, 4, 6, 7, 7)

    assert worsening_flag(list(reversed(history)), THRESHOLDS) == worsening_flag(
        history, THRESHOLDS
    )


def test_a_check_in_between_sessions_belongs_to_the_session_before_it() -> None:
    in_grace = CheckIn(START + timedelta(days=3), pain=9, note="ouch", session_number=None)
    history = [*after_sessions(2, 2), in_grace]

    assert worsening_flag(history, THRESHOLDS) is None


def test_a_check_in_between_sessions_after_the_grace_sessions_counts() -> None:
    between = CheckIn(START + timedelta(days=5), pain=6, note="worse today", session_number=None)
    history = [*after_sessions(2, 2, 3), between]

    assert flag_reason(history) == "Pain 6 is 4 points above their baseline of 2."


def test_with_no_grace_sessions_the_first_session_counts() -> None:
    thresholds = THRESHOLDS.model_copy(update={"grace_sessions": 0})

    assert worsening_flag(after_sessions(6, 6, 6), thresholds) is not None


def test_a_check_in_before_the_first_session_never_counts_towards_a_flag() -> None:
    before_start = CheckIn(START - timedelta(days=1), pain=6, note=None, session_number=None)
    thresholds = THRESHOLDS.model_copy(update={"grace_sessions": 0})

    assert worsening_flag([before_start, *after_sessions(6, 6)], thresholds) is None


def test_a_longer_window_needs_more_check_ins() -> None:
    thresholds = THRESHOLDS.model_copy(update={"window": 4})

    assert worsening_flag(after_sessions(6, 6, 6, 6, 6), thresholds) is None


def test_baseline_is_the_median_of_the_first_three_scores() -> None:
    assert baseline(after_sessions(2, 9, 3, 8, 8)) == 3.0


def test_baseline_skips_note_only_check_ins() -> None:
    assert baseline(after_sessions(None, 4, 6)) == 5.0


def test_baseline_of_no_scores_is_none() -> None:
    assert baseline(after_sessions(None)) is None


def test_pain_points_are_scored_check_ins_in_time_order() -> None:
    history = after_sessions(3, None, 5)

    assert pain_points(list(reversed(history))) == [
        (START, 3),
        (START + timedelta(days=4), 5),
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
def test_trend_summary(pains: tuple[int | None, ...], summary: str) -> None:
    assert trend_summary(after_sessions(*pains)) == summary
