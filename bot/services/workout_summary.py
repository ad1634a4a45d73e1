"""A workout session's steps and its summary, and ending a workout in progress early.

Shared by the card's units of work (`bot.services.workouts`) and the red-flag hold
(`bot.services.safety`): a red flag ends the member's running workout, and its card becomes
the summary of what was done (the handler edits it; see `StoppedWorkout`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.views import BlockResult, SessionSummary
from protocols.expand import Step, expand_workout
from protocols.schema import Workout
from storage import repository
from storage.models import CheckInKind, StepOutcome, WorkoutSession

_EXPANDED: dict[int, tuple[Workout, list[Step]]] = {}
"""Steps of each workout of the loaded library, by the workout object's id (expanding is pure
and the library lives as long as the process; the workout is kept so its id stays its own)."""


def workout_steps(workout: Workout) -> list[Step]:
    """The workout's steps, expanded once."""
    cached = _EXPANDED.get(id(workout))
    if cached is None or cached[0] is not workout:
        cached = _EXPANDED[id(workout)] = (workout, expand_workout(workout))
    return cached[1]


def workout_of(services: BotServices, row: WorkoutSession) -> Workout | None:
    """The session's workout; None when its protocol no longer has it."""
    protocol = services.protocol(row.protocol)
    if protocol is None:
        return None
    try:
        return protocol.workout(row.workout_key)
    except KeyError:
        return None


async def summary_of(
    session: AsyncSession,
    row: WorkoutSession,
    workout: Workout,
    now: datetime,
    *,
    stopped: bool = False,
) -> SessionSummary:
    """How the session went, block by block, from its answers so far."""
    steps = workout_steps(workout)
    results = {r.step_index: r for r in await repository.sessions.step_results(session, row.id)}
    blocks = []
    for block in workout.blocks:
        in_block = [step for step in steps if step.block is block]
        answers = [results[step.index] for step in in_block if step.index in results]
        names: list[str] = []
        for exercise in block.exercises:
            levels = {
                r.level
                for s, r in ((s, results.get(s.index)) for s in in_block)
                if r and s.exercise is exercise
            }
            names.extend(exercise.at_level(level).name for level in sorted(levels) or [0])
        tally = {kind: sum(1 for r in answers if r.outcome == kind) for kind in StepOutcome}
        blocks.append(
            BlockResult(
                label=block.label,
                kind=block.kind,
                names=names,
                sets=len(in_block),
                done=tally[StepOutcome.DONE],
                skipped=tally[StepOutcome.SKIPPED],
                too_hard=tally[StepOutcome.TOO_HARD],
                hurt=tally[StepOutcome.HURT],
            )
        )
    minutes = int((now - row.started_at).total_seconds() // 60)
    before = await repository.check_ins.for_session(session, row.id, CheckInKind.BEFORE)
    return SessionSummary(workout.title, blocks, minutes, stopped, before.pain if before else None)


@dataclass(frozen=True)
class StoppedWorkout:
    """A workout ended early: its card (and a "time's up" message on screen, if any) must
    show the summary without buttons, and its timer must stop."""

    session_id: int
    card_message_id: int | None
    alert_message_id: int | None
    summary: SessionSummary | None
    """None when the session's workout is no longer in its protocol."""


async def stop_running(
    services: BotServices, session: AsyncSession, member_id: int, now: datetime
) -> StoppedWorkout | None:
    """Inside the caller's unit of work: end the member's workout in progress (its timer
    stops with it); None when none was running."""
    row = await repository.sessions.open_for(session, member_id)
    if row is None:
        return None
    card_message_id, alert_message_id = row.step_message_id, row.alert_message_id
    await repository.sessions.abandon(session, row.id, now=now)
    workout = workout_of(services, row)
    summary = await summary_of(session, row, workout, now, stopped=True) if workout else None
    return StoppedWorkout(row.id, card_message_id, alert_message_id, summary)
