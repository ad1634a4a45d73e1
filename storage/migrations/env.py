"""Alembic's environment: runs the migrations on an async engine (aiosqlite or asyncpg).

The URL comes from `config.attributes["database_url"]` (set by storage.migrations_runner),
else `-x url=...`, else `sqlalchemy.url` in alembic.ini.

On SQLite, foreign keys are not enforced while migrating, as SQLite's own procedure for schema
changes asks: a batch migration rebuilds a table by copying it and dropping the original, and
dropping `members` with foreign keys on would first delete every row that cascades from it
(sessions, check-ins, flags...). The keys are checked once the migrations are done instead.
"""

from __future__ import annotations

import asyncio
from typing import Any

from alembic import context
from sqlalchemy import event, text
from sqlalchemy.engine import Connection
from sqlalchemy.pool import NullPool

from storage.database import create_engine
from storage.models import Base


def _database_url() -> str:
    config = context.config
    url = config.attributes.get("database_url") or context.get_x_argument(as_dictionary=True).get(
        "url"
    )
    if url:
        return str(url)
    configured = config.get_main_option("sqlalchemy.url")
    if not configured:
        raise RuntimeError("no database URL: pass -x url=... or set sqlalchemy.url")
    return configured


def _run_migrations(connection: Connection) -> None:
    # Batch mode lets later migrations ALTER tables on SQLite (by copy and rename).
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()
        if connection.dialect.name == "sqlite":
            broken = connection.execute(text("PRAGMA foreign_key_check")).all()
            if broken:
                raise RuntimeError(f"the migrations left broken foreign keys: {broken[:5]}")


def _foreign_keys_off(dbapi_connection: Any, _connection_record: Any) -> None:
    """Runs after `storage.database`'s own set-up of each SQLite connection, outside any
    transaction (where SQLite would ignore it)."""
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys=OFF")
    finally:
        cursor.close()


async def _run_async_migrations() -> None:
    engine = create_engine(_database_url(), poolclass=NullPool)
    if engine.dialect.name == "sqlite":
        event.listen(engine.sync_engine, "connect", _foreign_keys_off)
    try:
        async with engine.connect() as connection:
            await connection.run_sync(_run_migrations)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    context.configure(
        url=_database_url(),
        target_metadata=Base.metadata,
        render_as_batch=True,
        literal_binds=True,
    )
    with context.begin_transaction():
        context.run_migrations()
else:
    asyncio.run(_run_async_migrations())
