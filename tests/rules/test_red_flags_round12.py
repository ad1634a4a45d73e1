"""Round 12: what two new writers (members who say things indirectly; careful, formal writers)
and safety review 13 found the reader missed or alarmed on, one row per class of cause, in
words of our own. Each report must raise its family at its level; each look-alike must stay
"none"."""

from __future__ import annotations

import pytest
from missed_reports import EMERGENCY_LEVEL, Groups, rows

from bot.rules.red_flags import triage

MISSED: Groups = {
    "the member's too, said after someone else's": [
        ("my neighbour had a numb bum once; mine's numb now too", "cauda_equina"),
        (
            "My husband couldn't feel himself wiping last week. So did I this morning.",
            "cauda_equina",
        ),
        (
            "someone in the group said wiping feels like another person's bum. me too now",
            "cauda_equina",
        ),
        ("my sister had breast cancer and so did I, 10 years ago, back hurts now", "cancer"),
        (
            "the woman in your video described a numb patch round the back passage. I've had that "
            "since Saturday",
            "cauda_equina",
        ),
    ],
    "the member's too, in other words": [
        ("my mate said she can't tell when her bladder's full. that's me as well", "cauda_equina"),
        ("my gran had numb feet for years. mine's numb too, round my bum", "cauda_equina"),
        (
            "my friend's bowels went without warning last month, same happened to me this morning",
            "cauda_equina",
        ),
        (
            "the leaflet says some people lose bladder control. that's what's happening to me",
            "cauda_equina",
        ),
        ("my wife's on chemo. I'm on it too now", "infection"),
        (
            "Dad lost feeling in his saddle area before his op. I've got the exact same thing",
            "cauda_equina",
        ),
        (
            "read about a man who couldn't feel the loo roll. I'm like that too since Monday",
            "cauda_equina",
        ),
    ],
    "a pair across a 'but'": [
        ("my bum isn't sore but it is numb", "cauda_equina"),
    ],
    "an answer at the very end of a message, with no full stop": [
        ("the nurse asked if I had numbness down below and I do", "cauda_equina"),
    ],
    "what someone asked about, still there": [
        ("the groin numbness you asked about is still there", "cauda_equina"),
    ],
    "a score against the usual": [
        ("usually a 3, today a 9", "severe_pain"),
        ("normally a 4. now a 10", "severe_pain"),
        ("honestly a 9 at least today", "severe_pain"),
        ("yesterday a 4, tonight a 10", "severe_pain"),
        ("it's at least a nine", "severe_pain"),
        ("pain 8 going on 10", "severe_pain"),
        ("more like 9.5 today", "severe_pain"),
        ("not less than 9 all afternoon", "severe_pain"),
        ("honestly the pain beats childbirth", "severe_pain"),
    ],
    "a colon does not carry a denial past it": [
        ("no session today: peeing myself every time I stand up", "cauda_equina"),
    ],
    "words that only seemed to deny": [
        ("two bowel accidents this week without any warning", "cauda_equina"),
        ("I've had two episodes of faecal incontinence without any warning", "cauda_equina"),
    ],
    "a time that runs up to now": [
        ("I have injected heroin on and off over the past year", "infection"),
    ],
    "after a colon, a new clause": [
        ("no session today: I cannot move from the sofa because of the pain", "severe_pain"),
    ],
    "a request already met, then the report": [
        (
            "since your form asked me to report such things, I have had two episodes of faecal "
            "incontinence this week",
            "cauda_equina",
        ),
    ],
    "bed, sofa and stillness in other words": [
        ("haven't been able to get off the bed since 6am, my back grabs every time", "severe_pain"),
        ("I am effectively immobile with the pain", "severe_pain"),
    ],
    "weight, bladder, both legs and chest in other words": [
        ("8kg lighter and not dieting", "cancer"),
        ("I no longer get the usual feeling that my bladder is full", "cauda_equina"),
        ("went ten hours yesterday without any urge to wee", "cauda_equina"),
        ("Usually the sciatica is just my right leg. Today it's both.", "cauda_equina"),
        ("the 'heartburn' comes on when I climb stairs and goes into my left arm", "vascular"),
        ("haven't needed to go for 12 hours and I've drunk plenty", "cauda_equina"),
        ("I can't feel my bladder filling any more", "cauda_equina"),
        ("my pelvic floor just doesn't respond, everything's numb", "cauda_equina"),
        ("dribble dribble, can't get it going", "cauda_equina"),
        ("tight band round my ribs and short of breath", "vascular"),
        ("the pain stops me moving at all", "severe_pain"),
    ],
}


