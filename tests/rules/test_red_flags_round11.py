"""Round 11: what two new writers (older members; second-language speakers and dictation) and a
safety review found the reader missed or alarmed on, one row per message, grouped by the class
of cause. Each report must raise its family at its level; each look-alike must stay "none"."""

from __future__ import annotations

import pytest
from missed_reports import EMERGENCY_LEVEL, Groups, rows

from bot.rules.red_flags import triage

MISSED: Groups = {
    "a worry about what happened, put as 'is it bad if …'": [
        ("is it bad if i wet myself", "cauda_equina"),
        ("is it ok if both legs are numb", "cauda_equina"),
        ("would it be bad if my groin has gone numb", "cauda_equina"),
        ("is it bad if I fell off the ladder yesterday and now my back hurts", "fracture"),
    ],
    "the member's answer to what someone asked": [
        ("the 111 lady asked if my bum was numb. It is.", "cauda_equina"),
        ("doc asked if I had trouble peeing - I said yes, it takes ages to start", "cauda_equina"),
        ("doctor asked if I'd lost feeling down below and I said I have", "cauda_equina"),
        ("the nurse asked me about numbness down below and yes I have", "cauda_equina"),
        (
            "the leaflet says numbness around the bottom is a warning sign. that's what I've got",
            "cauda_equina",
        ),
    ],
    "a denial over before what follows it": [
        (
            "I said no but since yesterday I do think its numb around my private parts",
            "cauda_equina",
        ),
        ("pain 9/10 cant stand up + numb groin. wtf", "cauda_equina"),
        ("neither of my legs feel right, both numb", "cauda_equina"),
        (
            "I've had two accidents since Saturday, I didn't feel anything till it was too late",
            "cauda_equina",
        ),
    ],
    "a second leg joins": [
        ("used to have sciatica in one leg years ago, now it's in both", "cauda_equina"),
        ("it used to be just my left leg but now it's going down my right leg too", "cauda_equina"),
        ("first the left leg, now the right leg has started", "cauda_equina"),
        (
            "Now my right leg has started with it too and the strength in both is going.",
            "cauda_equina",
        ),
        (
            "since Friday the right leg has started doing the same, so it's both of them",
            "cauda_equina",
        ),
    ],
    "saddle, bladder and foot in other words": [
        (
            "the numb is at the inside of thigh and around the private, not only the leg",
            "cauda_equina",
        ),
        ("ring piece is numb, not joking", "cauda_equina"),
        ("since 3 day I cannot make pipi good", "cauda_equina"),
        ("since Saturday I stumble over my toes on the left foot often", "cauda_equina"),
    ],
    "chest and aorta described": [
        ("it's getting worse not better, it's a crushing feeling and my jaw aches", "vascular"),
        (
            "a very sudden sharp pain, like a rip, from the middle of back through to the abdomen",
            "vascular",
        ),
        (
            "a sudden severe pain in the back, of a ripping quality, extending round to the front",
            "vascular",
        ),
        ("my hand on belly feel a lump jumping jumping, same as my heartbeat", "vascular"),
    ],
    "review 12: someone types for the member, a brand, a claim after a question": [
        (
            "hubby typing for me: she can't feel when she needs to wee and her bum is numb",
            "cauda_equina",
        ),
        ("bought some tena lady pads today, leaking a bit when i walk", "cauda_equina"),
        ("what should I do if I can't feel when I wipe? because I can't", "cauda_equina"),
    ],
    "review 12: plain words": [
        ("no pain in the legs but both feel weak", "cauda_equina"),
        ("I had sciatica in one leg last year, now it's both legs", "cauda_equina"),
        ("I'm peeing a bit every time I stand up, not just cough", "cauda_equina"),
        ("sitting on the loo for 10 mins before I can wee", "cauda_equina"),
    ],
    "formal writers (train11a)": [
        (
            "on wiping this morning the sensation was quite different, as though anaesthetised",
            "cauda_equina",
        ),
        ("over the past 36 hours micturition has become incomplete", "cauda_equina"),
        ("it takes perhaps half a minute before the flow commences", "cauda_equina"),
        ("with a persistent sense of incomplete emptying", "cauda_equina"),
        (
            "I have noticed a certain reduction in sensation across the perineal region",
            "cauda_equina",
        ),
        (
            "I could not finish the bridges today; the legs simply lacked the strength",
            "cauda_equina",
        ),
        ("I can no longer walk on my heels on either side", "cauda_equina"),
        ("The pain radiates down the back of each thigh to the calf.", "cauda_equina"),
        ("A thumping lump is palpable in my belly when I lie on my back.", "vascular"),
        ("Sudden onset of abdominal and back pain of a tearing quality", "vascular"),
        ("a severe, sudden pain came on in my lower back and belly", "vascular"),
        ("On a scale of nought to ten I would regrettably say nine.", "severe_pain"),
        ("it is certainly a 9 on your scale", "severe_pain"),
        ("I was quite incapable of moving for the pain.", "severe_pain"),
        ("I can say without exaggeration that this is the worst pain of my life.", "severe_pain"),
    ],
    "answers in a check-in (train11b)": [
        ("- pain 6\n- sciatica now both legs, used to be just the right", "cauda_equina"),
        ("bladder yes. cant get it started, stand there for ages", "cauda_equina"),
        ("\U0001f51f/10 \U0001f62d can't get out of bed", "severe_pain"),
        ("bit crook mate, hot and cold sweats, shivering under the doona", "infection"),
        (
            "Answering your questions: 1) yes pain at night 2) no it doesn't get better with rest "
            "3) it's been getting worse each week",
            "cancer",
        ),
        (
            "I am taking wysolone since 2 years, today a sudden catch in the back while lifting",
            "fracture",
        ),
    ],
    "cancer and fracture signs": [
        ("the back is a constant dull ache that's there when I wake up", "cancer"),
        ("nothing deliberate, a stone in two months", "cancer"),
        ("just in case it matters: I had cancer 10 years ago, back pain is new", "cancer"),
        (
            "I have the osteopenia the doctor say and today I carried my grandson and felt a crack "
            "in the back",
            "fracture",
        ),
        ("came off the mtb onto my back on a rock", "fracture"),
    ],
}


