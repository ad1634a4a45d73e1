"""Bring a database's schema to the latest Alembic migration.

`upgrade` is for the command line (`python -m bot db upgrade`); `upgrade_async` for the bot's
start-up inside a running event loop. Alembic's files are found through the package, so the
working directory does not matter.
"""

from __future__ import annotations

import asyncio
from importlib.resources import files

from alembic import command
from alembic.config import Config


def alembic_config(database_url: str) -> Config:
    """The Alembic configuration of the bundled migrations, aimed at `database_url`."""
    config = Config(str(files("storage") / "alembic.ini"))
    # Passed as an attribute, not an ini option: URLs may hold '%' (configparser syntax).
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str) -> None:
    """Upgrade the schema to head. Blocking; must not be called from a running event loop."""
    command.upgrade(alembic_config(database_url), "head")


async def upgrade_async(database_url: str) -> None:
    """Upgrade the schema to head without blocking the loop (Alembic runs in a worker thread)."""
    await asyncio.to_thread(upgrade, database_url)
