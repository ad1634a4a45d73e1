"""Whose language a chat speaks: what the bot sends on its own (a reminder, a coach alert, a
coach's answer passed on) is said in the recipient's language, not the sender's."""

from __future__ import annotations

from collections.abc import Collection

from bot.context import BotServices
from storage import repository


async def of_chats(services: BotServices, chat_ids: Collection[int]) -> dict[int, str | None]:
    """The language kept for each chat: its coach's (a coach's private chat has their user id),
    else its member's; None where none is known (a group, someone who never sent one)."""
    if not chat_ids:
        return {}
    async with services.database.read() as session:
        coaches = await repository.coaches.languages_by_user(session, chat_ids)
        members = await repository.members.languages_by_chat(session, chat_ids)
    return {chat_id: coaches.get(chat_id, members.get(chat_id)) for chat_id in chat_ids}


async def of_chat(services: BotServices, chat_id: int) -> str | None:
    """The language kept for one chat (see `of_chats`)."""
    return (await of_chats(services, [chat_id]))[chat_id]
