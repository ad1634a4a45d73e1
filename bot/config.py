"""The bot's configuration, read once from the environment and `.env` (pydantic-settings).

No other module reads the environment: `Settings` is built at start-up and passed in.
"""

from __future__ import annotations

import re
from datetime import time, timedelta
from pathlib import Path
from typing import Annotated
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TELEGRAM_CLOUD_API = "https://api.telegram.org/bot"
TELEGRAM_CLOUD_FILES = "https://api.telegram.org/file/bot"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///coach-bot.sqlite3"

# Telegram tokens look like "123456789:AA...": a numeric bot id, a colon, 30+ url-safe characters.
_TOKEN_PATTERN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{30,}$")


class SymptomThresholds(BaseSettings):
    """Numbers behind the symptom rules; each one is a coaching decision, kept out of code."""

    model_config = SettingsConfigDict(env_prefix="FLAG_", extra="ignore")

    grace_sessions: int = Field(2, ge=0, description="Sessions after which soreness may be worse.")
    window: int = Field(3, ge=2, description="Check-ins looked at for a persistent trend.")
    persistent_pain: int = Field(5, ge=1, le=10, description="Pain at or above this, every time.")
    rise_over_baseline: int = Field(2, ge=1, le=10, description="Rise against the baseline.")
    urgent_pain: int = Field(9, ge=1, le=10, description="A pain this high needs a clinician.")


class Settings(BaseSettings):
    """Everything the bot can be told from outside."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: str = Field("", description="The token @BotFather gave the bot.")
    coach_chat_ids: Annotated[tuple[int, ...], NoDecode] = ()
    database_url: str = DEFAULT_DATABASE_URL
    tz: ZoneInfo = Field(ZoneInfo("UTC"), description="Time zone offered first to new members.")
    protocols_dir: Path | None = None

    telegram_api_base_url: str = TELEGRAM_CLOUD_API
    telegram_api_file_url: str = TELEGRAM_CLOUD_FILES
    telegram_local_mode: bool = False
    webhook_url: str | None = None
    webhook_listen: str = "0.0.0.0"
    webhook_port: int = 8443

    form_video_archive_dir: Path | None = None
    reminder_grace: timedelta = timedelta(hours=2)
    nudge_after: timedelta = timedelta(hours=3)
    quiet_start: time = time(21, 0)
    quiet_end: time = time(7, 0)
    flags: SymptomThresholds = Field(default_factory=SymptomThresholds)

    @field_validator("coach_chat_ids", mode="before")
    @classmethod
    def _split_chat_ids(cls, value: object) -> object:
        if isinstance(value, str):
            parts = [part.strip() for part in value.replace(";", ",").split(",")]
            try:
                return tuple(int(part) for part in parts if part)
            except ValueError:
                raise ValueError(
                    "must be a comma-separated list of numeric chat ids, e.g. 12345,-100987"
                ) from None
        return value

    @field_validator("tz", mode="before")
    @classmethod
    def _known_time_zone(cls, value: object) -> object:
        if not isinstance(value, str):
            return value
        try:
            return ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"{value!r} is not an IANA time zone such as Europe/London") from None

    def require_token(self) -> str:
        """The token for a real run, or a `ConfigError` naming the variable."""
        if not self.telegram_bot_token:
            raise ConfigError("TELEGRAM_BOT_TOKEN is not set (put it in .env or the environment)")
        if not _TOKEN_PATTERN.match(self.telegram_bot_token):
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN does not look like a bot token (expected 123456:ABC...)"
            )
        return self.telegram_bot_token


class ConfigError(Exception):
    """A configuration problem, worded for the person starting the bot."""


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning pydantic's report into one `ConfigError` line per problem."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        lines = []
        for problem in error.errors():
            name = "_".join(str(part) for part in problem["loc"]).upper()
            lines.append(f"{name}: {problem['msg']}")
        raise ConfigError("; ".join(lines)) from None
