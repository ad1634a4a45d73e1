"""Workout sessions and the answer to each of their steps."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    ExerciseLevel,
    Member,
    SessionStatus,
    StepOutcome,
    StepResult,
    TimerKind,
    WorkoutSession,
)

_NO_TIMER: dict[str, Any] = {
    "timer_kind": None,
    "timer_step": None,
    "timer_starts_at": None,
    "timer_ends_at": None,
}


async def start(
    session: AsyncSession, member_id: int, *, protocol: str, workout_key: str, now: datetime
) -> WorkoutSession:
    """Start a workout at step 0. A member does one workout at a time: an unfinished one is
    abandoned first."""
    await session.execute(
        update(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.status == SessionStatus.IN_PROGRESS,
        )
        .values(status=SessionStatus.ABANDONED, finished_at=now)
    )
    workout = WorkoutSession(
        member_id=member_id,
        protocol=protocol,
        workout_key=workout_key,
        started_at=now,
        status=SessionStatus.IN_PROGRESS,
        current_step=0,
    )
    session.add(workout)
    await session.flush()
    return workout


async def get(session: AsyncSession, session_id: int) -> WorkoutSession | None:
    return await session.get(WorkoutSession, session_id)


# The statements of every press are built once: building a statement and its cache key
# takes longer than SQLite takes to run it. Their values are bound when they run.
_FOR_PRESS = (
    select(WorkoutSession, StepResult.step_index, ExerciseLevel.exercise_label, ExerciseLevel.level)
    .join(Member, Member.id == WorkoutSession.member_id)
    .outerjoin(
        StepResult,
        and_(
            StepResult.session_id == WorkoutSession.id,
            StepResult.step_index >= WorkoutSession.current_step,
        ),
    )
    .outerjoin(
        ExerciseLevel,
        and_(
            ExerciseLevel.member_id == WorkoutSession.member_id,
            ExerciseLevel.protocol == WorkoutSession.protocol,
        ),
    )
    .where(
        WorkoutSession.id == bindparam("session_id"),
        Member.telegram_user_id == bindparam("telegram_user_id"),
    )
)
_STEP_KEY = [StepResult.session_id, StepResult.step_index]
_RECORD_STEP = {
    "sqlite": sqlite.insert(StepResult).on_conflict_do_nothing(index_elements=_STEP_KEY),
    "postgresql": postgresql.insert(StepResult).on_conflict_do_nothing(index_elements=_STEP_KEY),
}
"""INSERT ... ON CONFLICT DO NOTHING of an answer, by dialect; its columns are the values'."""
_MOVE = update(WorkoutSession).where(
    WorkoutSession.id == bindparam("moved_session_id"),
    WorkoutSession.status == SessionStatus.IN_PROGRESS,
)
"""An in-progress workout's UPDATE; the columns it sets are the values'."""


@dataclass(frozen=True)
class PressedSession:
    """A session as a press on its card finds it, read in one statement."""

    row: WorkoutSession
    answered: frozenset[int]
    """Steps from the current one on that already have an answer (normally none; the later
    sets of an exercise that hurt)."""
    levels: dict[str, int]
    """Exercise label → the level the member chose in the session's protocol (others are 0)."""


async def for_press(
    session: AsyncSession, session_id: int, telegram_user_id: int
) -> PressedSession | None:
    """Session `session_id` if it belongs to this Telegram user (None when it is someone
    else's or gone), with its answers from the current step on and the member's exercise
    levels: the hot path of every press, so one statement. The two outer joins are both
    small (no more rows than answered later sets times chosen levels)."""
    result = await session.execute(
        _FOR_PRESS, {"session_id": session_id, "telegram_user_id": telegram_user_id}
    )
    rows = result.all()
    if not rows:
        return None
    return PressedSession(
        row=rows[0][0],
        answered=frozenset(index for _, index, _, _ in rows if index is not None),
        levels={label: level for _, _, label, level in rows if label is not None},
    )


async def open_for(session: AsyncSession, member_id: int) -> WorkoutSession | None:
    """The member's workout in progress, if any."""
    return await session.scalar(
        select(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.status == SessionStatus.IN_PROGRESS,
        )
        .order_by(WorkoutSession.started_at.desc(), WorkoutSession.id.desc())
        .limit(1)
    )


