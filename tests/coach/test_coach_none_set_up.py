"""With no coach set up (COACH_CHAT_IDS empty, as in .env.example), the bot says so loudly at
start-up, and a member is told the truth wherever a message would have gone to a coach."""

from __future__ import annotations

import logging
from datetime import date, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from fixtures_bot import RunningBot, bot_running, make_settings
from tests_support import check_in

from bot.config import Settings
from emulator import BotApiEmulator, SimulatedUser
from storage import repository

NO_COACH_WARNING = "NO COACH IS SET UP"


@pytest.fixture
def bot_settings(emulator: BotApiEmulator, tmp_path: Path) -> Settings:
    return make_settings(emulator, tmp_path, coach_chat_ids=(), default_coach_id=None)


@pytest.fixture
async def kept_member(running_bot: RunningBot, member: SimulatedUser) -> SimulatedUser:
    """A member from before coaches existed: set up, with no coach."""
    now = running_bot.services.clock()
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.upsert(
            session,
            telegram_user_id=member.id,
            chat_id=member.id,
            name="Maya",
            username="maya",
            time_zone=ZoneInfo("UTC"),
            now=now,
        )
        await repository.members.set_consent(session, stored.id, now)
        await repository.members.set_onboarded(session, stored.id, now)
        await repository.enrolments.enrol(
            session,
            stored.id,
            protocol="lower-back-pain-relief-lvl1",
            workout_days={0, 2, 4},
            reminder_time=time(18, 0),
            start_date=date(2025, 3, 3),
        )
    member.chat.known = True
    return member


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]


async def test_starting_with_no_coach_warns_loudly(
    emulator: BotApiEmulator, bot_settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        async with bot_running(bot_settings, emulator):
            pass
    assert any(message.startswith(NO_COACH_WARNING) for message in _warnings(caplog))


async def test_starting_with_a_coach_gives_no_such_warning(
    emulator: BotApiEmulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING):
        async with bot_running(make_settings(emulator, tmp_path), emulator):
            pass
    assert not any(NO_COACH_WARNING in message for message in _warnings(caplog))


async def test_a_default_coach_who_is_no_coach_is_warned_about(
    emulator: BotApiEmulator, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = make_settings(emulator, tmp_path, default_coach_id=123)
    with caplog.at_level(logging.WARNING):
        async with bot_running(settings, emulator):
            pass
    assert any(m.startswith("DEFAULT_COACH_ID 123 is not a coach") for m in _warnings(caplog))


async def test_a_video_is_kept_and_the_member_told_no_coach_will_see_it_yet(
    running_bot: RunningBot, kept_member: SimulatedUser
) -> None:
    await kept_member.send_video(b"\x00\x00\x00\x18ftypmp42 a clip")
    assert (await kept_member.wait_for_message()).text == (
        "Got your video and kept it. Your coach hasn't set up alerts yet, so they won't see it "
        "for now."
    )
    async with running_bot.services.database.transaction() as session:
        assert await repository.form_checks.get(session, 1) is not None


async def test_urgent_pain_asks_the_member_to_tell_their_coach_themselves(
    running_bot: RunningBot, kept_member: SimulatedUser
) -> None:
    stop = (await check_in(running_bot, kept_member, 9)).text or ""
    assert stop.startswith("⚠️ Please stop the exercises for now.")
    assert stop.endswith("Your coach hasn't set up alerts yet, so please tell them yourself too.")
    assert "I've told your coach" not in stop


async def test_a_second_urgent_check_in_still_tells_the_truth(
    running_bot: RunningBot, kept_member: SimulatedUser
) -> None:
    await check_in(running_bot, kept_member, 9)
    again = (await check_in(running_bot, kept_member, 10)).text or ""
    assert again.endswith("so please tell them yourself too.")
