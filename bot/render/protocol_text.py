"""Protocol texts a member (or coach) reads: the whole protocol, and the pieces of a workout
that the card shows (its blocks in a line each, how long it takes).

Plain text (the card escapes what it takes from here for its HTML). Exercise names, sets
and reps are the coach's; every other sentence here is ours.
"""

from __future__ import annotations

from protocols.schema import Block, Exercise, Protocol, Workout

_INDENT = "   "


def protocol_as_text(protocol: Protocol) -> str:
    """The whole protocol: every workout with its intent, blocks, exercises, dosage and cues."""
    parts = [protocol.title, protocol.summary]
    if protocol.disclaimer is not None:
        parts.append(protocol.disclaimer)
    total = len(protocol.workouts)
    for number, workout in enumerate(protocol.workouts, start=1):
        lines = [
            f"Workout {number} of {total}: {workout.title} ({workout.key})",
            _frequency_line(workout),
            workout.intent,
            "",
        ]
        for block in workout.blocks:
            lines.extend(_block_lines(block))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _frequency_line(workout: Workout) -> str:
    times = "once" if workout.weekly_cap == 1 else f"{workout.weekly_cap} times"
    minutes = workout_minutes(workout)
    return f"Up to {times} a week, about {minutes}." if minutes else f"Up to {times} a week."


def workout_minutes(workout: Workout) -> str | None:
    expected = workout.expected_minutes
    if expected is None:
        return None
    if isinstance(expected, int):
        return f"{expected} minutes"
    low, high = expected
    return f"{low} minutes" if low == high else f"{low}–{high} minutes"  # noqa: RUF001


def block_summary(block: Block) -> str:
    names = " + ".join(exercise.name for exercise in block.exercises)
    if block.kind == "superset":
        return f"Superset {block.label}: {names}"
    if block.kind == "circuit":
        return f"Circuit {block.label} ({block.rounds} rounds): {names}"
    exercise = block.exercises[0]
    return f"{exercise.label}) {exercise.name}"


def _block_lines(block: Block) -> list[str]:
    if block.kind == "single":
        return _exercise_lines(block.exercises[0], indent="")
    labels = [exercise.label for exercise in block.exercises]
    in_turn = ", ".join(labels[:-1]) + f" and {labels[-1]}"
    if block.kind == "superset":
        header = f"Superset {block.label}: alternate {in_turn}, one set of each in turn."
    else:
        header = (
            f"Circuit {block.label}: {block.rounds} rounds of {in_turn}, one set of each per "
            "round. Finish every round before moving on."
        )
    lines = [header]
    for exercise in block.exercises:
        lines.extend(_exercise_lines(exercise, indent=_INDENT))
    return lines


def _exercise_lines(exercise: Exercise, indent: str) -> list[str]:
    lines = [f"{indent}{exercise.label}) {exercise.name}: {exercise.dosage.describe()}"]
    if exercise.cue is not None:
        lines.append(f"{indent}{_INDENT}{exercise.cue}")
    if exercise.caution is not None:
        lines.append(f"{indent}{_INDENT}Note: {exercise.caution}")
    return lines
