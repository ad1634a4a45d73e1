"""The bot's configuration, read once from the environment and `.env` (pydantic-settings).

No other module reads the environment: `Settings` is built at start-up and passed in.
"""

from __future__ import annotations

import re
from datetime import time, timedelta
from pathlib import Path
from typing import Annotated, Self
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import Field, SecretStr, ValidationError, field_validator, model_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

TELEGRAM_CLOUD_API = "https://api.telegram.org/bot"
TELEGRAM_CLOUD_FILES = "https://api.telegram.org/file/bot"
DEFAULT_DATABASE_URL = "sqlite+aiosqlite:///coach-bot.sqlite3"
DEFAULT_QUICK_REPLIES = ("Rest 2 days", "Let's talk: when suits you?", "Keep going, that's normal")
MAX_QUICK_REPLIES = 6
MAX_QUICK_REPLY_LENGTH = 200

# Telegram tokens look like "123456789:AA...": a numeric bot id, a colon, 30+ url-safe characters.
_TOKEN_PATTERN = re.compile(r"^\d{1,20}:[A-Za-z0-9_-]{30,}$")
# What setWebhook accepts as a secret_token.
_SECRET_TOKEN_PATTERN = re.compile(r"^[A-Za-z0-9_-]{1,256}$")


class PainThresholds(BaseSettings):
    """Numbers behind the pain-monitoring rules (`bot.rules.symptoms.assess`).

    Sources: the pain-monitoring model (Thomeé 1997; Silbernagel et al. 2007) for the zones and
    the next-morning check, Ostelo et al. 2008 for the minimal important change (MIC).
    """

    model_config = SettingsConfigDict(env_prefix="PAIN_", extra="ignore", frozen=True)

    mic_points: int = Field(
        2, ge=1, le=10, description="Minimal important change in points of the 0-10 scale."
    )
    mic_percent: float = Field(
        30.0, gt=0, le=100, description="Minimal important change as a percentage of the baseline."
    )
    safe_max: int = Field(
        3, ge=0, le=10, description="Pain up to this is the safe zone: it never raises a flag."
    )
    acceptable_pain: int = Field(
        5, ge=1, le=10, description="Pain up to this during and after a session is acceptable."
    )
    critical_pain: int = Field(
        7, ge=1, le=10, description="Pain at or above this is critical, from the first session."
    )
    urgent_pain: int = Field(
        9, ge=1, le=10, description="Pain at or above this is urgent: a clinician, today."
    )
    rise_lookback_days: int = Field(
        7, ge=1, description="Days looked back for the lowest earlier score a rise is read from."
    )
    rising_min_check_ins: int = Field(
        2, ge=1, description="Scores of a kind a week needs before its mean is compared."
    )
    morning_check_by: time = Field(
        time(9, 0), description="Latest local time for the next-morning check (HH:MM)."
    )

    @field_validator("morning_check_by")
    @classmethod
    def _naive_time(cls, value: time) -> time:
        if value.tzinfo is not None:
            raise ValueError("must be a local time such as 09:00, without a zone")
        return value

    @model_validator(mode="after")
    def _zones_in_order(self) -> Self:
        if not self.safe_max < self.acceptable_pain < self.critical_pain <= self.urgent_pain:
            raise ValueError(
                "pain levels must rise: safe_max < acceptable_pain < critical_pain <= urgent_pain"
                f", got {self.safe_max}, {self.acceptable_pain}, {self.critical_pain}"
                f", {self.urgent_pain}"
            )
        return self


DEFAULT_PAIN_THRESHOLDS = PainThresholds.model_construct()
"""The documented defaults, built without reading the environment: the rules' default argument."""


