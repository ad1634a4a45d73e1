"""SQLAlchemy's aiosqlite adapter, with one trip to the driver's thread per statement.

aiosqlite runs sqlite3 in a worker thread, and each call into it is a trip there and back
(queue the call, wake the thread, wake the event loop with the result: about 40 µs of CPU).
SQLAlchemy's adapter makes four trips for a SELECT (open a cursor, execute, fetch the rows,
close the cursor) and three for any other statement, and a transaction adds its BEGIN (a
statement of its own), its COMMIT and the pool's ROLLBACK when the connection is returned:
a Done press (a read and two writes) made sixteen trips. Here it makes four:

- a statement is one trip: the worker thread opens a cursor, runs the statement, fetches its
  rows and closes the cursor in one call, and the adapter's cursor serves what came back
  (description, rows, rowcount, lastrowid). SQLAlchemy buffers a SELECT's rows in full on
  this driver anyway, so nothing is read sooner than before;
- the transaction's BEGIN (`begin_with_next_statement`) runs on the worker thread right before
  the transaction's first statement, in that statement's trip;
- COMMIT and ROLLBACK make no trip when sqlite3 has no transaction open (the pool's rollback
  of a connection whose transaction has already been committed).

Server-side cursors (`Connection.stream()`) keep SQLAlchemy's own cursor. Pass
`one_trip_module()` to `create_async_engine(..., module=...)` for a `sqlite+aiosqlite` URL.
"""

from __future__ import annotations

import collections
import sqlite3
from collections.abc import Awaitable, Callable, Sequence
from typing import Any, NamedTuple, cast

import aiosqlite
from sqlalchemy.connectors.asyncio import AsyncAdapt_dbapi_connection, AsyncIODBAPIConnection
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_


class _Ran(NamedTuple):
    """What one statement left on its sqlite3 cursor."""

    description: Any
    rows: list[Any]
    rowcount: int
    lastrowid: int | None


def _run(
    connection: sqlite3.Connection,
    begin: str | None,
    operation: str,
    parameters: Any,
    many: bool,
) -> _Ran:
    """On the worker thread: the pending BEGIN if any, then one statement, and everything
    it produced."""
    if begin is not None:
        connection.execute(begin).close()
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        elif parameters is None:
            cursor.execute(operation)
        else:
            cursor.execute(operation, parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return _Ran(description, rows, cursor.rowcount, cursor.lastrowid)
    finally:
        cursor.close()


class OneTripCursor(AsyncAdapt_aiosqlite_cursor):
    """A buffered cursor whose every statement is one call on aiosqlite's thread."""

    __slots__ = ("_ran",)

    def __init__(self, adapt_connection: AsyncAdapt_dbapi_connection) -> None:
        # No sqlite3 cursor is opened here: `_run` opens and closes one per statement.
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._ran: _Ran | None = None

    @property
    def description(self) -> Any:
        return self._ran.description if self._ran is not None else None

    @property
    def rowcount(self) -> int:
        return self._ran.rowcount if self._ran is not None else -1

    @property
    def lastrowid(self) -> int:
        return self._ran.lastrowid if self._ran is not None else 0  # type: ignore[return-value]

    async def _async_soft_close(self) -> None:
        """Nothing to close: the statement's cursor was closed on the worker thread."""

    def close(self) -> None:
        self._rows.clear()

    def execute(self, operation: Any, parameters: Any = None) -> Any:
        self._trip(operation, parameters, many=False)

    def executemany(self, operation: Any, seq_of_parameters: Sequence[Any]) -> Any:
        self._trip(operation, seq_of_parameters, many=True)

    def _trip(self, operation: Any, parameters: Any, many: bool) -> None:
        try:
            await_(self._trip_async(operation, parameters, many))
        except Exception as error:
            self._adapt_connection._handle_exception(error)

    async def _trip_async(self, operation: Any, parameters: Any, many: bool) -> None:
        adapted = cast(OneTripConnection, self._adapt_connection)
        connection = cast(aiosqlite.Connection, self._connection)
        on_worker_thread = cast(Callable[..., Awaitable[_Ran]], connection._execute)
        async with adapted._execute_mutex:
            begin, adapted.pending_begin = adapted.pending_begin, None
            ran = await on_worker_thread(_run, connection._conn, begin, operation, parameters, many)
        self._ran = ran
        self._rows = collections.deque(ran.rows)


class OneTripConnection(AsyncAdapt_aiosqlite_connection):
    """aiosqlite's adapted connection with `OneTripCursor`s and a deferred BEGIN."""

    __slots__ = ("pending_begin",)

    _cursor_cls = OneTripCursor

    def __init__(self, dbapi: Any, connection: AsyncIODBAPIConnection) -> None:
        super().__init__(dbapi, connection)
        self.pending_begin: str | None = None

    def begin_with_next_statement(self, begin: str) -> None:
        """Open the transaction with `begin` ("BEGIN IMMEDIATE", "BEGIN") on the worker
        thread right before the next statement, in its trip. A transaction that ends with no
        statement never begins."""
        self.pending_begin = begin

    def commit(self) -> None:
        self.pending_begin = None
        if self._open():
            super().commit()

    def rollback(self) -> None:
        self.pending_begin = None
        if self._open():
            super().rollback()

    def _open(self) -> bool:
        """sqlite3 has a transaction open on this connection, read without a trip: no
        statement of this connection is on the worker thread when SQLAlchemy commits or rolls
        back (one whose task was cancelled while it waited gets the connection invalidated
        and closed, not rolled back and pooled)."""
        driver = cast(aiosqlite.Connection, self._connection)
        return driver._connection is not None and driver._connection.in_transaction


class OneTripDBAPI(AsyncAdapt_aiosqlite_dbapi):
    """The aiosqlite DB-API adapter whose connections make one trip per statement."""

    def connect(self, *arg: Any, **kw: Any) -> OneTripConnection:
        adapted = super().connect(*arg, **kw)
        return OneTripConnection(self, adapted._connection)


def one_trip_module() -> OneTripDBAPI:
    """The `module=` for `create_async_engine` with a `sqlite+aiosqlite` URL."""
    return OneTripDBAPI(aiosqlite, sqlite3)
