"""Red-flag triage, one behaviour per test: families and levels, ConText modifiers, numbers,
misspellings, text handling and the result object."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest

from bot.rules.red_flags import (
    FAMILIES,
    MAX_CHARS,
    load,
    pipeline,
    triage,
)
from bot.rules.red_flags.text import CHUNK_CHARS, chunks, clean

CURLY = "\u2019"  # the apostrophe phones type


def families(text: str) -> tuple[str, ...]:
    return triage(text).families


def level(text: str) -> str:
    return triage(text).level


# ---------------------------------------------------------------- families and levels


@pytest.mark.parametrize(
    ("text", "family", "expected_level"),
    [
        ("I can't feel the toilet paper when I wipe", "cauda_equina", "emergency"),
        ("sciatica in both legs since last night", "cauda_equina", "emergency"),
        ("I've wet myself twice today", "cauda_equina", "emergency"),
        ("my left foot keeps dragging", "cauda_equina", "emergency"),
        ("chest pain going into my left arm", "vascular", "emergency"),
        ("there's a pulsating lump in my tummy", "vascular", "emergency"),
        ("I fell off a ladder on Sunday", "fracture", "urgent"),
        ("I have osteoporosis and tripped on the stairs", "fracture", "urgent"),
        ("I had bowel cancer four years ago", "cancer", "urgent"),
        ("lost a stone without trying", "cancer", "urgent"),
        ("the pain wakes me up every night", "cancer", "urgent"),
        ("I've got a fever", "infection", "urgent"),
        ("I'm a kidney transplant patient", "infection", "urgent"),
        ("pain is 10/10", "severe_pain", "urgent"),
        ("worst pain of my life", "severe_pain", "urgent"),
    ],
    ids=lambda value: value if isinstance(value, str) and " " not in value else None,
)
def test_each_family_is_found_at_its_level(text: str, family: str, expected_level: str) -> None:
    result = triage(text)

    assert family in result.families
    assert result.level == expected_level


def test_a_harmless_message_raises_nothing() -> None:
    result = triage("did all of day 2, hamstrings are sore")

    assert (result.level, result.families, result.findings) == ("none", (), ())


def test_the_level_is_the_highest_of_the_families_found() -> None:
    result = triage("fell off my bike and now I can't pee")

    assert result.families == ("cauda_equina", "fracture")
    assert result.level == "emergency"


def test_families_use_the_documented_ids() -> None:
    assert [family.family for family in FAMILIES] == [
        "cauda_equina",
        "vascular",
        "fracture",
        "cancer",
        "infection",
        "severe_pain",
    ]


# ---------------------------------------------------------------- modifiers


def test_a_negated_symptom_is_not_a_flag() -> None:
    assert level("no numbness in my groin") == "none"


def test_a_negated_list_after_a_comma_is_negated_whole() -> None:
    assert level("no fever, chills or night sweats") == "none"


def test_haven_t_noticed_negates() -> None:
    assert level("I haven't noticed my legs going numb") == "none"


def test_a_negation_stops_at_but() -> None:
    assert families("no fever but my bum is numb") == ("cauda_equina",)


def test_a_verb_negation_stops_at_a_comma() -> None:
    assert families("can't sit for long, numb bum") == ("cauda_equina",)


def test_the_negative_inside_a_symptom_does_not_negate_it() -> None:
    assert families(f"I can{CURLY}t feel my bum") == ("cauda_equina",)


@pytest.mark.parametrize(
    "text",
    [
        "no joke, my groin is numb",
        "no wonder I'm struggling, both my feet are numb",
        "not only is my back worse, now both legs are tingling",
    ],
)
def test_a_pseudo_negation_does_not_negate(text: str) -> None:
    assert level(text) == "emergency"


def test_never_had_pain_like_this_is_severe_pain_not_a_negation() -> None:
    assert families("never had pain like this before") == ("severe_pain",)


@pytest.mark.parametrize(
    "text",
    [
        "my wife has numb feet",
        "dad had a fall",
        "my friend's cousin had cauda equina",
        "my son has a temperature of 38.5",
    ],
)
def test_someone_else_s_symptom_is_not_a_flag(text: str) -> None:
    assert level(text) == "none"


def test_the_member_speaking_again_ends_someone_else_s_scope() -> None:
    assert families("my wife has a fever and I can't feel my bum") == ("cauda_equina",)


@pytest.mark.parametrize(
    "text",
    [
        "what should I do if my legs go numb?",
        "tell me if I should worry about a fever",
        "the leaflet says to watch for numbness in the saddle area",
        "should I worry about cauda equina?",
        "in case I get a fever, do I stop?",
    ],
)
def test_a_hypothetical_is_not_a_flag(text: str) -> None:
    assert level(text) == "none"


def test_a_question_ends_the_hypothetical() -> None:
    assert level("what if it spreads? my groin is already numb") == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "I had a fever years ago",
        "used to get night sweats when I was pregnant",
        "I was in a car accident in 2009",
        "had a fever last year",
    ],
)
def test_something_long_past_is_not_a_flag(text: str) -> None:
    assert level(text) == "none"


def test_a_history_of_cancer_counts_however_long_ago() -> None:
    assert families("I had breast cancer 10 years ago") == ("cancer",)


def test_a_fall_last_week_is_recent_enough_to_count() -> None:
    assert families("I fell down the stairs last week") == ("fracture",)


def test_now_ends_a_past_scope() -> None:
    assert level("had sciatica years ago, now it's in both legs") == "emergency"


@pytest.mark.parametrize(
    "text", ["the tingling in my feet is gone", "fever went away", "no longer numb down there"]
)
def test_a_resolved_symptom_is_not_a_flag(text: str) -> None:
    assert level(text) == "none"


def test_a_symptom_since_having_children_is_not_new() -> None:
    assert level("I leak a bit when I sneeze, have done since having my kids") == "none"


def test_a_joke_about_exercise_is_not_severe_pain() -> None:
    assert level("these lunges are unbearable 😂") == "none"


def test_pins_and_needles_from_sitting_cross_legged_is_not_a_flag() -> None:
    assert level("pins and needles in both feet from sitting cross-legged") == "none"


def test_a_range_of_movement_is_not_weakness() -> None:
    assert level("can't move my leg past 90 degrees in the stretch") == "none"


# ---------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    "text", ["temp 38.5", "39c and shivery", "temperature of 102", "running 101F", "38.9°C"]
)
def test_a_temperature_of_38_c_or_100_4_f_is_fever(text: str) -> None:
    assert families(text) == ("infection",)


@pytest.mark.parametrize(
    "text", ["temp 37.2", "temperature 36.8 this morning", "100.2F", "I'm 38 years old"]
)
def test_a_normal_temperature_or_another_number_is_not_fever(text: str) -> None:
    assert level(text) == "none"


def test_a_normal_reading_cancels_a_temperature() -> None:
    assert level("I had a temperature of 37.8") == "none"


def test_heat_outside_is_not_fever() -> None:
    assert level("it was 39 degrees outside on the walk") == "none"


@pytest.mark.parametrize(
    "text",
    [
        "pain 9/10",
        "10/10 today",
        "9 out of 10",
        "pain is a 9",
        "ten out of ten pain",
        "11/10 honestly",
        "pain level 10",
    ],
)
def test_a_pain_score_of_9_or_more_is_severe_pain(text: str) -> None:
    assert families(text) == ("severe_pain",)


@pytest.mark.parametrize(
    "text", ["pain 8/10", "pain is a 6", "8 out of 10 yesterday", "pain 4, effort 9"]
)
def test_a_pain_score_up_to_8_is_not_a_flag(text: str) -> None:
    assert level(text) == "none"


@pytest.mark.parametrize(
    "text",
    [
        "effort 9/10",
        "10/10 would recommend",
        "session was 10/10 loved it",
        "9 out of 10 sessions done",
    ],
)
def test_a_score_out_of_ten_for_something_else_is_not_pain(text: str) -> None:
    assert level(text) == "none"


# ---------------------------------------------------------------- misspellings and text


@pytest.mark.parametrize(
    ("text", "family"),
    [
        ("numbess in my groin", "cauda_equina"),
        ("tingeling in my bum", "cauda_equina"),
        ("incontinance since Sunday", "cauda_equina"),
        ("high temprature", "infection"),
        ("sciatca down both legs", "cauda_equina"),
        ("bladdr problems", "cauda_equina"),
        ("the pain is unbearible", "severe_pain"),
    ],
)
def test_common_misspellings_are_read(text: str, family: str) -> None:
    assert families(text) == (family,)


def test_fuzzy_matching_leaves_real_words_alone() -> None:
    assert families("I fell off a ladder") == ("fracture",)
    assert level("I've never had any problems") == "none"


def test_case_and_curly_apostrophes_do_not_matter() -> None:
    assert families(f"I CAN{CURLY}T FEEL MY BUM") == families("i can't feel my bum")


@pytest.mark.parametrize("text", ["", "   ", "🙂", "👍👍", "😭😭😭"])
def test_an_empty_or_emoji_only_message_is_not_a_flag(text: str) -> None:
    assert level(text) == "none"


def test_an_emoji_ends_a_sentence() -> None:
    assert families("no fever 🙂 can't pee though") == ("cauda_equina",)


def test_only_the_first_4096_characters_are_read() -> None:
    padding = "fine " * (MAX_CHARS // 5 + 1)

    assert level(padding + "I can't feel my bum") == "none"
    assert level("I can't feel my bum. " + padding) == "emergency"


def test_fall_as_autumn_and_accidentally_are_not_flags() -> None:
    assert level("love the fall colours") == "none"
    assert level("I accidentally skipped day 2") == "none"


# ---------------------------------------------------------------- the result


def test_a_finding_carries_family_kind_label_and_the_member_s_words() -> None:
    (finding,) = triage("Since Monday my groin feels numb").findings

    assert finding.family == "cauda_equina"
    assert finding.kind == "saddle_numbness"
    assert "numbness or tingling" in finding.label
    assert finding.matched == "groin feels numb"


def test_labels_list_each_finding_once() -> None:
    result = triage("fell off the roof, can't pee, I fell again today")

    assert len(result.labels) == len(set(result.labels)) == 2
    assert result.flagged


def test_load_returns_the_one_shared_pipeline() -> None:
    assert load() is load()


def test_triage_gives_the_same_answers_from_many_threads() -> None:
    texts = ["numb bum", "pain 10/10", "no fever", "my wife fell over"] * 25
    expected = [triage(text) for text in texts]

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert list(pool.map(triage, texts)) == expected


def test_the_pipeline_is_built_afresh_once_its_vocabulary_has_grown(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = load()
    monkeypatch.setattr(pipeline, "RENEW_AFTER_NEW_STRINGS", 5)

    result = triage("zqxv wvqz numb bum qqzx vvqx xzqq")

    assert load() is not first
    assert result.families == ("cauda_equina",)


def test_a_long_message_is_cut_between_sentences_into_short_pieces() -> None:
    sentence = "My back was a bit stiff today but fine after the stretches. "
    pieces = chunks(clean(sentence * 40))

    assert len(pieces) > 1
    assert all(len(piece) <= 2 * CHUNK_CHARS for piece in pieces)
    assert all(piece.rstrip().endswith(".") for piece in pieces)


def test_a_question_and_its_short_answer_stay_together() -> None:
    assert chunks(clean("Fever? No. " * 60))[0].startswith("fever? no.")


def test_a_finding_late_in_a_long_message_is_still_read() -> None:
    filler = "Did the bridges and the bird dogs, all fine. " * 60

    assert families(filler + "Also I fell off a ladder yesterday.") == ("fracture",)


SADDLE_WORDS = [
    "groin", "crotch", "bum", "butt", "buttocks", "backside", "arse", "bottom", "genitals",
    "privates", "private parts", "vagina", "penis", "testicles", "perineum", "back passage",
    "anus", "saddle area", "inner thighs", "bum cheeks", "nether regions", "undercarriage",
    "taint", "balls", "front bits",
]  # fmt: skip


@pytest.mark.parametrize("word", SADDLE_WORDS)
def test_every_saddle_word_with_numbness_is_an_emergency(word: str) -> None:
    assert families(f"numbness around my {word} since monday") == ("cauda_equina",)
    assert families(f"my {word} feels numb") == ("cauda_equina",)


@pytest.mark.parametrize("word", SADDLE_WORDS)
def test_every_saddle_word_is_left_alone_when_denied_or_someone_else_s(word: str) -> None:
    assert level(f"no numbness in my {word}") == "none"
    assert level(f"my husband says his {word} is numb") == "none"
    assert level(f"my {word} is sore from the squats") == "none"


# ---------------------------------------------------------------- round 8: how a finding is read


def test_a_why_question_wrapping_a_finding_still_reports_it() -> None:
    assert level("why would I get pain in my chest when I do the dead bugs?") == "emergency"


def test_numbness_the_next_sentence_says_went_off_as_soon_as_the_member_walked_is_not_a_flag() -> (
    None
):
    assert level("my bottom's numb from the hard seat! Went off once I'd walked about.") == "none"


def test_numbness_from_a_position_the_next_sentence_says_is_gone_is_not_a_flag() -> None:
    assert level("pins and needles in my bum from sitting on the loo too long. gone now") == "none"


def test_a_bladder_change_the_next_sentence_says_is_gone_still_counts() -> None:
    assert level("can't feel when I need to wee. gone now") == "emergency"


def test_moving_an_appointment_is_not_being_unable_to_move() -> None:
    kinds = {finding.kind for finding in triage("can't move my Tuesday slot, work thing").findings}

    assert "severe_pain" not in kinds


def test_being_unable_to_move_one_s_back_is_severe_pain() -> None:
    assert level("can't move my back at all this morning") == "urgent"


def test_feeling_much_better_now_ends_a_severe_pain_told_of() -> None:
    assert level("could barely move on Sunday, ha! Feeling much better today") == "none"


def test_feeling_much_better_never_ends_a_cauda_equina_sign() -> None:
    assert level("feeling much better today but can't feel my bum") == "emergency"


def test_a_degree_sign_does_not_end_a_sentence() -> None:
    sentences = pipeline.read(
        "it was 38°C in the gym", lambda docs: [sent.text for doc in docs for sent in doc.sents]
    )

    assert sentences == ["it was 38°c in the gym ."]


@pytest.mark.parametrize(
    "text",
    ["pain 8, actually make that a 9", "it was a 6, no sorry, a 9", "correction: 10"],
)
def test_a_score_corrected_to_a_severe_one_is_severe_pain(text: str) -> None:
    assert triage(text).families == ("severe_pain",)


@pytest.mark.parametrize(
    "text",
    ["make it 10 reps next time", "sorry, 10 seconds hold or 20?", "actually a 10 minute walk"],
)
def test_a_corrected_count_of_something_else_is_not_a_pain_score(text: str) -> None:
    assert triage(text).level == "none"


@pytest.mark.parametrize(
    "text",
    ["been burnin up then freezing all day, back's killing me", "burning up and freezing"],
)
def test_burning_up_then_freezing_is_a_fever_not_cold_weather(text: str) -> None:
    assert triage(text).families == ("infection",)
