"""Telegram's 429s hold the chat they answered; only a bot-wide flood holds every chat."""

from __future__ import annotations

import asyncio

from bot.rate_limit import FloodHolds, Pacer

HOLD = 0.3


async def waited(holds: FloodHolds, chat: int | None) -> float:
    loop = asyncio.get_running_loop()
    started = loop.time()
    await holds.wait(chat)
    return loop.time() - started


async def test_a_429_in_one_chat_holds_that_chat_only() -> None:
    holds = FloodHolds(Pacer(per_second=100))
    holds.note(1, HOLD)
    assert await waited(holds, 2) < 0.05
    assert await waited(holds, 1) >= HOLD - 0.01


async def test_a_429_without_a_chat_holds_every_chat() -> None:
    holds = FloodHolds(Pacer(per_second=100))
    holds.note(None, HOLD)
    assert await waited(holds, 2) >= HOLD - 0.01


async def test_429s_from_several_chats_at_once_hold_every_chat() -> None:
    holds = FloodHolds(Pacer(per_second=100), chats_for_all=3)
    for chat in (1, 2, 3):
        holds.note(chat, HOLD)
    assert await waited(holds, 4) >= HOLD - 0.01


async def test_repeated_429s_in_one_chat_never_hold_the_others() -> None:
    holds = FloodHolds(Pacer(per_second=100), chats_for_all=3)
    for _ in range(10):
        holds.note(1, HOLD)
    assert await waited(holds, 2) < 0.05