@pytest.mark.parametrize(("text", "family"), rows(MISSED))
def test_a_report_round_11_found_missed_is_flagged(text: str, family: str) -> None:
    result = triage(text)
    assert family in result.families
    assert result.level == EMERGENCY_LEVEL.get(family, "urgent")


HARMLESS = [
    # a denial, then what the member has instead
    "no problems with my bladder just need to wee a lot after all the water I'm drinking",
    # one leg, or an exercise
    "The sciatica pain is going down my left leg to the knee, only left, like before. No numbness.",
    "dragging the foot along the floor for the slider exercise, is that right?",
    "my left leg's a bit weak after leg day",
    "effort was a 9/10 on leg day",
    # history said first, then a comma
    "Years ago, back in the 80s, I came off my motorbike and broke my collarbone and two ribs.",
    "Last year, I fell off a ladder.",
    "Last summer, I had a fever with covid, fine since",
    "In March, I had a fever for a week",
    "I had dengue before 2 years, very high fever then, but now i'm healthy",
    "I had COVID in March, fever very high that time. Now no problem, just back stiff.",
    "Back in the spring I had a water infection and a bit of a temperature but the antibiotics "
    "cleared it in a few days.",
    # what someone asked, denied
    "The GP asked me on the phone about any problems with my water or my bowels or numbness in "
    "the saddle area, and I told her there's nothing like that.",
    "the nurse asked me all those questions, was I numb down below, any trouble with the "
    "waterworks, and I said no, no and NO",
    "She said something about numbness in the saddle and bladder trouble being serious. I've "
    "got none of that, just the ache.",
    "the nurse asked me about numbness down below, I said no.",
    "They asked me about chest pain at the clinic, none thankfully",
    # a question, a supposition, a figure of speech
    "I read about cauda equina on the internet and now I am scared. How do I know if I have it?",
    "Coach, suppose my legs start to go weak, what do I do?",
    "Supposing both legs went numb, would that be serious?",
    "I swear these hamstring stretches are going to give me a heart attack just kidding",
    "never had pain like this before in my glutes ha ha the new single leg bridges are brutal",
    "had a cold sweat watching the horror film",
    # explained or passed
    "The chest pain I tell you before, doctor check ECG and heart is ok, was muscle from push up.",
    "Numb bum from the 8 hour drive, gone after a 10 min walk",
    "I use a steroid cream on my eczema now and then, the hydrocortisone one from the chemist.",
    # train11a/b
    "Worst pain of my life? Certainly not; that was childbirth. This is more a nagging 4/10.",
    "sorry, late \u2014 my dad had chest pains and we were at A&E all night. He's ok.",
    # review 12
    "had a leaky tap in the bathroom, plumber came",
    "my calves are weak from yesterday's jumps",
    "I got 9/10 on the quiz",
    "in agony watching the football 😩",
    "fell off my diet plan",
    "my 4 year old had a fever of 39 last night",
]


@pytest.mark.parametrize("text", HARMLESS)
def test_a_look_alike_from_round_11_is_not_flagged(text: str) -> None:
    assert triage(text).level == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I don't have a temperature",
        "i dont have any chest pain",
        "To be clear, I do not have any night pain; my back is only stiff after sitting.",
    ],
)
def test_a_plain_denial_still_denies_beside_the_answers_to_a_question(text: str) -> None:
    assert triage(text).level == "none"
