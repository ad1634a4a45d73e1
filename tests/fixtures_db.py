"""Database fixtures shared by every test: `database_url` and `database`.

Both are parametrised over SQLite and PostgreSQL, so a test using them runs on each:

    async def test_something(database: Database) -> None:
        async with database.transaction() as session:
            ...

SQLite is a fresh file in the test's tmp_path. PostgreSQL is a fresh database created on the
server at TEST_POSTGRES_URL (`eval "$(.ci/postgres)"` starts one) and dropped afterwards.
Without a reachable server those tests are skipped, unless REQUIRE_POSTGRES=1 (as in CI),
where they fail. `database` runs the Alembic migrations, never create_all.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from storage.database import Database, create_engine
from storage.migrations_runner import upgrade_async

BACKENDS = [
    pytest.param("sqlite", id="sqlite"),
    pytest.param("postgres", id="postgres", marks=pytest.mark.postgres),
]

# Whether the server answered, remembered so an unreachable server costs one timeout per run.
_postgres_problem: dict[str, str | None] = {}


def _unavailable(reason: str) -> None:
    if os.environ.get("REQUIRE_POSTGRES") == "1":
        pytest.fail(f"PostgreSQL is required (REQUIRE_POSTGRES=1) but {reason}", pytrace=False)
    pytest.skip(f"no PostgreSQL for this test: {reason}")


async def _check_postgres(admin_url: str) -> str | None:
    if admin_url not in _postgres_problem:
        engine = create_engine(admin_url, poolclass=NullPool, connect_args={"timeout": 5})
        try:
            async with engine.connect():
                _postgres_problem[admin_url] = None
        except Exception as error:
            _postgres_problem[admin_url] = f"{admin_url} is unreachable ({error!r})"
        finally:
            await engine.dispose()
    return _postgres_problem[admin_url]


async def _fresh_postgres_database() -> AsyncIterator[str]:
    admin_url = os.environ.get("TEST_POSTGRES_URL", "")
    if not admin_url:
        _unavailable('TEST_POSTGRES_URL is not set (eval "$(.ci/postgres)" starts a server)')
    problem = await _check_postgres(admin_url)
    if problem:
        _unavailable(problem)
    name = f"coach_bot_test_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, poolclass=NullPool, isolation_level="AUTOCOMMIT")
    quoted = admin.dialect.identifier_preparer.quote(name)
    try:
        async with admin.connect() as connection:
            await connection.execute(text(f"CREATE DATABASE {quoted} TEMPLATE template0"))
        try:
            yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        finally:
            async with admin.connect() as connection:
                await connection.execute(text(f"DROP DATABASE IF EXISTS {quoted} WITH (FORCE)"))
    finally:
        await admin.dispose()


@pytest.fixture(params=BACKENDS)
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """The URL of a fresh, empty database (no tables yet), on each backend."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'coach-bot.sqlite3'}"
        return
    async for url in _fresh_postgres_database():
        yield url


@pytest.fixture
async def database(database_url: str) -> AsyncIterator[Database]:
    """A connected `Database` whose schema was built by the Alembic migrations."""
    await upgrade_async(database_url)
    database = await Database.connect(database_url)
    try:
        yield database
    finally:
        await database.dispose()
