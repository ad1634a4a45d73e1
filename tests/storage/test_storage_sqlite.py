"""SQLite connections are configured for a bot: WAL, enforced foreign keys, a busy timeout."""

from __future__ import annotations

import asyncio
from pathlib import Path

from sqlalchemy import text

from storage.database import Database
from storage.migrations_runner import upgrade_async


async def test_every_sqlite_connection_uses_wal_foreign_keys_and_busy_timeout(
    tmp_path: Path,
) -> None:
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    await upgrade_async(url)
    database = await Database.connect(url)
    try:
        # Two connections at once, so the second is a fresh one from the pool.
        async with database.engine.connect() as first, database.engine.connect() as second:
            for connection in (first, second):
                assert await connection.scalar(text("PRAGMA journal_mode")) == "wal"
                assert await connection.scalar(text("PRAGMA foreign_keys")) == 1
                assert await connection.scalar(text("PRAGMA busy_timeout")) == 5000
                await connection.commit()  # each transaction holds the write lock until it ends
    finally:
        await database.dispose()


async def test_read_modify_write_transactions_are_serialised(tmp_path: Path) -> None:
    """Each transaction sees the writes of the one before it (BEGIN IMMEDIATE), so ten
    concurrent "read the highest id, insert the next one" transactions never collide."""
    url = f"sqlite+aiosqlite:///{tmp_path / 'bot.sqlite3'}"
    await upgrade_async(url)
    database = await Database.connect(url)

    async def insert_next() -> None:
        async with database.transaction() as session:
            highest = await session.scalar(
                text("SELECT coalesce(max(telegram_user_id), 0) FROM members")
            )
            await asyncio.sleep(0.01)  # every transaction reads before any writes
            await session.execute(
                text(
                    "INSERT INTO members (telegram_user_id, chat_id, name, time_zone, paused,"
                    " inactive, created_at) VALUES (:n, :n, 'M', 'UTC', 0, 0, '2026-01-01')"
                ),
                {"n": highest + 1},
            )

    try:
        await asyncio.gather(*(insert_next() for _ in range(10)))
        async with database.transaction() as session:
            ids = (await session.scalars(text("SELECT telegram_user_id FROM members"))).all()
        assert sorted(ids) == list(range(1, 11))
    finally:
        await database.dispose()
