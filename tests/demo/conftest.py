"""A running demo (emulator, bot and web chat) on a free port, with its own SQLite file, and
a client that speaks to it as its page does."""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest

from bot.config import Settings
from bot.demo.server import Demo
from bot.demo.web_guard import TOKEN_HEADER


@pytest.fixture
async def demo(tmp_path: Path) -> AsyncIterator[Demo]:
    settings = Settings(_env_file=None, tz="UTC")
    database_url = f"sqlite+aiosqlite:///{tmp_path / 'demo.sqlite3'}"
    async with Demo(settings, host="127.0.0.1", port=0, database_url=database_url) as running:
        yield running


@pytest.fixture
async def page_http(demo: Demo) -> AsyncIterator[aiohttp.ClientSession]:
    """An HTTP client that sends what the demo's own page sends: the token in the page."""
    async with aiohttp.ClientSession() as http, http.get(demo.url) as page:
        found = re.search(r'<meta name="demo-token" content="([^"]+)">', await page.text())
    assert found is not None, "the page carries no token"
    async with aiohttp.ClientSession(headers={TOKEN_HEADER: found.group(1)}) as http:
        yield http
