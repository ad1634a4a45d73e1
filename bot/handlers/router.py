"""Routes every update to the function that handles it.

python-telegram-bot delivers updates here through three handlers (commands, button presses,
everything else); this module turns each into a `Turn`, holds the member's lock while it is
handled, and picks the function from the tables the conversation modules export:

- `COMMANDS`: command name → function(turn, args)
- `BUTTONS`: callback data type (see `bot.render.callbacks`) → function(turn, data)
- `AWAITED`: the type of what the member is awaited for (`storage.awaiting`) →
  function(turn, text, state) for typed replies
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.ext import (
    Application,
    BaseHandler,
    CallbackContext,
    CallbackQueryHandler,
    ExtBot,
    MessageHandler,
    filters,
)

from bot.context import services_of
from bot.handlers import checkin, coach, form_check, member_commands, onboarding, workout
from bot.handlers.turn import AwaitedFunction, ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import texts
from bot.services import members

# Telegram allows 4096 characters; a member's note is kept up to this many (see checkin).
MAX_TEXT = 4096

COMMANDS: dict[str, CommandFunction] = {
    **onboarding.COMMANDS,
    **workout.COMMANDS,
    **member_commands.COMMANDS,
    **coach.COMMANDS,
}
BUTTONS: dict[type, ButtonFunction] = {
    **onboarding.BUTTONS,
    **workout.BUTTONS,
    **checkin.BUTTONS,
    **member_commands.BUTTONS,
    **coach.BUTTONS,
}
AWAITED: dict[type, AwaitedFunction] = {
    **onboarding.AWAITED,
    **checkin.AWAITED,
}

Context = CallbackContext[ExtBot[Any], Any, Any, Any]


def _turn(update: Update, context: Context) -> Turn | None:
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or user.is_bot:
        return None
    services = services_of(context.bot_data)
    return Turn(update, context, services, user.id, chat.id, services.clock())


async def on_command(update: Update, context: Context) -> None:
    turn = _turn(update, context)
    message = update.effective_message
    if turn is None or message is None or not message.text:
        return
    word, *args = message.text.split()
    name = word[1:].split("@", 1)[0].lower()
    function = COMMANDS.get(name)
    async with turn.services.locks.hold(turn.user_id):
        if function is None:
            await turn.say(texts.UNKNOWN_COMMAND)
        else:
            await function(turn, args)


async def on_button(update: Update, context: Context) -> None:
    turn = _turn(update, context)
    query = update.callback_query
    if turn is None or query is None:
        return
    data = cb.decode(query.data)
    function = BUTTONS.get(type(data)) if data is not None else None
    async with turn.services.locks.hold(turn.user_id):
        if function is None:
            await turn.toast(texts.SESSION_OVER)
        else:
            await function(turn, data)


async def on_message(update: Update, context: Context) -> None:
    """Text, media and anything else that is not a command or a button press."""
    turn = _turn(update, context)
    message = update.effective_message
    if turn is None or message is None:
        return
    async with turn.services.locks.hold(turn.user_id):
        is_reply = message.reply_to_message is not None
        if turn.is_coach and is_reply and await form_check.on_coach_reply(turn, message):
            return
        if message.video or message.video_note or message.document or message.photo:
            await form_check.on_upload(turn, message)
        elif message.text is not None:
            await _on_text(turn, message.text)
        else:
            await turn.say(texts.UNSUPPORTED_MESSAGE)


async def _on_text(turn: Turn, text: str) -> None:
    state = await members.awaited(turn.services, turn.user_id)
    function = AWAITED.get(type(state))
    if function is not None:
        await function(turn, text, state)
    elif len(text) >= MAX_TEXT:
        await turn.say(texts.TEXT_TOO_LONG)
    elif isinstance(state, members.Unknown):
        await turn.say(texts.NOT_ENROLLED)
    else:
        await turn.say(texts.UNEXPECTED_TEXT)


def handlers() -> list[BaseHandler[Update, Any, Any]]:
    """The three handlers the application registers, in order."""
    return [
        MessageHandler(filters.COMMAND, on_command),
        CallbackQueryHandler(on_button),
        MessageHandler(filters.ALL & ~filters.COMMAND & ~filters.UpdateType.EDITED, on_message),
    ]


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    application.add_handlers(handlers())
