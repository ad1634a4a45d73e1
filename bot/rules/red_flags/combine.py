"""How the rules and the learned classifier decide together.

The rules speak first: every family they find stands. The classifier may add a family the rules
did not find when its score reaches `THRESHOLD`, unless the rules saw that family in the message
and ConText set it aside as denied, someone else's, hypothetical, in the past or gone (`VETOES`),
the finding's own words explained it ("can't move my Tuesday slot"), or the rules read a
temperature or a pain score for it and did not count it (`NUMBERS_READ`): "no numbness down
below" and "temp 37.2" stay harmless however sure the classifier is. Severe
pain in a message with figures is the rules' alone (`SCORED_IN_DIGITS`), and a message in which
the reader knows no word and considered no finding is nobody's (`grounded`). The
threshold was chosen by cross-validation over the labelled sets, one fold per set written by
another session (`bench/red_flags_cv.py`; figures in the README's red-flag section).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc

from bot.rules.red_flags import learned
from bot.rules.red_flags.families import FAMILIES, KIND_BY_ID
from bot.rules.red_flags.reading import (
    EVERY_BLOCKER,
    Candidate,
    Hit,
    candidates,
    explained_by_its_words,
    hits,
)

THRESHOLD = 0.9
"""The least classifier score that adds a family the rules did not find."""

MIN_WORDS = 5
"""The fewest words a message needs before the classifier may add anything. Short replies are
the rules' alone: trained on sentences, the classifier is sure of nonsense on a word or two
("yes" read as cauda equina, "9" typed as a pain score as severe pain)."""

VETOES = frozenset(
    {
        "NEGATED",
        "OTHER_PERSON",
        "OTHER_NEAR",
        "GENERIC_YOU",
        "HYPOTHETICAL",
        "DEFINITION",
        "JUST_ASKING",
        "HISTORICAL",
        "RESOLVED",
        "DENIED_LATER",
        "CALLED_SERIOUS",
        "SAID_SETTLED",
        "CLARIFIED",
        "STOPPED",
        "SCANNED_CLEAR",
        "BACK_FINE",
        "NO_HARM",
        "COMPARED",
        "EXTERNAL",
    }
)
"""ConText categories whose verdict on a family the classifier cannot overrule. (The narrower
ones, such as EXERCISE or IDIOM, it may: they are the rules' own guesses about harmless uses.)"""

ALSO_VETOES: dict[str, tuple[str, ...]] = {"steroids": ("infection", "fracture")}
"""Qualifiers (no family of their own) and the families they stand for: steroids set aside
("used to take steroid tablets as a kid", "weaned off it in 2017") are neither a weakened
immune system nor a risk to the bones."""

NUMBERS_READ: dict[str, str] = {
    "temp_reading": "infection",
    "temp_normal": "infection",
    "pain_score": "severe_pain",
}
"""Numbers are the rules' to judge: a temperature or pain score they read and did not count
("temp 37.2", "effort 9/10") vetoes its family, as the classifier sees only that a number is
there ("temp 37.2" reads to it like "temp 38.5")."""


SCORED_IN_DIGITS = "severe_pain"
"""The family the classifier may not add to a message with a number in digits: how bad a pain
is in figures ("about a 4", "3 reps to 9", "make that a 9") is the rules' to read, and the
classifier, which sees that a figure is there but not what it means, was sure of severe pain in
"scale of 1 to 10, about a 4" and "a 10 minute walk". Severe pain in words stays its to find."""


@dataclass(frozen=True)
class Reading:
    """What the rules found in a message, the classifier's scores for it, and the families the
    classifier may not add (see `VETOES` and `NUMBERS_READ`)."""

    hits: tuple[Hit, ...]
    scores: Mapping[str, float]
    vetoed: frozenset[str]


def read_both(docs: list[Doc]) -> Reading:
    """Rules and classifier over a parsed message (call inside `pipeline.read`)."""
    every = candidates(docs)
    vetoed = frozenset(
        family
        for candidate in every
        if not candidate.counts_despite(EVERY_BLOCKER - VETOES) or explained_by_its_words(candidate)
        for family in _families_of(candidate.kind)
    )
    numbers = frozenset(NUMBERS_READ[c.kind] for c in every if c.kind in NUMBERS_READ)
    if has_digits(docs):
        numbers |= {SCORED_IN_DIGITS}
    scores = learned.scores(docs) if speaks(docs, every) else learned.scores([])
    return Reading(tuple(hits(every)), scores, vetoed | numbers)


def _families_of(kind: str) -> tuple[str, ...]:
    """The families a finding of this kind stands for (see `ALSO_VETOES`)."""
    own = (KIND_BY_ID[kind].family,) if kind in KIND_BY_ID else ()
    return own + ALSO_VETOES.get(kind, ())


def has_digits(docs: Iterable[Doc]) -> bool:
    """Whether a message read in pieces holds a number written in digits."""
    return any(character.isdigit() for doc in docs for character in doc.text)


def speaks(docs: list[Doc], every: Sequence[Candidate]) -> bool:
    """Whether the classifier may speak about a message: it is `long_enough` and the rules
    considered a finding in it (`every`, whatever ConText made of it) or it is `grounded`."""
    return long_enough(docs) and (bool(every) or grounded(docs))


UNTAGGED = frozenset({"", "-", "UNABLE"})
"""Tags that ground nothing: no concept, or "can't" alone ("can't wait for the weekend" was
read as a bladder emergency after round 12's retraining)."""


def grounded(docs: Iterable[Doc]) -> bool:
    """Whether the reader knows any word of the message: a concept tag (a body part, a function,
    a fall, a medicine, or one of the look-alikes). A message with none of them and no finding
    the rules considered ("off to the beach this weekend") is not the classifier's to flag: it
    was sure of a vascular emergency there after round 9's retraining, from word shapes alone."""
    return any(token.tag_ not in UNTAGGED for doc in docs for token in doc)


def long_enough(docs: Iterable[Doc]) -> bool:
    """Whether a message has the `MIN_WORDS` the classifier needs to speak."""
    return sum(1 for doc in docs for token in doc if token.is_alpha) >= MIN_WORDS


def added_families(
    found: frozenset[str],
    scores: Mapping[str, float],
    vetoed: frozenset[str],
    threshold: float = THRESHOLD,
) -> tuple[str, ...]:
    """The families the classifier adds to those the rules found, in `FAMILIES` order."""
    return tuple(
        family.family
        for family in FAMILIES
        if family.family not in found
        and family.family not in vetoed
        and scores.get(family.family, 0.0) >= threshold
    )
