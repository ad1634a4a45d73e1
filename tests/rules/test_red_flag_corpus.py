"""The labelled corpora, scored: the detector must catch what needs a clinician and stay quiet
on harmless messages that look dangerous. Run with ``-s`` to see the per-family figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.rules.red_flags.families import FAMILY_BY_ID, LEVEL_ORDER
from bot.rules.red_flags.scoring import Example, Score, load_corpus, score

HERE = Path(__file__).parent
CORPORA = sorted(HERE.glob("red_flag_corpus*.yaml"))
RECALL_TARGET = 0.98
FALSE_ALARM_TARGET = 0.05


@pytest.fixture(scope="module")
def examples() -> list[Example]:
    return [example for path in CORPORA for example in load_corpus(path)]


@pytest.fixture(scope="module")
def scored(examples: list[Example]) -> Score:
    result = score(examples)
    print("\n" + result.report())
    return result


def test_the_corpus_is_large_and_half_harmless(examples: list[Example]) -> None:
    harmless = sum(1 for example in examples if example.level == "none")

    assert len(examples) >= 400
    assert 0.4 <= harmless / len(examples) <= 0.6


def test_every_family_appears_in_at_least_ten_messages(examples: list[Example]) -> None:
    for family in FAMILY_BY_ID:
        assert sum(1 for example in examples if family in example.families) >= 10, family


def test_each_label_is_the_highest_level_of_its_families(examples: list[Example]) -> None:
    for example in examples:
        levels = [FAMILY_BY_ID[family].level for family in example.families] or ["none"]
        assert example.level == max(levels, key=LEVEL_ORDER.__getitem__), example.text


def test_recall_of_flagged_messages_is_at_least_98_percent(scored: Score) -> None:
    assert scored.recall >= RECALL_TARGET


def test_false_alarms_on_harmless_messages_are_at_most_5_percent(scored: Score) -> None:
    assert scored.false_alarm_rate <= FALSE_ALARM_TARGET


def test_no_emergency_is_downgraded(scored: Score) -> None:
    assert [outcome.example.text for outcome in scored.emergencies_downgraded] == []
