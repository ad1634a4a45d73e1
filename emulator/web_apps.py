"""What a Telegram client does when a user opens a bot's Mini App: sign the launch data and
load the app's URL with it.

Telegram signs ``initData`` with the bot's token (HMAC-SHA256 under the key
HMAC-SHA256("WebAppData", token) of the sorted ``key=value`` lines, hex in ``hash``) and passes
it, with the client's theme colours, in the URL's fragment: ``#tgWebAppData=...&
tgWebAppVersion=...&tgWebAppPlatform=...&tgWebAppThemeParams=...``. Written from Telegram's
documentation, separately from the bot's own check, so each tests the other.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import time
from collections.abc import Mapping
from urllib.parse import quote, urlencode

from emulator.model import JSONDict

WEB_APP_VERSION = "8.0"
PLATFORM = "weba"

LIGHT_THEME: Mapping[str, str] = {
    "bg_color": "#ffffff",
    "text_color": "#000000",
    "hint_color": "#707579",
    "link_color": "#2481cc",
    "button_color": "#2481cc",
    "button_text_color": "#ffffff",
    "secondary_bg_color": "#f4f4f5",
    "header_bg_color": "#ffffff",
    "accent_text_color": "#2481cc",
    "section_bg_color": "#ffffff",
    "section_header_text_color": "#2481cc",
    "subtitle_text_color": "#707579",
    "destructive_text_color": "#d14e4e",
}
"""The colours Telegram's web client passes in its light theme."""

DARK_THEME: Mapping[str, str] = {
    "bg_color": "#212121",
    "text_color": "#ffffff",
    "hint_color": "#aaaaaa",
    "link_color": "#8774e1",
    "button_color": "#8774e1",
    "button_text_color": "#ffffff",
    "secondary_bg_color": "#0f0f0f",
    "header_bg_color": "#212121",
    "accent_text_color": "#8774e1",
    "section_bg_color": "#212121",
    "section_header_text_color": "#aaaaaa",
    "subtitle_text_color": "#aaaaaa",
    "destructive_text_color": "#e53935",
}
"""The colours Telegram's web client passes in its dark theme."""


def sign_init_data(fields: Mapping[str, str], bot_token: str) -> str:
    """``fields`` as the query string Telegram gives a Mini App, with their ``hash``."""
    check_string = "\n".join(f"{key}={fields[key]}" for key in sorted(fields))
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    digest = hmac.new(secret, check_string.encode(), hashlib.sha256).hexdigest()
    return urlencode({**fields, "hash": digest}, quote_via=quote)


def init_data(
    user: JSONDict, bot_token: str, *, auth_date: int | None = None, query_id: str = "AAE-test"
) -> str:
    """The signed launch data of ``user`` opening the bot's Mini App now (or at ``auth_date``)."""
    fields = {
        "query_id": query_id,
        "user": json.dumps(user, separators=(",", ":"), ensure_ascii=False),
        "auth_date": str(int(time.time()) if auth_date is None else auth_date),
    }
    return sign_init_data(fields, bot_token)


def launch_url(url: str, signed: str, theme: Mapping[str, str] = LIGHT_THEME) -> str:
    """The address a Telegram client loads for the Mini App at ``url``."""
    fragment = urlencode(
        {
            "tgWebAppData": signed,
            "tgWebAppVersion": WEB_APP_VERSION,
            "tgWebAppPlatform": PLATFORM,
            "tgWebAppThemeParams": json.dumps(dict(theme), separators=(",", ":")),
        },
        quote_via=quote,
    )
    return f"{url.split('#', 1)[0]}#{fragment}"
