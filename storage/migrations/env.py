"""Alembic's environment: runs the migrations on an async engine (aiosqlite or asyncpg).

The URL comes from `config.attributes["database_url"]` (set by storage.migrations_runner),
else `-x url=...`, else `sqlalchemy.url` in alembic.ini.
"""

from __future__ import annotations

import asyncio

from alembic import context
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


async def _run_async_migrations() -> None:
    engine = create_engine(_database_url(), poolclass=NullPool)
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