class AdherenceThresholds(BaseSettings):
    """Numbers behind the adherence and progress rules of the coach's digest.

    Sources: PT Lab (no training for 7 days), TrueCoach (a 20 % compliance drop needs
    attention), Ostelo et al. 2008 (the minimal important change, for progress).
    """

    model_config = SettingsConfigDict(env_prefix="ADHERENCE_", extra="ignore", frozen=True)

    inactive_days: int = Field(7, ge=1, description="Days without a session that need the coach.")
    ignored_reminders: int = Field(
        3, ge=1, description="Reminders in a row with no session after them that need the coach."
    )
    drop_percent: float = Field(
        20.0, gt=0, le=100, description="Drop in sessions, fortnight on fortnight, in percent."
    )
    drop_window_days: int = Field(
        14, ge=1, description="Length of each of the two periods compared for a drop."
    )
    progress_weeks: int = Field(
        3, ge=2, description="Weeks over which pain must come down before progressing."
    )
    progress_sessions_per_week: int = Field(
        2, ge=1, description="Sessions needed in each of those weeks before progressing."
    )


DEFAULT_ADHERENCE_THRESHOLDS = AdherenceThresholds.model_construct()
"""The documented defaults, built without reading the environment: the rules' default argument."""


class Settings(BaseSettings):
    """Everything the bot can be told from outside."""

    model_config = SettingsConfigDict(env_file=".env", env_file_encoding="utf-8", extra="ignore")

    telegram_bot_token: str = Field("", description="The token @BotFather gave the bot.")
    coach_chat_ids: Annotated[tuple[int, ...], NoDecode] = Field(
        (),
        description=(
            "Owners' Telegram user ids (seeded as owners at start-up) and coach groups' chat "
            "ids (negative: groups where coaches may use coach commands)."
        ),
    )
    default_coach_id: int | None = Field(
        None,
        description=(
            "Telegram user id of the coach a member joins when they /start without an invite "
            "link; unset: they are asked for their coach's link."
        ),
    )
    database_url: str = DEFAULT_DATABASE_URL
    tz: ZoneInfo = Field(ZoneInfo("UTC"), description="Time zone offered first to new members.")
    protocols_dir: Path | None = None

    telegram_api_base_url: str = TELEGRAM_CLOUD_API
    telegram_api_file_url: str = TELEGRAM_CLOUD_FILES
    telegram_local_mode: bool = False
    webhook_url: str | None = None
    webhook_listen: str = Field("127.0.0.1", description="Behind a TLS proxy on this machine.")
    webhook_port: int = 8443
    webhook_secret: SecretStr | None = Field(
        None, description="Checked on every webhook request; generated into STATE_DIR if unset."
    )
    state_dir: Path = Field(Path("."), description="Files the bot makes itself (webhook secret).")

    inbound_limit: int = Field(
        20, ge=0, description="Updates one member may send per INBOUND_WINDOW; 0: no limit."
    )
    inbound_window: float = Field(10.0, gt=0, description="Seconds of the inbound limit.")

    form_video_archive_dir: Path | None = None

    web_public_url: str | None = Field(
        None, description="HTTPS address Telegram opens the coach's dashboard (Mini App) at."
    )
    web_host: str = Field("127.0.0.1", description="Address the dashboard's web server binds.")
    web_port: int = Field(8088, ge=0, le=65535, description="Port of the dashboard's web server.")
    web_auth_max_age: timedelta = Field(
        timedelta(hours=1), description="How old a Mini App's signed initData may be."
    )

    reminder_grace: timedelta = timedelta(hours=2)
    nudge_after: timedelta = timedelta(hours=3)
    digest_time: time = Field(
        time(18, 0), description="When a coach's daily digest is sent, until they set /digest."
    )
    quiet_start: time = time(21, 0)
    quiet_end: time = time(7, 0)
    relay_window: timedelta = Field(
        timedelta(minutes=5),
        gt=timedelta(0),
        description="A member's messages within this long are bundled into one coach message.",
    )
    quick_replies: Annotated[tuple[str, ...], NoDecode] = Field(
        DEFAULT_QUICK_REPLIES,
        description="One-tap answers on flag alerts and relayed messages, separated by '|'.",
    )
    pain: PainThresholds = Field(default_factory=PainThresholds)
    adherence: AdherenceThresholds = Field(default_factory=AdherenceThresholds)

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

    @field_validator("webhook_secret")
    @classmethod
    def _telegram_secret_token(cls, value: SecretStr | None) -> SecretStr | None:
        if value is not None and not is_secret_token(value.get_secret_value()):
            raise ValueError("must be 1 to 256 characters, each A-Z, a-z, 0-9, _ or -")
        return value

    @field_validator("web_public_url")
    @classmethod
    def _https_url(cls, value: str | None) -> str | None:
        """Telegram opens Mini Apps over HTTPS only (plain HTTP on this machine, for tests)."""
        if not value:
            return None
        parts = urlsplit(value)
        loopback = parts.hostname in ("127.0.0.1", "localhost", "::1")
        if not parts.hostname or not (
            parts.scheme == "https" or (parts.scheme == "http" and loopback)
        ):
            raise ValueError("must be an https:// address, e.g. https://coach.example.org/")
        return value

    @field_validator("quick_replies", mode="before")
    @classmethod
    def _split_quick_replies(cls, value: object) -> object:
        if isinstance(value, str):
            return tuple(part.strip() for part in value.split("|") if part.strip())
        return value

    @field_validator("quick_replies")
    @classmethod
    def _quick_replies_fit_buttons(cls, value: tuple[str, ...]) -> tuple[str, ...]:
        if len(value) > MAX_QUICK_REPLIES:
            raise ValueError(f"at most {MAX_QUICK_REPLIES} quick replies, got {len(value)}")
        for reply in value:
            if not reply.strip() or len(reply) > MAX_QUICK_REPLY_LENGTH:
                raise ValueError(
                    f"each quick reply needs 1 to {MAX_QUICK_REPLY_LENGTH} characters: {reply!r}"
                )
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

    @property
    def owner_user_ids(self) -> tuple[int, ...]:
        """The users COACH_CHAT_IDS makes owners (a private chat's id is its user's id)."""
        return tuple(chat_id for chat_id in self.coach_chat_ids if chat_id > 0)

    @property
    def coach_group_ids(self) -> frozenset[int]:
        """The groups where known coaches may use coach commands (group ids are negative)."""
        return frozenset(chat_id for chat_id in self.coach_chat_ids if chat_id < 0)

    def require_token(self) -> str:
        """The token for a real run, or a `ConfigError` naming the variable."""
        if not self.telegram_bot_token:
            raise ConfigError("TELEGRAM_BOT_TOKEN is not set (put it in .env or the environment)")
        if not _TOKEN_PATTERN.match(self.telegram_bot_token):
            raise ConfigError(
                "TELEGRAM_BOT_TOKEN does not look like a bot token (expected 123456:ABC...)"
            )
        return self.telegram_bot_token


def is_secret_token(text: str) -> bool:
    """Whether Telegram's setWebhook accepts `text` as a `secret_token`."""
    return bool(_SECRET_TOKEN_PATTERN.match(text))


class ConfigError(Exception):
    """A configuration problem, worded for the person starting the bot."""


def load_settings(**overrides: object) -> Settings:
    """Read the settings, turning pydantic's report into one `ConfigError` line per problem."""
    try:
        return Settings(**overrides)  # type: ignore[arg-type]
    except ValidationError as error:
        # A threshold group is read by its own default factory, so its errors come unwrapped,
        # named by the group's model; its fields are read under the group's env prefix.
        prefix = _GROUP_ENV_PREFIXES.get(error.title, "")
        lines = []
        for problem in error.errors():
            field = "_".join(str(part) for part in problem["loc"]).upper() or "*"
            lines.append(f"{prefix}{field}: {problem['msg']}")
        raise ConfigError("; ".join(lines)) from None


_GROUP_ENV_PREFIXES = {
    group.__name__: str(group.model_config.get("env_prefix", ""))
    for group in (PainThresholds, AdherenceThresholds)
}
