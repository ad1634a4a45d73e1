"""What every benchmark shares: a fresh database seeded in bulk, and the bot in its own process.

The emulator and the simulated members run in the benchmark's process; the bot runs as
``python -m bot run`` (the production entry point) in a child process pointed at the emulator
through the environment, so on a 2-core machine the bot has a core of its own, as it would
against the real Telegram.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import sys
import tempfile
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import psutil  # type: ignore[import-untyped]
from sqlalchemy import insert, text
from sqlalchemy.engine import make_url

from emulator import BotApiEmulator, SimulatedUser
from storage.database import create_engine
from storage.migrations_runner import upgrade_async
from storage.models import Enrolment, Member

ROOT = Path(__file__).resolve().parent.parent
POSTGRES_URL = os.environ.get(
    "BENCH_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:54329/coach_bot_bench"
)
PROTOCOL = "lower-back-pain-relief-lvl1"
EVERY_DAY = frozenset(range(7))
FIRST_USER_ID = 100_000_000
SEED_CHUNK = 1_000
BOT_LOG = Path(tempfile.gettempdir()) / "bench-bot.log"


def member_user_id(index: int) -> int:
    """The Telegram user id (and private chat id) of the index-th seeded member."""
    return FIRST_USER_ID + index


def mark(figure: float, target: float, *, at_least: bool = True) -> str:
    """PASS or MISS for a figure against its target."""
    return "PASS" if (figure >= target if at_least else figure < target) else "MISS"


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of ``values`` (which must not be empty)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered)) - 1))
    return ordered[rank]


@asynccontextmanager
async def fresh_database(kind: str) -> AsyncIterator[str]:
    """An empty database at the latest migration: a temporary SQLite file, or the bench
    PostgreSQL database dropped and created again. Yields its URL."""
    if kind == "sqlite":
        with tempfile.TemporaryDirectory(prefix="coach-bench-") as directory:
            url = f"sqlite+aiosqlite:///{Path(directory) / 'bench.sqlite3'}"
            await upgrade_async(url)
            yield url
        return
    parsed = make_url(POSTGRES_URL)
    server = create_engine(parsed.set(database="postgres"), isolation_level="AUTOCOMMIT")
    try:
        async with server.connect() as connection:
            await connection.execute(text(f'DROP DATABASE IF EXISTS "{parsed.database}"'))
            await connection.execute(text(f'CREATE DATABASE "{parsed.database}"'))
    finally:
        await server.dispose()
    url = parsed.render_as_string(hide_password=False)
    await upgrade_async(url)
    yield url


async def seed_members(
    url: str, count: int, *, reminder_time: time = time(18, 0), zone: str = "UTC"
) -> None:
    """``count`` onboarded members enrolled in the level-1 protocol, reminded every day at
    ``reminder_time``: bulk INSERTs, SEED_CHUNK rows at a time."""
    now = datetime.now(UTC)
    engine = create_engine(url)
    try:
        async with engine.begin() as connection:
            for start in range(0, count, SEED_CHUNK):
                indexes = range(start, min(start + SEED_CHUNK, count))
                members = [
                    {
                        "id": index + 1,
                        "telegram_user_id": member_user_id(index),
                        "chat_id": member_user_id(index),
                        "name": f"Member {index}",
                        "username": None,
                        "time_zone": ZoneInfo(zone),
                        "consent_at": now,
                        "onboarded_at": now,
                        "paused": False,
                        "inactive": False,
                        "awaiting": None,
                        "created_at": now,
                    }
                    for index in indexes
                ]
                enrolments = [
                    {
                        "member_id": index + 1,
                        "protocol": PROTOCOL,
                        "workout_days": EVERY_DAY,
                        "reminder_time": reminder_time,
                        "start_date": date.today(),
                        "active": True,
                    }
                    for index in indexes
                ]
                await connection.execute(insert(Member), members)
                await connection.execute(insert(Enrolment), enrolments)
    finally:
        await engine.dispose()


def add_emulator_users(emulator: BotApiEmulator, count: int) -> list[SimulatedUser]:
    """The seeded members as Telegram users who have already written to the bot."""
    return [
        emulator.user(member_user_id(index), first_name=f"Member {index}", known=True)
        for index in range(count)
    ]


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    started: float
    """The event loop's clock when the bot started polling."""

    @property
    def stats(self) -> psutil.Process:
        return psutil.Process(self.process.pid)

    def cpu_seconds(self) -> float:
        """User and system CPU time the bot has used so far."""
        times = self.stats.cpu_times()
        return float(times.user + times.system)

    async def settled(self, *, window: float = 0.5, busy: float = 0.05) -> None:
        """Wait until the bot has finished starting: less than `busy` of a core used over
        `window` seconds. Polling, the bot is ready before its start-up work is done (the
        red-flag reader builds in a worker thread for a few seconds); a measurement of the
        work per update starts after it."""
        while True:
            before = self.cpu_seconds()
            await asyncio.sleep(window)
            if self.cpu_seconds() - before < busy * window:
                return


def bot_environment(emulator: BotApiEmulator, database_url: str) -> dict[str, str]:
    """``python -m bot run``'s configuration, aimed at the emulator."""
    return {
        "TELEGRAM_BOT_TOKEN": emulator.bot_token,
        "TELEGRAM_API_BASE_URL": emulator.base_url,
        "TELEGRAM_API_FILE_URL": emulator.base_file_url,
        "DATABASE_URL": database_url,
        "COACH_CHAT_IDS": "900001",
        "DEFAULT_COACH_ID": "900001",
        "TZ": "UTC",
    }


@asynccontextmanager
async def bot_process(
    emulator: BotApiEmulator,
    command: list[str],
    environment: Mapping[str, str],
    *,
    ready_timeout: float = 300.0,
) -> AsyncIterator[BotProcess]:
    """Run ``python <command>`` until the block ends; ready once it starts polling the emulator
    (its ``deleteWebhook``, which comes right before the first ``getUpdates``: a long poll is
    only logged when it returns).

    The bot's log goes to ``bench-bot.log`` in the temporary directory. It is stopped with
    SIGTERM, as a service manager would, so it shuts down cleanly (and a ``-m cProfile``
    wrapper writes its profile).
    """
    # The bot's long poll in flight when it stops ends in a "Connection lost" log line.
    logging.getLogger("aiohttp.server").setLevel(logging.CRITICAL)
    polls_before = len(emulator.calls("deleteWebhook"))
    with BOT_LOG.open("w") as log:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            *command,
            cwd=ROOT,
            env={**os.environ, **environment},
            stdout=log,
            stderr=log,
        )
    try:
        await emulator.wait_until(
            lambda: (
                len(emulator.calls("deleteWebhook")) > polls_before
                or process.returncode is not None
            ),
            timeout=ready_timeout,
        )
        if process.returncode is not None:
            raise RuntimeError(f"the bot exited with code {process.returncode}; see {BOT_LOG}")
        yield BotProcess(process, asyncio.get_running_loop().time())
    finally:
        if process.returncode is None:
            process.send_signal(signal.SIGTERM)
            try:
                await asyncio.wait_for(process.wait(), 30)
            except TimeoutError:
                process.kill()
                await process.wait()
