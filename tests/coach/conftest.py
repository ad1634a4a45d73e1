"""The coach tests' member: Maya, onboarded, with the coach's chat open to the bot."""

from __future__ import annotations

import pytest
from coach_support import onboard_with_coach
from fixtures_bot import RunningBot, has_button
from tests_support import check_in

from emulator import SimulatedUser


@pytest.fixture
async def maya(
    running_bot: RunningBot, member: SimulatedUser, coach: SimulatedUser
) -> SimulatedUser:
    """An onboarded member of the coach (who has seen the join notice)."""
    await onboard_with_coach(member, coach)
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
