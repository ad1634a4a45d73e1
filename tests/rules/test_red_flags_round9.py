"""Round 9 (issue 14): careful, formal writers and members who describe what they notice.

Each reading that sets a finding aside is listed with the harmless message it was written for
and at least two genuine reports that look like it and must still alarm: a formal denial of
what was only mentioned, a mention of an old finding that has since settled, a clarified word,
a clear scan, a medicine stopped, a fall that did no harm, a sign someone else calls serious, a
formal question, an idiom, someone else's worst pain, a leak unchanged for decades, a date with
its year, woken by turning over, sensation that came back, a position that explains numbness
past a "but", and weight lost on purpose. Then the new readings of findings."""

from __future__ import annotations

import pytest

from bot.rules.red_flags import triage
from bot.rules.red_flags.combine import speaks
from bot.rules.red_flags.pipeline import read
from bot.rules.red_flags.reading import candidates

SET_ASIDE: dict[str, tuple[list[str], list[tuple[str, str]]]] = {
    # set-aside: (harmless messages, [(genuine report, family it must still raise)])
    "a formal denial of what was only mentioned": (
        [
            "Is chest pain during the plank something to worry about at my age? I have not "
            "experienced any myself.",
            "My neighbour tells me numbness in both legs can be a serious sign. I have had no "
            "such thing.",
            "The leaflet mentions a history of cancer and weight loss; neither applies to me.",
        ],
        [
            (
                "Both legs have been numb since this morning. I have had no such thing before.",
                "cauda_equina",
            ),
            (
                "Is it normal that I lost control of my bladder last night? Nothing of the sort "
                "has ever happened to me.",
                "cauda_equina",
            ),
            (
                "Is chest pain in the plank a worry? I have had chest pain going into my arm all "
                "morning.",
                "vascular",
            ),
            (
                "Should I worry that I can't feel the toilet paper? I have not had any pain "
                "myself.",
                "cauda_equina",
            ),
            (
                "Can you lose feeling down there with sciatica? I haven't felt any at all since "
                "Monday.",
                "cauda_equina",
            ),
        ],
    ),
    "a finding mentioned before that has since settled": (
        [
            "The numbness in my right buttock which I reported in May has entirely resolved.",
            "The tightness I described in my chest was muscular. It has completely gone.",
        ],
        [
            (
                "The numbness in my bum I mentioned on Monday has not settled at all.",
                "cauda_equina",
            ),
            (
                "The bladder leaks I mentioned last week had settled, but they came back worse "
                "today.",
                "cauda_equina",
            ),
            (
                "The chest pain I described yesterday went away but it is back again this morning.",
                "vascular",
            ),
            (
                "The numbness in my bum I mentioned yesterday is unchanged, but my back pain has "
                "eased.",
                "cauda_equina",
            ),
        ],
    ),
    "a word the member clarifies": (
        [
            "To clarify, when I said I had no feeling in my legs for the exercise I meant no "
            "enthusiasm, not numbness.",
        ],
        [
            (
                "I have no feeling in my legs this morning and I meant to tell you I have no "
                "energy either.",
                "cauda_equina",
            ),
            (
                "When I said no feeling in my legs I meant it: both legs are numb from the knee "
                "down.",
                "cauda_equina",
            ),
        ],
    ),
    "a pulsing the scan showed to be no aneurysm": (
        [
            "I can feel a pulse in my stomach when I lie down, but the ultrasound showed no "
            "aneurysm.",
        ],
        [
            (
                "The scan showed no aneurysm last year, but now there is a pulsing lump in my "
                "belly.",
                "vascular",
            ),
            (
                "There is a pulsing lump in my tummy and the GP wants a scan to check it is not "
                "an aneurysm.",
                "vascular",
            ),
            (
                "I have a pulsing lump in my belly; the scan last year was clear but this is new.",
                "vascular",
            ),
        ],
    ),
    "steroids the member no longer takes": (
        [
            "I was on prednisolone for six years, but I was weaned off it in 2017 and have not "
            "taken it since.",
        ],
        [
            ("I'm on methotrexate weekly, but I stopped the prednisolone in 2019.", "infection"),
            ("I came off the azathioprine in May but I take Humira every fortnight.", "infection"),
        ],
    ),
    "a fall the next sentence says did no harm": (
        [
            "Slipped on the wet kitchen floor and landed on my bum. Got straight up, no pain at "
            "all.",
            "Tripped on the stairs last week. No harm done, legs strong as ever.",
        ],
        [
            (
                "Fell down the stairs yesterday. Got straight up but now my back is agony.",
                "fracture",
            ),
            (
                "Fell off a ladder onto my back, back not affected but I can't feel my legs.",
                "cauda_equina",
            ),
            (
                "I had prostate cancer three years ago, I feel perfectly well, my back has been "
                "sore for a month.",
                "cancer",
            ),
            (
                "Slipped and landed on my bum. I feel perfectly well apart from a fever of 38.9.",
                "infection",
            ),
        ],
    ),
    "a sign someone says can be serious": (
        ["My physio says numbness in both legs can be a serious sign, so I asked."],
        [
            (
                "I have had numbness in both legs since Monday and I know it can be a serious "
                "sign.",
                "cauda_equina",
            ),
            (
                "Numbness in both legs which can be a serious sign, so I am writing to you.",
                "cauda_equina",
            ),
            ("Both legs numb, can be a serious sign I know.", "cauda_equina"),
        ],
    ),
    "a formal question or instruction": (
        [
            "Could you tell me how I would recognise cauda equina syndrome if it happened?",
            "The instructions said to report any chest discomfort.",
            "I'm on a Clenil inhaler; does that count as the long-term steroids on the form?",
        ],
        [
            (
                "I was told to report any chest pain, and I have chest pain now going into my arm.",
                "vascular",
            ),
            (
                "How would I know if it is cauda equina? I can't feel the toilet paper since "
                "Tuesday.",
                "cauda_equina",
            ),
            ("I need your advice about the numbness in my bum.", "cauda_equina"),
            ("I'm writing to report a change: I can't feel my bum when I wipe.", "cauda_equina"),
            ("I can't tell the difference between needing a wee and not.", "cauda_equina"),
            ("Does this count as numbness: I can't feel my bum when I wipe?", "cauda_equina"),
        ],
    ),
    "muscles giving out to the member (complaining)": (
        ["My calves are giving out to me after the hill sprints, they're wrecked."],
        [
            ("My legs keep giving out on me on the stairs.", "cauda_equina"),
            ("My left leg gave out under me twice today.", "cauda_equina"),
        ],
    ),
    "someone else's worst pain": (
        ["My husband described it as the worst pain he has ever had; my own back is fine."],
        [
            (
                "Worst pain I have ever had, my husband says he has never seen me like this.",
                "severe_pain",
            ),
            ("He says it's nothing but this is the worst pain I've ever felt.", "severe_pain"),
        ],
    ),
    "a leak or a foot drop unchanged for decades": (
        [
            "After three children I have a slight stress leak, unchanged for the past twenty "
            "years.",
            "My foot drop is permanent and stable. It has not changed in many years.",
        ],
        [
            (
                "A slight leak after three children, unchanged for years, but since Monday I "
                "can't feel when I'm going.",
                "cauda_equina",
            ),
            (
                "My foot drop is permanent and stable, but now the other foot is dragging too.",
                "cauda_equina",
            ),
        ],
    ),
    "a date with its year, a season gone": (
        [
            "I had a urinary tract infection in February 2022 which was treated promptly.",
            "I fractured my wrist slipping on ice in January 2018.",
            "Last summer I was treated in hospital for a kidney infection with a high temperature.",
        ],
        [
            (
                "I had a heart attack in March 2021 and today I have the same crushing chest pain.",
                "vascular",
            ),
            ("Had a fever last winter, and I have a fever of 38.6 again today.", "infection"),
            ("Since February 2022 I have had no feeling in my bum.", "cauda_equina"),
            (
                "Last summer I had sciatica in one leg; now both legs are numb since yesterday.",
                "cauda_equina",
            ),
        ],
    ),
    "woken by turning over, asleep again at once": (
        [
            "The back occasionally wakes me if I turn awkwardly, but I settle again at once.",
            "The back does wake me now and then, but I fall straight back to sleep.",
        ],
        [
            ("The pain wakes me every night and I can't get back to sleep.", "cancer"),
            ("My legs give way when I turn over in bed.", "cauda_equina"),
            (
                "Pain wakes me at 3am whatever position I'm in; I don't fall straight back to "
                "sleep any more.",
                "cancer",
            ),
        ],
    ),
    "the feeling came back after sitting": (
        [
            "Bum went numb on the long bus ride but the feeling came back a few minutes after "
            "I got off.",
            "Bum went numb in a long meeting 😂 back to normal the moment I stood up.",
            "I had pins and needles in both feet, but it was after sitting on the floor with my "
            "legs folded, and it passed within a minute of standing.",
        ],
        [
            (
                "Bum went numb on the ride, the feeling came back, then it went numb again this "
                "morning.",
                "cauda_equina",
            ),
            (
                "Bum went numb in the meeting, back to normal the moment I stood up, but it has "
                "gone numb again today.",
                "cauda_equina",
            ),
            (
                "Pins and needles in both feet, but it was after sitting cross-legged and it "
                "passed within a minute, and now it keeps coming back.",
                "cauda_equina",
            ),
            ("I can't feel my bum, the feeling came back in my legs though.", "cauda_equina"),
        ],
    ),
    "weight lost on purpose": (
        ["Lost a stone on purpose for my wedding, friends say I look skinny."],
        [
            ("I've lost a stone without trying and it's not on purpose.", "cancer"),
            ("Lost 6 kg, definitely not deliberately, I'm eating normally.", "cancer"),
            (
                "I lost weight on purpose last year, but now I'm losing more without trying.",
                "cancer",
            ),
        ],
    ),
    "a score that has fallen back": (
        ["The pain was 6/10 in the session and has since fallen back to 3/10."],
        [
            ("I've fallen back onto the concrete step and my back hurts.", "fracture"),
            ("Fell back off the ladder this morning, pain is 4/10.", "fracture"),
        ],
    ),
}