async def record_step(
    session: AsyncSession,
    session_id: int,
    step_index: int,
    outcome: StepOutcome,
    *,
    now: datetime,
    level: int = 0,
) -> bool:
    """Record the answer to a step (done at variant `level`); False (and nothing written) if it
    was already answered. A Core statement, on every press: no ORM unit of work, no RETURNING
    (the row count says whether it was written)."""
    connection = await session.connection()
    result = await connection.execute(
        _RECORD_STEP[connection.dialect.name],
        {
            "session_id": session_id,
            "step_index": step_index,
            "outcome": outcome,
            "level": level,
            "at": now,
        },
    )
    return result.rowcount == 1


async def step_results(session: AsyncSession, session_id: int) -> list[StepResult]:
    """The session's answers in step order."""
    result = await session.scalars(
        select(StepResult)
        .where(StepResult.session_id == session_id)
        .order_by(StepResult.step_index)
    )
    return list(result)


async def steps_not_done(
    session: AsyncSession, session_ids: Sequence[int] | None = None
) -> list[StepResult]:
    """The skipped and too-hard answers of these sessions (of every session when None), by
    session then step."""
    query = select(StepResult).where(StepResult.outcome != StepOutcome.DONE)
    if session_ids is not None:
        query = query.where(StepResult.session_id.in_(session_ids))
    result = await session.scalars(query.order_by(StepResult.session_id, StepResult.step_index))
    return list(result)


async def recent(session: AsyncSession, member_id: int, limit: int) -> list[WorkoutSession]:
    """The member's latest `limit` workouts that are over (finished or abandoned), newest
    first."""
    result = await session.scalars(
        select(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.status != SessionStatus.IN_PROGRESS,
        )
        .order_by(WorkoutSession.started_at.desc(), WorkoutSession.id.desc())
        .limit(limit)
    )
    return list(result)


async def _update_open(session: AsyncSession, session_id: int, **values: Any) -> bool:
    result = await session.execute(
        update(WorkoutSession)
        .where(
            WorkoutSession.id == session_id,
            WorkoutSession.status == SessionStatus.IN_PROGRESS,
        )
        .values(**values)
        .returning(WorkoutSession.id)
    )
    return result.first() is not None


async def move_to(
    session: AsyncSession,
    session_id: int,
    current_step: int,
    *,
    rest: tuple[datetime, datetime] | None = None,
) -> bool:
    """After an answer, move an in-progress workout on to `current_step` in one statement:
    the answered step's timer and "time's up" message are forgotten, and when `rest` (its
    start and end) is given, rest before the new step starts. False if the workout is not in
    progress any more."""
    timer: dict[str, Any] = _NO_TIMER
    if rest is not None:
        starts_at, ends_at = rest
        timer = {
            "timer_kind": TimerKind.REST,
            "timer_step": current_step,
            "timer_starts_at": starts_at,
            "timer_ends_at": ends_at,
        }
    # A Core statement, on every press: the row count answers, and a `WorkoutSession`
    # loaded in this session keeps its old values.
    connection = await session.connection()
    result = await connection.execute(
        _MOVE,
        {
            "moved_session_id": session_id,
            "current_step": current_step,
            "alert_message_id": None,
            **timer,
        },
    )
    return result.rowcount == 1


async def show_card(session: AsyncSession, session_id: int, message_id: int) -> bool:
    """The workout's card is now message `message_id` (every press edits it). False if the
    workout is not in progress any more."""
    return await _update_open(session, session_id, step_message_id=message_id)


async def set_timer(
    session: AsyncSession,
    session_id: int,
    kind: TimerKind,
    step_index: int,
    *,
    starts_at: datetime,
    ends_at: datetime,
) -> bool:
    """Start a timer on the workout's card (replacing any other); False if not in progress."""
    return await _update_open(
        session,
        session_id,
        timer_kind=kind,
        timer_step=step_index,
        timer_starts_at=starts_at,
        timer_ends_at=ends_at,
    )


