"""Every outgoing message goes through here, so Telegram's errors become plain outcomes.

Rate limiting and 429 retries happen in `bot.rate_limit.PacedRateLimiter` (configured in
`bot.app`); this module turns what is left into decisions:

- 403 (the member blocked the bot, or deleted their account): the member is marked inactive,
  so reminders stop, and the call returns None instead of raising; a caller that passes
  `on_blocked` hears once, when an active member is first found to have blocked the bot;
- 400 "message is not modified": nothing to do;
- 400 "message to edit not found" (the member deleted it): the edit is skipped;
- 400 "message to delete not found" (already gone): nothing to do.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import (
    InlineKeyboardMarkup,
    InputFile,
    InputMediaPhoto,
    Message,
    ReactionTypeEmoji,
    ReplyKeyboardMarkup,
    ReplyKeyboardRemove,
    ReplyParameters,
)
from telegram.error import BadRequest, Forbidden, TelegramError
from telegram.ext import ExtBot

from bot.render.keyboards import CallbackKeyboard
from storage import repository
from storage.database import Database

log = logging.getLogger(__name__)

_HARMLESS_EDIT_ERRORS = ("message is not modified", "message to edit not found")

AnyBot = ExtBot[Any]
Markup = InlineKeyboardMarkup | ReplyKeyboardMarkup | ReplyKeyboardRemove
"""Buttons under a message, or the chat's own keyboard (shown or taken away)."""

BlockedHook = Callable[[int], Awaitable[None]]
"""Called with the member's id when an active member turns out to have blocked the bot."""


async def mark_blocked(
    database: Database, chat_id: int, on_blocked: BlockedHook | None = None
) -> None:
    """Telegram said this chat blocked the bot: stop writing to it."""
    async with database.transaction() as session:
        member = await repository.members.by_chat_id(session, chat_id)
        newly = member is not None and not member.inactive
        if member is not None:
            await repository.members.set_inactive(session, member.id, True)
    log.info("chat %s blocked the bot; member marked inactive", chat_id)
    if newly and member is not None and on_blocked is not None:
        await on_blocked(member.id)


def _reply(message_id: int | None) -> ReplyParameters | None:
    """Reply to `message_id`, or send plainly if it is gone (the member deleted it)."""
    if message_id is None:
        return None
    return ReplyParameters(message_id, allow_sending_without_reply=True)


async def send_text(
    bot: AnyBot,
    database: Database,
    chat_id: int,
    text: str,
    markup: Markup | None = None,
    *,
    reply_to: int | None = None,
    on_blocked: BlockedHook | None = None,
    parse_mode: str | None = None,
    silent: bool = False,
) -> Message | None:
    """Send a message (as a reply to `reply_to`, if given; without a notification when
    `silent`); None when the chat is unreachable (blocked, deleted account)."""
    try:
        return await bot.send_message(
            chat_id,
            text,
            reply_markup=markup,
            reply_parameters=_reply(reply_to),
            parse_mode=parse_mode,
            disable_notification=silent,
        )
    except Forbidden:
        await mark_blocked(database, chat_id, on_blocked)
        return None


async def copy_message(
    bot: AnyBot,
    database: Database,
    chat_id: int,
    from_chat_id: int,
    message_id: int,
    *,
    caption: str | None = None,
    reply_to: int | None = None,
    on_blocked: BlockedHook | None = None,
) -> int | None:
    """Copy a message (its caption replaced by `caption`, if given) into `chat_id`; the copy's
    id, or None when the chat is unreachable."""
    try:
        copy = await bot.copy_message(
            chat_id,
            from_chat_id,
            message_id,
            caption=caption,
            reply_parameters=_reply(reply_to),
        )
    except Forbidden:
        await mark_blocked(database, chat_id, on_blocked)
        return None
    return copy.message_id


async def react(bot: AnyBot, chat_id: int, message_id: int, emoji: str) -> None:
    """Put an emoji reaction on a message; a reaction that cannot be set is only logged (it
    is a courtesy, never what the message depends on)."""
    try:
        await bot.set_message_reaction(chat_id, message_id, ReactionTypeEmoji(emoji))
    except TelegramError as error:
        log.info("no reaction on message %s in chat %s: %s", message_id, chat_id, error)


