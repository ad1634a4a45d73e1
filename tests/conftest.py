"""Fixtures shared by all tests. Add yours below in a section of your own."""

# --- storage: `database_url` and `database` (see tests/fixtures_db.py) ---------------------
from fixtures_db import database, database_url

__all__ = ["database", "database_url"]

# --- Bot API emulator: `emulator`, `emulator_bot`, `run_bot` (see tests/fixtures_emulator.py) ---
from fixtures_emulator import emulator, emulator_bot, run_bot

__all__ += ["emulator", "emulator_bot", "run_bot"]

# --- the real bot against the emulator (see tests/fixtures_bot.py) --------------------------
from fixtures_bot import bot_settings, coach, member, running_bot  # noqa: E402

__all__ += ["bot_settings", "coach", "member", "running_bot"]

# --- the red-flag reader, built once per test process ---------------------------------------
import pytest  # noqa: E402

from bot.rules import red_flags  # noqa: E402


@pytest.fixture(scope="session", autouse=True)
def red_flag_reader() -> None:
    """Build the red-flag reader before the first test: a bot builds it in the background at
    start-up, and a test's first message would otherwise wait seconds for it (longer than
    the tests' waits on a loaded machine)."""
    red_flags.load()
