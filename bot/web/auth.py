"""Who is calling the dashboard's API: Telegram's signed launch data on every request.

The page sends ``Telegram.WebApp.initData`` in the ``Authorization`` header as
``tma <initData>``. No cookies are set or read, so a request another site makes from the
coach's browser carries no credentials (and cannot set that header without a CORS preflight,
which this server never grants): nothing to forge, no CSRF token needed.

- no header, a forged or expired signature, or no user: 401, and no data;
- a valid signature from someone who is not a coach: 403, and no data.

A coach's request is answered in their language: their Telegram's (the launch data's
`language_code`), else the one kept with them, else English.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from aiohttp import web
from aiohttp.typedefs import Middleware

from bot.context import BotServices
from bot.render.i18n import _, speaking
from bot.rules.web_app_auth import Refused, WebAppUser, validate_init_data
from bot.services import dashboard

log = logging.getLogger(__name__)

SCHEME = "tma "
"""``Authorization: tma <initData>``, the scheme Telegram's Mini App tooling uses."""

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
ServicesOf = Callable[[], BotServices]


@dataclass(frozen=True)
class Viewer:
    """The coach behind a request: Telegram's description of them and what they may see."""

    user: WebAppUser
    access: dashboard.CoachAccess


VIEWER: web.RequestKey[Viewer] = web.RequestKey("viewer", Viewer)


def error(status: type[web.HTTPException], message: str) -> web.HTTPException:
    """An HTTP error whose JSON body says what went wrong, in words for the coach."""
    return status(
        text=json.dumps({"error": message}),
        content_type="application/json",
        headers={"Cache-Control": "no-store"},
    )


def init_data_of(request: web.Request) -> str | None:
    header = request.headers.get("Authorization", "")
    return header[len(SCHEME) :].strip() if header.startswith(SCHEME) else None


def coach_only(services_of: ServicesOf) -> Middleware:
    """Middleware of the API: a valid, fresh initData from a coach, or nothing."""

    @web.middleware
    async def middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
        services = services_of()
        launch = validate_init_data(
            init_data_of(request),
            services.settings.telegram_bot_token,
            services.clock(),
            services.settings.web_auth_max_age,
        )
        if isinstance(launch, Refused):
            log.info("dashboard request refused: %s", launch.reason)
            raise error(web.HTTPUnauthorized, _("Open the dashboard from Telegram."))
        access = await dashboard.coach_access(services, launch.user.id)
        kept = access.language if access is not None else None
        with speaking(launch.user.language_code or kept):
            if access is None:
                log.info("dashboard request from a non-coach (user %s) refused", launch.user.id)
                raise error(web.HTTPForbidden, _("The dashboard is for coaches."))
            request[VIEWER] = Viewer(launch.user, access)
            return await handler(request)

    return middleware


def viewer(request: web.Request) -> Viewer:
    """The coach the middleware let through."""
    return request[VIEWER]
