"""Memory and start-up: the bot's resident memory with 1,000 and 10,000 members and their
scheduled reminders, and how long ``ReminderScheduler.rebuild()`` takes after a restart.

For each member count the bot runs as ``python -m bot run`` (SQLite, every member reminded
daily, the reminders hours away so none fires) and its RSS is read with psutil once it polls.
Then the scheduler is rebuilt in this process, as ``post_init`` does at start-up, and timed.

    .venv/bin/python -m bench.memory --members 1000 10000
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import pstats
import time
from datetime import UTC, datetime, timedelta

from bench.harness import bot_environment, bot_process, fresh_database, mark, seed_members
from bot.app import build_application
from bot.config import Settings
from bot.context import BotServices, install
from bot.jobs.reminders import ReminderScheduler
from emulator import BotApiEmulator
from protocols.loader import load_protocol_library
from storage.database import Database

RSS_TARGET_MB = 300
SETTLE = 2.0
"""Seconds after the first answer before memory is read."""
STRANGER_ID = 999_999_001
"""Someone who is not a member: their text is read for red flags and answered."""
READER_BUILD_TIMEOUT = 120.0


def _reminder_time() -> datetime:
    """Six hours from now: outside the catch-up window, so no reminder fires during the run."""
    return datetime.now(UTC) + timedelta(hours=6)


async def resident_mb(emulator: BotApiEmulator, url: str) -> tuple[float, float]:
    """The bot's RSS in MB once it polls and has read a first message (so the red-flag reader,
    built in the background at start-up, is in memory), and the seconds from launch to its
    first poll."""
    loop = asyncio.get_running_loop()
    launched = loop.time()
    async with bot_process(emulator, ["-m", "bot", "run"], bot_environment(emulator, url)) as bot:
        stranger = emulator.user(user_id=STRANGER_ID, first_name="Sam")
        await stranger.send_text("hello, is this the check-in bot?")
        await stranger.wait_for_message(timeout=READER_BUILD_TIMEOUT)
        await asyncio.sleep(SETTLE)
        return float(bot.stats.memory_info().rss) / 2**20, bot.started - launched


async def timed_rebuild(emulator: BotApiEmulator, url: str, profile: bool) -> tuple[int, float]:
    """Members planned and seconds taken by ``ReminderScheduler.rebuild()``."""
    settings = Settings(
        _env_file=None,
        telegram_bot_token=emulator.bot_token,
        telegram_api_base_url=emulator.base_url,
        telegram_api_file_url=emulator.base_file_url,
        database_url=url,
    )
    application = build_application(settings, token=emulator.bot_token)
    await application.initialize()
    database = await Database.connect(url)
    try:
        services = BotServices(settings, database, load_protocol_library(settings.protocols_dir))
        install(application.bot_data, services)
        scheduler = ReminderScheduler(application, services)
        profiler = cProfile.Profile()
        started = time.perf_counter()
        with profiler if profile else contextlib.nullcontext():
            planned = await scheduler.rebuild()
        seconds = time.perf_counter() - started
    finally:
        await database.dispose()
        await application.shutdown()
    if profile:
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)
    return planned, seconds


async def main(counts: list[int], profile: bool) -> None:
    resident: dict[int, float] = {}
    for members in counts:
        async with BotApiEmulator(seed=1) as emulator, fresh_database("sqlite") as url:
            await seed_members(url, members, reminder_time=_reminder_time().time())
            resident[members], startup = await resident_mb(emulator, url)
            planned, rebuild = await timed_rebuild(emulator, url, profile)
        verdict = mark(resident[members], RSS_TARGET_MB, at_least=False)
        print(
            f"memory  {members:>6} members: bot RSS {resident[members]:6.1f} MB "
            f"(target < {RSS_TARGET_MB} MB) {verdict}",
            flush=True,
        )
        print(
            f"startup {members:>6} members: rebuild() planned {planned} in {rebuild:.2f} s; "
            f"launch to first poll {startup:.1f} s",
            flush=True,
        )
    if len(counts) > 1:
        low, high = min(counts), max(counts)
        growth = (resident[high] - resident[low]) / (high - low) * 1000
        print(f"memory  growth {growth:.1f} MB per 1,000 members ({low} -> {high})")


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--members", type=int, nargs="+", default=[1_000, 10_000], help="(1000 10000)"
    )
    parser.add_argument("--profile", action="store_true", help="print cProfile of rebuild()")
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_args()
    asyncio.run(main(args.members, args.profile))
