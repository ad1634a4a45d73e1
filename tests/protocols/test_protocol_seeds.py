# ruff: noqa: RUF001  (the coach spells "CAR's" with a typographic apostrophe)
"""The bundled protocols say exactly what the coach's two blog posts say.

Expectations are transcribed from /work/shared/seeds/*.txt (the coach's posts), not from the
YAML files: label, exact name, sets, amount, per-side wording and "or more".
"""

from __future__ import annotations

import pytest

from protocols.schema import Dosage, Protocol

# Lower Back Pain Relief LVL. 1, "Day 1 - Strengthening and Lengthening".
DAY_1 = [
    ("A", "Crawling", Dosage(sets=3, minutes=1)),  # 3 sets of 1 min
    ("C", "Bridge & Tuck", Dosage(reps=10)),  # 10 reps
    ("D", "Lower Back CAR’s", Dosage(reps=5)),  # 5 reps
    ("E1", "Copenhagen Progression", Dosage(sets=3, reps=10, alt_hold_seconds=30)),
    ("E2", "Glute Medius Stretch", Dosage(sets=3, hold_seconds=45)),
    ("F1", "Side Kick", Dosage(sets=3, reps=10, per="side")),  # 3 sets of 10/side
    ("F2", "Standing Pancake", Dosage(sets=3, hold_seconds=45)),
    ("G", "Jefferson Curls", Dosage(sets=2, reps=10)),
    # 1 min per leg per side (or more!)
    ("H", "90-90 Stretches", Dosage(minutes=1, per="leg_and_side", or_more=True)),
]
# "Day 2 - Recovery and Movement".
DAY_2 = [
    ("A", "Hip CAR’s", Dosage(reps=5, per="leg")),
    ("B", "Couch Stretch Hip Flexor", Dosage(sets=2, hold_seconds=60, per="leg")),
    ("D", "9090 Stretches", Dosage(sets=2, minutes=1, per="leg_and_side")),  # 2 rounds
]
# 7 Exercise Protocol: "3 x 5ea" is 3 rounds of the circuit, 5 each side per round.
SEVEN = [
    ("1a", "Side Lying Thoracic Sweep", Dosage(reps=5, per="each")),
    ("1b", "Hip CARs", Dosage(reps=3, per="each_way")),  # 3 x 3ea way
    ("2a", "Cross Tension Deadbugs", Dosage(reps=5, per="each")),
    ("2b", "Rockback T-Spine rotations", Dosage(reps=6, per="each")),
    ("3a", "Single Leg Glute Bridge", Dosage(reps=12, per="each")),
    ("3b", "Hamstring Lowering", Dosage(reps=8, per="each")),
    ("3c", "Worlds Greatest Stretch", Dosage(reps=5, per="each")),
]


def exercises_of(protocol: Protocol, key: str) -> list[tuple[str, str, Dosage]]:
    workout = protocol.workout(key)
    return [
        (exercise.label, exercise.name, exercise.dosage)
        for block in workout.blocks
        for exercise in block.exercises
    ]


def test_day_1_has_every_exercise_with_the_coachs_name_and_dosage(back_pain: Protocol) -> None:
    assert exercises_of(back_pain, "day-1") == DAY_1


def test_day_2_has_every_exercise_with_the_coachs_name_and_dosage(back_pain: Protocol) -> None:
    assert exercises_of(back_pain, "day-2") == DAY_2


def test_seven_exercise_protocol_has_every_exercise_with_name_and_reps(seven: Protocol) -> None:
    [workout] = seven.workouts
    assert exercises_of(seven, workout.key) == SEVEN


def test_back_pain_protocol_has_the_two_workouts_in_order(back_pain: Protocol) -> None:
    titles = [(workout.key, workout.title) for workout in back_pain.workouts]
    assert titles == [
        ("day-1", "Strengthening and Lengthening"),
        ("day-2", "Recovery and Movement"),
    ]


def test_day_1_keeps_the_coachs_block_letters_with_no_b(back_pain: Protocol) -> None:
    blocks = [(block.label, block.kind) for block in back_pain.workout("day-1").blocks]
    assert blocks == [
        ("A", "single"),
        ("C", "single"),
        ("D", "single"),
        ("E", "superset"),
        ("F", "superset"),
        ("G", "single"),
        ("H", "single"),
    ]


def test_day_2_keeps_the_coachs_block_letters_with_no_c(back_pain: Protocol) -> None:
    assert [block.label for block in back_pain.workout("day-2").blocks] == ["A", "B", "D"]


def test_each_back_pain_workout_is_capped_at_three_a_week(back_pain: Protocol) -> None:
    assert [workout.weekly_cap for workout in back_pain.workouts] == [3, 3]


def test_day_1_takes_15_to_20_minutes(back_pain: Protocol) -> None:
    assert back_pain.workout("day-1").expected_minutes == (15, 20)


def test_seven_exercise_protocol_is_three_circuits_of_three_rounds(seven: Protocol) -> None:
    [workout] = seven.workouts
    circuits = [
        (block.label, block.kind, block.rounds, [exercise.label for exercise in block.exercises])
        for block in workout.blocks
    ]
    assert circuits == [
        ("1", "circuit", 3, ["1a", "1b"]),
        ("2", "circuit", 3, ["2a", "2b"]),
        ("3", "circuit", 3, ["3a", "3b", "3c"]),
    ]


def test_seven_exercise_protocol_is_capped_at_three_a_week(seven: Protocol) -> None:
    assert [workout.weekly_cap for workout in seven.workouts] == [3]


def test_copenhagen_progression_says_to_reach_out_if_too_hard(back_pain: Protocol) -> None:
    copenhagen = back_pain.workout("day-1").blocks[3].exercises[0]
    assert copenhagen.name == "Copenhagen Progression"
    assert copenhagen.caution is not None
    assert "too hard" in copenhagen.caution


@pytest.mark.parametrize("label", ["3a", "3b"])
def test_the_coachs_technique_notes_become_cues(seven: Protocol, label: str) -> None:
    exercise = next(
        exercise
        for block in seven.workouts[0].blocks
        for exercise in block.exercises
        if exercise.label == label
    )
    assert exercise.cue is not None
    assert "core" in exercise.cue


@pytest.mark.parametrize(
    "sentence",
    [
        "focus on finding that glute and bracing that core",
        "Core tight, take your time lowering",
        "This one will leave you a little sore the next day",
        "Reach out if this is too hard",
    ],
)
def test_texts_are_in_our_words_not_copied_from_the_posts(
    library: dict[str, Protocol], sentence: str
) -> None:
    dumped = " ".join(protocol.model_dump_json() for protocol in library.values())
    assert sentence.lower() not in dumped.lower()


def test_every_exercise_has_a_cue(library: dict[str, Protocol]) -> None:
    missing = [
        exercise.name
        for protocol in library.values()
        for workout in protocol.workouts
        for block in workout.blocks
        for exercise in block.exercises
        if not exercise.cue
    ]
    assert missing == []
