"""The red-flag screen: short yes/no questions in lay words, asked before the first workout,
and one follow-up question when pain has risen by the minimal important change.

Members rarely mention saddle numbness or bladder changes unless asked (NICE CKS advises asking
about them explicitly; Hinge Health screens red flags at onboarding). Each question stands for
a red-flag family of `bot.rules.red_flags`; a "yes" is that family's red flag, at its level.
The wording is in `bot.render.texts` (`SCREENING_QUESTIONS`), keyed by `Question.key`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

Level = Literal["emergency", "urgent"]


@dataclass(frozen=True)
class Question:
    key: str
    family: str
    level: Level


ONBOARDING: tuple[Question, ...] = (
    Question("saddle", "cauda_equina", "emergency"),
    Question("bladder_bowel", "cauda_equina", "emergency"),
    Question("both_legs", "cauda_equina", "emergency"),
    Question("chest", "vascular", "emergency"),
    Question("fever", "infection", "urgent"),
    Question("history", "cancer", "urgent"),
    Question("fall", "fracture", "urgent"),
)
"""Asked one at a time, in this order, after the disclaimer and before the first workout."""

FOLLOW_UP = Question("follow_up", "cauda_equina", "emergency")
"""Asked once after a check-in whose pain rose by the minimal important change."""

QUESTIONS = {question.key: question for question in ONBOARDING}
"""The onboarding questions by key."""


def next_question(answered: Sequence[str]) -> Question | None:
    """The first onboarding question not answered yet; None once the screen is complete."""
    done = set(answered)
    return next((question for question in ONBOARDING if question.key not in done), None)
