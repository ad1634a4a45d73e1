"""Routes every update to the function that handles it.

python-telegram-bot delivers updates here through two handlers: button presses, and every
message or edited message (commands included), which goes through the intake's stages
(`bot.handlers.intake`). This module turns each update into a `Turn`, holds the member's lock
while it is handled, and holds the tables the conversation modules export:

- `COMMANDS`: command name → function(turn, args)
- `BUTTONS`: callback data type (see `bot.render.callbacks`) → function(turn, data)
- `AWAITED`: the type of what the member is awaited for (`storage.awaiting`) →
  function(turn, text, state) for typed replies
- `LOCATED`: the same for a shared location → function(turn, location, state)

Each update is answered in its sender's language (Telegram's `language_code`; see
`bot.render.i18n`); what goes to someone else on the way is said in theirs.

Outside private chats (a group the bot was added to) only coach commands and buttons are
handled, each behind the coach gate; a member's command there gets a hint to talk in
private, and other messages are left alone, so a member's chat never moves to a group.
"""

from __future__ import annotations

from typing import Any

from telegram import Update
from telegram.constants import ChatType
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
from bot.handlers import (
    checkin,
    coach,
    coach_admin,
    demo_clips,
    digest,
    intake,
    invites,
    member_commands,
    onboarding,
    screening,
    workout,
)
from bot.handlers.turn import (
    AwaitedFunction,
    ButtonFunction,
    CommandFunction,
    LocatedFunction,
    Turn,
)
from bot.render import callbacks as cb
from bot.render import texts
from bot.render.i18n import speaking

COACH_COMMANDS: dict[str, CommandFunction] = {
    **coach.COMMANDS,
    **invites.COMMANDS,
    **coach_admin.COMMANDS,
    **demo_clips.COMMANDS,
}
COMMANDS: dict[str, CommandFunction] = {
    **onboarding.COMMANDS,
    **workout.COMMANDS,
    **member_commands.COMMANDS,
    **COACH_COMMANDS,
}
GROUP_COMMANDS = frozenset(COACH_COMMANDS) | {"help"}
"""What a group may ask (each answers only a known coach, in a coach group)."""
BUTTONS: dict[type, ButtonFunction] = {
    **onboarding.BUTTONS,
    **screening.BUTTONS,
    **workout.BUTTONS,
    **checkin.BUTTONS,
    **member_commands.BUTTONS,
    **coach.BUTTONS,
    **digest.BUTTONS,
}
AWAITED: dict[type, AwaitedFunction] = {
    **onboarding.AWAITED,
    **checkin.AWAITED,
}
LOCATED: dict[type, LocatedFunction] = {**onboarding.LOCATED}
TABLES = intake.Tables(COMMANDS, AWAITED, LOCATED)

Context = CallbackContext[ExtBot[Any], Any, Any, Any]


def _turn(update: Update, context: Context) -> Turn | None:
    user, chat = update.effective_user, update.effective_chat
    if user is None or chat is None or user.is_bot:
        return None
    services = services_of(context.bot_data)
    private = chat.type == ChatType.PRIVATE
    return Turn(update, context, services, user.id, chat.id, services.clock(), private)


def _command_name(word: str, bot_username: str | None) -> str | None:
    """'/today' or '/today@this_bot' → 'today'; None for a command to another bot."""
    name, _, addressee = word[1:].partition("@")
    if addressee and bot_username and addressee.lower() != bot_username.lower():
        return None
    return name.lower()


async def on_button(update: Update, context: Context) -> None:
    turn = _turn(update, context)
    query = update.callback_query
    if turn is None or query is None:
        return
    data = cb.decode(query.data)
    function = BUTTONS.get(type(data)) if data is not None else None
    with speaking(query.from_user.language_code):
        await _press(turn, data, function)


async def _press(turn: Turn, data: object, function: ButtonFunction | None) -> None:
    async with turn.services.locks.hold(turn.user_id):
        if function is None:
            await turn.toast(texts.SESSION_OVER())
        elif not turn.private and type(data) not in coach.BUTTONS:
            await turn.toast(texts.PRIVATE_ONLY(), alert=True)
        else:
            await function(turn, data)


async def on_message(update: Update, context: Context) -> None:
    """A message or an edited message: through the intake's stages (in a group, only this
    bot's commands)."""
    turn = _turn(update, context)
    message = update.effective_message
    if turn is None or message is None:
        return
    incoming = intake.Incoming(message, edited=update.edited_message is not None)
    user = update.effective_user
    with speaking(user.language_code if user is not None else None):
        if not turn.private:
            await _in_group(turn, incoming, context.bot.username)
            return
        async with turn.services.locks.hold(turn.user_id):
            await intake.take(turn, incoming, TABLES)


async def _in_group(turn: Turn, incoming: intake.Incoming, bot_username: str | None) -> None:
    """A group: this bot's coach commands and /help run (behind the coach gate), a member's
    command gets the hint to talk in private, and anything else is left alone."""
    text = incoming.message.text
    if incoming.edited or not incoming.is_command or text is None:
        return
    word, *args = text.split()
    name = _command_name(word, bot_username)
    function = COMMANDS.get(name) if name is not None else None
    if function is None:
        return  # another bot's command, or one this bot does not know
    async with turn.services.locks.hold(turn.user_id):
        if name in GROUP_COMMANDS:
            await function(turn, args)
        else:
            await turn.say(texts.PRIVATE_ONLY())


def handlers() -> list[BaseHandler[Update, Any, Any]]:
    """The two handlers the application registers."""
    return [
        CallbackQueryHandler(on_button),
        MessageHandler(filters.UpdateType.MESSAGE | filters.UpdateType.EDITED_MESSAGE, on_message),
    ]


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    application.add_handlers(handlers())
