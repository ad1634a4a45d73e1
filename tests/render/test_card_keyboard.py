"""The card's buttons as the Bot API's JSON (sent on every press without python-telegram-bot's
objects) are exactly what those objects would send."""

from __future__ import annotations

import pytest

from bot.render import callbacks as cb
from bot.render import keyboards
from bot.views import CardStep
from protocols.expand import expand_workout
from protocols.loader import load_protocol_library

WORKOUT = load_protocol_library()["lower-back-pain-relief-lvl1"].workout("day-1")
STEPS = expand_workout(WORKOUT)


def card_at(index: int) -> CardStep:
    return CardStep(7, WORKOUT, STEPS[index], len(STEPS), 0)


@pytest.mark.parametrize("index", range(len(STEPS)), ids=lambda index: f"step-{index + 1}")
def test_the_json_of_a_cards_buttons_is_what_the_library_would_send(index: int) -> None:
    keyboard = keyboards.card_keyboard(card_at(index))
    assert keyboard.to_api() == keyboard.markup().to_dict()


def test_a_timed_step_ends_with_its_timer_button() -> None:
    timed = next(i for i in range(len(STEPS)) if card_at(i).variant.dosage.timed_seconds)
    [(label, data)] = keyboards.card_keyboard(card_at(timed)).rows[-1]
    assert label.startswith("Timer ")
    assert cb.decode(data) == cb.StepTimer(7, timed)