@pytest.mark.parametrize(("text", "family"), rows(MISSED))
def test_a_report_round_12_found_missed_is_flagged(text: str, family: str) -> None:
    result = triage(text)
    assert family in result.families
    assert result.level == EMERGENCY_LEVEL.get(family, "urgent")


HARMLESS = [
    # a thing moved, not a body
    "Can't move my schedule this week, can we do Friday?",
    "I cannot move Thursday's call, sorry, board meeting",
    # the worst pain, named as something else
    "worst pain of my life was childbirth, this is nowhere near, maybe a 4",
    "Worst pain of my life is watching my team lose",
    # both hands, not both legs
    "tingling in both hands after the farmer's carries",
    # history and age
    "I'm in my early forties and my back is a bit stiff",
    "I had a kidney infection in my early thirties which was treated",
    "Before my op I had weakness in both legs but that's 5 years ago and I'm strong now",
    "covid in March with a high temperature; that is long behind me",
    # someone else's, after a colon or ", and she"
    "I may miss Thursday: my wife has a temperature of 38.5",
    "my partner filmed it, and she is getting over a chest infection, hence the coughing",
    # plans and questions
    "My rheumatologist may start me on prednisolone next month. Not taking it yet.",
    "Is unexplained weight loss one of the warning signs? Mine has been stable.",
    "Is pain that is worse at night considered a concern? Mine is, if anything, better at night.",
    "what signs in the legs would mean something more serious than sciatica?",
    # passed
    "sciatica woke me once last night, moved about and went back to sleep",
    "legs went to jelly on the stairs after the leg session, fine after 10 mins",
    # the member's too, taken back by what comes with it
    "hubby got a temperature after his flu jab. I had mine too, no fever though",
    "my mum had a numb bum once. so did I, years ago as a kid",
    "mum's got breast cancer, booked her chemo, and physio booked for me too",
    "Mum had a fall at the weekend, she's fine. Back a bit stiff, same here as usual",
    # the answer denies what was asked
    "the doc asked did I have trouble peeing, not at all",
    "I was asked about bowel control and it's fine",
    # a heading over a list
    "Symptoms of cauda equina: numb groin, bladder problems. Read the leaflet, none apply to me",
    # the worst pain, named as something else
    "the worst pain of my life was passing a kidney stone, this is nothing like that",
    "worst pain of my life? Childbirth, no contest. Back's a 3 today",
    "The worst pain in my life is my ex",
    # things that are not the body in question
    "I'd give the app 9/10",
    "can't move house till the spring",
    "put the resistance band around my ribs for the breathing drill",
    # chat
    "can't wait for the weekend",
    "sorry, I can't come on Wednesday, doctor's appointment",
    "she can't come to pilates any more",
]


@pytest.mark.parametrize("text", HARMLESS)
def test_a_look_alike_from_round_12_is_not_flagged(text: str) -> None:
    assert triage(text).level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "the nurse asked if I had numbness down below and I said no",
        "my wife has a fever, I did too much in the garden",
        "I'm in my late twenties",
        "woke at 2am, couldn't get back to sleep, the baby was teething",
        "my bum isn't sore but it is not numb either",
    ],
)
def test_an_answer_or_a_word_that_claims_nothing_stays_harmless(text: str) -> None:
    assert triage(text).level == "none"
