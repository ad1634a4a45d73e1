"""Workout sessions: which workout is due, starting it, answering steps, finishing.

Each public function is one unit of work (one transaction) and returns a plain result that
`bot.handlers.workout` turns into messages. Progress is written after every step, so a
restart resumes exactly where the member was.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy.ext.asyncio import AsyncSession

from bot.context import BotServices
from bot.rules.local_time import week_bounds
from bot.rules.weekly_cap import (
    DoneSession,
    WorkoutChoice,
    choose_workout,
    week_counts,
    workout_caps,
)
from protocols.expand import Step, expand_workout
from protocols.schema import Protocol, Workout
from storage import repository
from storage.awaiting import AwaitPain, AwaitVideo
from storage.models import SessionStatus, StepOutcome, WorkoutSession


@dataclass(frozen=True)
class StepView:
    """A step of a running session, with what the member needs to see it."""

    session_id: int
    workout: Workout
    step: Step
    step_count: int


@dataclass(frozen=True)
class Started:
    """A new session began: show the overview, then the first step."""

    first: StepView
    choice: WorkoutChoice


@dataclass(frozen=True)
class Resumed:
    """A session was already running: show its current step again."""

    current: StepView
    shown_in: int | None
    """The message that showed the step before (its buttons are taken away)."""


@dataclass(frozen=True)
class WeekComplete:
    """Every workout is at its weekly cap: (done, cap) per workout key."""

    counts: dict[str, tuple[int, int]]
    protocol: Protocol


@dataclass(frozen=True)
class Held:
    """A red flag holds the member's programme until their coach resumes it."""

    zone: ZoneInfo


@dataclass(frozen=True)
class NotEnrolled:
    """The member has not finished setting up."""


@dataclass(frozen=True)
class SessionSummary:
    title: str
    done: int
    skipped: int
    too_hard: int
    minutes: int


@dataclass(frozen=True)
class Advanced:
    """A step was answered; `next` is the following step, or None when the session ended."""

    answered: StepView
    outcome: StepOutcome
    next: StepView | None
    summary: SessionSummary | None


@dataclass(frozen=True)
class Stale:
    """The button belongs to a session that is over, or to no session of this member."""


@dataclass(frozen=True)
class AlreadyAnswered:
    """That step was answered before (an old button or a double tap)."""

    current: StepView


StartResult = Started | Resumed | WeekComplete | Held | NotEnrolled
AnswerResult = Advanced | Stale | AlreadyAnswered


async def done_sessions(
    session: AsyncSession, member_id: int, zone: ZoneInfo, now: datetime
) -> list[DoneSession]:
    """This week's finished sessions, plus the last one ever (it decides the alternation)."""
    start, end = week_bounds(now, zone)
    rows = [
        row
        for row in await repository.sessions.started_between(session, member_id, start, end)
        if row.status == SessionStatus.FINISHED and row.finished_at is not None
    ]
    last = await repository.sessions.last_finished(session, member_id)
    if last is not None and all(row.id != last.id for row in rows):
        rows.append(last)
    return [DoneSession(row.workout_key, row.finished_at) for row in rows if row.finished_at]


def _view(services: BotServices, row: WorkoutSession) -> StepView | None:
    protocol = services.protocol(row.protocol)
    if protocol is None:
        return None
    workout = protocol.workout(row.workout_key)
    steps = expand_workout(workout)
    if not 0 <= row.current_step < len(steps):
        return None
    return StepView(row.id, workout, steps[row.current_step], len(steps))


