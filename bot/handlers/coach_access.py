"""The gate in front of every coach command and button.

A coach command works only for a known coach, in their own private chat or in a coach group
(`bot.services.coaches.authorise` decides). Anyone else gets the same polite refusal,
whatever they asked for, so nothing about members (names, counts, whether a flag or member
number exists) leaks. The function behind the gate gets the `Viewer`, which it hands to the
services: they show and change only what that coach may see.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from functools import wraps
from typing import Any

from bot.handlers.turn import ButtonFunction, CommandFunction, Turn
from bot.render import coach_texts
from bot.rules.row_ids import parse_row_id
from bot.services.coaches import Viewer

CoachCommand = Callable[[Turn, Viewer, list[str]], Awaitable[None]]
CoachButton = Callable[[Turn, Viewer, Any], Awaitable[None]]


def coach_command(function: CoachCommand) -> CommandFunction:
    """Run the command for a coach; refuse it to anyone else."""

    @wraps(function)
    async def guarded(turn: Turn, args: list[str]) -> None:
        viewer = await turn.coach()
        if viewer is None:
            await turn.say(coach_texts.NOT_A_COACH())
            return
        await function(turn, viewer, args)

    return guarded


def coach_button(function: CoachButton) -> ButtonFunction:
    """Handle the press for a coach; refuse it (as an alert) to anyone else."""

    @wraps(function)
    async def guarded(turn: Turn, data: Any) -> None:
        viewer = await turn.coach()
        if viewer is None:
            await turn.toast(coach_texts.NOT_A_COACH(), alert=True)
            return
        await function(turn, viewer, data)

    return guarded


MAX_USER_ID = 2**63 - 1
"""Telegram user ids are stored as BIGINT: a larger number could never be one."""


def id_argument(text: str) -> int | None:
    """A row id such as "12" or "#12" (within the database's range); None for anything else."""
    return parse_row_id(text.removeprefix("#"))


def user_reference(text: str) -> int | str | None:
    """Someone named by "12", "#12" (a number) or "@username" (the name without "@")."""
    if text.startswith("@") and len(text) > 1:
        return text[1:65]
    return id_argument(text)


def user_id_argument(text: str) -> int | None:
    """A Telegram user id: a positive number that fits the BIGINT column."""
    if text.isascii() and text.isdigit() and len(text) <= 19 and 0 < int(text) <= MAX_USER_ID:
        return int(text)
    return None
