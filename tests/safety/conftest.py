"""The safety tests' member: Maya, onboarded in London, with the coach's chat open to the bot."""

from __future__ import annotations

import pytest
from fixtures_bot import RunningBot, onboard

from emulator import SimulatedUser


@pytest.fixture
async def maya(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> SimulatedUser:
    coach.chat.known = True
    await onboard(member, zone="Europe/London")
    return member
