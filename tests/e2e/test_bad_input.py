"""Input the bot did not ask for gets a short, helpful reply and changes nothing (what a member
writes to their coach is in tests/coach/test_coach_conversation.py)."""

from __future__ import annotations

from fixtures_bot import RunningBot, onboard
from tests_support import start_today

from emulator import SimulatedUser
from storage import repository


async def test_unknown_command_suggests_help(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await member.send_command("/dance")
    reply = await member.wait_for_message()
    assert "/help" in (reply.text or "")


async def test_very_long_message_is_refused_without_losing_the_session(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    step = await start_today(member)
    await member.send_text("x" * 10_000)
    reply = await member.wait_for_message()
    assert "very long" in (reply.text or "")
    await member.press("Done", step)
    await member.wait_for_edit(step)


async def test_message_from_a_stranger_invites_them_to_start(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await member.send_text("hello?")
    reply = await member.wait_for_message()
    assert "/start" in (reply.text or "")


async def test_forged_callback_data_is_answered_and_ignored(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    last = member.messages[-1]
    for data in ("1:s:999:0:d", "garbage", "1:pn:1:99", "9:ok"):
        query = await member.send_callback(data, last)
        await running_bot.emulator.wait_until(lambda q=query: q.answered)  # type: ignore[misc]
    async with running_bot.services.database.transaction() as session:
        stored = await repository.members.by_user_id(session, member.id)
        assert stored is not None
        assert await repository.sessions.open_for(session, stored.id) is None
