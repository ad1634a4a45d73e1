"""Memory and start-up: the bot's resident memory with 1,000 and 10,000 members and their
scheduled reminders, and how long ``ReminderScheduler.rebuild()`` takes after a restart.

First a fresh process (`bench.memory_probe`) says what the memory is made of: the interpreter,
the imports, the red-flag reader, and what the first chart and XLSX export add (matplotlib and
openpyxl are imported on first use) and how much longer they take than the next.

For each member count the bot runs as ``python -m bot run`` (SQLite, every member reminded
daily, the reminders hours away so none fires) and its RSS is read with psutil once it has
answered a first message, then again after a member's ``/progress`` has drawn a chart (twice:
the first one imports matplotlib). Then the scheduler is rebuilt in this process, as
``post_init`` does at start-up, and timed.

    .venv/bin/python -m bench.memory --members 1000 10000
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import cProfile
import pstats
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import insert

from bench.harness import (
    ROOT,
    bot_environment,
    bot_process,
    fresh_database,
    mark,
    member_user_id,
    seed_members,
)
from bench.memory_probe import Parts
from bot.app import build_application
from bot.config import Settings
from bot.context import BotServices, install
from bot.jobs.reminders import ReminderScheduler
from emulator import BotApiEmulator, SimulatedUser
from protocols.loader import load_protocol_library
from storage.database import Database, create_engine
from storage.models import CheckInKind, SymptomReport

RSS_TARGET_MB = 300
SETTLE = 2.0
"""Seconds after the first answer before memory is read."""
STRANGER_ID = 999_999_001
"""Someone who is not a member: their text is read for red flags and answered."""
READER_BUILD_TIMEOUT = 120.0
CHART_TIMEOUT = 60.0
CHART_PAINS = (3, 4, 6, 5, 7, 6, 5, 4)
"""The first member's after-session pain scores, one every other day: /progress charts them."""


@dataclass(frozen=True)
class Resident:
    """The bot process's RSS in MB, and seconds from launch to its first poll and from a
    /progress to its chart."""

    answered_mb: float
    charted_mb: float
    startup_s: float
    first_chart_s: float
    next_chart_s: float


def _reminder_time() -> datetime:
    """Six hours from now: outside the catch-up window, so no reminder fires during the run."""
    return datetime.now(UTC) + timedelta(hours=6)


async def seed_check_ins(url: str) -> None:
    """After-session check-ins for the first seeded member (member id 1), so /progress draws
    a chart."""
    now = datetime.now(UTC)
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            await connection.execute(
                insert(SymptomReport),
                [
                    {
                        "member_id": 1,
                        "pain": pain,
                        "kind": CheckInKind.SESSION,
                        "at": now - timedelta(days=2 * (len(CHART_PAINS) - index)),
                    }
                    for index, pain in enumerate(CHART_PAINS)
                ],
            )
    finally:
        await engine.dispose()


async def resident(emulator: BotApiEmulator, url: str) -> Resident:
    """The bot's RSS once it polls and has read a first message (so the red-flag reader,
    built in the background at start-up, is in memory), and again after two charts."""
    loop = asyncio.get_running_loop()
    launched = loop.time()
    async with bot_process(emulator, ["-m", "bot", "run"], bot_environment(emulator, url)) as bot:
        stranger = emulator.user(user_id=STRANGER_ID, first_name="Sam")
        await stranger.send_text("hello, is this the check-in bot?")
        await stranger.wait_for_message(timeout=READER_BUILD_TIMEOUT)
        await asyncio.sleep(SETTLE)
        answered = float(bot.stats.memory_info().rss) / 2**20
        member = emulator.user(member_user_id(0), first_name="Member 0", known=True)
        first_chart = await timed_chart(member)
        next_chart = await timed_chart(member)
        await asyncio.sleep(SETTLE)
        charted = float(bot.stats.memory_info().rss) / 2**20
        return Resident(answered, charted, bot.started - launched, first_chart, next_chart)


async def timed_chart(member: SimulatedUser) -> float:
    """Seconds from the member's /progress to the chart in their chat."""
    started = time.perf_counter()
    await member.send_command("/progress")
    await member.wait_for_message(
        lambda message: message.file is not None and message.file.kind == "photo",
        timeout=CHART_TIMEOUT,
    )
    return time.perf_counter() - started


def probe() -> Parts:
    """`bench.memory_probe`'s figures, from a process of its own."""
    done = subprocess.run(
        [sys.executable, "-m", "bench.memory_probe"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return Parts.from_json(done.stdout.splitlines()[-1])


def print_parts(parts: Parts) -> None:
    print(
        f"parts   python {parts.python_mb:.1f} MB + imports "
        f"{parts.imports_mb - parts.python_mb:.1f} MB + red-flag reader "
        f"{parts.reader_mb - parts.imports_mb:.1f} MB (built in {parts.reader_s:.1f} s) "
        f"= {parts.reader_mb:.1f} MB in a bare process",
        flush=True,
    )
    for label, use in (("chart", parts.chart), ("XLSX export", parts.xlsx)):
        print(
            f"first   {label}: +{use.mb:.1f} MB, {use.first_s:.2f} s the first time "
            f"(imports included), {use.next_s:.2f} s the next",
            flush=True,
        )
    words = parts.vocabulary
    print(
        f"vocab   {words.new_strings:,} new strings: +{words.grown_mb:.1f} MB "
        f"({words.kb_per_string:.2f} kB each; renewed after {words.renew_after:,}: "
        f"+{words.kb_per_string * words.renew_after / 1024:.0f} MB at most); renewal "
        f"{words.renewal_s:.1f} s, after it {words.renewed_mb:+.1f} MB against before them",
        flush=True,
    )


def verdict(mb: float) -> str:
    return f"(target < {RSS_TARGET_MB} MB) {mark(mb, RSS_TARGET_MB, at_least=False)}"


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
    parts = probe()
    print_parts(parts)
    measured: dict[int, Resident] = {}
    for members in counts:
        async with BotApiEmulator(seed=1) as emulator, fresh_database("sqlite") as url:
            await seed_members(url, members, reminder_time=_reminder_time().time())
            await seed_check_ins(url)
            measured[members] = found = await resident(emulator, url)
            planned, rebuild = await timed_rebuild(emulator, url, profile)
        print(
            f"memory  {members:>6} members: bot RSS {found.answered_mb:6.1f} MB "
            f"{verdict(found.answered_mb)}; after a chart {found.charted_mb:6.1f} MB "
            f"{verdict(found.charted_mb)}",
            flush=True,
        )
        print(
            f"chart   {members:>6} members: /progress to its chart {found.first_chart_s:.2f} s "
            f"the first time, {found.next_chart_s:.2f} s the next",
            flush=True,
        )
        print(
            f"startup {members:>6} members: rebuild() planned {planned} in {rebuild:.2f} s; "
            f"launch to first poll {found.startup_s:.1f} s",
            flush=True,
        )
    low = min(counts)
    line = (
        f"memory  breakdown: {parts.reader_mb:.1f} MB interpreter, imports and reader (parts), "
        f"+{measured[low].answered_mb - parts.reader_mb:.1f} MB the running bot with {low} "
        "members"
    )
    if len(counts) > 1:
        high = max(counts)
        growth = (measured[high].answered_mb - measured[low].answered_mb) / (high - low) * 1000
        line += f", +{growth:.1f} MB per 1,000 members more ({low} -> {high})"
    print(line)


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
