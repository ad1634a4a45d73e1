"""The Alembic migrations build exactly the schema the models describe, on both backends."""

from __future__ import annotations

import asyncio
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect
from sqlalchemy.engine import Connection

from storage.database import Database
from storage.migrations_runner import alembic_config, upgrade_async
from storage.models import Base

PROJECT_ROOT = Path(__file__).resolve().parents[2]


async def test_migrated_schema_matches_the_models(database: Database) -> None:
    def differences(connection: Connection) -> list[object]:
        return list(compare_metadata(MigrationContext.configure(connection), Base.metadata))

    async with database.engine.connect() as connection:
        assert await connection.run_sync(differences) == []


async def test_migrated_database_is_at_the_head_revision(database: Database) -> None:
    head = ScriptDirectory.from_config(alembic_config("unused")).get_current_head()

    def current(connection: Connection) -> str | None:
        return MigrationContext.configure(connection).get_current_revision()

    async with database.engine.connect() as connection:
        assert await connection.run_sync(current) == head


async def test_downgrade_to_base_removes_every_table(database_url: str) -> None:
    await upgrade_async(database_url)
    await asyncio.to_thread(command.downgrade, alembic_config(database_url), "base")

    database = await Database.connect(database_url)
    try:
        async with database.engine.connect() as connection:
            tables = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    finally:
        await database.dispose()
    assert set(tables) <= {"alembic_version"}


def test_db_upgrade_command_creates_the_schema_in_a_sqlite_file(tmp_path: Path) -> None:
    db_file = tmp_path / "bot.sqlite3"
    env = os.environ | {"DATABASE_URL": f"sqlite+aiosqlite:///{db_file}"}

    finished = subprocess.run(
        [sys.executable, "-m", "bot", "db", "upgrade"],
        cwd=tmp_path,  # away from any .env, and proves the migrations are found by package
        env=env | {"PYTHONPATH": str(PROJECT_ROOT)},
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert finished.returncode == 0, finished.stderr
    with sqlite3.connect(db_file) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert set(Base.metadata.tables) | {"alembic_version"} <= tables
