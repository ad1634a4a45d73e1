"""What keeps other web pages away from the demo's web chat on 127.0.0.1.

A page on any other site can make the browser send requests to a local server (cross-site
request forgery), and a site whose DNS name is re-pointed at 127.0.0.1 becomes, for the
browser, the same origin as the demo (DNS rebinding). So:

- every request must name the demo itself in `Host`: "localhost", an IP address (a DNS
  rebinding attack needs a name of its own), or the `--host` the demo was started with;
- every POST must come from the demo's own pages: no foreign `Origin` or `Sec-Fetch-Site`;
  to the web chat's API, the page's token in `X-Demo-Token` (rendered into the page, so only a
  page the demo served can send it) and the body type the endpoint takes (`application/json`,
  or `multipart/form-data` for uploads) - a cross-site form can send neither with a custom
  header. The coach's dashboard (under `/dashboard/`) carries its own proof instead: Telegram's
  signed launch data in an `Authorization` header, which no other site can send either;
- every response forbids framing, sniffing and foreign scripts (CSP), and a chat's file is
  served as an attachment in a sandbox, so an uploaded HTML page never runs as the demo.
"""

from __future__ import annotations

import hmac
import ipaddress
import json
import secrets
from collections.abc import Awaitable, Callable

from aiohttp import web

TOKEN_HEADER = "X-Demo-Token"
TOKEN_PLACEHOLDER = "__DEMO_TOKEN__"
"""Written in static/index.html where the page's token goes."""

PAGE_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "media-src 'self'; connect-src 'self'; frame-src 'self'; form-action 'self'; "
    "base-uri 'none'; frame-ancestors 'none'"
)
"""The web chat's page; it frames only the demo's own dashboard (`frame-src 'self'`)."""
DASHBOARD_PREFIX = "/dashboard/"
FILE_POLICY = "default-src 'none'; sandbox"
"""For a chat's files: nothing in them runs, even when opened directly."""

_COMMON_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Resource-Policy": "same-origin",
}
_SAME_SITE_FETCHES = frozenset({"same-origin", "none"})

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class WebGuard:
    """The checks above, for a demo started on `host`; `token` is this run's page token."""

    def __init__(self, host: str, token: str | None = None) -> None:
        self.host = host.lower()
        self.token = token or secrets.token_urlsafe(32)

    def page(self, template: str) -> str:
        """The page with this run's token in it."""
        return template.replace(TOKEN_PLACEHOLDER, self.token)

    def host_allowed(self, host_header: str | None) -> bool:
        if not host_header:
            return False
        name = host_header.rsplit(":", 1)[0] if not host_header.endswith("]") else host_header
        name = name.strip("[]").lower()
        if name in ("localhost", self.host):
            return True
        try:
            ipaddress.ip_address(name)
        except ValueError:
            return False
        return True

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.host_allowed(request.headers.get("Host")):
            raise _refuse(web.HTTPForbidden, "this demo answers to localhost only")
        if request.method not in ("GET", "HEAD"):
            self._check_sent_by_the_page(request)
        return await handler(request)

    def _check_sent_by_the_page(self, request: web.Request) -> None:
        origin = request.headers.get("Origin")
        if origin is not None and origin != f"{request.scheme}://{request.headers['Host']}":
            raise _refuse(web.HTTPForbidden, "requests from other sites are refused")
        if request.headers.get("Sec-Fetch-Site", "same-origin") not in _SAME_SITE_FETCHES:
            raise _refuse(web.HTTPForbidden, "requests from other sites are refused")
        if request.path.startswith(DASHBOARD_PREFIX):
            return  # the dashboard's own middleware checks its signed launch data
        if not hmac.compare_digest(request.headers.get(TOKEN_HEADER, ""), self.token):
            raise _refuse(web.HTTPForbidden, "reload the page: its token is missing or stale")
        expected = "multipart/form-data" if request.path.endswith("/files") else "application/json"
        if request.content_type != expected:
            raise _refuse(web.HTTPUnsupportedMediaType, f"send {expected}")

    @staticmethod
    async def add_headers(_request: web.Request, response: web.StreamResponse) -> None:
        """Headers for every response (aiohttp's `on_response_prepare`)."""
        response.headers.update(_COMMON_HEADERS)
        if "Content-Disposition" in response.headers:
            response.headers["Content-Security-Policy"] = FILE_POLICY
        else:
            response.headers.setdefault("Content-Security-Policy", PAGE_POLICY)

    def install(self, app: web.Application) -> None:
        app.middlewares.append(self.middleware)
        app.on_response_prepare.append(self.add_headers)


def _refuse(status: type[web.HTTPException], message: str) -> web.HTTPException:
    return status(text=json.dumps({"error": message}), content_type="application/json")
