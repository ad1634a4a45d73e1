"""`transaction()` serialises writers in the process; `read()` neither waits for them nor writes."""

from __future__ import annotations

import asyncio
import time
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import DBAPIError

from storage import repository as repo
from storage.database import Database, NestedTransactionError
from storage.migrations_runner import upgrade_async
from storage.models import Member

NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
WRITERS = 200
LOOP_WORK = 0.02
"""Seconds each writer keeps the event loop busy (rendering, parsing) after each statement:
enough that, with SQLite's own lock alone, waiting writers ran out of the 5 s busy timeout."""


async def _add_member(database: Database, number: int, loop_work: float = 0.0) -> None:
    """A read-modify-write unit of work that keeps the event loop busy between statements,
    as a handler does while other updates are running."""
    async with database.transaction() as session:
        await session.scalar(select(func.count()).select_from(Member))
        time.sleep(loop_work)  # noqa: ASYNC251 - blocking the loop is the point
        await repo.members.upsert(
            session,
            telegram_user_id=number,
            chat_id=number,
            name=f"Member {number}",
            username=None,
            time_zone=ZoneInfo("UTC"),
            now=NOW,
        )
        time.sleep(loop_work)  # noqa: ASYNC251 - blocking the loop is the point


@pytest.fixture
async def sqlite_database(tmp_path: Path) -> Database:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    await upgrade_async(url)
    return await Database.connect(url)


async def test_two_hundred_concurrent_sqlite_writers_all_commit(
    sqlite_database: Database,
) -> None:
    try:
        results = await asyncio.gather(
            *(_add_member(sqlite_database, n, LOOP_WORK) for n in range(1, WRITERS + 1)),
            return_exceptions=True,
        )
        async with sqlite_database.read() as session:
            stored = await session.scalar(select(func.count()).select_from(Member))
    finally:
        await sqlite_database.dispose()
    assert [error for error in results if error is not None] == []
    assert stored == WRITERS


async def test_a_read_finishes_while_a_write_transaction_is_open(
    sqlite_database: Database,
) -> None:
    await _add_member(sqlite_database, 1)
    writer_holds_the_lock = asyncio.Event()
    release_the_writer = asyncio.Event()

    async def slow_writer() -> None:
        async with sqlite_database.transaction() as session:
            await session.execute(text("UPDATE members SET name = 'Renamed'"))
            writer_holds_the_lock.set()
            await release_the_writer.wait()

    writer = asyncio.ensure_future(slow_writer())
    try:
        await writer_holds_the_lock.wait()
        async with asyncio.timeout(2), sqlite_database.read() as session:
            name = await session.scalar(select(Member.name))
        assert name == "Member 1"  # the snapshot before the uncommitted write
    finally:
        release_the_writer.set()
        await writer
        await sqlite_database.dispose()


async def test_a_write_inside_read_is_refused(database: Database) -> None:
    with pytest.raises(DBAPIError):
        async with database.read() as session:
            await repo.members.upsert(
                session,
                telegram_user_id=7,
                chat_id=7,
                name="Nobody",
                username=None,
                time_zone=ZoneInfo("UTC"),
                now=NOW,
            )


async def test_a_transaction_opened_inside_its_own_transaction_is_refused(
    sqlite_database: Database,
) -> None:
    try:
        async with sqlite_database.transaction():
            with pytest.raises(NestedTransactionError):
                async with sqlite_database.transaction():
                    pass
    finally:
        await sqlite_database.dispose()
