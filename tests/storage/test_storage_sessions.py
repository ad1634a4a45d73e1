"""Workout sessions and their step results."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select
from storage_support import NOW, new_member

from storage import repository as repo
from storage.database import Database
from storage.models import SessionStatus, StepOutcome, StepResult


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


async def test_advance_moves_the_step_and_remembers_the_message(
    database: Database, member_id: int
) -> None:
    session_id = await _start(database, member_id)

    async with database.transaction() as session:
        assert await repo.sessions.advance(session, session_id, 3, step_message_id=555)
    async with database.transaction() as session:
        workout = await repo.sessions.get(session, session_id)
    assert workout is not None
    assert (workout.current_step, workout.step_message_id) == (3, 555)


async def test_a_finished_workout_cannot_be_finished_again_or_advanced(
    database: Database, member_id: int
) -> None:
    session_id = await _start(database, member_id)

    async with database.transaction() as session:
        assert await repo.sessions.finish(session, session_id, now=NOW)
        assert not await repo.sessions.finish(session, session_id, now=NOW)
        assert not await repo.sessions.abandon(session, session_id, now=NOW)
        assert not await repo.sessions.advance(session, session_id, 1)
        assert await repo.sessions.open_for(session, member_id) is None


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
