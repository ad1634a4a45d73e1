"""Builds the python-telegram-bot `Application`: handlers, job queue, rate limiter, errors.

`build_application` is what production (`run_bot`), the demo and the tests share; they differ
only in the settings they pass (the Bot API address, the token, the database).
"""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
from typing import Any

from telegram import Update
from telegram.ext import Application, ApplicationBuilder, ContextTypes

from bot import inbound_limit, menus, webhook
from bot.bot_api_http import AiohttpRequest
from bot.config import Settings
from bot.context import BotServices, Clock, install, utc_now
from bot.handlers import router
from bot.inbound_limit import InboundLimiter
from bot.jobs.digest import DigestScheduler
from bot.jobs.reminders import ReminderScheduler
from bot.jobs.timers import TimerScheduler
from bot.rate_limit import PacedRateLimiter
from bot.render import coach_texts, texts
from bot.render.i18n import speaking
from bot.rules import red_flags
from bot.services import coaches
from bot.web.server import DashboardSite, set_menu_buttons
from protocols.loader import load_protocol_library
from storage.database import Database
from storage.migrations_runner import upgrade_async

log = logging.getLogger(__name__)

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
_SERVE_DASHBOARD = "serve_dashboard"
_DASHBOARD_SITE = "dashboard_site"


def build_application(
    settings: Settings,
    *,
    token: str | None = None,
    clock: Clock = utc_now,
    serve_dashboard: bool = True,
) -> AnyApplication:
    """The bot, ready for `initialize()`; the database opens in `post_init`.

    With `WEB_PUBLIC_URL` set, coach chats get a "Dashboard" menu button and, unless
    `serve_dashboard` is False (the demo and the tests mount `bot.web.server.dashboard_app`
    themselves), the dashboard is served on `WEB_HOST:WEB_PORT` while the bot runs.
    """
    builder = (
        ApplicationBuilder()
        .token(token or settings.require_token())
        .base_url(settings.telegram_api_base_url)
        .base_file_url(settings.telegram_api_file_url)
        .local_mode(settings.telegram_local_mode)
        .request(AiohttpRequest())
        .get_updates_request(AiohttpRequest(connection_pool_size=1))
        .rate_limiter(PacedRateLimiter())
        .concurrent_updates(True)
        .post_init(_post_init)
        .post_shutdown(_post_shutdown)
    )
    application = builder.build()
    hide_update_content_in_logs()
    application.bot_data["settings"] = settings
    application.bot_data["clock"] = clock
    application.bot_data[_SERVE_DASHBOARD] = serve_dashboard
    router.register(application)
    if settings.inbound_limit:
        limiter = InboundLimiter(settings.inbound_limit, settings.inbound_window)
        inbound_limit.install(application, limiter, time.monotonic)
    application.add_error_handler(on_error)
    return application


async def _post_init(application: AnyApplication) -> None:
    settings: Settings = application.bot_data["settings"]
    await upgrade_async(settings.database_url)
    database = await Database.connect(settings.database_url)
    library = load_protocol_library(settings.protocols_dir)
    services = BotServices(settings, database, library, clock=application.bot_data["clock"])
    install(application.bot_data, services)
    await _check_coaches(services)
    services.reminders = ReminderScheduler(application, services)
    await services.reminders.rebuild()
    DigestScheduler(application, services).start()
    # The red-flag reader takes a few seconds to build: start it now in a worker thread, without
    # holding up start-up; a note that arrives sooner waits for it (red_flags.load is locked).
    application.bot_data["red_flag_reader"] = asyncio.get_running_loop().run_in_executor(
        None, red_flags.load
    )
    timers = TimerScheduler(application, services)
    services.timers = timers
    await timers.rebuild()
    await menus.publish_all(application.bot, services)
    await _start_dashboard(application, services)