async def clear_timer(session: AsyncSession, session_id: int) -> None:
    """No timer on the card any more (answered, stopped, ended, or the workout is over)."""
    await session.execute(
        update(WorkoutSession)
        .where(WorkoutSession.id == session_id)
        .values(timer_kind=None, timer_step=None, timer_starts_at=None, timer_ends_at=None)
    )


async def set_alert(session: AsyncSession, session_id: int, message_id: int | None) -> None:
    """Remember (or forget) the "time's up" message, deleted once its step is answered."""
    await session.execute(
        update(WorkoutSession)
        .where(WorkoutSession.id == session_id)
        .values(alert_message_id=message_id)
    )


async def with_timers(session: AsyncSession) -> list[tuple[WorkoutSession, Member]]:
    """Every workout in progress with a timer running, and its member (for start-up)."""
    result = await session.execute(
        select(WorkoutSession, Member)
        .join(Member, Member.id == WorkoutSession.member_id)
        .where(
            WorkoutSession.status == SessionStatus.IN_PROGRESS,
            WorkoutSession.timer_ends_at.is_not(None),
        )
        .order_by(WorkoutSession.timer_ends_at)
    )
    return [(row, member) for row, member in result.all()]


async def finish(session: AsyncSession, session_id: int, *, now: datetime) -> bool:
    """Mark an in-progress workout finished (its timer stops); False if it was not in
    progress."""
    return await _update_open(
        session, session_id, status=SessionStatus.FINISHED, finished_at=now, **_NO_TIMER
    )


async def abandon(session: AsyncSession, session_id: int, *, now: datetime) -> bool:
    """Mark an in-progress workout abandoned (its timer stops); False if it was not in
    progress."""
    return await _update_open(
        session, session_id, status=SessionStatus.ABANDONED, finished_at=now, **_NO_TIMER
    )


async def started_between(
    session: AsyncSession, member_id: int, start_utc: datetime, end_utc: datetime
) -> list[WorkoutSession]:
    """The member's workouts started in [start_utc, end_utc), any status, oldest first."""
    result = await session.scalars(
        select(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.started_at >= start_utc,
            WorkoutSession.started_at < end_utc,
        )
        .order_by(WorkoutSession.started_at, WorkoutSession.id)
    )
    return list(result)


async def last_finished(session: AsyncSession, member_id: int) -> WorkoutSession | None:
    return await session.scalar(
        select(WorkoutSession)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.status == SessionStatus.FINISHED,
        )
        .order_by(WorkoutSession.finished_at.desc(), WorkoutSession.id.desc())
        .limit(1)
    )


async def finished_numbers(session: AsyncSession, member_id: int) -> dict[int, int]:
    """Session id → its number among the member's finished workouts (1 for the first)."""
    result = await session.scalars(
        select(WorkoutSession.id)
        .where(
            WorkoutSession.member_id == member_id,
            WorkoutSession.status == SessionStatus.FINISHED,
        )
        .order_by(WorkoutSession.finished_at, WorkoutSession.id)
    )
    return {session_id: number for number, session_id in enumerate(result, start=1)}


async def finished_since(
    session: AsyncSession, since: datetime, member_id: int | None = None
) -> list[WorkoutSession]:
    """Every member's workouts finished at or after `since`, oldest first (one query); only
    one member's with `member_id`."""
    query = select(WorkoutSession).where(
        WorkoutSession.status == SessionStatus.FINISHED, WorkoutSession.finished_at >= since
    )
    if member_id is not None:
        query = query.where(WorkoutSession.member_id == member_id)
    result = await session.scalars(query.order_by(WorkoutSession.finished_at, WorkoutSession.id))
    return list(result)


async def all_with_members(
    session: AsyncSession, coach_id: int | None = None
) -> list[tuple[WorkoutSession, Member]]:
    """Every workout session of every member, by member then start (one query, for export); only
    one coach's members with `coach_id`."""
    query = select(WorkoutSession, Member).join(Member, Member.id == WorkoutSession.member_id)
    if coach_id is not None:
        query = query.where(Member.coach_id == coach_id)
    result = await session.execute(
        query.order_by(Member.id, WorkoutSession.started_at, WorkoutSession.id)
    )
    return [(row, member) for row, member in result]
