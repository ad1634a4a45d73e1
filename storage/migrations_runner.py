"""Bring a database's schema to the latest Alembic migration.

`upgrade` is for the command line (`python -m bot db upgrade`); `upgrade_async` for the bot's
start-up inside a running event loop. Alembic's files are found next to this module, so
neither the working directory nor what else is called `storage` on sys.path matters.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config


def alembic_config(database_url: str) -> Config:
    """The Alembic configuration of the bundled migrations, aimed at `database_url`."""
    here = Path(__file__).resolve().parent
    config = Config(here / "alembic.ini")
    # alembic.ini says "storage:migrations" for the alembic CLI; here the path is exact.
    config.set_main_option("script_location", str(here / "migrations").replace("%", "%%"))
    # Passed as an attribute, not an ini option: URLs may hold '%' (configparser syntax).
    config.attributes["database_url"] = database_url
    return config


def upgrade(database_url: str) -> None:
    """Upgrade the schema to head. Blocking; must not be called from a running event loop."""
    command.upgrade(alembic_config(database_url), "head")


async def upgrade_async(database_url: str) -> None:
    """Upgrade the schema to head without blocking the loop (Alembic runs in a worker thread)."""
    await asyncio.to_thread(upgrade, database_url)
