"""Helpers for the coach tests: a member joining a coach, more coaches, what a coach heard."""

from __future__ import annotations

from fixtures_bot import RunningBot, onboard

from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.models import CoachRole

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


def texts_of(user: SimulatedUser) -> list[str]:
    """What the bot has said in the user's chat (texts and captions)."""
    return [m.text or m.caption or "" for m in user.messages if m.from_bot]
