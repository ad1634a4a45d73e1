"""The weekly cap: ISO weeks in the member's zone, counts per workout, the workout due."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from zones import KATHMANDU, KIRITIMATI, LONDON, NEW_YORK, SAO_PAULO, at_local

from bot.rules.weekly_cap import (
    DoneSession,
    WorkoutCap,
    WorkoutChoice,
    choose_workout,
    sessions_this_week,
)

DAY_1_DAY_2 = (WorkoutCap("day-1", 3), WorkoutCap("day-2", 3))
CIRCUITS = (WorkoutCap("circuits", 3),)


def done(key: str, moment: datetime) -> DoneSession:
    return DoneSession(key, moment)


# --- sessions_this_week --------------------------------------------------------------------


def test_sessions_this_week_counts_each_workout() -> None:
    history = [
        done("day-1", at_local(LONDON, 2026, 6, 8, 18, 0)),
        done("day-2", at_local(LONDON, 2026, 6, 10, 18, 0)),
        done("day-1", at_local(LONDON, 2026, 6, 12, 18, 0)),
    ]
    now = at_local(LONDON, 2026, 6, 13, 9, 0)
    assert sessions_this_week(history, now, LONDON) == {"day-1": 2, "day-2": 1}


def test_sessions_this_week_ignores_last_and_next_week() -> None:
    history = [
        done("day-1", at_local(LONDON, 2026, 6, 7, 23, 59)),
        done("day-1", at_local(LONDON, 2026, 6, 15, 0, 0)),
    ]
    assert sessions_this_week(history, at_local(LONDON, 2026, 6, 10, 12, 0), LONDON) == {}


def test_sessions_across_new_year_count_in_the_same_iso_week() -> None:
    history = [
        done("circuits", at_local(SAO_PAULO, 2026, 12, 29, 7, 0)),
        done("circuits", at_local(SAO_PAULO, 2027, 1, 2, 7, 0)),
        done("circuits", at_local(SAO_PAULO, 2027, 1, 4, 7, 0)),
    ]
    now = at_local(SAO_PAULO, 2026, 12, 31, 12, 0)
    assert sessions_this_week(history, now, SAO_PAULO) == {"circuits": 2}


def test_session_counts_in_the_members_local_week_not_utc() -> None:
    # Sunday 20:00 UTC is Monday 10:00 in Kiritimati: the new local week.
    history = [done("circuits", datetime(2026, 3, 1, 20, 0, tzinfo=UTC))]
    now = at_local(KIRITIMATI, 2026, 3, 3, 9, 0)
    assert sessions_this_week(history, now, KIRITIMATI) == {"circuits": 1}


# --- choose_workout ------------------------------------------------------------------------

NOW = at_local(LONDON, 2026, 6, 12, 18, 0)  # a Friday


def test_first_workout_is_due_with_no_history() -> None:
    choice = choose_workout(DAY_1_DAY_2, [], NOW, LONDON)
    assert choice == WorkoutChoice("day-1", done_this_week=0, cap=3, remaining_this_week=3)


def test_day_2_follows_day_1() -> None:
    history = [done("day-1", at_local(LONDON, 2026, 6, 10, 18, 0))]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice is not None
    assert choice.key == "day-2"


def test_day_1_follows_day_2() -> None:
    history = [
        done("day-1", at_local(LONDON, 2026, 6, 8, 18, 0)),
        done("day-2", at_local(LONDON, 2026, 6, 10, 18, 0)),
    ]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice == WorkoutChoice("day-1", done_this_week=1, cap=3, remaining_this_week=2)


def test_alternation_carries_over_from_last_week() -> None:
    history = [done("day-1", at_local(LONDON, 2026, 6, 5, 18, 0))]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice == WorkoutChoice("day-2", done_this_week=0, cap=3, remaining_this_week=3)


def test_last_session_is_the_latest_finished_not_the_last_listed() -> None:
    history = [
        done("day-2", at_local(LONDON, 2026, 6, 10, 18, 0)),
        done("day-1", at_local(LONDON, 2026, 6, 8, 18, 0)),
    ]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice is not None
    assert choice.key == "day-1"


def test_workout_at_cap_is_passed_over() -> None:
    caps = (WorkoutCap("day-1", 3), WorkoutCap("day-2", 1))
    history = [
        done("day-1", at_local(LONDON, 2026, 6, 8, 18, 0)),
        done("day-2", at_local(LONDON, 2026, 6, 9, 18, 0)),
        done("day-1", at_local(LONDON, 2026, 6, 10, 18, 0)),
    ]
    choice = choose_workout(caps, history, NOW, LONDON)
    assert choice == WorkoutChoice("day-1", done_this_week=2, cap=3, remaining_this_week=1)


def test_nothing_is_due_when_every_workout_is_at_cap() -> None:
    history = [
        done(key, at_local(LONDON, 2026, 6, day, 18, 0))
        for day, key in zip(range(8, 14), ["day-1", "day-2"] * 3, strict=True)
    ]
    assert choose_workout(DAY_1_DAY_2, history, at_local(LONDON, 2026, 6, 14, 9, 0), LONDON) is None


def test_single_workout_is_due_until_its_cap() -> None:
    history = [done("circuits", at_local(KATHMANDU, 2026, 6, d, 7, 0)) for d in (8, 10)]
    choice = choose_workout(CIRCUITS, history, at_local(KATHMANDU, 2026, 6, 12, 7, 0), KATHMANDU)
    assert choice == WorkoutChoice("circuits", done_this_week=2, cap=3, remaining_this_week=1)


def test_single_workout_at_cap_is_not_due() -> None:
    history = [done("circuits", at_local(KATHMANDU, 2026, 6, d, 7, 0)) for d in (8, 10, 12)]
    assert (
        choose_workout(CIRCUITS, history, at_local(KATHMANDU, 2026, 6, 13, 7, 0), KATHMANDU) is None
    )


def test_cap_comes_from_the_protocol() -> None:
    history = [done("circuits", at_local(LONDON, 2026, 6, d, 7, 0)) for d in (8, 10, 12)]
    choice = choose_workout((WorkoutCap("circuits", 5),), history, NOW, LONDON)
    assert choice == WorkoutChoice("circuits", done_this_week=3, cap=5, remaining_this_week=2)


def test_workout_with_cap_zero_is_never_due() -> None:
    caps = (WorkoutCap("day-1", 0), WorkoutCap("day-2", 3))
    choice = choose_workout(caps, [], NOW, LONDON)
    assert choice is not None
    assert choice.key == "day-2"


def test_cap_resets_on_local_monday() -> None:
    history = [done("circuits", at_local(NEW_YORK, 2026, 6, d, 7, 0)) for d in (9, 11, 13)]
    choice = choose_workout(CIRCUITS, history, at_local(NEW_YORK, 2026, 6, 15, 0, 30), NEW_YORK)
    assert choice == WorkoutChoice("circuits", done_this_week=0, cap=3, remaining_this_week=3)


def test_workout_no_longer_in_protocol_restarts_from_first() -> None:
    history = [done("old-workout", at_local(LONDON, 2026, 6, 10, 18, 0))]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice is not None
    assert choice.key == "day-1"


def test_sessions_after_now_are_ignored() -> None:
    history = [done("day-1", NOW + timedelta(minutes=1))]
    choice = choose_workout(DAY_1_DAY_2, history, NOW, LONDON)
    assert choice == WorkoutChoice("day-1", done_this_week=0, cap=3, remaining_this_week=3)


def test_no_workouts_means_nothing_due() -> None:
    assert choose_workout((), [], NOW, LONDON) is None


def test_duplicate_workout_keys_are_refused() -> None:
    with pytest.raises(ValueError, match="unique"):
        choose_workout((WorkoutCap("a", 3), WorkoutCap("a", 3)), [], NOW, LONDON)


def test_negative_cap_is_refused() -> None:
    with pytest.raises(ValueError, match="weekly_cap"):
        WorkoutCap("day-1", -1)


def test_naive_finished_at_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        DoneSession("day-1", datetime(2026, 6, 1, 18, 0))
