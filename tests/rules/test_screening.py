"""The red-flag screen asks its questions in order, once each, and every answer maps to a
red-flag family at its level."""

from __future__ import annotations

from bot.rules.red_flags import FAMILIES
from bot.rules.screening import FOLLOW_UP, ONBOARDING, QUESTIONS, next_question


def test_the_screen_starts_with_saddle_numbness() -> None:
    question = next_question([])
    assert question is not None
    assert question.key == "saddle"


def test_the_next_question_is_the_first_one_not_answered() -> None:
    question = next_question(["saddle", "both_legs"])
    assert question is not None
    assert question.key == "bladder_bowel"


def test_the_screen_is_complete_once_every_question_is_answered() -> None:
    assert next_question([question.key for question in ONBOARDING]) is None


def test_every_question_stands_for_a_known_family_at_its_level() -> None:
    families = {family.family: family for family in FAMILIES}
    for question in (*QUESTIONS.values(), FOLLOW_UP):
        assert question.family in families
        assert question.level == families[question.family].level


def test_the_follow_up_asks_about_cauda_equina() -> None:
    assert (FOLLOW_UP.family, FOLLOW_UP.level) == ("cauda_equina", "emergency")
