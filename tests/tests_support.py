"""Conversation steps that several end-to-end tests share."""

from __future__ import annotations

from fixtures_bot import has_button

from emulator import ChatMessage, SimulatedUser


def is_step(message: ChatMessage) -> bool:
    return has_button(message, "Done")


def position_and_exercise(message: ChatMessage) -> tuple[str, str]:
    """('Superset E — set 2 of 3', 'E1) Copenhagen Progression') of a step message."""
    lines = (message.text or "").splitlines()
    return lines[1], lines[2]


async def answer_every_step(member: SimulatedUser, answer: str = "Done") -> list[tuple[str, str]]:
    """Press `answer` on each step until the session summary; the steps seen, in order."""
    seen = []
    while True:
        message = await member.wait_for_message(
            lambda m: is_step(m) or "Session complete" in (m.text or "")
        )
        if not is_step(message):
            return seen
        seen.append(position_and_exercise(message))
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
