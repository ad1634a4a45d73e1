"""The dashboard tests' bot: the real bot serving its dashboard on a free local port, with
the coach's chat open and three members seeded (one flagged, one with a form-check video)."""

from __future__ import annotations

import socket
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fixtures_bot import COACH_USER_ID, RunningBot, bot_running, make_settings
from web_support import HOSTILE_NAME, VIDEO, Practice, seed_member

from emulator import BotApiEmulator
from storage import repository
from storage.models import FlagKind, FlagLevel

FIRST_TEXT_SECONDS = 30.0
"""The caption is the first text a member sends in the test process: it waits for the red-flag
pipeline to be built (`bot.rules.red_flags.load`), some ten seconds on a busy machine."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture
async def dashboard_bot(emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[RunningBot]:
    emulator.user(user_id=COACH_USER_ID, first_name="Coach", username="coach", known=True)
    port = free_port()
    settings = make_settings(
        emulator, tmp_path, web_public_url=f"http://127.0.0.1:{port}/", web_port=port
    )
    async with bot_running(settings, emulator) as bot:
        yield bot


@pytest.fixture
async def practice(dashboard_bot: RunningBot, emulator: BotApiEmulator) -> Practice:
    coach = emulator.user(user_id=COACH_USER_ID, first_name="Coach", username="coach", known=True)
    maya = emulator.user(user_id=100_001, first_name="Maya", username="maya", known=True)
    ben = emulator.user(user_id=100_002, first_name="Ben", username="ben", known=True)
    hostile = emulator.user(user_id=100_003, first_name=HOSTILE_NAME, known=True)
    url = dashboard_bot.settings.web_public_url
    assert url is not None
    seeded_maya = await seed_member(
        dashboard_bot,
        maya,
        pains=[3, 4, 6, 8],
        note="Sharp on the left side.",
        flag=(FlagKind.PAIN, FlagLevel.HIGH, "worsening"),
    )
    await maya.send_video(VIDEO, caption="my squat")
    await coach.wait_for_message(
        lambda m: (m.caption or "").startswith("🎥 Form check"),
        timeout=FIRST_TEXT_SECONDS,
    )
    async with dashboard_bot.services.database.transaction() as session:
        [check] = await repository.form_checks.recent(session, seeded_maya.member_id)
    return Practice(
        bot=dashboard_bot,
        url=url,
        coach=coach,
        maya=seeded_maya,
        ben=await seed_member(dashboard_bot, ben, pains=[2, 2, 1], paused=True),
        hostile=await seed_member(dashboard_bot, hostile, pains=[5]),
        form_check_id=check.id,
    )
