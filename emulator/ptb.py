"""Running a real python-telegram-bot ``Application`` against the emulator."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable, Iterable
from contextlib import asynccontextmanager
from typing import Any

from telegram.ext import Application, ApplicationBuilder, BaseHandler

from emulator.emulator import BotApiEmulator

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
AnyBuilder = ApplicationBuilder[Any, Any, Any, Any, Any, Any]


def application_builder(emulator: BotApiEmulator) -> AnyBuilder:
    """An ``ApplicationBuilder`` with the emulator's token, API and file URLs."""
    return (
        ApplicationBuilder()
        .token(emulator.bot_token)
        .base_url(emulator.base_url)
        .base_file_url(emulator.base_file_url)
    )


@asynccontextmanager
async def running_application(
    emulator: BotApiEmulator,
    handlers: Iterable[BaseHandler[Any, Any, Any]] = (),
    *,
    application: AnyApplication | None = None,
    configure: Callable[[AnyBuilder], AnyBuilder] | None = None,
    poll_timeout: int = 1,
) -> AsyncIterator[AnyApplication]:
    """Initialise, start and poll an application until the block ends, then shut it down.

    Pass ``handlers`` for a fresh application (``configure`` may adjust its builder), or a
    ready ``application`` built with ``application_builder``.
    """
    if application is None:
        builder = application_builder(emulator)
        application = (configure(builder) if configure else builder).build()
    for handler in handlers:
        application.add_handler(handler)
    updater = application.updater
    if updater is None:
        raise ValueError("the application needs an updater to poll the emulator")
    # The same lifecycle as `Application.run_polling`, post_* hooks included.
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        await updater.start_polling(poll_interval=0, timeout=poll_timeout)
        try:
            yield application
        finally:
            await updater.stop()
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
    finally:
        await application.shutdown()
        if application.post_shutdown is not None:
            await application.post_shutdown(application)
