"""The settings of the member-coach line: the quick answers and the bundling window."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

import pytest

from bot.config import DEFAULT_QUICK_REPLIES, ConfigError, load_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No QUICK_REPLIES or RELAY_WINDOW and no .env file from the machine running the tests."""
    monkeypatch.chdir(tmp_path)
    for name in ("QUICK_REPLIES", "RELAY_WINDOW"):
        if name in os.environ:
            monkeypatch.delenv(name)


def test_the_default_quick_answers_are_the_three_of_the_issue() -> None:
    assert (
        load_settings().quick_replies
        == DEFAULT_QUICK_REPLIES
        == (
            "Rest 2 days",
            "Let's talk: when suits you?",
            "Keep going, that's normal",
        )
    )


@pytest.mark.parametrize(
    ("variable", "answers"),
    [
        ("Ice it|Call me, when you can", ("Ice it", "Call me, when you can")),
        (" Ice it | | Rest ", ("Ice it", "Rest")),
        ("", ()),
    ],
    ids=["bar-separated, commas kept", "blanks dropped", "empty: no buttons"],
)
def test_quick_answers_are_read_from_one_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, answers: tuple[str, ...]
) -> None:
    monkeypatch.setenv("QUICK_REPLIES", variable)
    assert load_settings().quick_replies == answers


@pytest.mark.parametrize(
    "variable", ["|".join(f"answer {n}" for n in range(7)), "x" * 201], ids=["seven", "too long"]
)
def test_too_many_or_too_long_quick_answers_are_refused(
    monkeypatch: pytest.MonkeyPatch, variable: str
) -> None:
    monkeypatch.setenv("QUICK_REPLIES", variable)
    with pytest.raises(ConfigError, match="QUICK_REPLIES"):
        load_settings()


def test_the_bundling_window_is_five_minutes_unless_set(monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_settings().relay_window == timedelta(minutes=5)
    monkeypatch.setenv("RELAY_WINDOW", "00:02:00")
    assert load_settings().relay_window == timedelta(minutes=2)
