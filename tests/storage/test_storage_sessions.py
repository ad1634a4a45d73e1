"""Workout sessions and their step results."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from storage_support import NOW, new_member

from storage import repository as repo
from storage.database import Database
from storage.models import SessionStatus, StepOutcome, StepResult, TimerKind, WorkoutSession


@pytest.fixture
async def member_id(database: Database) -> int:
    return await new_member(database, 7, "Sam", username="sam")


async def _start(database: Database, member_id: int, at: datetime = NOW) -> int:
    async with database.transaction() as session:
        workout = await repo.sessions.start(
            session, member_id, protocol="p1", workout_key="a", now=at
        )
        return workout.id


async def test_a_step_answered_twice_is_recorded_once(database: Database, member_id: int) -> None:
    session_id = await _start(database, member_id)

    async with database.transaction() as session:
        first = await repo.sessions.record_step(session, session_id, 0, StepOutcome.DONE, now=NOW)
    async with database.transaction() as session:
        second = await repo.sessions.record_step(
            session, session_id, 0, StepOutcome.SKIPPED, now=NOW
        )
        results = await repo.sessions.step_results(session, session_id)

    assert (first, second) == (True, False)
    assert [(result.step_index, result.outcome) for result in results] == [(0, StepOutcome.DONE)]


async def test_starting_a_workout_abandons_the_unfinished_one(
    database: Database, member_id: int
) -> None:
    old = await _start(database, member_id)
    new = await _start(database, member_id, NOW + timedelta(minutes=5))

    async with database.transaction() as session:
        old_session = await repo.sessions.get(session, old)
        open_session = await repo.sessions.open_for(session, member_id)
    assert old_session is not None
    assert old_session.status == SessionStatus.ABANDONED
    assert open_session is not None
    assert open_session.id == new


async def _stored(database: Database, session_id: int) -> WorkoutSession:
    async with database.transaction() as session:
        workout = await repo.sessions.get(session, session_id)
    assert workout is not None
    return workout


async def test_the_card_shown_is_remembered(database: Database, member_id: int) -> None:
    session_id = await _start(database, member_id)
    async with database.transaction() as session:
        assert await repo.sessions.show_card(session, session_id, 555)
    assert (await _stored(database, session_id)).step_message_id == 555


async def test_moving_on_forgets_the_timer_and_the_times_up_message(
    database: Database, member_id: int
) -> None:
    session_id = await _start(database, member_id)
    async with database.transaction() as session:
        await repo.sessions.set_timer(
            session, session_id, TimerKind.HOLD, 0, starts_at=NOW, ends_at=NOW + timedelta(1)
        )
        await repo.sessions.set_alert(session, session_id, 777)
        assert await repo.sessions.move_to(session, session_id, 3)
    workout = await _stored(database, session_id)
    assert (workout.current_step, workout.alert_message_id) == (3, None)
    assert (workout.timer_kind, workout.timer_step, workout.timer_ends_at) == (None, None, None)


async def test_moving_on_with_rest_starts_it_on_the_new_step(
    database: Database, member_id: int
) -> None:
    session_id = await _start(database, member_id)
    ends_at = NOW + timedelta(seconds=60)
    async with database.transaction() as session:
        assert await repo.sessions.move_to(session, session_id, 4, rest=(NOW, ends_at))
    workout = await _stored(database, session_id)
    assert (workout.timer_kind, workout.timer_step) == (TimerKind.REST, 4)
    assert (workout.timer_starts_at, workout.timer_ends_at) == (NOW, ends_at)


async def test_a_finished_workout_cannot_be_finished_again_or_moved_on(
    database: Database, member_id: int
) -> None:
    session_id = await _start(database, member_id)

    async with database.transaction() as session:
        assert await repo.sessions.finish(session, session_id, now=NOW)
        assert not await repo.sessions.finish(session, session_id, now=NOW)
        assert not await repo.sessions.abandon(session, session_id, now=NOW)
        assert not await repo.sessions.move_to(session, session_id, 1)
        assert not await repo.sessions.show_card(session, session_id, 555)
        assert await repo.sessions.open_for(session, member_id) is None


async def test_a_press_finds_the_session_with_its_later_answers_and_the_levels(
    database: Database, member_id: int
) -> None:
    session_id = await _start(database, member_id)
    async with database.transaction() as session:
        await repo.sessions.move_to(session, session_id, 2)
        for step in (0, 1, 4, 5):
            await repo.sessions.record_step(session, session_id, step, StepOutcome.DONE, now=NOW)
        for label, level in (("E1", -1), ("F1", 1)):
            await repo.exercise_levels.choose(session, member_id, "p1", label, level, now=NOW)
        await repo.exercise_levels.choose(session, member_id, "p2", "E1", 1, now=NOW)
        pressed = await repo.sessions.for_press(session, session_id, 7)
    assert pressed is not None
    assert (pressed.row.id, pressed.row.current_step) == (session_id, 2)
    assert pressed.answered == {4, 5}
    assert pressed.levels == {"E1": -1, "F1": 1}


async def test_a_press_on_someone_elses_session_finds_nothing(
    database: Database, member_id: int
) -> None:
    session_id = await _start(database, member_id)
    await new_member(database, 8, "Alex", username="alex")
    async with database.transaction() as session:
        assert await repo.sessions.for_press(session, session_id, 8) is None
        assert await repo.sessions.for_press(session, session_id + 1, 7) is None


async def test_the_last_finished_session_is_found(database: Database, member_id: int) -> None:
    for day in range(3):
        session_id = await _start(database, member_id, NOW + timedelta(days=day))
        async with database.transaction() as session:
            if day < 2:
                await repo.sessions.finish(session, session_id, now=NOW + timedelta(days=day))

    async with database.transaction() as session:
        last = await repo.sessions.last_finished(session, member_id)
    assert last is not None
    assert last.finished_at == NOW + timedelta(days=1)


async def test_sessions_between_includes_the_start_and_excludes_the_end(
    database: Database, member_id: int
) -> None:
    for day in range(4):
        await _start(database, member_id, NOW + timedelta(days=day))

    async with database.transaction() as session:
        found = await repo.sessions.started_between(
            session, member_id, NOW + timedelta(days=1), NOW + timedelta(days=3)
        )
    assert [workout.started_at for workout in found] == [
        NOW + timedelta(days=1),
        NOW + timedelta(days=2),
    ]


async def test_step_results_go_with_their_session_only_once_each(
    database: Database, member_id: int
) -> None:
    session_id = await _start(database, member_id)
    async with database.transaction() as session:
        for step in (0, 1, 1, 2, 0):
            await repo.sessions.record_step(session, session_id, step, StepOutcome.DONE, now=NOW)
        count = await session.scalar(select(func.count()).select_from(StepResult))
    assert count == 3
