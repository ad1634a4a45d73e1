"""Dosage timers and the model rules, checked directly on the models (the wording of a
dosage is `bot.render.protocol_text`'s: tests/render/test_dosage_text.py)."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from protocols.schema import Block, Dosage, Exercise, Protocol


def test_hold_is_timed_in_its_seconds() -> None:
    assert Dosage(sets=3, hold_seconds=45).timed_seconds == 45


def test_minutes_are_timed_in_seconds() -> None:
    assert Dosage(minutes=1.5).timed_seconds == 90


def test_reps_are_not_timed() -> None:
    assert Dosage(reps=10, alt_hold_seconds=30).timed_seconds is None


def test_dosage_without_an_amount_is_refused() -> None:
    with pytest.raises(ValidationError, match="missing dosage"):
        Dosage(sets=3)


def test_models_are_frozen() -> None:
    dosage = Dosage(reps=5)
    with pytest.raises(ValidationError):
        dosage.reps = 6  # type: ignore[misc]


def test_numeric_labels_are_read_as_text() -> None:
    block = Block.model_validate(
        {
            "label": 1,
            "kind": "circuit",
            "rounds": 3,
            "exercises": [
                {"label": "1a", "name": "X", "dosage": {"reps": 5}},
                {"label": "1b", "name": "Y", "dosage": {"reps": 5}},
            ],
        }
    )
    assert block.label == "1"


def test_protocol_finds_a_workout_by_key(back_pain: Protocol) -> None:
    assert back_pain.workout("day-2").title == "Recovery and Movement"


def test_protocol_raises_key_error_for_an_unknown_workout(back_pain: Protocol) -> None:
    with pytest.raises(KeyError, match="day-9"):
        back_pain.workout("day-9")


def test_exercise_needs_a_name() -> None:
    with pytest.raises(ValidationError):
        Exercise(label="A", name=" ", dosage=Dosage(reps=1))


def test_equal_workouts_hash_alike_so_they_can_key_a_cache(back_pain: Protocol) -> None:
    workout = back_pain.workout("day-1")
    copy = type(workout).model_validate(workout.model_dump())
    assert copy is not workout
    assert {workout: 1}[copy] == 1
