"""The coach's dashboard, a Telegram Mini App served by the bot's own process (aiohttp).

`dashboard_app(application)` is the whole site: the page (``static/``: plain HTML, CSS and
JavaScript, no build step) at its root and the JSON API (`bot.web.api`) under ``api/``. It
can stand alone (`DashboardSite`, on ``WEB_HOST:WEB_PORT`` behind the HTTPS address
``WEB_PUBLIC_URL``) or be mounted inside another site (the demo mounts it at ``/dashboard/``);
the page uses relative addresses only, so it works wherever it is mounted.

Every response carries a strict Content-Security-Policy: scripts from this site and Telegram's
``telegram-web-app.js`` only, no inline script or style, data only from this site, and framing
only by Telegram's web clients (and this site, for the demo).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from aiohttp import web
from telegram import MenuButtonWebApp, WebAppInfo
from telegram.error import TelegramError
from telegram.ext import Application

from bot.context import BotServices, services_of
from bot.render import coach_texts
from bot.web.api import DashboardApi

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"

CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self' https://telegram.org",
        "style-src 'self'",
        "img-src 'self' data: blob:",
        "media-src 'self' blob:",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'self' https://web.telegram.org https://*.telegram.org",
    ]
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}

AnyApplication = Application[Any, Any, Any, Any, Any, Any]
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


@web.middleware
async def security_headers(request: web.Request, handler: Handler) -> web.StreamResponse:
    try:
        response = await handler(request)
    except web.HTTPException as problem:
        problem.headers.update(SECURITY_HEADERS)
        raise
    response.headers.update(SECURITY_HEADERS)
    return response


@web.middleware
async def compress(request: web.Request, handler: Handler) -> web.StreamResponse:
    """gzip the JSON answers for clients that accept it (the members view shrinks ~8 times)."""
    response = await handler(request)
    if isinstance(response, web.Response) and response.content_type == "application/json":
        response.enable_compression()
    return response


async def _index(_request: web.Request) -> web.FileResponse:
    return web.FileResponse(STATIC_DIR / "index.html", headers={"Cache-Control": "no-store"})


def dashboard_app(application: AnyApplication) -> web.Application:
    """The dashboard's site over this running bot (its services are read at each request,
    so the site may be built before the bot has started)."""

    def services() -> BotServices:
        return services_of(application.bot_data)

    app = web.Application(middlewares=[security_headers, compress])
    app.router.add_get("/", _index)
    app.router.add_static("/static/", STATIC_DIR)
    app.add_subapp("/api/", DashboardApi(services, application.bot).app())
    return app


class DashboardSite:
    """The dashboard on ``WEB_HOST:WEB_PORT`` while the bot runs (`bot.app` starts and stops it)."""

    def __init__(self, application: AnyApplication) -> None:
        self.application = application
        self._runner: web.AppRunner | None = None

    async def start(self, host: str, port: int) -> None:
        self._runner = web.AppRunner(
            dashboard_app(self.application), access_log=None, shutdown_timeout=2.0
        )
        await self._runner.setup()
        await web.TCPSite(self._runner, host, port).start()
        log.info("dashboard served on %s:%s", host, port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


async def set_menu_buttons(application: AnyApplication, url: str, chat_ids: list[int]) -> None:
    """The "Dashboard" menu button in each coach chat; a chat that cannot have one is logged."""
    button = MenuButtonWebApp(coach_texts.DASHBOARD_BUTTON(), WebAppInfo(url))
    for chat_id in chat_ids:
        try:
            await application.bot.set_chat_menu_button(chat_id=chat_id, menu_button=button)
        except TelegramError as problem:
            log.warning("no dashboard menu button in coach chat %s: %s", chat_id, problem)
