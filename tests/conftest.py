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
