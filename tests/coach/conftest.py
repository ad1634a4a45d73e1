"""The coach tests' member: Maya, onboarded, with the coach's chat open to the bot."""

from __future__ import annotations

import pytest
from coach_support import check_in
from fixtures_bot import RunningBot, has_button, onboard

from emulator import SimulatedUser


@pytest.fixture
async def maya(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> SimulatedUser:
    """An onboarded member; the coach's chat is open so the bot may write there."""
    coach.chat.known = True
    await onboard(member)
    return member


@pytest.fixture
async def flagged_maya(
    running_bot: RunningBot, maya: SimulatedUser, coach: SimulatedUser
) -> SimulatedUser:
    """Maya with an urgent open flag (pain 9); the coach saw the alert."""
    await check_in(running_bot, maya, 9)
    await coach.wait_for_message(lambda m: has_button(m, "Acknowledge"))
    await coach.wait_for_message(lambda m: m.file is not None)  # the chart follows the alert
    return maya
