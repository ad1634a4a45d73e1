"""Red flags in free text: each family recognised in several phrasings, negations left alone."""

from __future__ import annotations

import pytest

from bot.config import SymptomThresholds
from bot.rules.red_flags import FAMILIES, find_red_flags, urgent_flag

CURLY = "\u2019"  # the apostrophe phones type
THRESHOLDS = SymptomThresholds(
    grace_sessions=2, window=3, persistent_pain=5, rise_over_baseline=2, urgent_pain=9
)

MENTIONS: dict[str, list[str]] = {
    "numbness": [
        "I've got numbness in my groin since yesterday",
        "My saddle area feels numb",
        "tingling down the back of my left leg",
        "Pins and needles in both feet after the bridges",
        "pins-and-needles in my toes",
        "My feet keep going numb",
        "Numb bum when I sit",
        "I can't feel my feet properly",
        "it feels numb when I wipe",
        "Saddle anaesthesia?",
        "saddle anesthesia",
    ],
    "bladder_bowel": [
        "I wet myself this morning",
        "Lost control of my bladder on the walk home",
        "I think I'm incontinent now",
        "I can't pee properly since Tuesday",
        f"can{CURLY}t hold it in any more",
        "Having trouble peeing",
        "I can't feel when I need to pee",
        "leaking urine",
    ],
    "leg_weakness": [
        "My leg gave way on the stairs",
        "my knees keep giving way",
        "I think I have foot drop",
        "I can't lift my foot up",
        "I'm dragging my right leg",
        "Keep catching my toes on the carpet",
        "There's weakness in my left leg",
        "my leg suddenly went weak",
        "I can't stand on my heels",
        "I can't move my legs properly",
    ],
    "fever": [
        "I have a fever",
        "Feeling a bit feverish today",
        "had a high temperature last night",
        "Chills all evening",
        "Night sweats again",
        "Sweating a lot at night",
        "woke up drenched",
    ],
    "fall_or_accident": [
        "I fell yesterday and it's worse",
        "Slipped on the ice and landed on my back",
        "Had a bad fall at work",
        "I was in a car accident on Monday",
        "I fell off my bike",
        "I've fallen twice this week",
        "got rear-ended at the lights",
        "Tripped over the dog",
    ],
    "night_pain": [
        "The pain wakes me up at night",
        "it woke me up twice",
        "Wakes me up at night, every night",
        "I can't sleep for the pain",
        "couldn't sleep because of the pain",
        "It's much worse at night",
        "worse when I'm lying down",
        "Agonising pain at night",
        "agonizing pain at night",
    ],
    "weight_loss": [
        "I've lost weight without trying",
        "lost 4kg without even trying",
        "Losing weight for no reason",
        "I've lost a lot of weight and I don't know why",
        "Unexplained weight loss",
        "dropped 2.5 kg for no obvious reason",
    ],
}

NEGATIONS: dict[str, list[str]] = {
    "numbness": [
        "no numbness in my legs",
        "My legs are not numb",
        "without any tingling in my feet",
        "The numbness in my legs is gone",
        "I don't have pins and needles in my feet",
        f"my feet aren{CURLY}t numb anymore",
        "no numbness or tingling in my groin",
    ],
    "bladder_bowel": [
        "no incontinence",
        "I haven't wet myself",
        "never been incontinent",
        "no loss of control of my bladder",
    ],
    "leg_weakness": [
        "my legs didn't give way",
        "No foot drop",
        "without any weakness in my legs",
        "My knee hasn't buckled",
    ],
    "fever": [
        "no fever",
        "no fever or chills",
        "never had a fever",
        "I don't have a temperature",
        "the fever has gone",
        "fever's gone",
        "No night sweats",
    ],
    "fall_or_accident": [
        "I haven't fallen",
        "I didn't fall",
        "I didn't fall over, just stiff",
        "never been in a car accident",
        "no falls or accidents",
    ],
    "night_pain": [
        "It doesn't wake me up at night",
        "not worse at night",
        "the pain doesn't keep me awake",
        "no worse lying down",
    ],
    "weight_loss": [
        "I haven't lost any weight without trying",
        "no unexplained weight loss",
        "not losing weight for no reason",
    ],
}

