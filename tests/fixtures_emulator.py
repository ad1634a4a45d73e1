"""Fixtures for end-to-end tests against the local Bot API emulator.

- ``emulator``: a started ``BotApiEmulator`` (stopped after the test).
- ``emulator_bot``: an initialised ``telegram.Bot`` talking to it, for calling methods directly.
- ``run_bot``: ``async with run_bot([handlers...]) as app:`` runs a real PTB ``Application``
  polling the emulator (or ``run_bot(application=app)`` for a prebuilt one, built with
  ``emulator.ptb.application_builder(emulator)``), with a clean shutdown afterwards.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import AbstractAsyncContextManager
from typing import Any

import pytest
from telegram import Bot
from telegram.ext import BaseHandler

from emulator import BotApiEmulator
from emulator.ptb import AnyApplication, running_application

RunBot = Callable[..., AbstractAsyncContextManager[AnyApplication]]


@pytest.fixture
async def emulator() -> AsyncIterator[BotApiEmulator]:
    async with BotApiEmulator(seed=4) as emu:
        yield emu


@pytest.fixture
async def emulator_bot(emulator: BotApiEmulator) -> AsyncIterator[Bot]:
    bot = Bot(
        emulator.bot_token,
        base_url=emulator.base_url,
        base_file_url=emulator.base_file_url,
    )
    async with bot:
        yield bot


@pytest.fixture
def run_bot(emulator: BotApiEmulator) -> RunBot:
    def run(
        handlers: Iterable[BaseHandler[Any, Any, Any]] = (), **options: Any
    ) -> AbstractAsyncContextManager[AnyApplication]:
        return running_application(emulator, handlers, **options)

    return run
