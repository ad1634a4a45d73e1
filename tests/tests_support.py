"""Conversation steps that several end-to-end tests share."""

from __future__ import annotations

import asyncio
from datetime import UTC, timedelta
from zoneinfo import ZoneInfo

from fixtures_bot import RunningBot, has_button

from bot.jobs.digest import DigestScheduler
from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.awaiting import AwaitPain
from storage.models import Member


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


async def stored_member(bot: RunningBot, user: SimulatedUser) -> Member:
    async with bot.services.database.transaction() as session:
        member = await repository.members.by_user_id(session, user.id)
    assert member is not None
    return member


async def seed_sessions(bot: RunningBot, user: SimulatedUser, pains: list[int]) -> None:
    """Finished sessions in the past days, each followed by a check-in with that pain."""
    member = await stored_member(bot, user)
    now = bot.services.clock()
    async with bot.services.database.transaction() as session:
        for days_ago, pain in zip(range(len(pains) + 1, 1, -1), pains, strict=True):
            at = now - timedelta(days=days_ago)
            row = await repository.sessions.start(
                session,
                member.id,
                protocol="lower-back-pain-relief-lvl1",
                workout_key="day-1",
                now=at,
            )
            await repository.sessions.finish(session, row.id, now=at + timedelta(minutes=30))
            await repository.check_ins.add(
                session, member.id, pain=pain, session_id=row.id, now=at + timedelta(minutes=31)
            )


async def check_in(bot: RunningBot, user: SimulatedUser, pain: int) -> ChatMessage:
    """Finish a session now and answer the pain question by typing; the bot's answer."""
    member = await stored_member(bot, user)
    now = bot.services.clock()
    async with bot.services.database.transaction() as session:
        row = await repository.sessions.start(
            session,
            member.id,
            protocol="lower-back-pain-relief-lvl1",
            workout_key="day-1",
            now=now - timedelta(minutes=30),
        )
        await repository.sessions.finish(session, row.id, now=now)
        await repository.members.set_awaiting(session, member.id, AwaitPain(row.id))
    await user.send_text(str(pain))
    return await user.wait_for_message()


async def until_recorded(bot: RunningBot, message: ChatMessage) -> ChatMessage:
    """Wait until the bot has remembered its message in a coach chat as being about a member
    (it does so right after sending it), so a reply to it finds its record."""
    for _ in range(250):
        async with bot.services.database.transaction() as session:
            record = await repository.messages.coach_message(
                session, message.chat_id, message.message_id
            )
        if record is not None:
            return message
        await asyncio.sleep(0.02)
    raise AssertionError(f"message {message.message_id} was never recorded")


async def send_the_digests(bot: RunningBot) -> int:
    """Every coach's digest time comes now (this second, UTC): the due digests are sent; how
    many went out."""
    now = bot.services.clock().astimezone(UTC).time().replace(microsecond=0)
    async with bot.services.database.transaction() as session:
        for coach in await repository.coaches.everyone(session):
            await repository.digests.set_time(session, coach.id, now, ZoneInfo("UTC"))
    return await DigestScheduler(bot.application, bot.services).send_due()
