"""The emulator fixtures, also for runs of this directory alone."""

from fixtures_emulator import emulator, emulator_bot, run_bot

__all__ = ["emulator", "emulator_bot", "run_bot"]
