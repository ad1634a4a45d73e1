"""Workouts that are over, with the steps skipped or found too hard, named by exercise."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bot.context import BotServices
from bot.views import SessionSteps
from protocols.expand import expand_workout
from storage.models import SessionStatus, StepOutcome, StepResult, WorkoutSession


def session_steps(
    services: BotServices, row: WorkoutSession, not_done: Iterable[StepResult]
) -> SessionSteps:
    """`row` with its skipped and too-hard answers (`not_done`, any order) named by exercise."""
    names = _step_names(services, row)
    finished = row.status == SessionStatus.FINISHED
    # Every step of a finished workout was answered; an abandoned one stopped at its current.
    answered = len(names) if finished else row.current_step
    skipped: list[str] = []
    too_hard: list[str] = []
    for result in sorted(not_done, key=lambda result: result.step_index):
        name = names[result.step_index] if result.step_index < len(names) else None
        label = name or f"step {result.step_index + 1}"
        (too_hard if result.outcome == StepOutcome.TOO_HARD else skipped).append(label)
    return SessionSteps(
        session_id=row.id,
        workout_title=workout_title(services, row),
        started_at=row.started_at,
        finished=finished,
        done=answered - len(skipped) - len(too_hard),
        step_count=len(names),
        skipped=skipped,
        too_hard=too_hard,
    )


def by_session(results: Sequence[StepResult]) -> dict[int, list[StepResult]]:
    grouped: dict[int, list[StepResult]] = {}
    for result in results:
        grouped.setdefault(result.session_id, []).append(result)
    return grouped


def _step_names(services: BotServices, row: WorkoutSession) -> list[str]:
    protocol = services.protocol(row.protocol)
    if protocol is None:
        return []
    try:
        workout = protocol.workout(row.workout_key)
    except KeyError:
        return []
    return [step.exercise.name for step in expand_workout(workout)]


def workout_title(services: BotServices, row: WorkoutSession) -> str:
    """The title of the session's workout (its key when the protocol no longer has it)."""
    protocol = services.protocol(row.protocol)
    if protocol is None:
        return row.workout_key
    try:
        return protocol.workout(row.workout_key).title
    except KeyError:
        return row.workout_key
