"""A workout unrolled into the steps a member answers one by one.

One step is one set of one exercise, in the order the member does them:

- single block with N sets: N steps, set 1 to N (one exercise, one set at a time);
- superset: set by set, alternating its exercises (E1 set 1, E2 set 1, E1 set 2, ...); an
  exercise with fewer sets than its partner drops out once its sets are done;
- circuit: round by round, every exercise once per round (1a, 1b, 1a, 1b, ...). A circuit
  exercise's set number is its round number, so set_number == round_number.

Expansion is pure and cheap (a few dozen steps), so callers simply call it again when needed.
"""

from __future__ import annotations

from dataclasses import dataclass

from protocols.schema import Block, Exercise, Workout


@dataclass(frozen=True)
class Step:
    """One set of one exercise, at position `index` (0-based) in its workout."""

    index: int
    block: Block
    exercise: Exercise
    set_number: int
    set_count: int
    round_number: int | None = None
    """Circuit round (1-based); None outside circuits."""
    round_count: int | None = None

    @property
    def position(self) -> str:
        """Where the member is, e.g. "Superset E — set 2 of 3" or "Block C" for a lone set."""
        if self.block.kind == "circuit":
            where = f"Circuit {self.block.label}"
            if self.round_count is not None and self.round_count > 1:
                return f"{where} — round {self.round_number} of {self.round_count}"
            return where
        where = (
            f"Superset {self.block.label}"
            if self.block.kind == "superset"
            else f"Block {self.block.label}"
        )
        if self.set_count > 1:
            return f"{where} — set {self.set_number} of {self.set_count}"
        return where


def _block_sets(block: Block) -> list[tuple[Exercise, int, int, int | None, int | None]]:
    """(exercise, set number, set count, round number, round count) in the order done."""
    if block.kind == "circuit":
        return [
            (exercise, round_number, block.rounds, round_number, block.rounds)
            for round_number in range(1, block.rounds + 1)
            for exercise in block.exercises
        ]
    most_sets = max(exercise.dosage.sets for exercise in block.exercises)
    return [
        (exercise, set_number, exercise.dosage.sets, None, None)
        for set_number in range(1, most_sets + 1)
        for exercise in block.exercises
        if set_number <= exercise.dosage.sets
    ]


def expand_workout(workout: Workout) -> list[Step]:
    """Every step of the workout, in the order the member does them."""
    steps: list[Step] = []
    for block in workout.blocks:
        for exercise, set_number, set_count, round_number, round_count in _block_sets(block):
            steps.append(
                Step(
                    index=len(steps),
                    block=block,
                    exercise=exercise,
                    set_number=set_number,
                    set_count=set_count,
                    round_number=round_number,
                    round_count=round_count,
                )
            )
    return steps
