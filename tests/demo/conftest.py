"""A running demo (emulator, bot and web chat) on a free port, with its own SQLite file."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.config import Settings
from bot.demo.server import Demo


@pytest.fixture
async def demo(tmp_path: Path) -> AsyncIterator[Demo]:
    settings = Settings(
        _env_file=None,
        database_url=f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}",
        tz="UTC",
    )
    async with Demo(settings, host="127.0.0.1", port=0) as running:
        yield running
