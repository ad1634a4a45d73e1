"""Fuzzy spelling must never turn a real English word into a symptom word ("ladder" is not
"bladder", "never" is not "fever"): every real word within a fuzzy word's reach is listed in
`FUZZY_GUARDS` and so excluded."""

from __future__ import annotations

import re

import pytest
from spacy.matcher.levenshtein import levenshtein
from spellchecker import SpellChecker

from bot.rules.red_flags.dsl import FUZZY_GUARDS, patterns
from bot.rules.red_flags.lexicon import LEXICON
from bot.rules.red_flags.modifiers import CUES
from bot.rules.red_flags.targets import TARGET_PHRASES

COMMON = 50
"""Frequency in pyspellchecker's English list from which a word counts as a real word."""


def _fuzzy_words() -> set[str]:
    phrases = [p for ps in LEXICON.values() for p in ps]
    phrases += [p for ps in TARGET_PHRASES.values() for p in ps]
    phrases += [p for cue in CUES for p in cue.phrases]
    return {word for phrase in phrases for word in re.findall(r"~([a-z]+)", phrase)}


@pytest.fixture(scope="module")
def english() -> list[str]:
    frequencies = SpellChecker().word_frequency.dictionary
    return [word for word, count in frequencies.items() if count >= COMMON and word.isalpha()]


def test_every_fuzzy_word_has_a_guard_entry_and_no_entry_is_unused() -> None:
    assert _fuzzy_words() == set(FUZZY_GUARDS)


@pytest.mark.parametrize("word", sorted(_fuzzy_words()))
def test_no_common_english_word_is_read_as_a_fuzzy_word(word: str, english: list[str]) -> None:
    edits = 1 if len(word) < 11 else 2
    near = {
        other
        for other in english
        if other != word
        and abs(len(other) - len(word)) <= edits
        and levenshtein(other, word, edits) <= edits
    }

    assert near <= set(FUZZY_GUARDS[word])


def test_a_fuzzy_token_excludes_its_guards() -> None:
    (pattern,) = patterns("~bladder")

    assert pattern[0]["LOWER"] == {"FUZZY1": "bladder", "NOT_IN": list(FUZZY_GUARDS["bladder"])}


def test_a_fuzzy_word_among_exact_ones_expands_into_two_patterns() -> None:
    assert [p[0]["LOWER"] for p in patterns("numb|~numbness")] == [
        "numb",
        {"FUZZY1": "numbness", "NOT_IN": ["dumbness"]},
    ]
