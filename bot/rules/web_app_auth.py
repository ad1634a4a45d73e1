"""Is a Mini App's launch data (``initData``) Telegram's, recent, and whose?

Telegram hands a Mini App a query string (``Telegram.WebApp.initData``) signed with the bot's
token; the dashboard sends it with every API call. The check is Telegram's documented one
("Validating data received via the Mini App"):

- the data-check-string is every field except ``hash``, as ``key=value`` with the value
  URL-decoded, sorted by key and joined by line feeds;
- the secret key is HMAC-SHA256 of the bot token keyed with the text ``WebAppData``;
- ``hash`` must be the hex HMAC-SHA256 of the data-check-string under that secret key,
  compared in constant time;
- ``auth_date`` (Unix seconds) must be no older than ``max_age`` and not in the future
  (beyond a minute of clock skew).

Anything else is refused with a reason; the reason is for logs, never shown to the caller.
Pure: no clock of its own, no I/O.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal
from urllib.parse import parse_qsl

from bot.rules.local_time import require_aware

MAX_INIT_DATA = 4096
"""Characters of initData read at all (Telegram's are a few hundred)."""

CLOCK_SKEW = timedelta(minutes=1)
"""How far in the future an ``auth_date`` may be: the two clocks are never exactly equal."""

RefusalReason = Literal["missing", "malformed", "bad_hash", "expired", "from_the_future", "no_user"]


@dataclass(frozen=True)
class WebAppUser:
    """The Telegram user who opened the Mini App, as Telegram describes them."""

    id: int
    first_name: str
    last_name: str | None = None
    username: str | None = None
    language_code: str | None = None
    """Their Telegram's language ("pt-br"), when Telegram says."""


@dataclass(frozen=True)
class LaunchData:
    """initData that passed every check."""

    user: WebAppUser
    auth_date: datetime


@dataclass(frozen=True)
class Refused:
    reason: RefusalReason


def data_check_string(fields: Mapping[str, str]) -> str:
    """Telegram's data-check-string: every field but ``hash``, sorted by key."""
    return "\n".join(f"{key}={fields[key]}" for key in sorted(fields) if key != "hash")


def signature(check_string: str, bot_token: str) -> str:
    """The hex HMAC-SHA256 Telegram puts in ``hash`` for this data-check-string."""
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    return hmac.new(secret, check_string.encode(), hashlib.sha256).hexdigest()


def validate_init_data(
    raw: str | None, bot_token: str, now: datetime, max_age: timedelta
) -> LaunchData | Refused:
    """The launch data if ``raw`` is Telegram's, signed with ``bot_token`` and fresh at ``now``."""
    require_aware(now, "now")
    if not raw:
        return Refused("missing")
    fields = _fields(raw)
    if fields is None or "hash" not in fields:
        return Refused("malformed")
    expected = signature(data_check_string(fields), bot_token)
    if not hmac.compare_digest(expected.encode(), fields["hash"].encode()):
        return Refused("bad_hash")
    auth_date = _unix_time(fields.get("auth_date"))
    if auth_date is None:
        return Refused("malformed")
    if auth_date > now + CLOCK_SKEW:
        return Refused("from_the_future")
    if now - auth_date > max_age:
        return Refused("expired")
    user = _user(fields.get("user"))
    if user is None:
        return Refused("no_user")
    return LaunchData(user, auth_date)


def _fields(raw: str) -> dict[str, str] | None:
    """The query string's fields; None when it is too long, unparsable or repeats a key."""
    if len(raw) > MAX_INIT_DATA:
        return None
    try:
        pairs = parse_qsl(raw, keep_blank_values=True, strict_parsing=True)
    except ValueError:
        return None
    fields = dict(pairs)
    return fields if len(fields) == len(pairs) else None


def _unix_time(value: str | None) -> datetime | None:
    if value is None or not value.isascii() or not value.isdigit() or len(value) > 12:
        return None
    return datetime.fromtimestamp(int(value), UTC)


def _user(value: str | None) -> WebAppUser | None:
    if value is None:
        return None
    try:
        data = json.loads(value)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    user_id, first_name = data.get("id"), data.get("first_name")
    if not isinstance(user_id, int) or isinstance(user_id, bool) or not isinstance(first_name, str):
        return None
    last_name, username = data.get("last_name"), data.get("username")
    language = data.get("language_code")
    return WebAppUser(
        id=user_id,
        first_name=first_name,
        last_name=last_name if isinstance(last_name, str) else None,
        username=username if isinstance(username, str) else None,
        language_code=language if isinstance(language, str) else None,
    )
