"""Webhook mode, locked down: a secret header on every update, one path, loopback, small bodies.

python-telegram-bot's webhook server (tornado) answers 403 to a request without the
`X-Telegram-Bot-Api-Secret-Token` header or with a wrong one, once `run_webhook` is given a
`secret_token`; `setWebhook` hands the same secret to Telegram, which sends it with every
update. The secret is `WEBHOOK_SECRET`, or one generated on the first webhook start and kept
in `STATE_DIR/webhook-secret` (0600): the state folder works for SQLite and PostgreSQL alike,
and a stable secret lets a reverse proxy check the header too.

The server listens on 127.0.0.1 by default, behind the TLS-terminating proxy Telegram needs,
and only on the path of `WEBHOOK_URL`. PTB builds its tornado `HTTPServer` without a body
limit (tornado's default is 100 MB) and has no option for one, so `cap_request_bodies` sets
tornado's own default for every `HTTPServer` the process creates; a larger request is
answered 400 before its body is read.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from telegram import Update
from tornado.httpserver import HTTPServer

from bot.config import ConfigError, Settings, is_secret_token

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 1024 * 1024
"""Telegram's largest updates (a long message with entities, a poll) are a few kilobytes."""

SECRET_FILE_NAME = "webhook-secret"


def webhook_secret(settings: Settings) -> str:
    """`WEBHOOK_SECRET`, else the one kept in the state folder, made there the first time."""
    if settings.webhook_secret is not None:
        return settings.webhook_secret.get_secret_value()
    path = settings.state_dir / SECRET_FILE_NAME
    if not path.exists():
        _write_new_secret(path)
        log.info("generated a webhook secret in %s", path)
    secret = path.read_bytes().decode("ascii", errors="replace").strip()
    if not is_secret_token(secret):
        raise ConfigError(f"{path} does not hold a webhook secret (1-256 of A-Z a-z 0-9 _ -)")
    return secret


def _write_new_secret(path: Path) -> None:
    if not path.parent.exists():
        path.parent.mkdir(mode=0o700, parents=True)
    with contextlib.suppress(FileExistsError):  # another process won the race: use theirs
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_urlsafe(32) + "\n")


def url_path(webhook_url: str) -> str:
    """The path Telegram posts to, from `WEBHOOK_URL` ("https://host/telegram" → "telegram")."""
    return urlsplit(webhook_url).path.strip("/")


def webhook_options(settings: Settings) -> dict[str, Any]:
    """The keyword arguments of `Application.run_webhook` (and `Updater.start_webhook`)."""
    if not settings.webhook_url:
        raise ConfigError("WEBHOOK_URL is not set")
    return {
        "listen": settings.webhook_listen,
        "port": settings.webhook_port,
        "url_path": url_path(settings.webhook_url),
        "webhook_url": settings.webhook_url,
        "secret_token": webhook_secret(settings),
        "allowed_updates": Update.ALL_TYPES,
    }


def cap_request_bodies(limit: int = MAX_BODY_BYTES) -> None:
    """Make every tornado `HTTPServer` built from now on refuse bodies over `limit` bytes."""
    HTTPServer.configure(None, max_body_size=limit)