async def send_video(
    bot: AnyBot,
    database: Database,
    chat_id: int,
    video: str | bytes,
    *,
    file_name: str = "demo.mp4",
    caption: str | None = None,
    parse_mode: str | None = None,
    reply_to: int | None = None,
) -> Message | None:
    """Send a video: a Telegram file id or https URL (`str`), or the file's bytes; None when
    the chat is unreachable."""
    upload = InputFile(video, filename=file_name) if isinstance(video, bytes) else video
    try:
        return await bot.send_video(
            chat_id,
            upload,
            caption=caption,
            parse_mode=parse_mode,
            reply_parameters=_reply(reply_to),
        )
    except Forbidden:
        await mark_blocked(database, chat_id)
        return None


async def delete(bot: AnyBot, chat_id: int, message_id: int) -> None:
    """Delete one of the bot's messages; one already gone (or too old to delete) is fine."""
    try:
        await bot.delete_message(chat_id, message_id)
    except TelegramError as error:
        log.info("message %s in chat %s not deleted: %s", message_id, chat_id, error)


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
    markup: InlineKeyboardMarkup | CallbackKeyboard | None = None,
    *,
    parse_mode: str | None = None,
    database: Database | None = None,
) -> None:
    """Replace a message's text and buttons (a `CallbackKeyboard` goes as the Bot API's JSON,
    without python-telegram-bot's button objects); a message already gone or unchanged is
    fine. With `database`, a chat that blocked the bot marks its member inactive."""
    edit = _edit_message_text(bot, chat_id, message_id, text, markup, parse_mode)
    if database is None:
        await _harmless_edit(edit)
        return
    try:
        await _harmless_edit(edit, forbidden_is_harmless=False)
    except Forbidden:
        await mark_blocked(database, chat_id)


EDIT_MESSAGE_TEXT = "editmessagetext"
"""The Bot API's editMessageText, named in lower case: the Bot API's method names are
case-insensitive, and python-telegram-bot's `do_api_request` warns when given a name that its
`Bot` has an attribute for (it points to its own `edit_message_text`)."""


async def _edit_message_text(
    bot: AnyBot,
    chat_id: int,
    message_id: int,
    text: str,
    markup: InlineKeyboardMarkup | CallbackKeyboard | None,
    parse_mode: str | None,
) -> None:
    """editMessageText, through python-telegram-bot's request stack (its rate limiter, HTTP
    client and errors) but without reading the answer into objects: `Bot.edit_message_text`
    parses the edited message Telegram sends back (its text, entities and every button) into
    a `Message`, and no caller reads it (on a workout card, with its seven buttons, that
    parse cost more than the rest of the edit: `bench/throughput.py`, README)."""
    call: dict[str, Any] = {"chat_id": chat_id, "message_id": message_id, "text": text}
    if markup is not None:
        call["reply_markup"] = markup.to_api() if isinstance(markup, CallbackKeyboard) else markup
    if parse_mode is not None:
        call["parse_mode"] = parse_mode
    await bot.do_api_request(EDIT_MESSAGE_TEXT, api_kwargs=call)


async def edit_caption(
    bot: AnyBot,
    chat_id: int,
    message_id: int,
    caption: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Replace a photo's caption and buttons; a message already gone or unchanged is fine."""
    await _harmless_edit(
        bot.edit_message_caption(chat_id, message_id, caption=caption, reply_markup=markup)
    )


async def edit_photo(
    bot: AnyBot,
    chat_id: int,
    message_id: int,
    png: bytes,
    caption: str,
    markup: InlineKeyboardMarkup | None = None,
) -> None:
    """Replace a photo message's image (a chart), caption and buttons; a message already gone
    is fine."""
    media = InputMediaPhoto(png, caption=caption, filename="chart.png")
    await _harmless_edit(bot.edit_message_media(media, chat_id, message_id, reply_markup=markup))


async def remove_buttons(bot: AnyBot, chat_id: int, message_id: int) -> None:
    """Take the inline keyboard off a message."""
    await _harmless_edit(bot.edit_message_reply_markup(chat_id, message_id, reply_markup=None))


async def _harmless_edit(edit: Awaitable[object], *, forbidden_is_harmless: bool = True) -> None:
    try:
        await edit
    except BadRequest as error:
        if not any(harmless in error.message.lower() for harmless in _HARMLESS_EDIT_ERRORS):
            raise
    except Forbidden:
        if not forbidden_is_harmless:
            raise
        log.info("could not edit a message: the chat is gone")
