"""Everyday chat must almost never alarm: the bot reads every message a member sends. The
held-out half of tests/rules/everyday_chat.yaml (the other half trains the learned classifier)
is scored with `triage`: false alarms at most 2 %, and never an emergency."""

from __future__ import annotations

import pytest

from bot.rules.red_flags import triage
from bot.rules.red_flags.scoring import load_corpus
from bot.rules.red_flags.train import EVERYDAY, Labelled, everyday_half
from bot.rules.red_flags.triage import TriageResult

FALSE_ALARM_TARGET = 0.02


@pytest.fixture(scope="module")
def held_out() -> list[Labelled]:
    return everyday_half(training=False)


@pytest.fixture(scope="module")
def alarms(held_out: list[Labelled]) -> dict[str, TriageResult]:
    read = {text: triage(text) for text, _ in held_out}
    return {text: result for text, result in read.items() if result.level != "none"}


def test_the_everyday_chat_is_all_harmless_and_a_few_hundred_messages() -> None:
    examples = load_corpus(EVERYDAY)

    assert len(examples) >= 400
    assert all(example.level == "none" and not example.families for example in examples)


def test_the_everyday_chat_splits_into_two_halves_that_share_no_message() -> None:
    training = {text for text, _ in everyday_half(training=True)}
    held_out = {text for text, _ in everyday_half(training=False)}

    assert not training & held_out
    assert 0.4 <= len(held_out) / (len(training) + len(held_out)) <= 0.6


def test_held_out_everyday_chat_raises_at_most_two_percent_false_alarms(
    held_out: list[Labelled], alarms: dict[str, TriageResult]
) -> None:
    assert len(alarms) / len(held_out) <= FALSE_ALARM_TARGET, alarms


def test_held_out_everyday_chat_raises_no_emergency(alarms: dict[str, TriageResult]) -> None:
    emergencies = {text for text, result in alarms.items() if result.level == "emergency"}

    assert not emergencies
