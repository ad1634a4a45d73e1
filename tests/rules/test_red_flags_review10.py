"""Safety review 10: genuine reports the reader missed or downgraded, written as members type
them (two findings in one message, plain everyday wordings), one row per report, grouped by the
class of cause. Each must raise its family at its level; the look-alikes below must stay "none"."""

from __future__ import annotations

import pytest
from missed_reports import EMERGENCY_LEVEL, Groups, rows

from bot.rules.red_flags import triage

MISSED: Groups = {
    # a denial of one thing runs on over "just", "only" or a dash into the thing the member has
    "a denial that runs on past 'just', 'only' or a dash": [
        ("no fever, no numbness, just a crushing pain in my chest", "vascular"),
        ("no numbness just chest pain", "vascular"),
        ("no fever, only a squeezing feeling in my chest", "vascular"),
        ("no fever just can't feel my bum", "cauda_equina"),
        ("no pain today, just numb between my legs", "cauda_equina"),
        ("nothing serious, just both legs going numb", "cauda_equina"),
        ("no falls, no fever - just struggling to pee", "cauda_equina"),
        ("no temp - can't feel my privates", "cauda_equina"),
    ],
    # "never had X until/before this week": a new change, not a denial
    "never had it before now": [
        ("never had bladder trouble before this week, now I can't go", "cauda_equina"),
        ("never had numbness in my bum until today", "cauda_equina"),
    ],
    # an ability lost is the present, not the past
    "used to be able to": [
        ("I used to be able to feel when I needed a wee, not anymore", "cauda_equina"),
    ],
    "didn't even realise": [
        ("I didn't even realise I'd wet myself", "cauda_equina"),
    ],
    # dismay, not a denial
    "oh no": [
        ("oh no my bum is numb", "cauda_equina"),
        ("no no no my bum is numb", "cauda_equina"),
    ],
    # foot drop and failing legs in plain words
    "foot drop and failing legs in plain words": [
        ("toes drag when i walk", "cauda_equina"),
        ("neither leg will hold me up", "cauda_equina"),
    ],
}


@pytest.mark.parametrize(("text", "family"), rows(MISSED))
def test_a_report_review_10_found_missed_is_flagged(text: str, family: str) -> None:
    result = triage(text)
    assert family in result.families
    assert result.level == EMERGENCY_LEVEL.get(family, "urgent")


HARMLESS = [
    "no numbness, just sore",
    "no fever just a bit tired",
    "nothing serious, just stiff",
    "no chest pain, only stiffness in my back",
    "no numbness, just achy legs",
    "no fever - just tired",
    "no pain - cant complain",
    "not numb, only sore",
    "no, just checking the app works",
    "no numbness at all, just stiff in the mornings",
    "oh no, no numbness thankfully",
    "never had numbness before, all fine",
    "no no, no leaking at all",
    "I used to be able to touch my toes",
    "legs like jelly after the spin class",
    # "just" ends a denial only, never someone else's finding or a question
    "my neighbour just finished chemo, would these exercises help him?",
    "is numbness down below a reason to stop? I haven't got any, just wondering",
    "my uncle has just been told he has bone cancer, I'm ok though",
]


@pytest.mark.parametrize("text", HARMLESS, ids=[text[:50] for text in HARMLESS])
def test_a_look_alike_stays_harmless(text: str) -> None:
    assert triage(text).level == "none"
