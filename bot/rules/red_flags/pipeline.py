"""The medspaCy pipeline that reads a message, built once and shared.

Stages: spaCy's English tokenizer (no statistical model), a light sentence splitter, the concept
tagger (`lexicon`, see `concept_tagger`; its tags copied to spaCy's native TAG attribute),
medspaCy's TargetMatcher (`targets`), ConText (`modifiers`) and the learned classifier
(`learned`). Built on the first `read` or by `load()` at start-up (two to three seconds); after
that a short message takes one to two milliseconds, a 4,096-character one about 125 ms.

Threads: spaCy's pipeline keeps state between calls (the vocabulary's string store and the
tokenizer's cache grow as new words are seen), so one lock lets a single thread use it at a
time, and the findings are taken from the parse while the lock is held. `read` (and so
`triage`) may be called from any thread, e.g. through ``asyncio.to_thread``; calls queue for
the lock. Calling `triage` straight from the event loop is fine for short notes; `to_thread`
keeps a long message off the loop.
"""

from __future__ import annotations

import gc
import threading
import unicodedata
from collections.abc import Callable
from datetime import date
from typing import TypeVar

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from bot.rules.red_flags import concept_tagger, learned
from bot.rules.red_flags.concept_tagger import ConceptTagger
from bot.rules.red_flags.dsl import TAG_ATTR, Tokenize, forms
from bot.rules.red_flags.lexicon import LEXICON
from bot.rules.red_flags.medspacy_parts import (
    ConText,
    ConTextRule,
    TargetMatcher,
    TargetRule,
)
from bot.rules.red_flags.modifiers import context_rules
from bot.rules.red_flags.pairs import pair_targets
from bot.rules.red_flags.targets import TARGET_PHRASES, TARGET_REGEXES
from bot.rules.red_flags.text import chunks, clean, ended

TARGETS = "rf_targets"
"""The span group the target matcher fills and ConText reads."""

_SENTENCE_END = frozenset({".", "!", "?", "…", "...", "!!", "??", "?!", "!?"})
_SHORT_ANSWERS = frozenset({"no", "nope", "nah", "none", "yes", "yep", "yeah", "nil"})
_NOT_PICTURES = frozenset({"°", "º"})
"""Symbols that are part of a reading ("38°C"), not an emoji ending a sentence."""

T = TypeVar("T")

RENEW_AFTER_NEW_STRINGS = 20_000
"""spaCy's vocabulary keeps every string it has seen, so memory grows with every new word (and
typo) members send: about 0.5 kB a string (a new word brings one or two). After this many new
strings, about 10 MB, the pipeline is built afresh (three to five seconds of CPU, once in a
while), which returns that memory; see bench/memory.py."""

_lock = threading.Lock()
_nlp: Language | None = None
_strings_when_built = 0


def load() -> Language:
    """The shared pipeline, built on first use (safe to call from several threads)."""
    with _lock:
        return _loaded()


def _loaded() -> Language:
    """The pipeline, built if there is none or its vocabulary has grown past the limit (call
    with the lock held)."""
    global _nlp, _strings_when_built
    if _nlp is None or len(_nlp.vocab.strings) - _strings_when_built > RENEW_AFTER_NEW_STRINGS:
        # The old pipeline goes first (its components and the vocabulary refer to each other,
        # so only the cycle collector frees them): the new one then reuses its memory instead
        # of adding its own beside it, which the process would keep.
        _nlp = None
        gc.collect()
        _nlp = _build()
        _strings_when_built = len(_nlp.vocab.strings)
    return _nlp


def read(text: str, then: Callable[[list[Doc]], T]) -> T:
    """``then`` applied to the message parsed piece by piece (see `text.chunks`): sentences,
    concept tags, target spans and their ConText modifiers. ``then`` runs under the lock too,
    so no other thread touches the vocabulary while it reads the parse."""
    with _lock:
        return then(list(_loaded().pipe(chunks(ended(clean(text))))))


@Language.component("rf_native_tags")
def copy_tags(doc: Doc) -> Doc:
    """Concept tags into spaCy's native TAG attribute (no statistical tagger uses it here).
    Untagged tokens get "-", as spaCy's matcher refuses TAG patterns on a doc without tags."""
    for token in doc:
        token.tag_ = getattr(token._, TAG_ATTR) or "-"
    return doc