async def _check_coaches(services: BotServices) -> None:
    """Seed the owners from COACH_CHAT_IDS, and say loudly when nobody would hear a flag."""
    staffing = await coaches.seed_owners(services, services.clock())
    log.info(
        "coaches: %s owner(s), %s coach(es); %s member(s) given to the first owner",
        staffing.owners,
        staffing.coaches,
        staffing.members_given_to_first_owner,
    )
    if not staffing.owners + staffing.coaches:
        log.warning(coach_texts.NO_COACH_AT_START_UP())
    default = services.settings.default_coach_id
    if default is not None and not staffing.default_coach_known:
        log.warning(coach_texts.DEFAULT_COACH_UNKNOWN.format(user_id=default))


async def _start_dashboard(application: AnyApplication, services: BotServices) -> None:
    settings = services.settings
    if not settings.web_public_url:
        log.info("dashboard off: WEB_PUBLIC_URL is not set")
        return
    coach_chats = [user_id for user_id, _ in await coaches.everyone_with_roles(services)]
    await set_menu_buttons(application, settings.web_public_url, coach_chats)
    if application.bot_data[_SERVE_DASHBOARD]:
        site = DashboardSite(application)
        await site.start(settings.web_host, settings.web_port)
        application.bot_data[_DASHBOARD_SITE] = site


async def _post_shutdown(application: AnyApplication) -> None:
    site = application.bot_data.pop(_DASHBOARD_SITE, None)
    if isinstance(site, DashboardSite):
        await site.stop()
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
    user = update.effective_user if isinstance(update, Update) else None
    with speaking(user.language_code if user is not None else None):
        sorry = texts.SOMETHING_WENT_WRONG()
    if isinstance(update, Update) and update.callback_query is not None:
        try:
            await update.callback_query.answer(sorry[:200])
        except Exception:
            log.debug("could not answer the callback query", exc_info=True)
    try:
        await context.bot.send_message(chat_id, sorry)
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


class HideUpdateContent(logging.Filter):
    """Keep what Telegram sent out of the library's log lines about it.

    python-telegram-bot logs an update it cannot parse whole, at CRITICAL: `Bot.get_updates`
    when polling (logger `telegram.Bot`, or `telegram.ext.ExtBot` for the application's bot),
    and the webhook handler (`telegram.ext.Updater`, which also logs every body at DEBUG).
    An update carries what a member typed: their health. Such a record keeps its level and
    the traceback's frames; the data and the exception's message (which may quote the data)
    are dropped. (The library's other DEBUG lines show requests and updates whole: never run
    production at DEBUG.)
    """

    LOGGERS = ("telegram.Bot", "telegram.ext.ExtBot", "telegram.ext.Updater")

    def filter(self, record: logging.LogRecord) -> bool:
        if "received data" not in str(record.msg).lower():
            return True
        if record.levelno >= logging.WARNING:
            record.msg = "Telegram sent data that is not a valid update; its content is not logged"
        else:
            record.msg = "received an update; its content is not logged"
        record.args = None
        if record.exc_info is not None:
            kind, _, trace = record.exc_info
            frames = "".join(traceback.format_tb(trace))
            name = kind.__qualname__ if kind is not None else "unknown error"
            record.exc_info = None
            record.exc_text = (
                f"Traceback (most recent call last):\n{frames}{name} (message not logged)"
            )
        return True


def hide_update_content_in_logs() -> None:
    """Install `HideUpdateContent` on the loggers that would write an update (idempotent)."""
    for name in HideUpdateContent.LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(f, HideUpdateContent) for f in logger.filters):
            logger.addFilter(HideUpdateContent())


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
        options = webhook.webhook_options(settings)
        webhook.cap_request_bodies()
        log.info(
            "serving the webhook on %s:%s/%s",
            options["listen"],
            options["port"],
            options["url_path"],
        )
        application.run_webhook(**options)
    else:
        application.run_polling(allowed_updates=Update.ALL_TYPES)
    log.info("stopped cleanly")
