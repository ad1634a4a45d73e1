"""Protocol texts a member (or coach) reads: the whole protocol, and the pieces of a workout
that the card shows (its blocks in a line each, how long it takes).

Plain text (the card escapes what it takes from here for its HTML). Exercise names, sets
and reps are the coach's; every other sentence here is ours.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.render.i18n import N_, Text, _, ngettext
from protocols.schema import Block, Dosage, Exercise, Per, Protocol, Workout

_INDENT = "   "
_PER_TEXT: Mapping[Per, Text] = {
    "side": N_("per side"),
    "leg": N_("per leg"),
    "leg_and_side": N_("per leg, each side"),
    "each": N_("each side"),  # the coach's "5ea"
    "each_way": N_("each way"),
}


def set_amount(dosage: Dosage) -> str:
    """What one set asks for, e.g. "1 min per leg, each side (or more)"."""
    if dosage.reps is not None:
        amount = ngettext("{count} rep", "{count} reps", dosage.reps).format(count=dosage.reps)
    elif dosage.hold_seconds is not None:
        amount = _("{seconds} s").format(seconds=dosage.hold_seconds)
    else:
        amount = _("{minutes} min").format(minutes=f"{dosage.minutes:g}")
    if dosage.per is not None:
        amount += f" {_PER_TEXT[dosage.per]()}"
    if dosage.alt_hold_seconds is not None:
        amount += " " + _("({seconds} s for holds)").format(seconds=dosage.alt_hold_seconds)
    if dosage.or_more:
        amount += " " + _("(or more)")
    return amount


def dosage_text(dosage: Dosage) -> str:
    """The whole dosage, e.g. "3 sets × 10 reps per side" or "10 reps" for a single set."""  # noqa: RUF002
    if dosage.sets == 1:
        return set_amount(dosage)
    return ngettext("{sets} set × {amount}", "{sets} sets × {amount}", dosage.sets).format(  # noqa: RUF001
        sets=dosage.sets, amount=set_amount(dosage)
    )


def protocol_as_text(protocol: Protocol) -> str:
    """The whole protocol: every workout with its intent, blocks, exercises, dosage and cues."""
    parts = [protocol.title, protocol.summary]
    if protocol.disclaimer is not None:
        parts.append(protocol.disclaimer)
    total = len(protocol.workouts)
    for number, workout in enumerate(protocol.workouts, start=1):
        lines = [
            _("Workout {number} of {total}: {title} ({key})").format(
                number=number, total=total, title=workout.title, key=workout.key
            ),
            _frequency_line(workout),
            workout.intent,
            "",
        ]
        for block in workout.blocks:
            lines.extend(_block_lines(block))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def _frequency_line(workout: Workout) -> str:
    cap = workout.weekly_cap
    minutes = workout_minutes(workout)
    if minutes:
        return ngettext(
            "Up to once a week, about {minutes}.", "Up to {cap} times a week, about {minutes}.", cap
        ).format(cap=cap, minutes=minutes)
    return ngettext("Up to once a week.", "Up to {cap} times a week.", cap).format(cap=cap)


def workout_minutes(workout: Workout) -> str | None:
    expected = workout.expected_minutes
    if expected is None:
        return None
    if isinstance(expected, int):
        return ngettext("{count} minute", "{count} minutes", expected).format(count=expected)
    low, high = expected
    if low == high:
        return ngettext("{count} minute", "{count} minutes", low).format(count=low)
    return ngettext("{low}–{high} minute", "{low}–{high} minutes", high).format(  # noqa: RUF001
        low=low, high=high
    )


def block_summary(block: Block) -> str:
    names = " + ".join(exercise.name for exercise in block.exercises)
    if block.kind == "superset":
        return _("Superset {label}: {names}").format(label=block.label, names=names)
    if block.kind == "circuit":
        return ngettext(
            "Circuit {label} ({rounds} round): {names}",
            "Circuit {label} ({rounds} rounds): {names}",
            block.rounds,
        ).format(label=block.label, rounds=block.rounds, names=names)
    exercise = block.exercises[0]
    return f"{exercise.label}) {exercise.name}"


def _block_lines(block: Block) -> list[str]:
    if block.kind == "single":
        return _exercise_lines(block.exercises[0], indent="")
    labels = [exercise.label for exercise in block.exercises]
    in_turn = _("{first} and {last}").format(first=_(", ").join(labels[:-1]), last=labels[-1])
    if block.kind == "superset":
        header = _("Superset {label}: alternate {exercises}, one set of each in turn.").format(
            label=block.label, exercises=in_turn
        )
    else:
        header = ngettext(
            "Circuit {label}: {rounds} round of {exercises}, one set of each per "
            "round. Finish every round before moving on.",
            "Circuit {label}: {rounds} rounds of {exercises}, one set of each per "
            "round. Finish every round before moving on.",
            block.rounds,
        ).format(label=block.label, rounds=block.rounds, exercises=in_turn)
    lines = [header]
    for exercise in block.exercises:
        lines.extend(_exercise_lines(exercise, indent=_INDENT))
    return lines


def _exercise_lines(exercise: Exercise, indent: str) -> list[str]:
    lines = [f"{indent}{exercise.label}) {exercise.name}: {dosage_text(exercise.dosage)}"]
    if exercise.cue is not None:
        lines.append(f"{indent}{_INDENT}{exercise.cue}")
    if exercise.caution is not None:
        note = _("Note: {caution}").format(caution=exercise.caution)
        lines.append(f"{indent}{_INDENT}{note}")
    return lines
