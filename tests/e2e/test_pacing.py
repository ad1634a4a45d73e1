"""Outgoing calls are paced under Telegram's 30 messages per second, without bursts."""

from __future__ import annotations

import asyncio
import itertools
from collections.abc import AsyncIterator

import pytest
from telegram import Bot
from telegram.ext import ExtBot

from bot.rate_limit import PacedRateLimiter, Pacer
from emulator import BotApiEmulator
from emulator.ptb import application_builder

MEMBERS = 60


@pytest.fixture
async def paced_bot(emulator: BotApiEmulator) -> AsyncIterator[ExtBot[None]]:
    for number in range(MEMBERS):
        emulator.user(user_id=10_000 + number, known=True)
    application = application_builder(emulator).rate_limiter(PacedRateLimiter()).build()
    async with application.bot as bot:
        yield bot


async def test_a_burst_of_sends_never_meets_the_flood_limit(
    emulator: BotApiEmulator, paced_bot: Bot
) -> None:
    limiter = emulator.enforce_rate_limit(per_second=30, per_chat_per_second=1)
    await asyncio.gather(
        *(paced_bot.send_message(10_000 + n, "Time for your session") for n in range(MEMBERS))
    )
    assert limiter.rejected == 0
    assert len(emulator.calls("sendMessage")) == MEMBERS


async def test_an_edit_does_not_wait_behind_queued_sends(
    emulator: BotApiEmulator, paced_bot: Bot
) -> None:
    first = await paced_bot.send_message(10_000, "Step 1")
    sends = [
        asyncio.ensure_future(paced_bot.send_message(10_000 + n, "Reminder"))
        for n in range(1, MEMBERS)
    ]
    await asyncio.sleep(0)  # the sends are queued in the limiter
    await paced_bot.edit_message_text("Step 1 ✅", chat_id=10_000, message_id=first.message_id)
    finished_sends = sum(send.done() for send in sends)
    await asyncio.gather(*sends)
    assert finished_sends < MEMBERS // 2


async def test_the_pacer_spaces_slots_evenly_without_a_burst() -> None:
    pacer = Pacer(per_second=100)
    loop = asyncio.get_running_loop()
    granted: list[float] = []

    async def take() -> None:
        async with pacer:
            granted.append(loop.time())

    await asyncio.gather(*(take() for _ in range(5)))
    gaps = [later - earlier for earlier, later in itertools.pairwise(granted)]
    assert all(gap >= 0.0095 for gap in gaps)


async def test_requests_held_by_a_429_resume_evenly_spaced(
    emulator: BotApiEmulator, paced_bot: Bot
) -> None:
    limiter = emulator.enforce_rate_limit(per_second=30, per_chat_per_second=1)
    emulator.faults.rate_limit(calls=1, retry_after=1, method="sendMessage")
    await asyncio.gather(
        *(paced_bot.send_message(10_000 + n, "Time for your session") for n in range(MEMBERS))
    )
    assert limiter.rejected == 0  # no 429 beyond the injected one
    assert len([c for c in emulator.calls("sendMessage") if c.status == 200]) == MEMBERS


async def test_no_slot_is_granted_while_the_pacer_is_held() -> None:
    pacer = Pacer(per_second=20)
    loop = asyncio.get_running_loop()
    granted: list[float] = []

    async def take() -> None:
        async with pacer:
            granted.append(loop.time())

    waiters = [asyncio.ensure_future(take()) for _ in range(6)]
    await asyncio.sleep(0.06)  # one or two slots granted, the rest waiting for theirs
    held_from = loop.time()
    pacer.hold(0.3)
    await asyncio.gather(*waiters)
    assert all(at < held_from or at >= held_from + 0.3 for at in granted)
