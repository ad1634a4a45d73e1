"""One member flooding the bot does not slow the others, against Telegram-like flood limits.

The emulator enforces 30 sends a second overall and one a second per chat, answering
anything beyond with 429, as Telegram does. The flooder's chat is held after its 429s; every
other chat keeps its replies coming within a second.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from fixtures_bot import RunningBot, make_settings

from bot.config import Settings
from bot.render import texts
from emulator import BotApiEmulator, ChatMessage, SimulatedUser

FLOOD = 60
PROBES = 4
PROBE_GAP = 1.1
"""Seconds between the other member's messages: their own chat's limit is one a second."""
LATENCY_LIMIT = 1.0


@pytest.fixture
def bot_settings(emulator: BotApiEmulator, tmp_path: Path) -> Settings:
    """The production inbound limit (the shared fixture lifts it for fast-tapping tests)."""
    settings = make_settings(emulator, tmp_path)
    return settings.model_copy(
        update={"inbound_limit": Settings.model_fields["inbound_limit"].default}
    )


@pytest.fixture
def flooder(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(user_id=100_777, first_name="Flo", known=True)


def is_help(message: ChatMessage) -> bool:
    return "Here's what I can do" in (message.text or "")


async def help_latency(member: SimulatedUser) -> float:
    loop = asyncio.get_running_loop()
    asked = loop.time()
    await member.send_command("/help")
    await member.wait_for_message(is_help)
    return loop.time() - asked


async def test_another_members_replies_stay_under_a_second_while_one_member_floods(
    running_bot: RunningBot,
    emulator: BotApiEmulator,
    member: SimulatedUser,
    flooder: SimulatedUser,
) -> None:
    limiter = emulator.enforce_rate_limit(per_second=30, per_chat_per_second=1)
    await asyncio.gather(*(flooder.send_text(f"hello {n}") for n in range(FLOOD)))
    await emulator.wait_until(lambda: limiter.rejected > 0, 10)  # the flooder's chat is held

    latencies = []
    for _ in range(PROBES):
        latencies.append(await help_latency(member))
        await asyncio.sleep(PROBE_GAP)
    emulator.enforce_rate_limit(per_second=1_000, per_chat_per_second=1_000)  # a quick teardown

    assert max(latencies) < LATENCY_LIMIT, latencies


async def test_the_flooder_is_answered_up_to_the_limit_and_asked_once_to_slow_down(
    running_bot: RunningBot, emulator: BotApiEmulator, flooder: SimulatedUser
) -> None:
    limit = running_bot.settings.inbound_limit
    await asyncio.gather(*(flooder.send_text(f"hello {n}") for n in range(FLOOD)))
    await flooder.wait_for_message(lambda m: m.text == texts.SLOW_DOWN())
    await emulator.wait_until(
        lambda: len([m for m in flooder.messages if m.from_bot]) >= limit + 1, 10
    )
    await asyncio.sleep(0.5)  # nothing more arrives for the dropped updates
    replies = [m.text for m in flooder.messages if m.from_bot]
    assert replies.count(texts.SLOW_DOWN()) == 1
    assert len(replies) == limit + 1
