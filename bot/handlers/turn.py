"""One update being handled: who sent it, the bot's services, and how to answer."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from telegram import InlineKeyboardMarkup, Location, Message, Update
from telegram.error import BadRequest
from telegram.ext import CallbackContext, ExtBot

from bot import alerts, sender
from bot.context import BotServices
from bot.render.i18n import speaking
from bot.services import coaches, languages
from bot.services.profile import Profile

log = logging.getLogger(__name__)


@dataclass
class Turn:
    update: Update
    context: CallbackContext[ExtBot[Any], Any, Any, Any]
    services: BotServices
    user_id: int
    chat_id: int
    now: datetime
    private: bool
    """Sent in the user's private chat with the bot (not in a group)."""

    @property
    def bot(self) -> ExtBot[Any]:
        return self.context.bot

    async def coach(self) -> coaches.Viewer | None:
        """The coach who sent this, if coach commands are allowed here (their private chat,
        or a coach group); None for anyone else."""
        return await coaches.authorise(self.services, self.profile(), self.private)

    @property
    def message(self) -> Message | None:
        return self.update.effective_message

    def profile(self) -> Profile:
        """Who sent this update, as Telegram names them."""
        user = self.update.effective_user
        assert user is not None, "a Turn is only made for updates from a user"
        return Profile(
            self.user_id,
            self.chat_id,
            user.full_name,
            user.first_name,
            user.username,
            user.language_code,
        )

    async def say(
        self,
        text: str,
        markup: sender.Markup | None = None,
        *,
        parse_mode: str | None = None,
    ) -> Message | None:
        """Send a message to the chat this update came from."""
        return await sender.send_text(
            self.bot,
            self.services.database,
            self.chat_id,
            text,
            markup,
            on_blocked=self.member_blocked,
            parse_mode=parse_mode,
        )

    @asynccontextmanager
    async def speaking_to(self, chat_id: int) -> AsyncIterator[None]:
        """Write what the block writes in the language of whoever `chat_id` is (a message on
        its way to someone other than the sender of this update)."""
        with speaking(await languages.of_chat(self.services, chat_id)):
            yield

    async def member_blocked(self, member_id: int) -> None:
        """A member this turn wrote to has blocked the bot: their coach hears of it."""
        await alerts.member_blocked(self.bot, self.services, member_id)

    async def toast(self, text: str | None = None, *, alert: bool = False) -> None:
        """Answer the pressed button (Telegram shows `text` briefly), if this was a press."""
        query = self.update.callback_query
        if query is None:
            return
        try:
            await query.answer(text, show_alert=alert)
        except BadRequest as error:
            # Already answered (the same update delivered twice) or too old: the toast is
            # cosmetic, so the turn goes on.
            if "query" not in error.message.lower():
                raise
            log.info("callback query %s could not be answered: %s", query.id, error.message)

    async def remove_pressed_buttons(self) -> None:
        """Take the buttons off the message whose button was pressed (it is stale)."""
        query = self.update.callback_query
        if query is not None and query.message is not None:
            await sender.remove_buttons(self.bot, self.chat_id, query.message.message_id)

    async def edit_pressed(
        self,
        text: str,
        markup: InlineKeyboardMarkup | None = None,
        *,
        parse_mode: str | None = None,
    ) -> None:
        """Replace the message whose button was pressed."""
        message_id = self.pressed_message_id
        if message_id is not None:
            await sender.edit_text(
                self.bot, self.chat_id, message_id, text, markup, parse_mode=parse_mode
            )

    @property
    def pressed_message_id(self) -> int | None:
        """The message whose button was pressed, if this was a press."""
        query = self.update.callback_query
        return query.message.message_id if query is not None and query.message else None


CommandFunction = Callable[[Turn, list[str]], Awaitable[None]]
"""Handles a command; gets the words after it."""
ButtonFunction = Callable[[Turn, Any], Awaitable[None]]
"""Handles a button press; gets the decoded callback data (see `bot.render.callbacks`)."""
AwaitedFunction = Callable[[Turn, str, Any], Awaitable[None]]
"""Handles typed text the bot asked for; gets the text and the awaited state
(`storage.awaiting`) it answers."""
LocatedFunction = Callable[[Turn, Location, Any], Awaitable[None]]
"""Handles a location the bot asked for (the chat's "Share location" button); gets it and the
awaited state it answers."""
