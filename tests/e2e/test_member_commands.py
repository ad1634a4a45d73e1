"""/help, /progress, /pause, /resume and /delete."""

from __future__ import annotations

from fixtures_bot import RunningBot, onboard
from tests_support import finish_protocol_two_with_pain

from emulator import SimulatedUser
from storage import repository


async def test_help_lists_the_commands(running_bot: RunningBot, member: SimulatedUser) -> None:
    await member.send_command("/help")
    reply = await member.wait_for_message()
    for command in ("/today", "/progress", "/snooze", "/pause", "/resume", "/delete"):
        assert command in (reply.text or "")


async def test_progress_shows_the_week_against_the_cap_and_a_pain_chart(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member, protocol="7 Exercise Protocol for Lower Back Relief")
    await finish_protocol_two_with_pain(member, pain="4")
    await member.send_command("/progress")
    text = await member.wait_for_message(lambda m: "This week" in (m.text or ""))
    assert "Lower Back Relief Circuits: 1 of 3" in (text.text or "")
    assert "Streak: 1 week" in (text.text or "")
    assert "Recent pain scores: 4" in (text.text or "")
    chart = await member.wait_for_message(lambda m: m.file is not None)
    assert chart.data is not None
    assert chart.data.startswith(b"\x89PNG\r\n\x1a\n")


async def test_pause_and_resume_toggle_reminders(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_command("/pause")
    paused = await member.wait_for_message()
    assert "paused" in (paused.text or "")
    await member.send_command("/pause")
    again = await member.wait_for_message()
    assert "already paused" in (again.text or "")
    await member.send_command("/resume")
    resumed = await member.wait_for_message()
    assert "back on" in (resumed.text or "")


async def test_delete_erases_the_member_after_confirmation(
    running_bot: RunningBot, member: SimulatedUser
) -> None:
    await onboard(member)
    await member.send_command("/delete")
    await member.wait_for_message()
    await member.press("Yes, erase everything")
    await running_bot.emulator.wait_until(lambda: "erased" in (member.messages[-1].text or ""))
    async with running_bot.services.database.transaction() as session:
        assert await repository.members.by_user_id(session, member.id) is None


async def test_delete_can_be_cancelled(running_bot: RunningBot, member: SimulatedUser) -> None:
    await onboard(member)
    await member.send_command("/delete")
    await member.wait_for_message()
    await member.press("No, keep it")
    await running_bot.emulator.wait_until(
        lambda: "Nothing was erased" in (member.messages[-1].text or "")
    )
    async with running_bot.services.database.transaction() as session:
        assert await repository.members.by_user_id(session, member.id) is not None
