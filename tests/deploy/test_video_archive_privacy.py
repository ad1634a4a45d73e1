"""Archived form videos are private to the bot's user and go when their member goes."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
from fixtures_bot import RunningBot, make_settings, onboard

from bot.config import Settings
from emulator import BotApiEmulator, SimulatedUser
from storage.video_files import remove_member_videos

VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40


@pytest.fixture
def bot_settings(emulator: BotApiEmulator, tmp_path: Path) -> Settings:
    return make_settings(emulator, tmp_path, form_video_archive_dir=tmp_path / "videos")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


async def test_an_archived_video_and_its_folder_are_readable_by_the_bot_alone(
    running_bot: RunningBot, member: SimulatedUser, tmp_path: Path
) -> None:
    await onboard(member)
    await member.send_video(VIDEO)
    archive = tmp_path / "videos"
    await running_bot.emulator.wait_until(lambda: bool(list(archive.glob("*.mp4"))), 5)
    [video] = archive.glob("*.mp4")
    assert _mode(video) == 0o600
    assert _mode(archive) == 0o700


def test_removing_a_members_videos_leaves_everyone_elses(tmp_path: Path) -> None:
    names = [
        "1-crawling-20260302-180000-4.mp4",
        "1-general-20260303-180000-9.mp4.part",
        "12-crawling-20260302-180000-5.mp4",
        "2-crawling-20260302-180000-6.mp4",
        "1-notes.txt",
    ]
    for name in names:
        (tmp_path / name).write_bytes(VIDEO)

    assert remove_member_videos(tmp_path, 1) == 2

    assert sorted(path.name for path in tmp_path.iterdir()) == [
        "1-notes.txt",
        "12-crawling-20260302-180000-5.mp4",
        "2-crawling-20260302-180000-6.mp4",
    ]


@pytest.mark.parametrize("directory", [None, Path("/nonexistent/videos")], ids=["unset", "missing"])
def test_removing_videos_without_an_archive_removes_nothing(directory: Path | None) -> None:
    assert remove_member_videos(directory, 1) == 0
