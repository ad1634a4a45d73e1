"""The engine and the unit of work: one `Database` per process, one transaction per update."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)


def create_engine(url: str | URL, **options: Any) -> AsyncEngine:
    """An async engine for `url`; SQLite connections get WAL, foreign keys and a busy timeout.

    SQLite transactions start with BEGIN IMMEDIATE: a transaction that reads and then writes
    (most of ours) takes the write lock up front and waits its turn (busy_timeout), instead of
    failing with "database is locked" when two of them try to upgrade their locks at once.

    PostgreSQL gets a small pre-pinged, recycled pool: the bot is one process whose work is
    short transactions. Extra `options` go to `create_async_engine` (e.g. `poolclass`).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        engine = create_async_engine(parsed, **options)
        event.listen(engine.sync_engine, "connect", _configure_sqlite_connection)
        event.listen(engine.sync_engine, "begin", _begin_immediately)
        return engine
    if "poolclass" in options:  # a caller's own pool (e.g. NullPool) takes no sizing options
        return create_async_engine(parsed, **options)
    pool_settings: dict[str, Any] = {
        "pool_size": 5,
        "max_overflow": 10,
        "pool_pre_ping": True,
        "pool_recycle": 1800,
    }
    return create_async_engine(parsed, **(pool_settings | options))


def _configure_sqlite_connection(dbapi_connection: Any, _connection_record: Any) -> None:
    # The driver's own implicit BEGIN is switched off; `_begin_immediately` emits ours.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")  # ms a writer waits for the lock
        cursor.execute("PRAGMA synchronous=NORMAL")
    finally:
        cursor.close()


def _begin_immediately(connection: Any) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")


class Database:
    """The process's engine and session factory.

    Build it once at start-up with `await Database.connect(url)`; each update then runs in
    `async with database.transaction() as session:`.
    """

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)

    @classmethod
    async def connect(cls, url: str) -> Database:
        """Create the engine and check that the database answers (fails fast at start-up)."""
        engine = create_engine(url)
        try:
            async with engine.connect():
                pass
        except BaseException:
            await engine.dispose()
            raise
        return cls(engine)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One unit of work: commits when the block ends, rolls back if it raises."""
        async with self._sessions.begin() as session:
            yield session

    async def dispose(self) -> None:
        """Close every pooled connection; call once at shutdown."""
        await self.engine.dispose()
