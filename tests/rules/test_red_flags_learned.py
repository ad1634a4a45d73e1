"""The learned classifier beside the red-flag rules: the trained model loads and scores every
family, and the combination rule lets it add a family only above the threshold, never one the
rules found vetoed by ConText."""

from __future__ import annotations

import pytest

from bot.rules.red_flags import FAMILIES, triage
from bot.rules.red_flags.combine import MIN_WORDS, THRESHOLD, added_families, read_both
from bot.rules.red_flags.pipeline import read
from bot.rules.red_flags.triage import LEARNED

NOTHING_FOUND: frozenset[str] = frozenset()
NOTHING_VETOED: frozenset[str] = frozenset()


def only(family: str, score: float) -> dict[str, float]:
    """Scores for every family: ``score`` for one, nothing for the others."""
    return {each.family: (score if each.family == family else 0.0) for each in FAMILIES}


# ---------------------------------------------------------------- the combination rule


def test_a_score_at_the_threshold_adds_its_family() -> None:
    scores = only("cauda_equina", THRESHOLD)

    assert added_families(NOTHING_FOUND, scores, NOTHING_VETOED) == ("cauda_equina",)


def test_a_score_just_under_the_threshold_adds_nothing() -> None:
    scores = only("cauda_equina", THRESHOLD - 0.01)

    assert added_families(NOTHING_FOUND, scores, NOTHING_VETOED) == ()


def test_a_family_vetoed_by_context_is_not_added_however_high_its_score() -> None:
    scores = only("cauda_equina", 1.0)

    assert added_families(NOTHING_FOUND, scores, frozenset({"cauda_equina"})) == ()


def test_a_veto_on_one_family_leaves_the_others_to_the_classifier() -> None:
    scores = {**only("infection", 0.99), "cauda_equina": 0.99}

    assert added_families(NOTHING_FOUND, scores, frozenset({"cauda_equina"})) == ("infection",)


def test_a_family_the_rules_found_is_not_added_again() -> None:
    scores = only("fracture", 1.0)

    assert added_families(frozenset({"fracture"}), scores, NOTHING_VETOED) == ()


def test_added_families_come_in_the_order_of_families() -> None:
    scores = {family.family: 1.0 for family in FAMILIES}

    assert added_families(NOTHING_FOUND, scores, NOTHING_VETOED) == tuple(
        family.family for family in FAMILIES
    )


# ---------------------------------------------------------------- the trained model


def test_the_model_scores_every_family_between_zero_and_one() -> None:
    scores = read("my back is a bit stiff after the bridges", read_both).scores

    assert set(scores) == {family.family for family in FAMILIES}
    assert all(0.0 <= score <= 1.0 for score in scores.values())


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("can't feel the toilet paper when I wipe and I can't start peeing", "cauda_equina"),
        ("crushing chest pain going down my left arm", "vascular"),
        ("fever of 39 and shivering, back pain is much worse", "infection"),
    ],
    ids=["cauda-equina", "vascular", "infection"],
)
def test_the_model_is_sure_of_a_plain_red_flag(text: str, family: str) -> None:
    assert read(text, read_both).scores[family] >= THRESHOLD


def test_the_model_is_calm_about_an_ordinary_check_in() -> None:
    scores = read("session done, back a little sore, 3/10, feeling good", read_both).scores

    assert max(scores.values()) < THRESHOLD


# ---------------------------------------------------------------- in triage


@pytest.mark.parametrize(
    "text",
    [
        "no numbness down below and peeing is normal",
        "my dad can't feel the toilet paper when he wipes",
        "what would happen if I couldn't feel the toilet paper when I wipe?",
    ],
    ids=["negated", "someone-else", "hypothetical"],
)
def test_context_vetoes_the_family_it_set_aside(text: str) -> None:
    assert "cauda_equina" in read(text, read_both).vetoed


@pytest.mark.parametrize(
    "text",
    [
        "no numbness down below and peeing is normal",
        "my dad can't feel the toilet paper when he wipes",
    ],
    ids=["negated", "someone-else"],
)
def test_a_vetoed_red_flag_stays_harmless(text: str) -> None:
    assert triage(text).level == "none"


def test_a_family_the_rules_found_carries_the_rules_findings_only() -> None:
    result = triage("I can't feel the toilet paper when I wipe")

    assert result.families == ("cauda_equina",)
    assert LEARNED not in {finding.kind for finding in result.findings}


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("temp 37.2", "infection"),
        ("temp 99.1F", "infection"),
        ("effort 9/10", "severe_pain"),
    ],
    ids=["normal-celsius", "normal-fahrenheit", "score-of-something-else"],
)
def test_a_number_the_rules_read_and_did_not_count_vetoes_its_family(
    text: str, family: str
) -> None:
    assert family in read(text, read_both).vetoed


@pytest.mark.parametrize(
    "text",
    ["scale of 1 to 10, about a 4", "went from 3 reps to 9 today", "a 10 minute walk helped"],
)
def test_the_classifier_leaves_a_message_with_figures_to_the_rules_for_severe_pain(
    text: str,
) -> None:
    assert "severe_pain" in read(text, read_both).vetoed
    assert triage(text).level == "none"


def test_severe_pain_in_words_is_still_the_classifiers_to_add() -> None:
    text = "worst it has ever been, I'm stuck lying on the floor and can't get up"

    assert "severe_pain" not in read(text, read_both).vetoed


@pytest.mark.parametrize("text", ["temp 37.2", "temp 99.1F", "100.2F"])
def test_a_normal_temperature_stays_harmless(text: str) -> None:
    assert triage(text).level == "none"


@pytest.mark.parametrize("text", ["yes", "9", "sure", "can I skip today"])
def test_the_classifier_stays_silent_on_a_reply_of_a_few_words(text: str) -> None:
    assert sum(1 for word in text.split() if word.isalpha()) < MIN_WORDS
    assert max(read(text, read_both).scores.values()) == 0.0
