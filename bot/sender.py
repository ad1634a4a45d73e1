"""Every outgoing message goes through here, so Telegram's errors become plain outcomes.

Rate limiting and 429 retries happen in `bot.rate_limit.PacedRateLimiter` (configured in
`bot.app`); this module turns what is left into decisions:

- 403 (the member blocked the bot, or deleted their account): the member is marked inactive,
  so reminders stop, and the call returns None instead of raising;
- 400 "message is not modified": nothing to do;
- 400 "message to edit not found" (the member deleted it): the edit is skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable
from typing import Any

from telegram import InlineKeyboardMarkup, InputFile, Message
from telegram.error import BadRequest, Forbidden
from telegram.ext import ExtBot

from storage import repository
from storage.database import Database

log = logging.getLogger(__name__)

_HARMLESS_EDIT_ERRORS = ("message is not modified", "message to edit not found")

AnyBot = ExtBot[Any]


async def mark_blocked(database: Database, chat_id: int) -> None:
    """Telegram said this chat blocked the bot: stop writing to it."""
    async with database.transaction() as session:
        member = await repository.members.by_chat_id(session, chat_id)
        if member is not None:
            await repository.members.set_inactive(session, member.id, True)
    log.info("chat %s blocked the bot; member marked inactive", chat_id)


async def send_text(
    bot: AnyBot,
    database: Database,
    chat_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Send a message; None when the chat is unreachable (blocked, deleted account)."""
    try:
        return await bot.send_message(chat_id, text, reply_markup=markup)
    except Forbidden:
        await mark_blocked(database, chat_id)
        return None


async def send_photo(
    bot: AnyBot,
    database: Database,
    chat_id: int,
    png: bytes,
    caption: str | None = None,
    markup: InlineKeyboardMarkup | None = None,
) -> Message | None:
    """Send an image (a chart); None when the chat is unreachable."""
    try:
        return await bot.send_photo(
            chat_id, InputFile(png, filename="chart.png"), caption=caption, reply_markup=markup
        )
    except Forbidden:
        await mark_blocked(database, chat_id)
        return None


async def send_document(
    bot: AnyBot,
    database: Database,
    chat_id: int,
    data: bytes,
    *,
    filename: str,
    caption: str | None = None,
) -> Message | None:
    """Send a file (an export); None when the chat is unreachable."""
    try:
        return await bot.send_document(chat_id, InputFile(data, filename=filename), caption=caption)
    except Forbidden:
        await mark_blocked(database, chat_id)
        return None


async def edit_text(
    bot: AnyBot,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Replace a message's text and buttons; a message already gone or unchanged is fine."""
    await _harmless_edit(bot.edit_message_text(text, chat_id, message_id, reply_markup=markup))


async def remove_buttons(bot: AnyBot, chat_id: int, message_id: int) -> None:
    """Take the inline keyboard off a message."""
    await _harmless_edit(bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None))


async def _harmless_edit(edit: Awaitable[object]) -> None:
    try:
        await edit
    except BadRequest as error:
        if not any(harmless in error.message.lower() for harmless in _HARMLESS_EDIT_ERRORS):
            raise
    except Forbidden:
        log.info("could not edit a message: the chat is gone")
