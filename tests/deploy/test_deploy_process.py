"""`python -m bot run` as its own process, configured only through the environment, against
the emulator acting as a Bot API server (cloud-like, or self-hosted in `--local` mode)."""

from __future__ import annotations

import asyncio
import os
import random
import re
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
from fixtures_bot import COACH_USER_ID, MEMBER_USER_ID, has_button, onboard
from tests_support import start_today

from emulator import BotApiEmulator, ChatMessage, SimulatedUser

VIDEO = b"\x00\x00\x00\x18ftypmp42" + random.Random(11).randbytes(300_000)


@dataclass
class BotProcess:
    process: asyncio.subprocess.Process
    stderr_path: Path

    async def terminate(self) -> tuple[int, str]:
        """SIGTERM, then the exit code and what the process wrote to stderr."""
        self.process.send_signal(signal.SIGTERM)
        code = await asyncio.wait_for(self.process.wait(), timeout=30)
        return code, self.stderr_path.read_text()


def bot_environment(emulator: BotApiEmulator, directory: Path, **extra: str) -> dict[str, str]:
    """Everything the bot process is told: no `.env` (its cwd is `directory`), no inherited
    settings."""
    return {
        "PATH": os.environ.get("PATH", ""),
        "TELEGRAM_BOT_TOKEN": emulator.bot_token,
        "TELEGRAM_API_BASE_URL": emulator.base_url,
        "TELEGRAM_API_FILE_URL": emulator.base_file_url,
        "DATABASE_URL": f"sqlite+aiosqlite:///{directory / 'bot.sqlite3'}",
        "COACH_CHAT_IDS": str(COACH_USER_ID),
        "DEFAULT_COACH_ID": str(COACH_USER_ID),
        "FORM_VIDEO_ARCHIVE_DIR": str(directory / "videos"),
        **extra,
    }


@asynccontextmanager
async def bot_process(
    emulator: BotApiEmulator, directory: Path, **extra: str
) -> AsyncIterator[BotProcess]:
    """`python -m bot run` with `bot_environment`, once started; killed at the end if the test
    did not stop it."""
    stderr_path = directory / "bot.stderr"
    with stderr_path.open("wb") as stderr:
        process = await asyncio.create_subprocess_exec(
            sys.executable,
            "-m",
            "bot",
            "run",
            cwd=directory,
            env=bot_environment(emulator, directory, **extra),
            stdin=asyncio.subprocess.DEVNULL,
            stdout=asyncio.subprocess.DEVNULL,
            stderr=stderr,
        )
    try:
        # The bot's start-up ends with `setMyCommands`; updates sent later reach its poll.
        try:
            await emulator.wait_until(lambda: bool(emulator.calls("setMyCommands")), 30)
        except TimeoutError:
            raise AssertionError(f"the bot did not start:\n{stderr_path.read_text()}") from None
        yield BotProcess(process, stderr_path)
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def run_cli(environment: dict[str, str], directory: Path) -> tuple[int, str]:
    """Run `python -m bot run` to its end; the exit code and stderr."""
    process = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "bot",
        "run",
        cwd=directory,
        env=environment,
        stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.PIPE,
    )
    _, stderr = await asyncio.wait_for(process.communicate(), timeout=60)
    assert process.returncode is not None
    return process.returncode, stderr.decode()


def is_step(message: ChatMessage) -> bool:
    return has_button(message, "Done")


async def send_video_after_one_step(member: SimulatedUser) -> None:
    """/start onboarding, /today, one step answered, then a form video of the next step."""
    await onboard(member)
    card = await start_today(member)
    await member.press("Done", card)
    await member.wait_for_edit(card)
    await member.send_video(VIDEO)
    # "on its way to your coach", or "kept it" when the coach's chat is not open to the bot
    await member.wait_for_message(lambda m: "your video" in (m.text or ""))


def archived_videos(directory: Path) -> list[Path]:
    return sorted(path for path in directory.glob("*") if path.suffix == ".mp4")


async def wait_for_archive(emulator: BotApiEmulator, directory: Path) -> Path:
    await emulator.wait_until(lambda: bool(archived_videos(directory)), timeout=15)
    [video] = archived_videos(directory)
    return video


@pytest.fixture
def coach_chat(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(COACH_USER_ID, "Coach", known=True)


async def test_bot_process_archives_the_form_video_bytes_through_the_file_url(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    member = emulator.user(MEMBER_USER_ID, "Maya")
    async with bot_process(emulator, tmp_path):
        await send_video_after_one_step(member)
        video = await wait_for_archive(emulator, tmp_path / "videos")
    assert video.read_bytes() == VIDEO
    assert re.fullmatch(r"\d+-crawling-\d{8}-\d{6}-\d+\.mp4", video.name)


async def test_bot_process_passes_the_form_video_itself_to_the_coach(
    emulator: BotApiEmulator, coach_chat: SimulatedUser, tmp_path: Path
) -> None:
    member = emulator.user(MEMBER_USER_ID, "Maya")
    async with bot_process(emulator, tmp_path):
        await send_video_after_one_step(member)
        copy = await coach_chat.wait_for_message(lambda m: m.file is not None)
    assert copy.data == VIDEO
    assert "Crawling" in (copy.caption or "")


async def test_bot_process_archives_by_copying_from_a_local_mode_server(tmp_path: Path) -> None:
    server_dir = tmp_path / "telegram-bot-api"
    async with BotApiEmulator(seed=4, local_dir=server_dir) as emulator:
        member = emulator.user(MEMBER_USER_ID, "Maya")
        async with bot_process(emulator, tmp_path, TELEGRAM_LOCAL_MODE="true"):
            await send_video_after_one_step(member)
            video = await wait_for_archive(emulator, tmp_path / "videos")
        [get_file] = emulator.calls("getFile")
    assert video.read_bytes() == VIDEO
    assert get_file.status == 200
    assert list(server_dir.rglob("*.mp4"))  # the bot read the server's file, not a URL


async def test_bot_process_exits_cleanly_on_sigterm_after_handling_a_video(
    emulator: BotApiEmulator, tmp_path: Path
) -> None:
    member = emulator.user(MEMBER_USER_ID, "Maya")
    async with bot_process(emulator, tmp_path) as bot:
        await send_video_after_one_step(member)
        code, stderr = await bot.terminate()
    assert code == 0, stderr
    assert "Traceback" not in stderr
    assert "stopped cleanly" in stderr


@pytest.mark.parametrize(
    ("token", "problem"),
    [("", "is not set"), ("not-a-token", "does not look like a bot token")],
    ids=["missing", "malformed"],
)
async def test_bot_process_refuses_a_bad_token_with_one_line_naming_the_variable(
    emulator: BotApiEmulator, tmp_path: Path, token: str, problem: str
) -> None:
    environment = bot_environment(emulator, tmp_path, TELEGRAM_BOT_TOKEN=token)
    code, stderr = await run_cli(environment, tmp_path)
    assert code != 0
    assert stderr.strip().splitlines() == [stderr.strip()]
    assert "TELEGRAM_BOT_TOKEN" in stderr
    assert problem in stderr
    assert "Traceback" not in stderr
