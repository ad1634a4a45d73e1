"""Who coaches whom: the chats a member's alerts, videos and messages go to."""

from __future__ import annotations

from bot.context import BotServices


async def chats_for_member(services: BotServices, member_id: int) -> list[int]:
    """The coach chats that hear about this member (today: every configured coach chat)."""
    return list(services.settings.coach_chat_ids)
