"""The real bot, running against the Bot API emulator.

- ``bot_settings``: settings pointing at the emulator, a fresh SQLite file, one owner (the
  coach), who is also the default coach, so a plain /start signs a member up with them.
- ``running_bot``: the bot's real ``Application`` (built by ``bot.app.build_application``)
  polling the emulator; yields a ``RunningBot`` with the application and its services.
- ``member`` / ``coach``: simulated Telegram users (the coach's private chat is a coach chat).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from bot.app import build_application
from bot.config import Settings
from bot.context import BotServices
from bot.render import callbacks as cb
from bot.rules.screening import ONBOARDING
from emulator import BotApiEmulator, ChatMessage, SimulatedUser
from emulator.ptb import running_application

COACH_USER_ID = 900_001
MEMBER_USER_ID = 100_001


def make_settings(emulator: BotApiEmulator, directory: Path, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "telegram_bot_token": emulator.bot_token,
        "telegram_api_base_url": emulator.base_url,
        "telegram_api_file_url": emulator.base_file_url,
        "database_url": f"sqlite+aiosqlite:///{directory / 'bot.sqlite3'}",
        "coach_chat_ids": (COACH_USER_ID,),
        "default_coach_id": COACH_USER_ID,
        "tz": "UTC",
        # Simulated members tap far faster than people; tests/e2e/test_flood.py uses the default.
        "inbound_limit": 1_000,
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)


@dataclass
class RunningBot:
    """The bot under test; `restart()` stops it and starts a new one on the same database."""

    settings: Settings
    emulator: BotApiEmulator
    stack: AsyncExitStack
    application: Any = None

    async def start(self) -> None:
        self.application = build_application(self.settings, token=self.emulator.bot_token)
        await self.stack.enter_async_context(
            running_application(self.emulator, application=self.application)
        )

    async def restart(self) -> None:
        await self.stack.aclose()
        await self.start()

    @property
    def services(self) -> BotServices:
        services = self.application.bot_data["services"]
        assert isinstance(services, BotServices)
        return services


@pytest.fixture
def bot_settings(emulator: BotApiEmulator, tmp_path: Path) -> Settings:
    return make_settings(emulator, tmp_path)


@pytest.fixture
async def running_bot(
    emulator: BotApiEmulator, bot_settings: Settings
) -> AsyncIterator[RunningBot]:
    async with bot_running(bot_settings, emulator) as bot:
        yield bot


@asynccontextmanager
async def bot_running(settings: Settings, emulator: BotApiEmulator) -> AsyncIterator[RunningBot]:
    """The real bot with these settings, polling the emulator until the block ends."""
    async with AsyncExitStack() as stack:
        bot = RunningBot(settings, emulator, stack)
        await bot.start()
        yield bot


@pytest.fixture
def member(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(user_id=MEMBER_USER_ID, first_name="Maya", username="maya")


@pytest.fixture
def coach(emulator: BotApiEmulator) -> SimulatedUser:
    return emulator.user(user_id=COACH_USER_ID, first_name="Coach", username="coach")


PROTOCOL_1 = "Lower Back Pain Relief, Level 1"
PROTOCOL_2_NAME = "7-exercise-protocol-lower-back-relief"


async def onboard(
    user: SimulatedUser, protocol: str = PROTOCOL_1, hour: str = "18:00", zone: str = "UTC"
) -> None:
    """Take a new member through /start with the default days (Mon, Wed, Fri)."""
    await reach_the_time_question(user, protocol)
    await user.press(hour)
    await choose_zone(user, zone)


def invite_code(message: ChatMessage) -> str:
    """The code of the invite link in a bot message (``…?start=<code>``)."""
    found = re.search(r"\?start=([A-Za-z0-9_-]+)", message.text or "")
    assert found is not None, f"no invite link in {message.text!r}"
    return found.group(1)


async def make_invite(coach: SimulatedUser, args: str = PROTOCOL_2_NAME) -> str:
    """The coach sends /invite <args>; the code of the link they get."""
    await coach.send_command("/invite", args)
    return invite_code(await coach.wait_for_message(lambda m: "?start=" in (m.text or "")))


async def onboard_with_code(
    user: SimulatedUser, code: str, hour: str = "18:00", zone: str = "UTC"
) -> None:
    """Open an invite link (/start <code>), then set up with the default days: no protocol
    question, the coach chose it."""
    await user.send_command("/start", code)
    await user.wait_for_message(lambda m: "not medical advice" in (m.text or ""))
    await user.press("I understand, let's go")
    await answer_the_safety_questions(user)
    await user.wait_for_message(lambda m: has_button(m, "Done"))
    await user.press("Done")
    await user.wait_for_message(lambda m: has_button(m, hour))
    await user.press(hour)
    await choose_zone(user, zone)


async def choose_zone(user: SimulatedUser, zone: str) -> None:
    """At the time-zone question: press the button for `zone` (an IANA id; the button shows
    its label) and wait for the end of set-up."""
    question = await user.wait_for_message(lambda m: zone_button(m, zone) is not None)
    label = zone_button(question, zone)
    assert label is not None
    await user.press(label, question)
    await user.wait_for_message(lambda m: (m.text or "").startswith("All set!"))


async def reach_the_zone_question(user: SimulatedUser) -> ChatMessage:
    """Through set-up to the time-zone question (18:00 reminders); the question, once the
    "Share location" keyboard that follows it has come too."""
    await reach_the_time_question(user)
    await user.press("18:00")
    question = await user.wait_for_message(lambda m: zone_button(m, "UTC") is not None)
    await user.wait_for_message(lambda m: (m.reply_markup or {}).get("keyboard") is not None)
    return question


def zone_button(message: ChatMessage, zone: str) -> str | None:
    """The text of the button on `message` that chooses `zone`, if there is one."""
    for button in message.buttons:
        data = cb.decode(button.callback_data)
        if isinstance(data, cb.ChooseZone) and data.zone == zone:
            return button.text
    return None


async def reach_the_time_question(user: SimulatedUser, protocol: str = PROTOCOL_1) -> None:
    """/start, accept the disclaimer, pick `protocol` and keep the default days."""
    await user.send_command("/start")
    await user.wait_for_message(lambda m: "not medical advice" in (m.text or ""))
    await user.press("I understand, let's go")
    await answer_the_safety_questions(user)
    await user.wait_for_message(lambda m: has_button(m, protocol))
    await user.press(protocol)
    await user.wait_for_message(lambda m: has_button(m, "Done"))
    await user.press("Done")
    await user.wait_for_message(lambda m: has_button(m, "18:00"))  # the hour picker


def is_safety_question(message: ChatMessage) -> bool:
    return (message.text or "").find("Safety question") >= 0 and has_button(message, "No")


async def answer_the_safety_questions(user: SimulatedUser, answer: str = "No") -> None:
    """The red-flag screen after the disclaimer: `answer` to each question, in turn."""
    for number in range(1, len(ONBOARDING) + 1):
        question = await user.wait_for_message(
            lambda m, n=number: is_safety_question(m) and f"question {n} of" in (m.text or "")
        )
        await user.press(answer, question)


def has_button(message: ChatMessage, label: str) -> bool:
    return any(button.text == label for row in message.keyboard for button in row)
