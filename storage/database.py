"""The engine and the units of work: one `Database` per process, one transaction per update.

On SQLite the process has one writer at a time: `transaction()` waits for an asyncio lock
before its `BEGIN IMMEDIATE`, so a writer waits in the event loop, never inside SQLite's busy
handler while the lock holder's next statement queues behind that same busy loop (which ran
into "database is locked" under load). `read()` takes no lock: in WAL mode readers never
block a writer nor wait for one.

SQLite files are kept private (0600, a folder the bot creates 0700), deleted rows are
overwritten (`secure_delete`), and `checkpoint()` empties the WAL, so text a member erased
is gone from every file once the delete flow has called it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection, make_url
from sqlalchemy.ext.asyncio import (
    AsyncEngine,
    AsyncSession,
    async_sessionmaker,
    create_async_engine,
)

from storage.sqlite_driver import OneTripConnection, one_trip_module

log = logging.getLogger(__name__)

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
_SQLITE_SIDE_FILES = ("-wal", "-shm", "-journal")


def create_engine(url: str | URL, *, read_only: bool = False, **options: Any) -> AsyncEngine:
    """An async engine for `url`; SQLite connections get WAL, foreign keys, secure delete and
    a busy timeout, and the database file is made private before SQLite opens it.

    SQLite transactions start with BEGIN IMMEDIATE: a transaction that reads and then writes
    (most of ours) takes the write lock up front, instead of failing with "database is
    locked" when two of them try to upgrade their locks at once. A `read_only` SQLite engine
    begins deferred transactions instead, on connections that refuse writes (query_only).
    Statements go through `storage.sqlite_driver` (one trip to aiosqlite's thread each, the
    BEGIN in the first statement's trip).

    PostgreSQL gets a small pre-pinged, recycled pool: the bot is one process whose work is
    short transactions. Extra `options` go to `create_async_engine` (e.g. `poolclass`).
    """
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        path = sqlite_file(parsed)
        if path is not None:
            make_private(path)
        engine = create_async_engine(parsed, module=one_trip_module(), **options)
        configure = _configure_sqlite_reader if read_only else _configure_sqlite_connection
        event.listen(engine.sync_engine, "connect", configure)
        begin = _begin_deferred if read_only else _begin_immediately
        event.listen(engine.sync_engine, "begin", begin)
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


def sqlite_file(url: str | URL) -> Path | None:
    """The file of a SQLite URL; None for PostgreSQL and for an in-memory database."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if database in ("", ":memory:") or database.startswith("file:"):
        return None
    return Path(database)


def make_private(path: Path) -> None:
    """Create the SQLite file (and a missing folder) readable by the bot's user alone, or
    narrow an existing one and its WAL/SHM to that user.

    SQLite gives the WAL and SHM files it creates the database file's permissions, so a
    private database file keeps them private too.
    """
    if not path.parent.exists():
        path.parent.mkdir(mode=PRIVATE_FOLDER, parents=True)
    with contextlib.suppress(FileExistsError):  # an empty file is a valid SQLite database
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    for candidate in (path, *(path.with_name(path.name + side) for side in _SQLITE_SIDE_FILES)):
        try:
            if candidate.exists() and candidate.stat().st_mode & 0o077:
                candidate.chmod(PRIVATE_FILE)
        except PermissionError:
            log.warning("%s is readable by other users; the bot cannot change that", candidate)


def _configure_sqlite_connection(dbapi_connection: Any, _connection_record: Any) -> None:
    # The driver's own implicit BEGIN is switched off; `_begin_immediately` emits ours.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA busy_timeout=5000")  # ms; in-process writers queue on a lock
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA secure_delete=ON")  # deleted rows are overwritten with zeros
    finally:
        cursor.close()


def _configure_sqlite_reader(dbapi_connection: Any, connection_record: Any) -> None:
    _configure_sqlite_connection(dbapi_connection, connection_record)
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA query_only=ON")
    finally:
        cursor.close()


def _begin_immediately(connection: Connection) -> None:
    _one_trip(connection).begin_with_next_statement("BEGIN IMMEDIATE")


def _begin_deferred(connection: Connection) -> None:
    _one_trip(connection).begin_with_next_statement("BEGIN")


def _one_trip(connection: Connection) -> OneTripConnection:
    adapted = connection.connection.dbapi_connection
    assert isinstance(adapted, OneTripConnection), "SQLite engines are built by create_engine"
    return adapted


class NestedTransactionError(RuntimeError):
    """A task opened a transaction inside its own open transaction: on SQLite it would wait
    for itself on the writer lock forever."""


class Database:
    """The process's engines and session factories.

    Build it once at start-up with `await Database.connect(url)`; each update then runs in
    `async with database.transaction() as session:`, or `database.read()` when it only reads.
    """

    def __init__(self, engine: AsyncEngine, reader: AsyncEngine | None = None) -> None:
        self.engine = engine
        self._reader = reader
        self.is_sqlite = engine.dialect.name == "sqlite"
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        if reader is not None:
            read_engine = reader
        elif self.is_sqlite:
            read_engine = engine
        else:
            read_engine = engine.execution_options(postgresql_readonly=True)
        self._read_sessions = async_sessionmaker(read_engine, expire_on_commit=False)
        self._writer = asyncio.Lock()
        self._writer_task: asyncio.Task[Any] | None = None

    @classmethod
    async def connect(cls, url: str) -> Database:
        """Create the engines and check that the database answers (fails fast at start-up)."""
        engine = create_engine(url)
        reader = create_engine(url, read_only=True) if sqlite_file(url) is not None else None
        try:
            async with engine.connect():
                pass
        except BaseException:
            await engine.dispose()
            if reader is not None:
                await reader.dispose()
            raise
        return cls(engine, reader)

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[AsyncSession]:
        """One unit of work that may write: commits when the block ends, rolls back if it
        raises. On SQLite it first waits its turn behind the process's other writers."""
        if not self.is_sqlite:
            async with self._sessions.begin() as session:
                yield session
            return
        async with self._writer_turn(), self._sessions.begin() as session:
            yield session

    @asynccontextmanager
    async def read(self) -> AsyncIterator[AsyncSession]:
        """One read-only unit of work: a consistent snapshot, never waiting for a writer.

        A write inside it fails (SQLite: query_only; PostgreSQL: a READ ONLY transaction).
        """
        async with self._read_sessions.begin() as session:
            yield session

    async def checkpoint(self) -> bool:
        """Copy the WAL into the database file and truncate it to nothing (SQLite; nothing to
        do on PostgreSQL). Call after erasing a member, so their rows survive in no file.
        False if a reader kept part of the WAL busy (SQLite's busy timeout ran out)."""
        if not self.is_sqlite:
            return True
        async with self._writer_turn(), self.engine.connect() as connection:
            raw = await connection.get_raw_connection()
            driver = raw.driver_connection
            assert driver is not None
            async with driver.execute("PRAGMA wal_checkpoint(TRUNCATE)") as cursor:
                row = await cursor.fetchone()
        return row is not None and row[0] == 0

    @asynccontextmanager
    async def _writer_turn(self) -> AsyncIterator[None]:
        """Hold the process's SQLite writer lock (refusing a task that already holds it)."""
        task = asyncio.current_task()
        if task is not None and task is self._writer_task:
            raise NestedTransactionError("this task already has a transaction open")
        async with self._writer:
            self._writer_task = task
            try:
                yield
            finally:
                self._writer_task = None

    async def dispose(self) -> None:
        """Close every pooled connection; call once at shutdown."""
        await self.engine.dispose()
        if self._reader is not None:
            await self._reader.dispose()


def backup_sqlite(url: str, target: Path) -> None:
    """A consistent copy of the SQLite database at `url` in the new file `target` (0600),
    taken with SQLite's online backup API while the bot may keep running.

    FileExistsError if `target` exists; ValueError if `url` is not a SQLite file.
    """
    source_path = sqlite_file(url)
    if source_path is None:
        raise ValueError("not a SQLite database file")
    if not source_path.is_file():
        raise FileNotFoundError(f"no database at {source_path}")
    os.close(os.open(target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))
    source = sqlite3.connect(f"{source_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        copy = sqlite3.connect(target)
        try:
            source.backup(copy)
        finally:
            copy.close()
    except BaseException:
        target.unlink(missing_ok=True)
        raise
    finally:
        source.close()