HARMLESS = [(name, text) for name, (quiet, _) in SET_ASIDE.items() for text in quiet]
GENUINE = [(name, text, family) for name, (_, loud) in SET_ASIDE.items() for text, family in loud]


@pytest.mark.parametrize(("reading", "text"), HARMLESS, ids=[t[:40] for _, t in HARMLESS])
def test_the_set_aside_reading_quiets_the_harmless_message(reading: str, text: str) -> None:
    assert triage(text).level == "none", reading


@pytest.mark.parametrize(
    ("reading", "text", "family"), GENUINE, ids=[t[:40] for _, t, _ in GENUINE]
)
def test_a_genuine_report_like_it_still_alarms(reading: str, text: str, family: str) -> None:
    assert family in triage(text).families, reading


READINGS = [
    # formal and clinical words
    ("I have developed perineal paraesthesia since yesterday evening.", "cauda_equina"),
    ("There is reduced sensation perianally since Sunday.", "cauda_equina"),
    ("There was an episode of faecal incontinence this morning.", "cauda_equina"),
    (
        "The urge to pass water came so suddenly that I failed to reach the lavatory in time.",
        "cauda_equina",
    ),
    ("I passed a motion in my sleep on Tuesday without being aware of it.", "cauda_equina"),
    ("I no longer feel the need to open my bowels.", "cauda_equina"),
    ("The pins and needles are no longer confined to my right leg.", "cauda_equina"),
    ("Since last night the left leg has been similarly affected.", "cauda_equina"),
    ("I have been running a pyrexia since Tuesday.", "infection"),
    ("I would rate the pain this evening at nine on a scale of ten.", "severe_pain"),
    ("I am quite unable to stand this morning.", "severe_pain"),
    ("I have noticed an unexplained reduction in my weight.", "cancer"),
    ("I am down from 82 to 76 kg since June and I have no explanation for it.", "cancer"),
    ("I am still on letrozole after my breast surgery.", "cancer"),
    ("The pain is relentless and each week is slightly worse than the one before.", "cancer"),
    ("Today I had the same tight chest pain that preceded my heart attack in 2021.", "vascular"),
    # described, not named
    ("Ran a bath and my bum didn't register the heat at all.", "cauda_equina"),
    ("The left foot slaps down rather than rolling through.", "cauda_equina"),
    ("When I walk the left slipper keeps flicking off.", "cauda_equina"),
    ("Tried to go up on tiptoes and my left side just wouldn't do it.", "cauda_equina"),
    ("I didn't just nearly wet myself, I actually did.", "cauda_equina"),
    ("Should I worry that I can't feel the toilet paper?", "cauda_equina"),
    ("I keep dribbling after I've been.", "cauda_equina"),
    ("My husband felt a pulsing lump in my stomach.", "vascular"),
    ("The pain goes from my lower back right through to my tummy.", "vascular"),
    ("Wedding ring spins on my finger now and I'm not on any diet.", "cancer"),
    ("My wife put her hand on my forehead and said I'm roasting.", "infection"),
    ("I inject Humira every other week for my psoriasis.", "infection"),
    ("The wound has been slow to heal; it is slightly red and weeping.", "infection"),
    ("Got smashed in a tackle on Sunday, two of them landed on me.", "fracture"),
    ("I've had kidney stones and this is worse.", "severe_pain"),
    ("Had to crawl back to bed this morning.", "severe_pain"),
    ("Every time I try to get out of the car the back locks solid.", "severe_pain"),
]


@pytest.mark.parametrize(("text", "family"), READINGS, ids=[t[:40] for t, _ in READINGS])
def test_a_formal_or_described_finding_is_read(text: str, family: str) -> None:
    assert family in triage(text).families


def test_a_humira_injection_is_not_read_as_injecting_drugs() -> None:
    kinds = {finding.kind for finding in triage("I inject Humira for my psoriasis").findings}

    assert "immunosuppression" in kinds
    assert "drug_injection" not in kinds


@pytest.mark.parametrize(
    ("text", "may_speak"),
    [
        ("off to the beach this weekend with the kids", False),
        ("the waterworks have been odd since the weekend", True),
        ("ran a bath and could not feel the water at all", True),
    ],
)
def test_the_classifier_speaks_only_where_the_reader_knows_a_word(
    text: str, may_speak: bool
) -> None:
    assert read(text, lambda docs: speaks(docs, candidates(docs))) is may_speak
