"""The pain and adherence thresholds: defaults, the environment, and what is refused."""

from __future__ import annotations

import os
from datetime import UTC, time
from pathlib import Path

import pytest
from pydantic import ValidationError

from bot.config import (
    DEFAULT_ADHERENCE_THRESHOLDS,
    DEFAULT_PAIN_THRESHOLDS,
    AdherenceThresholds,
    ConfigError,
    PainThresholds,
    load_settings,
)


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No PAIN_/ADHERENCE_ variables and no .env file from the machine running the tests."""
    monkeypatch.chdir(tmp_path)
    for name in list(os.environ):
        if name.startswith(("PAIN_", "ADHERENCE_")):
            monkeypatch.delenv(name)


def test_the_rules_default_pain_thresholds_are_the_documented_ones() -> None:
    assert PainThresholds() == DEFAULT_PAIN_THRESHOLDS
    assert (
        DEFAULT_PAIN_THRESHOLDS.mic_points,
        DEFAULT_PAIN_THRESHOLDS.mic_percent,
        DEFAULT_PAIN_THRESHOLDS.safe_max,
        DEFAULT_PAIN_THRESHOLDS.acceptable_pain,
        DEFAULT_PAIN_THRESHOLDS.critical_pain,
        DEFAULT_PAIN_THRESHOLDS.urgent_pain,
        DEFAULT_PAIN_THRESHOLDS.morning_check_by,
    ) == (2, 30.0, 3, 5, 7, 9, time(9, 0))


def test_the_rules_default_adherence_thresholds_are_the_documented_ones() -> None:
    assert AdherenceThresholds() == DEFAULT_ADHERENCE_THRESHOLDS
    assert (
        DEFAULT_ADHERENCE_THRESHOLDS.inactive_days,
        DEFAULT_ADHERENCE_THRESHOLDS.ignored_reminders,
        DEFAULT_ADHERENCE_THRESHOLDS.drop_percent,
        DEFAULT_ADHERENCE_THRESHOLDS.progress_weeks,
        DEFAULT_ADHERENCE_THRESHOLDS.progress_sessions_per_week,
    ) == (7, 3, 20.0, 3, 2)


def test_pain_thresholds_are_read_from_pain_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAIN_MIC_POINTS", "3")
    monkeypatch.setenv("PAIN_MORNING_CHECK_BY", "08:30")

    pain = load_settings().pain

    assert (pain.mic_points, pain.morning_check_by) == (3, time(8, 30))


def test_adherence_thresholds_are_read_from_adherence_variables(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ADHERENCE_INACTIVE_DAYS", "10")

    assert load_settings().adherence.inactive_days == 10


def test_a_bad_threshold_is_reported_under_its_variable_name(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("ADHERENCE_IGNORED_REMINDERS", "0")

    with pytest.raises(ConfigError, match=r"^ADHERENCE_IGNORED_REMINDERS: "):
        load_settings()


def test_pain_levels_out_of_order_are_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAIN_ACCEPTABLE_PAIN", "7")

    with pytest.raises(ConfigError, match=r"^PAIN_\*: .*safe_max < acceptable_pain < critical"):
        load_settings()


def test_a_morning_check_time_with_a_zone_is_refused() -> None:
    with pytest.raises(ValidationError, match="without a zone"):
        PainThresholds(morning_check_by=time(9, 0, tzinfo=UTC))


def test_thresholds_cannot_be_changed_in_place() -> None:
    with pytest.raises(ValidationError, match="frozen"):
        DEFAULT_PAIN_THRESHOLDS.critical_pain = 8  # type: ignore[misc]
