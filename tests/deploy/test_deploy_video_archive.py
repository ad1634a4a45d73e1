"""The form-video archive (`FORM_VIDEO_ARCHIVE_DIR`), with the bot running in-process."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime
from pathlib import Path

import pytest
from fixtures_bot import COACH_USER_ID, RunningBot, make_settings, onboard

from bot.config import Settings
from emulator import BotApiEmulator, SimulatedUser
from storage import repository
from storage.models import FormCheck
from storage.video_files import archive_file_name

VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 40


@pytest.fixture
def bot_settings(emulator: BotApiEmulator, tmp_path: Path) -> Settings:
    return make_settings(emulator, tmp_path, form_video_archive_dir=tmp_path / "videos")


@pytest.fixture
def coach_chat(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(COACH_USER_ID, "Coach", known=True)


async def latest_form_check(bot: RunningBot, member: SimulatedUser) -> FormCheck | None:
    async with bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        checks = await repository.form_checks.recent(session, stored.id)
    return checks[0] if checks else None


def file_bytes(path: str) -> bytes:
    return Path(path).read_bytes()


async def archived_form_check(bot: RunningBot, member: SimulatedUser) -> FormCheck:
    """The latest form check, once the background archive task recorded its file."""
    async with asyncio.timeout(5):
        while True:
            check = await latest_form_check(bot, member)
            if check is not None and check.archived_path is not None:
                return check
            await asyncio.sleep(0.02)


async def test_archived_path_is_recorded_on_the_form_check(
    running_bot: RunningBot, member: SimulatedUser, tmp_path: Path
) -> None:
    await onboard(member)
    await member.send_video(VIDEO)
    check = await archived_form_check(running_bot, member)
    assert check.archived_path is not None
    assert Path(check.archived_path).parent == tmp_path / "videos"
    assert file_bytes(check.archived_path) == VIDEO


async def test_failed_archive_is_logged_and_the_video_still_reaches_member_and_coach(
    running_bot: RunningBot,
    member: SimulatedUser,
    coach_chat: SimulatedUser,
    emulator: BotApiEmulator,
    caplog: pytest.LogCaptureFixture,
    tmp_path: Path,
) -> None:
    await onboard(member)
    emulator.faults.server_error(calls=10, method="getFile")
    await member.send_video(VIDEO)
    await member.wait_for_message(lambda m: "on its way to your coach" in (m.text or ""))
    copy = await coach_chat.wait_for_message(lambda m: m.file is not None)

    await emulator.wait_until(
        lambda: any("could not archive" in record.getMessage() for record in caplog.records)
    )
    assert copy.data == VIDEO
    assert not list((tmp_path / "videos").glob("*"))  # no half-written file either
    check = await latest_form_check(running_bot, member)
    assert check is not None
    assert check.archived_path is None


def form_check(exercise_name: str | None) -> FormCheck:
    return FormCheck(
        id=12,
        member_id=7,
        exercise_name=exercise_name,
        at=datetime(2026, 3, 4, 5, 6, 7, tzinfo=UTC),
    )


def test_archive_file_name_names_member_exercise_time_and_check() -> None:
    name = archive_file_name(form_check("D) Lower Back CAR’s"))  # noqa: RUF001 - coach's spelling
    assert name == "7-d-lower-back-cars-20260304-050607-12.mp4"


@pytest.mark.parametrize(
    "exercise", ["../../etc/passwd", "..\\..\\boot.ini", "/abs/path", "..", "🏋️", ""]
)
def test_archive_file_name_stays_a_plain_file_name_whatever_the_exercise(exercise: str) -> None:
    name = archive_file_name(form_check(exercise))
    assert "/" not in name
    assert "\\" not in name
    assert ".." not in name
    assert name.startswith("7-")


def test_video_without_an_exercise_is_archived_as_general() -> None:
    assert archive_file_name(form_check(None)) == "7-general-20260304-050607-12.mp4"
