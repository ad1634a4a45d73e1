"""One intake for everything a member or coach sends: messages and edited messages, commands
included (button presses come through `bot.handlers.router.on_button`).

The stages of DESIGN.md ("Listening"), in order; the first that handles a message ends it:

1. who: the router makes the `Turn` (a member, a coach or a stranger) before any stage runs;
2. safety: red-flag triage on any text, caption or edit comes first, before everything below
   (`bot.handlers.safety`: a red flag is answered, held and alerted, then the message goes
   on as a note, a form check or to the coach);
3. a coach answering a bot message about a member: before the awaited reply, because a coach
   who is also a member may be awaited for a note while answering someone;
4. the awaited reply: the typed time, time zone, pain score or note the bot asked for, or the
   location shared for a time zone;
5. commands;
6. everything else: a member's message (text, voice note, photo, file, sticker…) goes to their
   coach, a video is a form check; a coach is told how to write to a member (or, sending a
   video, how to make it a demo clip); a stranger is invited to /start.

An edit runs through the same stages but is never an answer or a command: it reaches the coach
only as the new version of a message that reached them before.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass

from telegram import Message, MessageEntity

from bot.handlers import conversation, form_check, safety
from bot.handlers.turn import AwaitedFunction, CommandFunction, LocatedFunction, Turn
from bot.render import coach_texts, texts
from bot.services import coaches, members


@dataclass(frozen=True)
class Incoming:
    """A message (or an edit of one) as the stages read it."""

    message: Message
    edited: bool

    @property
    def is_command(self) -> bool:
        """Telegram marks a command with a bot_command entity at the very start."""
        entities = self.message.entities
        return bool(entities) and (
            entities[0].type == MessageEntity.BOT_COMMAND and entities[0].offset == 0
        )


@dataclass(frozen=True)
class Tables:
    """Where commands and awaited replies go (see `bot.handlers.router`)."""

    commands: Mapping[str, CommandFunction]
    awaited: Mapping[type, AwaitedFunction]
    located: Mapping[type, LocatedFunction]


Stage = Callable[[Turn, Incoming, Tables], Awaitable[bool]]
"""Handles the message and returns True, or leaves it to the next stage (False)."""


async def _safety(turn: Turn, incoming: Incoming, _tables: Tables) -> bool:
    return await safety.screen(turn, incoming.message, edited=incoming.edited)


async def _coach_answer(turn: Turn, incoming: Incoming, _tables: Tables) -> bool:
    if incoming.edited or incoming.is_command:
        return False
    return await conversation.coach_reply(turn, incoming.message)  # False unless a coach


async def _awaited_reply(turn: Turn, incoming: Incoming, tables: Tables) -> bool:
    text, location = incoming.message.text, incoming.message.location
    if incoming.edited or incoming.is_command or (text is None and location is None):
        return False
    state = await members.awaited(turn.services, turn.user_id)
    if text is not None:
        typed = tables.awaited.get(type(state))
        if typed is not None:
            await typed(turn, text, state)
        return typed is not None
    assert location is not None
    located = tables.located.get(type(state))
    if located is not None:
        await located(turn, location, state)
    return located is not None


async def _command(turn: Turn, incoming: Incoming, tables: Tables) -> bool:
    text = incoming.message.text
    if not incoming.is_command or text is None:
        return False
    if incoming.edited:
        return True  # the command ran when it was sent; an edit does not run it again
    word, *args = text.split()
    function = tables.commands.get(word[1:].split("@", 1)[0].lower())
    if function is None:
        await turn.say(texts.UNKNOWN_COMMAND())
    else:
        await function(turn, args)
    return True


async def _everything_else(turn: Turn, incoming: Incoming, _tables: Tables) -> bool:
    is_coach = await coaches.is_coach(turn.services, turn.user_id)
    if is_coach and not await members.is_member(turn.services, turn.user_id):
        if not incoming.edited:
            # A coach's own video is most likely a demo clip to attach.
            is_video = form_check.video_of(incoming.message) is not None
            await turn.say(coach_texts.USAGE_DEMO() if is_video else coach_texts.HOW_TO_WRITE())
        return True
    await conversation.from_member(turn, incoming.message, edited=incoming.edited)
    return True


STAGES: tuple[Stage, ...] = (
    _safety,
    _coach_answer,
    _awaited_reply,
    _command,
    _everything_else,
)
"""Stages 2 to 6 (the Turn is stage 1)."""


async def take(turn: Turn, incoming: Incoming, tables: Tables) -> None:
    """Run the message through the stages until one handles it."""
    for stage in STAGES:
        if await stage(turn, incoming, tables):
            return
