"""Genuine reports that round 8's new readings must not set aside (found by review): a symptom
followed by a question about it, a worried question that is a report, a recent duration, a
better day beside pain that is bad now, numbness that passed but came back, heat "most days",
a partner who noticed the member's own sign, a "stable" word about something else, a bladder
that wakes the member with pain, a severe score on a named scale."""

from __future__ import annotations

import pytest

from bot.rules.red_flags import triage

EMERGENCIES = [
    "Lost control of my bladder last night - is that related to my back?",
    "can't feel my bum when I wipe - could it be the squats?",
    "Numbness in my saddle area: does this happen with sciatica?",
    "Should I be worried about chest pain when I walk up the stairs? Been happening all week",
    "should i be concerned about leaking wee when i cough",
    "numbness in my groin, I've had it for 2 days",
    "Can't feel my bum when I wipe, I've had it since Monday",
    "Both legs went numb when I stood up. Went away when I moved but came back within minutes",
    "numb down below while sitting on the bike. went off once I got off, but it keeps happening "
    "every ride",
    "asking because my wife noticed my foot is dragging",
    "asking cos my husband says I've been leaking wee at night",
    "My legs gave way when my husband walked me to the toilet",
    "chest tightness on the stairs, breathing is stable",
    "can't get rid of this chest pain",
    "cant shake this numbness in my bum",
]

URGENT = [
    "I'm feeling much better today. The back pain is unbearable when I lie down though",
    "Feeling much better now. Pain still unbearable at night",
    "Feeling much better now but I can't move my back at all",
    "much better now than yesterday, still can't walk or stand",
    "I've had night sweats most days for a month",
    "I have a 38.5 temperature most days",
    "asking because my wife noticed I've lost weight without trying",
    "my bladder wakes me up with pain in my back every night",
    "scale of 1-10 I'd say a 9",
    "scale of 1 to 10, about a 9",
    "I can't shift this fever, 38.6 today",
    "can't shake this fever",
]


HARMLESS = [
    "my bladder wakes me once a night, always has done, I'm 57",
    "I've got angina but it's stable, I use my spray before exercise, no chest pain at all",
    "I can't shake the feeling I'm overdoing it",
    "After gardening all day I could barely move on Sunday, ha! Feeling much better today.",
    "my bottom's numb from the hard seat! Went off once I'd walked about, my back is fine",
    "Came back with a numb bum from the coach trip. It wore off once we'd walked about.",
]


@pytest.mark.parametrize("text", EMERGENCIES)
def test_a_genuine_emergency_stays_an_emergency(text: str) -> None:
    assert triage(text).level == "emergency"


@pytest.mark.parametrize("text", URGENT)
def test_a_genuine_urgent_sign_is_flagged(text: str) -> None:
    assert triage(text).level != "none"


@pytest.mark.parametrize("text", HARMLESS)
def test_the_harmless_look_alikes_round_8_fixed_stay_harmless(text: str) -> None:
    assert triage(text).level == "none"
