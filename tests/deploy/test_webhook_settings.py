"""Webhook settings: where the secret comes from, which path and address are served."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, load_settings
from bot.webhook import webhook_options, webhook_secret

URL = "https://bot.example.org/telegram"


def _settings(tmp_path: Path, **values: object) -> Settings:
    return Settings(_env_file=None, webhook_url=URL, state_dir=tmp_path / "state", **values)  # type: ignore[arg-type]


def test_a_configured_secret_is_used_and_nothing_is_written(tmp_path: Path) -> None:
    settings = _settings(tmp_path, webhook_secret="configured_Secret-1")
    assert webhook_secret(settings) == "configured_Secret-1"
    assert not (tmp_path / "state").exists()


def test_a_generated_secret_is_kept_across_restarts(tmp_path: Path) -> None:
    first = webhook_secret(_settings(tmp_path))
    assert webhook_secret(_settings(tmp_path)) == first
    assert (tmp_path / "state").stat().st_mode & 0o777 == 0o700


@pytest.mark.parametrize(
    "secret", ["has space", "x" * 257, "ümlaut"], ids=["space", "too-long", "non-ascii"]
)
def test_a_secret_telegram_would_refuse_is_a_configuration_error(
    secret: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("WEBHOOK_SECRET", secret)
    with pytest.raises(ConfigError, match="WEBHOOK_SECRET"):
        load_settings()


def test_a_damaged_secret_file_is_a_configuration_error(tmp_path: Path) -> None:
    (tmp_path / "state").mkdir()
    (tmp_path / "state" / "webhook-secret").write_text("not a secret!\n")
    with pytest.raises(ConfigError, match="webhook-secret"):
        webhook_secret(_settings(tmp_path))


def test_the_server_listens_on_loopback_at_the_urls_path_with_the_secret(tmp_path: Path) -> None:
    options = webhook_options(_settings(tmp_path, webhook_secret="s3cret"))
    assert options["listen"] == "127.0.0.1"
    assert options["url_path"] == "telegram"
    assert options["webhook_url"] == URL
    assert options["secret_token"] == "s3cret"
