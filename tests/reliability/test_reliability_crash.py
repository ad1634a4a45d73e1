"""The bot as its own process (`python -m bot run`), killed with SIGKILL in the middle of a
workout and started again: every answer it had acknowledged is in the database, an answer
in flight at the kill is recorded at most once, and /today resumes at the right step. Its
stderr never shows the bot token."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from fixtures_bot import COACH_USER_ID, onboard
from reliability_support import is_step, step_number, stored_state
from tests_support import start_today

from bot.render.card import RESUMED_NOTICE
from emulator import BotApiEmulator, SimulatedUser
from storage.database import Database

REPO = Path(__file__).resolve().parents[2]


class BotProcess:
    """`python -m bot run` against the emulator, in its own working directory (no .env)."""

    def __init__(self, emulator: BotApiEmulator, directory: Path) -> None:
        self.directory = directory
        self.database_url = f"sqlite+aiosqlite:///{directory / 'bot.sqlite3'}"
        self.env = {
            "PATH": os.environ.get("PATH", ""),
            "PYTHONPATH": str(REPO),
            "TELEGRAM_BOT_TOKEN": emulator.bot_token,
            "TELEGRAM_API_BASE_URL": emulator.base_url,
            "TELEGRAM_API_FILE_URL": emulator.base_file_url,
            "DATABASE_URL": self.database_url,
            "COACH_CHAT_IDS": str(COACH_USER_ID),
            "DEFAULT_COACH_ID": str(COACH_USER_ID),
            "TZ": "UTC",
        }
        self.process: subprocess.Popen[bytes] | None = None
        self.stderr: list[bytes] = []
        self._runs = 0

    def start(self) -> None:
        self._runs += 1
        log = (self.directory / f"stderr-{self._runs}.log").open("wb")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "run"],
            cwd=self.directory,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)
        assert self.process.returncode == -signal.SIGKILL

    def stop(self) -> None:
        # SIGKILL again: a clean stop waits for the long poll to end (seconds), and the
        # point of the test is that nothing depends on a clean stop.
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def output(self) -> str:
        return "".join(
            path.read_text(errors="replace") for path in sorted(self.directory.glob("stderr-*"))
        )


@pytest.fixture
def bot_process(emulator: BotApiEmulator, tmp_path: Path) -> Iterator[BotProcess]:
    process = BotProcess(emulator, tmp_path)
    yield process
    process.stop()


async def _ready(emulator: BotApiEmulator, starts_before: int) -> None:
    """The process is up once it has set its commands (the end of its start-up); its long
    poll then picks up whatever the test sends."""
    await emulator.wait_until(
        lambda: len(emulator.calls("setMyCommands")) > starts_before, timeout=30
    )


async def test_sigkill_mid_workout_loses_no_answer_and_today_resumes(
    emulator: BotApiEmulator, member: SimulatedUser, bot_process: BotProcess
) -> None:
    bot_process.start()
    await _ready(emulator, 0)
    await onboard(member)
    step = await start_today(member)
    for _ in range(3):  # three acknowledged answers: the card moved on each time
        await member.press("Done", step)
        await member.wait_for_edit(step)
    assert step_number(step) == 4

    # an answer in flight: pressed, and the process killed at once
    await member.press("Skip", step)
    bot_process.kill()

    starts = len(emulator.calls("setMyCommands"))
    bot_process.start()
    await _ready(emulator, starts)
    await member.send_command("/today")
    resumed = await member.wait_for_message(is_step, timeout=10)
    assert RESUMED_NOTICE() in (resumed.text or "")

    database = await Database.connect(bot_process.database_url)
    try:
        stored = await stored_state(database, member.id)
    finally:
        await database.dispose()
    acknowledged = [(0, "done"), (1, "done"), (2, "done")]
    assert stored.answers[:3] == acknowledged  # nothing acknowledged was lost
    assert stored.answers in (acknowledged, [*acknowledged, (3, "skipped")])  # at most once
    assert step_number(resumed) == len(stored.answers) + 1

    # the workout goes on from there
    number = step_number(resumed)
    await member.press("Done", resumed)
    await member.wait_for_edit(resumed)
    assert step_number(resumed) == number + 1

    bot_process.stop()
    print(f"answer in flight at the kill recorded: {len(stored.answers) == 4}")
    output = bot_process.output()
    assert emulator.bot_token not in output
    assert emulator.bot_token.split(":", 1)[1] not in output
