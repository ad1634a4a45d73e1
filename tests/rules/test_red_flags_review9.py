"""Safety review of round 9's set-asides: genuine reports that round 9 stopped flagging (or
flagged less urgently) although the reader before it caught them, one row per report, grouped by
the set-aside that swallowed it. Each must raise its family at its level."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from missed_reports import EMERGENCY_LEVEL, Groups, rows

from bot.rules.red_flags import triage

_TODAY = date.today()


def _day(days_ago: int) -> str:
    """A date with its year, `days_ago` days back, as a member writes it ("24 November 2026")."""
    when = _TODAY - timedelta(days=days_ago)
    return f"{when.day} {when:%B %Y}"


MISSED: Groups = {
    # a denial that names something else denies nothing the member reported
    "a denial of something else": [
        (
            "My husband says I've been wetting the bed. Nothing of the sort when I'm awake.",
            "cauda_equina",
        ),
        (
            "The GP said my bladder isn't emptying properly. No such trouble with my bowels.",
            "cauda_equina",
        ),
        (
            "I told the nurse I can't feel myself wiping. No such problem with my legs.",
            "cauda_equina",
        ),
        (
            "Should I be worried I've wet myself twice on the way to work? Otherwise perfectly "
            "well in that respect.",
            "cauda_equina",
        ),
        (
            "My partner says I can't feel it during sex any more. Nothing of that kind with my "
            "bladder.",
            "cauda_equina",
        ),
        (
            "Is a pulsing lump in my tummy something to worry about? Had no such thing in my "
            "chest.",
            "vascular",
        ),
        (
            "The out of hours doctor said I had numbness in the saddle area. I had no such symptom "
            "in my legs.",
            "cauda_equina",
        ),
    ],
    # "can be a serious sign" said of the member's own finding, pointed back to
    "a serious sign said of the member's own finding": [
        ("My bum has gone numb, which I read can be a warning sign.", "cauda_equina"),
        (
            "I've got numbness in both legs, my sister told me that could be a red flag.",
            "cauda_equina",
        ),
        (
            "I can't feel when I'm weeing, the website says that may be a serious symptom.",
            "cauda_equina",
        ),
        ("Lost control of my bowels on the walk, heard that can be a red flag.", "cauda_equina"),
        ("I've lost a stone without trying, my mum said that could be a warning sign.", "cancer"),
        ("Night sweats soaking the sheets, read online that could be a red flag.", "infection"),
        (
            "Both my legs keep giving way, which my GP told me could be a red flag symptom.",
            "cauda_equina",
        ),
    ],
    "a settling the same sentence takes back": [
        (
            "I mentioned the weakness in my left foot. It had eased but it was catching on the "
            "stairs today.",
            "cauda_equina",
        ),
    ],
    "a date with this year's number": [
        (f"On {_day(24)} I lost feeling in my bum and it hasn't improved.", "cauda_equina"),
        (f"On {_day(7)} I started wetting myself at night.", "cauda_equina"),
        (f"Both my legs went numb on {_day(3)}.", "cauda_equina"),
        (f"On {_day(2)} I woke up and couldn't feel my private parts.", "cauda_equina"),
        (f"On {_day(1)} I had chest pain going into my jaw.", "vascular"),
        (f"My temp was 38.9 on {_day(1)}.", "infection"),
        (f"I fell down the stairs on {_day(5)} and my back has been sore since.", "fracture"),
    ],
    "a season gone by that the sentence brings up to now": [
        (
            "Last winter I started losing weight without trying, down 2 stone so far.",
            "cancer",
        ),
        (
            "Last summer I started on prednisolone 20mg for my lungs and I'm still on it.",
            "infection",
        ),
        (
            "Last spring my bladder started leaking and this week I couldn't feel myself go.",
            "cauda_equina",
        ),
    ],
    "unchanged for years, then worse": [
        (
            "My foot drop, unchanged for the past 10 years, has started to get worse.",
            "cauda_equina",
        ),
        (
            "Haven't changed in years, my legs, but both went from under me on the stairs.",
            "cauda_equina",
        ),
    ],
    "got up after a fall, and it hurts": [
        (
            "Fell down the stairs on Saturday. Got straight back up, hurts like hell to bend now.",
            "fracture",
        ),
        (
            "Got knocked off my bike by a car. I jumped straight back up, back is killing me "
            "tonight.",
            "fracture",
        ),
        (
            "Fell off a ladder yesterday. I feel perfectly fine in myself, just very tender over "
            "the spine.",
            "fracture",
        ),
        (
            "I'm 82 and had a fall in the garden. Got right back up and the back pain's been awful "
            "since.",
            "fracture",
        ),
        (
            "Came off my horse at a canter. Got straight back up, rode home, and now I've got a "
            "lump on my spine.",
            "fracture",
        ),
        (
            "Was in a car crash on the motorway. I felt absolutely fine, the ache started the next "
            "day.",
            "fracture",
        ),
        (
            "I fell down a flight of stairs this morning. No pain at all to start, now it's "
            "throbbing.",
            "fracture",
        ),
        (
            "Fell off the trampoline onto my back. Bounced straight back up, hurting loads this "
            "evening.",
            "fracture",
        ),
    ],
    "something else unhurt, or a back not injured that hurts": [
        (
            "Fell off the horse on Sunday. The horse is ok, it wasn't injured, and my back's "
            "killing me.",
            "fracture",
        ),
        (
            "Had a car crash on the motorway, the dog was in the back and it wasn't hurt, my back "
            "is sore.",
            "fracture",
        ),
        (
            "I'm on long term prednisolone and fell over in the garden, my back not affected, hip "
            "very painful and can't put weight on it.",
            "fracture",
        ),
        (
            "I had a kidney transplant in 2018 and no issues with my back since the op until last "
            "week, now it hurts.",
            "infection",
        ),
        (
            "I've got multiple myeloma and my back has started hurting. The spine isn't affected "
            "according to the scan last year.",
            "cancer",
        ),
        (
            "I inject heroin and my back has been sore for a week, no injury to my back I can "
            "think of.",
            "infection",
        ),
        (
            "On chemo for lymphoma. My back was not injured, but it's been aching badly for 10 "
            "days.",
            "cancer",
        ),
    ],
    "told to report any, and the member does": [
        ("They said to report any weight loss, I've lost a stone without trying.", "cancer"),
        ("Does it count as immunosuppressed if I'm on methotrexate and Humira?", "infection"),
    ],
    "not straight back to sleep": [
        (
            "Pain wakes me at 2am no matter how I lie and I hardly ever fall straight back to "
            "sleep.",
            "cancer",
        ),
        (
            "The pain wakes me up, I used to fall straight back to sleep but now I'm up for hours.",
            "cancer",
        ),
    ],
    "feeling back only a little, or the odd feeling back": [
        (
            "I can't feel my bum when I wipe, the feeling comes back for a few minutes then goes.",
            "cauda_equina",
        ),
        (
            "My private parts went numb on Wednesday; feeling has come back a tiny bit.",
            "cauda_equina",
        ),
        (
            "Pins and needles in my bum after sitting, went when I stood, then the pins and "
            "needles feeling came back and it's there now.",
            "cauda_equina",
        ),
        (
            "My bum went numb on the drive and was fine when I got out but it came back on the "
            "sofa.",
            "cauda_equina",
        ),
    ],
    "steroids the member tried to stop and still takes": [
        (
            "On long-term steroids, tried to come off them last year but couldn't, still on 10mg, "
            "and my back went when I sneezed.",
            "fracture",
        ),
    ],
    "a clarification of something else": [
        (
            "I can't feel my bum on the saddle, and when I said I'm tired I meant I have no "
            "energy.",
            "cauda_equina",
        ),
        (
            "Both legs went numb on the walk home and I meant I have no energy either.",
            "cauda_equina",
        ),
        ("Both legs are weak and I meant that I have little energy as well.", "cauda_equina"),
    ],
    "legs giving way 'to me' (not the Irish 'giving out to me')": [
        ("My left leg keeps giving way to me on the stairs.", "cauda_equina"),
        ("My legs gave out to me in the shower and I fell.", "cauda_equina"),
        ("My knees go weak to me when I stand.", "cauda_equina"),
    ],
    # caught before round 9 by the classifier alone, lost by its retraining: now the rules'
    "'it' after the bladder, weight loss not meant": [
        (
            "Since my two children I've had the odd leak, and on Tuesday I couldn't hold it "
            "at all.",
            "cauda_equina",
        ),
        ("needed the loo on the walk home and couldn't hold it, first time ever", "cauda_equina"),
        ("lost 8kg, wish it was deliberate", "cancer"),
        ("I've lost 8kg since the summer and I wish it was on purpose", "cancer"),
        ("I have lost a stone in weight, which was not intentional.", "cancer"),
        ("Lost a stone in two months, nothing deliberate.", "cancer"),
    ],
}


@pytest.mark.parametrize(("text", "family"), rows(MISSED))
def test_a_report_round_9_set_aside_is_flagged_again(text: str, family: str) -> None:
    result = triage(text)
    assert family in result.families
    assert result.level == EMERGENCY_LEVEL.get(family, result.level)
    assert result.flagged


HARMLESS = [
    "I had a urinary tract infection in February 2022 which was treated promptly.",
    "I fractured my wrist slipping on ice in January 2018.",
    f"I had a kidney infection on {_day(400)} with a high temperature, all treated.",
    "Tripped over the cat on Sunday and landed on my hands on the rug, back not affected, I am 41.",
    "My calves are giving out to me after the hill sprints, they're wrecked.",
    "Slipped on the kitchen floor. Got straight back up, no pain at all.",
    "The back wakes me now and then when I turn but I fall straight back to sleep.",
    "Bum went numb on the bus ride but the feeling came back as soon as I got off.",
    "My neighbour tells me numbness in both legs can be a serious sign. I have had no such thing.",
    "Was on prednisolone years ago, weaned off it in 2017 and not taken it since.",
    "Tried the side plank again and couldn't hold it at all, 10 seconds max",
    "went to the toilet before the session, then held the bridge but couldn't hold it for long",
    "lost 8kg on purpose for my wedding",
    "Down 5kg this month, intentional, cutting for my comp",
]


@pytest.mark.parametrize("text", HARMLESS, ids=[text[:50] for text in HARMLESS])
def test_the_narrowed_set_asides_still_clear_what_they_were_for(text: str) -> None:
    assert triage(text).level == "none"
