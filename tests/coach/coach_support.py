"""Helpers for the coach tests: a member joining a coach, seeding a member's past sessions and
doing a real check-in."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from fixtures_bot import RunningBot, onboard

from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.awaiting import AwaitPain
from storage.models import CoachRole, Member

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
JOIN_NOTICE = "👋 New member: "


def is_join_notice(message: ChatMessage) -> bool:
    return (message.text or "").startswith(JOIN_NOTICE)


async def onboard_with_coach(
    member: SimulatedUser, coach: SimulatedUser, protocol: str | None = None
) -> ChatMessage:
    """Onboard the member (a plain /start: they join the default coach); the coach's chat is
    open, and the join notice that reached it is returned."""
    coach.chat.known = True
    await (onboard(member) if protocol is None else onboard(member, protocol))
    return await coach.wait_for_message(is_join_notice)


async def add_coach(
    bot: RunningBot, user_id: int, *, owner: bool = False, hears_everyone: bool = False
) -> None:
    """A coach (or owner) in the database, as /coach add would make them."""
    role = CoachRole.OWNER if owner else CoachRole.COACH
    async with bot.services.database.transaction() as session:
        coach = await repository.coaches.add(session, user_id, role, now=bot.services.clock())
        assert coach is not None
        await repository.coaches.set_hears_everyone(session, coach.id, hears_everyone)


def heard(coach: SimulatedUser) -> list[str]:
    """What the bot has told the coach, apart from members joining."""
    return [m.text or m.caption or "" for m in coach.chat.bot_messages if not is_join_notice(m)]


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


def texts_of(user: SimulatedUser) -> list[str]:
    """What the bot has said in the user's chat (texts and captions)."""
    return [m.text or m.caption or "" for m in user.messages if m.from_bot]


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
