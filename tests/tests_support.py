"""Conversation steps that several end-to-end tests share."""

from __future__ import annotations

from fixtures_bot import has_button

from bot.emulator import SimulatedUser


async def answer_every_step(member: SimulatedUser, answer: str = "Done") -> None:
    """Press `answer` on each step until the session summary arrives."""
    while True:
        message = await member.wait_for_message(
            lambda m: has_button(m, "Done") or "Session complete" in (m.text or "")
        )
        if not has_button(message, "Done"):
            return
        await member.press(answer, message)


async def finish_protocol_two_with_pain(member: SimulatedUser, pain: str, note: str = "") -> None:
    """/today, every step done, the pain score pressed, and a note (or No note)."""
    await member.send_command("/today")
    await answer_every_step(member)
    await member.press(pain, await member.wait_for_message(lambda m: has_button(m, "10")))
    await member.wait_for_message(lambda m: has_button(m, "No note"))
    if note:
        await member.send_text(note)
    else:
        await member.press("No note")
    await member.wait_for_message()
