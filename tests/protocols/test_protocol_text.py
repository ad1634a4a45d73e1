# ruff: noqa: RUF001  (times and ranges are written with typographic dashes, as members read them)
"""What members read: the whole protocol, a workout overview, and one step."""

from __future__ import annotations

from bot.render.protocol_text import protocol_as_text, step_text, workout_overview
from protocols.expand import expand_workout
from protocols.schema import Protocol


def test_protocol_text_has_title_and_each_workout_with_its_intent(back_pain: Protocol) -> None:
    text = protocol_as_text(back_pain)
    assert text.startswith("Lower Back Pain Relief")
    for workout in back_pain.workouts:
        assert workout.title in text
        assert workout.intent in text


def test_protocol_text_explains_how_a_superset_alternates(back_pain: Protocol) -> None:
    text = protocol_as_text(back_pain)
    assert "Superset E: alternate E1 and E2, one set of each in turn." in text


def test_protocol_text_explains_circuit_rounds(seven: Protocol) -> None:
    text = protocol_as_text(seven)
    assert "Circuit 3: 3 rounds of 3a, 3b and 3c, one set of each per round." in text


def test_protocol_text_shows_weekly_cap_and_time(back_pain: Protocol) -> None:
    assert "Up to 3 times a week, about 15–20 minutes." in protocol_as_text(back_pain)


def test_protocol_text_is_plain_without_markup(library: dict[str, Protocol]) -> None:
    for protocol in library.values():
        text = protocol_as_text(protocol)
        assert not any(mark in text for mark in ("<b>", "**", "__", "`"))


def test_overview_lists_every_block_and_the_expected_minutes(back_pain: Protocol) -> None:
    overview = workout_overview(back_pain.workout("day-1"))
    assert overview.splitlines()[:2] == [
        "Strengthening and Lengthening",
        back_pain.workout("day-1").intent,
    ]
    assert "• Superset E: Copenhagen Progression + Glute Medius Stretch" in overview
    assert "• H) 90-90 Stretches" in overview
    assert "About 15–20 minutes. 20 sets in all" in overview


def test_overview_without_expected_minutes_leaves_time_out(back_pain: Protocol) -> None:
    overview = workout_overview(back_pain.workout("day-2"))
    assert "About" not in overview
    assert overview.endswith("5 sets in all; I'll send them one at a time.")


def test_overview_shows_circuit_rounds(seven: Protocol) -> None:
    overview = workout_overview(seven.workouts[0])
    assert "• Circuit 1 (3 rounds): Side Lying Thoracic Sweep + Hip CARs" in overview


def test_step_text_gives_position_name_and_this_set(back_pain: Protocol) -> None:
    step = expand_workout(back_pain.workout("day-1"))[12]
    assert step_text(step).splitlines()[:3] == [
        "Superset F — set 1 of 3",
        "F2) Standing Pancake",
        "This set: 45 s",
    ]


def test_step_text_carries_the_caution(back_pain: Protocol) -> None:
    step = expand_workout(back_pain.workout("day-1"))[5]
    assert step.exercise.label == "E1"
    assert step_text(step).splitlines()[-1].startswith("Note: If this feels too hard")


def test_step_text_in_a_circuit_speaks_of_the_round(seven: Protocol) -> None:
    step = expand_workout(seven.workouts[0])[1]
    assert step_text(step).splitlines()[:3] == [
        "Circuit 1 — round 1 of 3",
        "1b) Hip CARs",
        "This round: 3 reps each way",
    ]


def test_step_text_for_a_lone_set_says_what_to_do(back_pain: Protocol) -> None:
    step = expand_workout(back_pain.workout("day-1"))[-1]
    assert step_text(step).splitlines()[:3] == [
        "Block H",
        "H) 90-90 Stretches",
        "Do: 1 min per leg, each side (or more)",
    ]


def test_step_text_includes_the_cue(seven: Protocol) -> None:
    step = expand_workout(seven.workouts[0])[0]
    assert step.exercise.cue is not None
    assert step.exercise.cue in step_text(step)
