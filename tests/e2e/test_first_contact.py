"""The real bot answers /start through the emulator."""

from __future__ import annotations

from fixtures_bot import RunningBot

from emulator import SimulatedUser


async def test_start_sends_the_disclaimer_with_a_consent_button(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await member.send_command("/start")
    reply = await member.wait_for_message()
    assert reply.text is not None
    assert "not medical advice" in reply.text
    assert [button.text for row in reply.keyboard for button in row] == ["I understand, let's go"]
