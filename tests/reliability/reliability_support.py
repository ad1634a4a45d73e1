"""Helpers the reliability tests share: reading a member's stored state, and the step messages."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from fixtures_bot import has_button

from emulator import ChatMessage, SimulatedUser
from storage import repository
from storage.database import Database
from storage.models import Member, WorkoutSession


@dataclass
class Stored:
    member: Member | None
    session: WorkoutSession | None
    answers: list[tuple[int, str]]  # (step index, outcome) of the open session


async def stored_state(database: Database, user_id: int) -> Stored:
    async with database.transaction() as session:
        member = await repository.members.by_user_id(session, user_id)
        if member is None:
            return Stored(None, None, [])
        open_row = await repository.sessions.open_for(session, member.id)
        answers = []
        if open_row is not None:
            answers = [
                (row.step_index, str(row.outcome.value))
                for row in await repository.sessions.step_results(session, open_row.id)
            ]
        return Stored(member, open_row, answers)


def is_step(message: ChatMessage) -> bool:
    return has_button(message, "Done")


def step_number(message: ChatMessage) -> int:
    """1-based step number from the card's progress line ("▰▰▱▱▱▱▱▱▱▱ 3/20")."""
    last = (message.text or "").splitlines()[-1]
    assert "/" in last, last
    return int(last.rsplit(" ", 1)[1].split("/")[0])


async def live_card(
    member: SimulatedUser,
    timeout: float = 5.0,  # noqa: ASYNC109 - passed on to wait_for_message
) -> ChatMessage:
    """The workout card on screen (with its buttons), or the next one the bot sends."""
    live = [m for m in member.chat.bot_messages if is_step(m)]
    return live[-1] if live else await member.wait_for_message(is_step, timeout=timeout)


async def answer_steps(
    member: SimulatedUser,
    count: int,
    timeout: float = 5.0,  # noqa: ASYNC109 - passed on to wait_for_message
) -> ChatMessage:
    """Press Done on the card `count` times in a row (the card already on screen or coming);
    returns the card, edited into the step after the last press."""
    card = await live_card(member, timeout)
    for _ in range(count):
        await member.press("Done", card)
        await member.wait_for_edit(card, timeout=timeout)
    return card


async def eventually(
    check: Callable[[], Awaitable[bool]],
    timeout: float = 5.0,  # noqa: ASYNC109 - a deadline for polling the database
) -> None:
    """Wait until an async check (usually of the database) holds."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while not await check():
        if loop.time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.02)
