"""A workout unrolls into one step per set, in the order the coach's posts describe."""

from __future__ import annotations

from protocols.expand import Step, expand_workout
from protocols.schema import Block, Dosage, Exercise, Protocol, Workout


def sequence(steps: list[Step]) -> list[tuple[str, int]]:
    return [(step.exercise.label, step.set_number) for step in steps]


def test_day_1_runs_single_sets_then_alternates_each_superset(back_pain: Protocol) -> None:
    steps = expand_workout(back_pain.workout("day-1"))
    assert sequence(steps) == [
        ("A", 1), ("A", 2), ("A", 3),
        ("C", 1),
        ("D", 1),
        ("E1", 1), ("E2", 1), ("E1", 2), ("E2", 2), ("E1", 3), ("E2", 3),
        ("F1", 1), ("F2", 1), ("F1", 2), ("F2", 2), ("F1", 3), ("F2", 3),
        ("G", 1), ("G", 2),
        ("H", 1),
    ]  # fmt: skip


def test_day_2_runs_one_step_per_set(back_pain: Protocol) -> None:
    steps = expand_workout(back_pain.workout("day-2"))
    assert sequence(steps) == [("A", 1), ("B", 1), ("B", 2), ("D", 1), ("D", 2)]


def test_circuits_repeat_all_members_for_three_rounds_before_moving_on(seven: Protocol) -> None:
    steps = expand_workout(seven.workouts[0])
    labels_and_rounds = [(step.exercise.label, step.round_number) for step in steps]
    assert labels_and_rounds == [
        ("1a", 1), ("1b", 1), ("1a", 2), ("1b", 2), ("1a", 3), ("1b", 3),
        ("2a", 1), ("2b", 1), ("2a", 2), ("2b", 2), ("2a", 3), ("2b", 3),
        ("3a", 1), ("3b", 1), ("3c", 1),
        ("3a", 2), ("3b", 2), ("3c", 2),
        ("3a", 3), ("3b", 3), ("3c", 3),
    ]  # fmt: skip


def test_seven_exercise_workout_has_21_steps(seven: Protocol) -> None:
    assert len(expand_workout(seven.workouts[0])) == 21


def test_step_indexes_count_from_zero_in_order(back_pain: Protocol) -> None:
    steps = expand_workout(back_pain.workout("day-1"))
    assert [step.index for step in steps] == list(range(len(steps)))


def test_circuit_set_number_is_the_round_number(seven: Protocol) -> None:
    steps = expand_workout(seven.workouts[0])
    assert all(step.set_number == step.round_number for step in steps)
    assert {(step.set_count, step.round_count) for step in steps} == {(3, 3)}


def test_steps_outside_circuits_have_no_round(back_pain: Protocol) -> None:
    steps = expand_workout(back_pain.workout("day-1"))
    assert {(step.round_number, step.round_count) for step in steps} == {(None, None)}


def test_superset_position_names_the_set(back_pain: Protocol) -> None:
    step = expand_workout(back_pain.workout("day-1"))[7]
    assert (step.exercise.label, step.position) == ("E1", "Superset E — set 2 of 3")


def test_circuit_position_names_the_round(seven: Protocol) -> None:
    step = expand_workout(seven.workouts[0])[1]
    assert (step.exercise.label, step.position) == ("1b", "Circuit 1 — round 1 of 3")


def test_single_block_position_names_the_set(back_pain: Protocol) -> None:
    step = expand_workout(back_pain.workout("day-1"))[0]
    assert step.position == "Block A — set 1 of 3"


def test_single_set_position_is_just_the_block(back_pain: Protocol) -> None:
    step = expand_workout(back_pain.workout("day-1"))[3]
    assert (step.exercise.label, step.position) == ("C", "Block C")


def _exercise(label: str, sets: int) -> Exercise:
    return Exercise(label=label, name=label, dosage=Dosage(sets=sets, reps=5))


def test_superset_partner_with_fewer_sets_drops_out_when_done() -> None:
    block = Block(label="E", kind="superset", exercises=[_exercise("E1", 3), _exercise("E2", 1)])
    workout = Workout(key="w", title="W", intent="I", weekly_cap=1, blocks=[block])
    assert sequence(expand_workout(workout)) == [("E1", 1), ("E2", 1), ("E1", 2), ("E1", 3)]


def test_steps_are_hashable_values(back_pain: Protocol) -> None:
    workout = back_pain.workout("day-1")
    assert set(expand_workout(workout)) == set(expand_workout(workout))
    assert len(set(expand_workout(workout))) == 20
