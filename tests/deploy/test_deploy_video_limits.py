"""Videos too big for the Bot API server: 20 MB on Telegram's cloud, 2000 MB self-hosted with
`--local`. The emulator reports the size, so no test allocates it."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack
from pathlib import Path

import pytest
from fixtures_bot import COACH_USER_ID, MEMBER_USER_ID, RunningBot, make_settings, onboard

from emulator import BotApiEmulator, ChatMessage, SimulatedUser

MB = 1024 * 1024
CLIP = b"\x00\x00\x00\x18ftypmp42 a short clip"


def is_too_big_notice(message: ChatMessage) -> bool:
    return "Please trim it or send a shorter clip" in (message.text or "")


def is_sent_notice(message: ChatMessage) -> bool:
    return "on its way to your coach" in (message.text or "")


@pytest.fixture
async def local_emulator(tmp_path: Path) -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(seed=4, local_dir=tmp_path / "telegram-bot-api") as emulator:
        yield emulator


@pytest.fixture
async def local_bot(local_emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[RunningBot]:
    """The bot against a self-hosted server in local mode, archiving form videos."""
    settings = make_settings(
        local_emulator,
        tmp_path,
        telegram_local_mode=True,
        form_video_archive_dir=tmp_path / "videos",
    )
    async with AsyncExitStack() as stack:
        bot = RunningBot(settings, local_emulator, stack)
        await bot.start()
        yield bot


async def test_video_over_20_mb_on_the_cloud_api_asks_the_member_to_trim_it(
    running_bot: RunningBot, member: SimulatedUser, emulator: BotApiEmulator
) -> None:
    coach_chat = emulator.user(COACH_USER_ID, "Coach", known=True)
    await onboard(member)
    await member.send_video(CLIP, file_size=25 * MB)
    notice = await member.wait_for_message()
    assert is_too_big_notice(notice)
    assert "25 MB, the limit is 20 MB" in (notice.text or "")
    assert [m for m in coach_chat.chat.bot_messages if m.file is not None] == []  # no copy


async def test_video_over_20_mb_from_a_local_mode_server_is_passed_on_and_archived(
    local_bot: RunningBot, local_emulator: BotApiEmulator, tmp_path: Path
) -> None:
    coach_chat = local_emulator.user(COACH_USER_ID, "Coach", known=True)
    member = local_emulator.user(MEMBER_USER_ID, "Maya")
    await onboard(member)
    await member.send_video(CLIP, file_size=300 * MB)
    assert is_sent_notice(await member.wait_for_message())
    copy = await coach_chat.wait_for_message(lambda m: m.file is not None)
    await local_emulator.wait_until(lambda: bool(list((tmp_path / "videos").glob("*.mp4"))))
    assert copy.data == CLIP


async def test_video_over_2000_mb_from_a_local_mode_server_asks_the_member_to_trim_it(
    local_bot: RunningBot, local_emulator: BotApiEmulator
) -> None:
    member = local_emulator.user(MEMBER_USER_ID, "Maya")
    await onboard(member)
    await member.send_video(CLIP, file_size=2100 * MB)
    notice = await member.wait_for_message()
    assert is_too_big_notice(notice)
    assert "the limit is 2000 MB" in (notice.text or "")