async def start_or_resume(services: BotServices, user_id: int, now: datetime) -> StartResult:
    """Resume the session in progress, or start the workout that is due now."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None:
            return NotEnrolled()
        if member.held_since is not None:
            return Held(member.time_zone)
        open_row = await repository.sessions.open_for(session, member.id)
        if open_row is not None:
            view = _view(services, open_row)
            if view is not None:
                return Resumed(view, open_row.step_message_id)
            await repository.sessions.abandon(session, open_row.id, now=now)
        enrolment = await repository.enrolments.active(session, member.id)
        protocol = services.protocol(enrolment.protocol) if enrolment else None
        if enrolment is None or protocol is None or member.onboarded_at is None:
            return NotEnrolled()
        zone = member.time_zone
        done = await done_sessions(session, member.id, zone, now)
        choice = choose_workout(workout_caps(protocol), done, now, zone)
        if choice is None:
            return WeekComplete(week_counts(protocol, done, now, zone), protocol)
        row = await repository.sessions.start(
            session, member.id, protocol=protocol.name, workout_key=choice.key, now=now
        )
        view = _view(services, row)
        assert view is not None, "a protocol's workout always has steps"
        return Started(view, choice)


async def current_step(
    services: BotServices, session: AsyncSession, member_id: int
) -> StepView | None:
    """The step the member is on, if a session is running (inside the caller's unit of work)."""
    row = await repository.sessions.open_for(session, member_id)
    return _view(services, row) if row is not None else None


async def step_being_shown(
    services: BotServices, user_id: int, session_id: int, step_index: int
) -> StepView | None:
    """The member's current step, if it is the one named (by a timer button); else None."""
    async with services.database.read() as session:
        member = await repository.members.by_user_id(session, user_id)
        view = await current_step(services, session, member.id) if member else None
    if view is None or view.session_id != session_id or view.step.index != step_index:
        return None
    return view


async def film_step(
    services: BotServices, user_id: int, session_id: int, step_index: int
) -> StepView | None:
    """The member wants to film a step of their running session: their next video belongs to
    it. The step, or None when the button is stale."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        view = await current_step(services, session, member.id) if member else None
        if member is None or view is None or view.session_id != session_id:
            return None
        steps = expand_workout(view.workout)
        if not 0 <= step_index < len(steps):
            return None
        await repository.members.set_awaiting(
            session, member.id, AwaitVideo(session_id, step_index)
        )
    return StepView(session_id, view.workout, steps[step_index], view.step_count)


async def remember_step_message(services: BotServices, session_id: int, message_id: int) -> None:
    """Note which message shows the current step, so an answer can edit it."""
    async with services.database.transaction() as session:
        row = await repository.sessions.get(session, session_id)
        if row is not None:
            await repository.sessions.advance(session, session_id, row.current_step, message_id)


async def answer_step(
    services: BotServices,
    telegram_user_id: int,
    session_id: int,
    step_index: int,
    outcome: StepOutcome,
    now: datetime,
) -> AnswerResult:
    """Record the answer of the member who pressed the button and move on; stale, repeated
    or someone else's answers change nothing. The last answer finishes the session and
    leaves the member awaiting the pain score (one transaction for all of it), then plans
    the next morning's pain question."""
    answered, finished_by = await _answer_step(
        services, telegram_user_id, session_id, step_index, outcome, now
    )
    if finished_by is not None and services.reminders is not None:
        await services.reminders.plan_morning_check(finished_by)
    return answered


async def _answer_step(
    services: BotServices,
    telegram_user_id: int,
    session_id: int,
    step_index: int,
    outcome: StepOutcome,
    now: datetime,
) -> tuple[AnswerResult, int | None]:
    """`answer_step`'s unit of work; with it, the member whose session it finished."""
    async with services.database.transaction() as session:
        member = await repository.members.by_user_id(session, telegram_user_id)
        row = await repository.sessions.get(session, session_id)
        if member is None or row is None or row.member_id != member.id:
            return Stale(), None
        if row.status != SessionStatus.IN_PROGRESS:
            return Stale(), None
        view = _view(services, row)
        if view is None:
            return Stale(), None
        if step_index != row.current_step:
            return AlreadyAnswered(view), None
        if not await repository.sessions.record_step(
            session, session_id, step_index, outcome, now=now
        ):
            return AlreadyAnswered(view), None
        next_index = step_index + 1
        if next_index < view.step_count:
            await repository.sessions.advance(session, session_id, next_index)
            next_view = StepView(
                session_id, view.workout, expand_workout(view.workout)[next_index], view.step_count
            )
            return Advanced(view, outcome, next_view, None), None
        await repository.sessions.finish(session, session_id, now=now)
        await repository.members.set_awaiting(session, member.id, AwaitPain(session_id))
        results = await repository.sessions.step_results(session, session_id)
        tally = {kind: sum(1 for r in results if r.outcome == kind) for kind in StepOutcome}
        summary = SessionSummary(
            title=view.workout.title,
            done=tally[StepOutcome.DONE],
            skipped=tally[StepOutcome.SKIPPED],
            too_hard=tally[StepOutcome.TOO_HARD],
            minutes=int((now - row.started_at).total_seconds() // 60),
        )
        return Advanced(view, outcome, None, summary), member.id
