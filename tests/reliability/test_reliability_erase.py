"""/delete leaves no trace of the member: not in the database files, not in the video archive."""

from __future__ import annotations

from pathlib import Path

import pytest
from fixtures_bot import RunningBot, make_settings, onboard

from bot.config import Settings
from bot.render import texts
from emulator import BotApiEmulator, SimulatedUser
from storage import repository
from storage.database import sqlite_file

NOTE = "the ache behind my left knee came back after the stairs"
VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40


@pytest.fixture
def bot_settings(emulator: BotApiEmulator, tmp_path: Path) -> Settings:
    return make_settings(emulator, tmp_path, form_video_archive_dir=tmp_path / "videos")


def database_files(settings: Settings) -> list[Path]:
    main = sqlite_file(settings.database_url)
    assert main is not None
    return [path for path in (main, Path(f"{main}-wal"), Path(f"{main}-shm")) if path.exists()]


async def note_and_video(bot: RunningBot, member: SimulatedUser, archive: Path) -> None:
    """A check-in note stored and a form video archived for the member."""
    now = bot.services.clock()
    async with bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        await repository.check_ins.add(session, stored.id, pain=4, note=NOTE, now=now)
    await member.send_video(VIDEO)
    await bot.emulator.wait_until(lambda: bool(list(archive.glob("*.mp4"))), 5)


async def erase(bot: RunningBot, member: SimulatedUser) -> None:
    """/delete, confirmed; done once the confirmation is edited into the goodbye."""
    await member.send_command("/delete")
    await member.wait_for_message(lambda m: m.text == texts.DELETE_CONFIRM())
    await member.press(texts.DELETE_YES())
    await bot.emulator.wait_until(
        lambda: any(m.text == texts.DELETED() for m in member.messages), 5
    )


async def test_the_note_was_in_the_database_files_before_the_erase(
    running_bot: RunningBot, member: SimulatedUser, tmp_path: Path
) -> None:
    await onboard(member)
    await note_and_video(running_bot, member, tmp_path / "videos")
    assert any(NOTE.encode() in path.read_bytes() for path in database_files(running_bot.settings))


async def test_after_delete_the_note_is_in_no_database_file_and_the_videos_are_gone(
    running_bot: RunningBot, member: SimulatedUser, tmp_path: Path
) -> None:
    await onboard(member)
    await note_and_video(running_bot, member, tmp_path / "videos")
    await erase(running_bot, member)
    files = database_files(running_bot.settings)
    assert [path.name for path in files if NOTE.encode() in path.read_bytes()] == []
    assert list((tmp_path / "videos").iterdir()) == []
