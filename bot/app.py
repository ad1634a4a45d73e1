"""Builds the python-telegram-bot `Application`: handlers, job queue, rate limiter, errors.

`build_application` is what production (`run_bot`), the demo and the tests share; they differ
only in the settings they pass (the Bot API address, the token, the database).
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from telegram import BotCommand, Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes

from bot.config import Settings
from bot.context import BotServices, Clock, install, utc_now
from bot.handlers import router
from bot.rate_limit import PacedRateLimiter
from bot.reminders import ReminderScheduler
from bot.render import texts
from bot.rules import red_flags
from protocols.loader import load_protocol_library
from storage.database import Database
from storage.migrations_runner import upgrade_async

log = logging.getLogger(__name__)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]

MEMBER_COMMANDS = [
    BotCommand("today", "Start or continue today's session"),
    BotCommand("progress", "Your week, streak and pain scores"),
    BotCommand("snooze", "Move today's reminder by an hour"),
    BotCommand("pause", "Pause reminders"),
    BotCommand("resume", "Resume reminders"),
    BotCommand("start", "Set up or change your settings"),
    BotCommand("help", "What I can do"),
    BotCommand("delete", "Erase everything I have about you"),
]


def build_application(
    settings: Settings, *, token: str | None = None, clock: Clock = utc_now
) -> AnyApplication:
    """The bot, ready for `initialize()`; the database opens in `post_init`."""
    builder = (
        ApplicationBuilder()
        .token(token or settings.require_token())
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_api_file_url)
        .local_mode(settings.telegram_local_mode)
        .rate_limiter(PacedRateLimiter())
        .concurrent_updates(True)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    application = builder.build()
    application.bot_data["settings"] = settings
    application.bot_data["clock"] = clock
    router.register(application)
    application.add_error_handler(on_error)
    return application


async def _post_init(application: AnyApplication) -> None:
    settings: Settings = application.bot_data["settings"]
    await upgrade_async(settings.database_url)
    database = await Database.connect(settings.database_url)
    library = load_protocol_library(settings.protocols_dir)
    services = BotServices(settings, database, library, clock=application.bot_data["clock"])
    install(application, services)
    services.reminders = ReminderScheduler(application, services)
    await services.reminders.rebuild()
    # The red-flag reader takes a few seconds to build: start it now in a worker thread, without
    # holding up start-up; a note that arrives sooner waits for it (red_flags.load is locked).
    application.bot_data["red_flag_reader"] = asyncio.get_running_loop().run_in_executor(
        None, red_flags.load
    )
    await application.bot.set_my_commands(MEMBER_COMMANDS)


async def _post_shutdown(application: AnyApplication) -> None:
    services = application.bot_data.get("services")
    if isinstance(services, BotServices):
        await services.database.dispose()


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Log the failure with its context, and tell the member something went wrong."""
    chat_id = (
        update.effective_chat.id if isinstance(update, Update) and update.effective_chat else None
    )
    log.error(
        "error while handling update %s (chat %s)",
        update.update_id if isinstance(update, Update) else None,
        chat_id,
        exc_info=context.error,
    )
    if chat_id is None:
        return
    if isinstance(update, Update) and update.callback_query is not None:
        try:
            await update.callback_query.answer(texts.SOMETHING_WENT_WRONG[:200])
        except Exception:
            log.debug("could not answer the callback query", exc_info=True)
    try:
        await context.bot.send_message(chat_id, texts.SOMETHING_WENT_WRONG)
    except Exception:
        log.warning("could not tell chat %s about the error", chat_id, exc_info=True)


class RedactToken(logging.Filter):
    """Replace the bot token in a log record (its message and traceback) before it is written.

    The token is in every Bot API URL; a library that logs a URL or an error quoting one
    must not leak it into the logs.
    """

    def __init__(self, token: str) -> None:
        super().__init__()
        self.token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self.token:
            return True
        message = record.getMessage()
        if self.token in message:
            record.msg, record.args = message.replace(self.token, "<token>"), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text and self.token in record.exc_text:
            record.exc_text = record.exc_text.replace(self.token, "<token>")
        return True


def configure_logging(token: str, level: int = logging.INFO) -> None:
    """Production logging: timestamps, httpx quiet (its INFO lines are URLs with the token),
    and the token redacted from whatever else any handler writes."""
    logging.basicConfig(format="%(asctime)s %(levelname)s %(name)s: %(message)s", level=level)
    logging.getLogger("httpx").setLevel(logging.WARNING)
    # APScheduler logs every job added (two lines per member at start-up) at INFO.
    logging.getLogger("apscheduler").setLevel(logging.WARNING)
    if token:
        for handler in logging.getLogger().handlers:
            if not any(isinstance(f, RedactToken) and f.token == token for f in handler.filters):
                handler.addFilter(RedactToken(token))


def run_bot(settings: Settings) -> None:
    """Production: poll Telegram (or serve a webhook) until SIGINT/SIGTERM."""
    configure_logging(settings.telegram_bot_token)
    application = build_application(settings)
    if settings.webhook_url:
        application.run_webhook(
            listen=settings.webhook_listen,
            port=settings.webhook_port,
            webhook_url=settings.webhook_url,
            allowed_updates=Update.ALL_TYPES,
        )
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    log.info("stopped cleanly")
