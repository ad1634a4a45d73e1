"""The SQLite driver (`storage.sqlite_driver`): one trip to aiosqlite's thread per statement,
the transaction's BEGIN in its first statement's trip, no trip to end a transaction that is
already over, and results, errors and locking as SQLAlchemy's own aiosqlite adapter gives."""

from __future__ import annotations

import asyncio
import contextlib
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import aiosqlite
import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError

from storage.database import Database

MEMBER = (
    "INSERT INTO members (telegram_user_id, chat_id, name, time_zone, paused, inactive,"
    " created_at) VALUES (:n, :n, :name, 'UTC', 0, 0, '2026-01-01')"
)


pytestmark = pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
"""The driver is SQLite's alone: the shared `database` fixture, on SQLite only."""


@contextmanager
def trips(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The calls made on aiosqlite's worker thread inside the block, by function name."""
    made: list[str] = []
    original = aiosqlite.Connection._execute

    async def counted(self: aiosqlite.Connection, fn: Any, *args: Any, **kwargs: Any) -> Any:
        made.append(getattr(fn, "__name__", repr(fn)))
        return await original(self, fn, *args, **kwargs)  # type: ignore[no-untyped-call]

    with monkeypatch.context() as patch:
        patch.setattr(aiosqlite.Connection, "_execute", counted)
        yield made


def outside_writer(database_url: str) -> sqlite3.Connection:
    """A second, plain sqlite3 connection to the same file that gives up at once when locked."""
    return sqlite3.connect(database_url.removeprefix("sqlite+aiosqlite:///"), timeout=0)


async def warm(database: Database) -> None:
    """Open the pool's connection first, so the trips counted are a transaction's alone."""
    async with database.transaction() as session:
        await session.execute(text("SELECT 1"))


async def test_a_transaction_of_one_read_and_one_write_makes_three_trips(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """BEGIN rides with the read; the write; COMMIT. No cursor opening or closing, no fetch,
    no rollback when the pool takes the connection back."""
    await warm(database)
    with trips(monkeypatch) as made:
        async with database.transaction() as session:
            await session.scalar(text("SELECT count(*) FROM members"))
            await session.execute(text(MEMBER), {"n": 1, "name": "Maya"})
    assert made == ["_run", "_run", "commit"]


async def test_a_transaction_without_statements_makes_no_trip(
    database: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    await warm(database)
    with trips(monkeypatch) as made:
        async with database.engine.begin():
            pass
    assert made == []


async def test_a_read_returns_its_rows_and_column_names(database: Database) -> None:
    async with database.transaction() as session:
        await session.execute(text(MEMBER), {"n": 1, "name": "Maya"})
        await session.execute(text(MEMBER), {"n": 2, "name": "Ravi"})
        result = await session.execute(
            text("SELECT telegram_user_id AS user, name FROM members ORDER BY 1")
        )
        assert list(result.keys()) == ["user", "name"]
        assert [tuple(row) for row in result] == [(1, "Maya"), (2, "Ravi")]


async def test_a_write_reports_its_row_count_and_new_row_id(database: Database) -> None:
    async with database.engine.begin() as connection:
        inserted = await connection.execute(text(MEMBER), {"n": 1, "name": "Maya"})
        row_id = await connection.scalar(text("SELECT id FROM members"))
        assert inserted.lastrowid == row_id
        renamed = await connection.execute(text("UPDATE members SET name = 'M'"))
        assert renamed.rowcount == 1


async def test_many_parameter_sets_insert_every_row(database: Database) -> None:
    async with database.transaction() as session:
        await session.execute(text(MEMBER), [{"n": n, "name": f"M{n}"} for n in range(1, 6)])
        assert await session.scalar(text("SELECT count(*) FROM members")) == 5


async def test_a_failing_statement_raises_sqlalchemys_error_and_rolls_back(
    database: Database,
) -> None:
    async def twice() -> None:
        async with database.transaction() as session:
            await session.execute(text(MEMBER), {"n": 1, "name": "Maya"})
            await session.execute(text(MEMBER), {"n": 1, "name": "Maya again"})

    with pytest.raises(IntegrityError):
        await twice()
    async with database.read() as session:
        assert await session.scalar(text("SELECT count(*) FROM members")) == 0


async def test_a_write_transaction_holds_the_write_lock_from_its_first_read(
    database: Database, database_url: str
) -> None:
    """BEGIN IMMEDIATE, sent with the first statement: after a mere read, another
    connection cannot take the write lock until the transaction ends."""
    other = outside_writer(database_url)
    try:
        async with database.transaction() as session:
            await session.scalar(text("SELECT count(*) FROM members"))
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        other.execute("BEGIN IMMEDIATE")  # free again once it has committed
        other.rollback()
    finally:
        other.close()


async def test_a_read_sees_one_snapshot_from_its_first_statement(
    database: Database, database_url: str
) -> None:
    """The read engine's deferred BEGIN also rides with the first statement, so a write
    committed elsewhere between two statements of one read is not seen by the second."""
    other = outside_writer(database_url)
    try:
        async with database.read() as session:
            before = await session.scalar(text("SELECT count(*) FROM members"))
            other.execute(MEMBER, {"n": 7, "name": "Outside"})
            other.commit()
            after = await session.scalar(text("SELECT count(*) FROM members"))
        assert before == after == 0
    finally:
        other.close()


async def test_a_streamed_result_still_yields_every_row(database: Database) -> None:
    async with database.transaction() as session:
        await session.execute(text(MEMBER), [{"n": n, "name": f"M{n}"} for n in range(1, 4)])
    async with database.engine.connect() as connection:
        streamed = await connection.stream(text("SELECT telegram_user_id FROM members"))
        assert [row[0] async for row in streamed] == [1, 2, 3]


async def test_concurrent_transactions_each_make_their_own_trips(
    database: Database,
) -> None:
    """Twenty writers at once, each reading then writing: every write lands once."""

    async def write(n: int) -> None:
        async with database.transaction() as session:
            await session.scalar(text("SELECT count(*) FROM members"))
            await session.execute(text(MEMBER), {"n": n, "name": f"M{n}"})

    await asyncio.gather(*(write(n) for n in range(1, 21)))
    async with database.read() as session:
        assert await session.scalar(text("SELECT count(*) FROM members")) == 20


async def test_a_statement_cancelled_before_its_begin_ran_leaves_no_write_lock(
    database: Database, database_url: str
) -> None:
    """A task cancelled while its first statement (and the BEGIN IMMEDIATE riding with it)
    still waits behind other work on the worker thread: the rollback reads "no transaction
    yet", so it is SQLAlchemy closing the cancelled connection that must free the lock once
    the BEGIN has run, never a pooled connection keeping it."""
    async with database.engine.connect() as connection:
        raw = await connection.get_raw_connection()
        driver = raw.driver_connection
        assert isinstance(driver, aiosqlite.Connection)
        busy = asyncio.ensure_future(driver._execute(time.sleep, 0.3))  # type: ignore[no-untyped-call]
        await asyncio.sleep(0.01)
        statement = asyncio.ensure_future(connection.execute(text("SELECT 1")))
        await asyncio.sleep(0.05)
        statement.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await statement
        await connection.rollback()
        await busy
    other = outside_writer(database_url)
    try:
        other.execute("BEGIN IMMEDIATE")
        other.rollback()
    finally:
        other.close()
