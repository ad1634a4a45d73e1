"""The concept tagger: tags on the tokens of phrases and patterns, the longest match winning,
with one matcher key per tag however many phrases it has."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language

from bot.rules.red_flags.concept_tagger import FACTORY, ConceptTagger

ATTR = "test_concept"


@pytest.fixture
def nlp() -> Language:
    return spacy.blank("en")


def tagger_in(nlp: Language) -> ConceptTagger:
    tagger = nlp.add_pipe(FACTORY, config={"attr_name": ATTR})
    assert isinstance(tagger, ConceptTagger)
    return tagger


def tags(nlp: Language, text: str) -> list[str]:
    return [getattr(token._, ATTR) for token in nlp(text)]


def test_a_phrase_tags_each_of_its_words_in_any_case(nlp: Language) -> None:
    tagger_in(nlp).add("NUMB", "pins and needles", None)

    assert tags(nlp, "PINS and Needles today") == ["NUMB", "NUMB", "NUMB", ""]


def test_a_token_pattern_tags_what_it_matches(nlp: Language) -> None:
    tagger_in(nlp).add("LEG", "legs?", [{"LOWER": {"IN": ["leg", "legs"]}}])

    assert tags(nlp, "both legs") == ["", "LEG"]


def test_of_overlapping_matches_the_longest_wins(nlp: Language) -> None:
    tagger = tagger_in(nlp)
    tagger.add("BODY", "back", None)
    tagger.add("SPINE", "lower back", None)

    assert tags(nlp, "my lower back") == ["", "SPINE", "SPINE"]


def test_untagged_words_keep_the_empty_tag(nlp: Language) -> None:
    tagger_in(nlp).add("NUMB", "numb", None)

    assert tags(nlp, "all fine") == ["", ""]


def test_phrases_of_one_tag_share_its_key(nlp: Language) -> None:
    words = [f"word{number}" for number in range(200)]
    nlp.tokenizer(" ".join(words))  # the words themselves in the vocabulary first
    tagger = tagger_in(nlp)
    before = len(nlp.vocab)

    for first, second in zip(words, reversed(words), strict=True):
        tagger.add("PAIR", f"{first} {second}", None)

    assert len(nlp.vocab) - before <= 1
