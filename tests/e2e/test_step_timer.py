"""A timed hold offers a timer that says when the time is up."""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fixtures_bot import RunningBot, bot_running, has_button, make_settings, onboard

from emulator import BotApiEmulator, SimulatedUser

SHORT_HOLD = """\
name: short-hold
title: Short Hold
summary: One two-second hold, for testing the timer.
workouts:
  - key: hold
    title: Quick Hold
    intent: Hold still.
    weekly_cap: 3
    blocks:
      - label: A
        exercises:
          - label: A
            name: Wall Sit
            dosage: {hold_seconds: 2}
"""


@pytest.fixture
async def short_hold_bot(emulator: BotApiEmulator, tmp_path: Path) -> AsyncIterator[RunningBot]:
    protocols = tmp_path / "protocols"
    protocols.mkdir()
    (protocols / "short-hold.yaml").write_text(SHORT_HOLD)
    settings = make_settings(emulator, tmp_path, protocols_dir=protocols)
    async with bot_running(settings, emulator) as bot:
        yield bot


async def test_timer_says_when_the_hold_is_over(
    short_hold_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol="Short Hold")
    await member.send_command("/today")
    step = await member.wait_for_message(lambda m: has_button(m, "Done"))
    query = await member.press("Timer 2 s", step)
    await short_hold_bot.emulator.wait_until(lambda: query.answered)
    assert "Timer started: 2 s" in (query.answer_text or "")
    times_up = await member.wait_for_message(timeout=5)
    assert times_up.text == "Time's up for Wall Sit (Block A)."
