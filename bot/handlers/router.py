"""Routes every update to the function that handles it.

python-telegram-bot delivers updates here through two handlers: button presses, and every
message or edited message (commands included), which goes through the intake's stages
(`bot.handlers.intake`). This module turns each update into a `Turn`, holds the member's lock
while it is handled, and holds the tables the conversation modules export:

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
from bot.handlers import checkin, coach, intake, member_commands, onboarding, workout
from bot.handlers.turn import AwaitedFunction, ButtonFunction, CommandFunction, Turn
from bot.render import callbacks as cb
from bot.render import texts

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
TABLES = intake.Tables(COMMANDS, AWAITED)

Context = CallbackContext[ExtBot[Any], Any, Any, Any]


def _turn(update: Update, context: Context) -> Turn | None:
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or user.is_bot:
        return None
    services = services_of(context.bot_data)
    return Turn(update, context, services, user.id, chat.id, services.clock())


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
    """A message or an edited message: through the intake's stages."""
    turn = _turn(update, context)
    message = update.effective_message
    if turn is None or message is None:
        return
    incoming = intake.Incoming(message, edited=update.edited_message is not None)
    async with turn.services.locks.hold(turn.user_id):
        await intake.take(turn, incoming, TABLES)


def handlers() -> list[BaseHandler[Update, Any, Any]]:
    """The two handlers the application registers."""
    return [
        CallbackQueryHandler(on_button),
        MessageHandler(filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE, on_message),
    ]


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    application.add_handlers(handlers())