ORDINARY_NOTES = [
    "a bit sore in the hamstrings",
    "tight lower back",
    "felt good",
    "Legs feel like jelly after the crawling",
    "my legs felt weak after the Copenhagen sets",
    "I fell asleep during the 90-90 stretch",
    "Lost 3 kg since starting, really happy",
    "woke up a bit stiff but loosened up",
    "Can't hold it for 30 seconds yet",
    "the temperature in the gym was freezing",
    "walked through the fallen leaves, lovely",
    "no fallout from yesterday's session",
    "hips feel more mobile, lower back less cranky",
    "a bit of pain at night after sitting all day",
    "My back feels better lying down",
    "Glutes were burning on the single leg bridge",
    "Slept well, no problems",
    "fell behind on the stretches this week",
    "can't move my leg past 90 degrees in the 90-90 yet",
    "tripped up on the count but finished the set",
    "",
]


def families(text: str) -> list[str]:
    return [flag.family for flag in find_red_flags(text)]


def cases(table: dict[str, list[str]]) -> list[tuple[str, str]]:
    return [(family, text) for family, texts in table.items() for text in texts]


def test_every_family_has_at_least_three_mentions_and_two_negations() -> None:
    names = [family.family for family in FAMILIES]

    assert sorted(names) == sorted(MENTIONS) == sorted(NEGATIONS)
    assert all(len(MENTIONS[name]) >= 3 and len(NEGATIONS[name]) >= 2 for name in names)


@pytest.mark.parametrize(("family", "text"), cases(MENTIONS))
def test_mention_is_recognised_as_its_family(family: str, text: str) -> None:
    assert families(text) == [family]


@pytest.mark.parametrize(("family", "text"), cases(NEGATIONS))
def test_negated_mention_is_not_a_red_flag(family: str, text: str) -> None:
    assert families(text) == []


@pytest.mark.parametrize("text", ORDINARY_NOTES)
def test_ordinary_note_is_not_a_red_flag(text: str) -> None:
    assert families(text) == []


@pytest.mark.parametrize("text", ["NUMBNESS IN MY GROIN", "numbness in my groin!!!"])
def test_case_and_punctuation_do_not_matter(text: str) -> None:
    assert families(text) == ["numbness"]


def test_curly_and_straight_apostrophes_read_alike() -> None:
    assert families(f"I can{CURLY}t pee") == families("I can't pee") == ["bladder_bowel"]


def test_a_negation_in_one_clause_does_not_hide_a_red_flag_in_the_next() -> None:
    assert families("No fever but my feet are numb") == ["numbness"]


def test_a_negation_does_not_reach_past_a_new_subject() -> None:
    assert families("no fever and I fell off a ladder") == ["fall_or_accident"]


def test_a_later_mention_is_found_after_a_negated_one() -> None:
    assert families("No chills. Fever since Sunday though") == ["fever"]


def test_several_families_in_one_note_are_all_found() -> None:
    assert families("I slipped on the stairs and now I can't feel my feet") == [
        "numbness",
        "fall_or_accident",
    ]


def test_matched_is_the_members_own_wording() -> None:
    (flag,) = find_red_flags(f"Since Monday I CAN{CURLY}T feel my feet")

    assert flag.matched == f"CAN{CURLY}T feel my feet"


def test_red_flag_carries_a_label_for_the_coach() -> None:
    (flag,) = find_red_flags("I wet myself")

    assert flag.label == "loss of bladder or bowel control"


@pytest.mark.parametrize("pain", [9, 10])
def test_pain_at_the_urgent_level_is_urgent(pain: int) -> None:
    decision = urgent_flag(pain, None, THRESHOLDS)

    assert decision is not None
    assert decision.kind == "urgent"
    assert decision.reason == f"Pain {pain}/10, at or above the urgent level of 9."


def test_pain_of_8_is_not_urgent() -> None:
    assert urgent_flag(8, "a bit sore in the hamstrings", THRESHOLDS) is None


def test_a_red_flag_in_the_note_is_urgent_whatever_the_pain() -> None:
    decision = urgent_flag(2, "I have a fever", THRESHOLDS)

    assert decision is not None
    assert decision.reason == 'Their note mentions fever, chills or night sweats ("fever").'


def test_a_note_without_a_pain_score_can_be_urgent() -> None:
    assert urgent_flag(None, "I wet myself", THRESHOLDS) is not None


def test_high_pain_and_a_red_flag_give_both_reasons() -> None:
    decision = urgent_flag(10, "I fell off my bike", THRESHOLDS)

    assert decision is not None
    assert decision.reason == (
        "Pain 10/10, at or above the urgent level of 9. "
        'Their note mentions pain after a fall or accident ("fell off").'
    )


def test_no_pain_and_no_note_is_not_urgent() -> None:
    assert urgent_flag(None, None, THRESHOLDS) is None


def test_the_urgent_level_comes_from_the_thresholds() -> None:
    assert urgent_flag(8, None, THRESHOLDS.model_copy(update={"urgent_pain": 8})) is not None
