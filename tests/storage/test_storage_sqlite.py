"""SQLite connections are configured for a bot: WAL, enforced foreign keys, a busy timeout."""

from __future__ import annotations

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
    finally:
        await database.dispose()