@Language.component("rf_pairs")
def add_pair_targets(doc: Doc) -> Doc:
    """Targets for concept pairs (a body area or function and a change in it, see `pairs`),
    added next to the target phrases' even where they overlap: each is read with its own
    modifiers and the finding counts if either reading does ("haven't peed in 14 hours and
    don't even feel like I need to": the pair is inside the scope of "haven't", the phrase
    "don't even feel like I need to" is not)."""
    found = pair_targets(doc)
    if found:
        doc.spans[TARGETS] = [*doc.spans[TARGETS], *found]
    return doc


@Language.component("rf_longest_targets")
def keep_longest_targets(doc: Doc) -> Doc:
    """Of overlapping targets of one kind keep the longest; targets of different kinds may
    overlap ("on chemo" is a weakened immune system, "chemo" a history of cancer)."""
    by_kind: dict[str, list[Span]] = {}
    for span in doc.spans[TARGETS]:
        by_kind.setdefault(span.label_, []).append(span)
    doc.spans[TARGETS] = [span for spans in by_kind.values() for span in filter_spans(spans)]
    return doc


@Language.component("rf_sentences")
def split_sentences(doc: Doc) -> Doc:
    """Sentences end after . ! ? … a line break or an emoji (members use emoji as full stops);
    "Fever? No." stays one sentence so the answer can deny the question."""
    if len(doc):
        doc[0].is_sent_start = True
    for token in doc[1:]:
        before = doc[token.i - 1]
        token.is_sent_start = (
            _ends_sentence(before)
            and token.text not in _SENTENCE_END
            and not (before.text == "?" and token.lower_ in _SHORT_ANSWERS)
        )
    return doc


def _ends_sentence(token: Token) -> bool:
    text = token.text
    if text in _SENTENCE_END or "\n" in text:
        return True
    if text in _NOT_PICTURES:
        return False
    return all(unicodedata.category(char) == "So" or char in "\ufe0f\u200d" for char in text)


def _build() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("rf_sentences")
    tagger = nlp.add_pipe(concept_tagger.FACTORY, config={"attr_name": TAG_ATTR})
    assert isinstance(tagger, ConceptTagger)
    for tag, phrases in LEXICON.items():
        for phrase in phrases:
            for literal, pattern in forms(phrase, nlp.tokenizer):
                tagger.add(tag, literal, pattern)
    nlp.add_pipe("rf_native_tags")
    matcher: TargetMatcher = nlp.add_pipe(
        "medspacy_target_matcher",
        config={"result_type": "group", "span_group_name": TARGETS, "prune": False},
    )
    matcher.add(
        [
            rule
            for kind, phrases in TARGET_PHRASES.items()
            for rule in _rules(kind, phrases, nlp.tokenizer)
        ]
        + [
            TargetRule(literal=regex, category=kind, pattern=regex)
            for kind, regexes in TARGET_REGEXES.items()
            for regex in regexes
        ]
    )
    nlp.add_pipe("rf_longest_targets")
    nlp.add_pipe("rf_pairs")
    context: ConText = nlp.add_pipe(
        "medspacy_context",
        config={
            "rules": None,
            "span_attrs": None,
            "input_span_type": "group",
            "span_group_name": TARGETS,
        },
    )
    rules = context_rules(nlp.tokenizer, date.today())
    _share_label_sets(rules)
    context.add(rules)
    learned.add_to(nlp)
    return nlp


def _share_label_sets(rules: list[ConTextRule]) -> None:
    """One set object for each distinct label set of the ConText rules. ConTextRule copies its
    ``allowed_types`` and ``terminated_by`` into new sets of new strings for every rule, though
    all the rules of a cue hold the same ones: about 9 MB over 16,000 rules. Done before
    ``ConText.add``, so what it allocates reuses the memory freed. ConText only reads the
    sets (``add`` would extend ``terminated_by`` for its ``terminating_types``, none here)."""
    shared: dict[frozenset[str], set[str]] = {}
    for rule in rules:
        for name in ("allowed_types", "excluded_types", "terminated_by"):
            labels = getattr(rule, name)
            if labels is not None:
                setattr(rule, name, shared.setdefault(frozenset(labels), labels))


def _rules(category: str, phrases: tuple[str, ...], tokenizer: Tokenize) -> list[TargetRule]:
    """TargetRules for phrases: word lists for the phrase matcher where a phrase is plain
    words, token patterns otherwise (and for the sequences the tokenizer would cut apart)."""
    rules = []
    for phrase in phrases:
        for literal, pattern in forms(phrase, tokenizer):
            rules.append(TargetRule(literal=literal, category=category, pattern=pattern))
    return rules
