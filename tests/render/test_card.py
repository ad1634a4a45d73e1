# ruff: noqa: RUF001  (times and ranges are written with typographic dashes, as members read them)
"""The workout card's texts: the first screen's plan, a step (heading, exercise, amount, cue,
caution, progress), the summary, and a stopped session. HTML, with the coach's words
escaped."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from bot.render import card as card_render
from bot.views import BlockResult, CardStep, SessionSummary
from protocols.expand import expand_workout
from protocols.loader import load_protocol_library
from protocols.schema import Protocol, Workout

NOW = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


@pytest.fixture(scope="module")
def library() -> dict[str, Protocol]:
    return load_protocol_library()


@pytest.fixture(scope="module")
def day_1(library: dict[str, Protocol]) -> Workout:
    return library["lower-back-pain-relief-lvl1"].workout("day-1")


@pytest.fixture(scope="module")
def circuits(library: dict[str, Protocol]) -> Workout:
    return library["7-exercise-protocol-lower-back-relief"].workouts[0]


def card_at(workout: Workout, index: int, level: int = 0) -> CardStep:
    steps = expand_workout(workout)
    return CardStep(1, workout, steps[index], len(steps), level)


def test_the_first_screen_shows_the_plan_and_the_question_before(day_1: Workout) -> None:
    text = card_render.before_text(card_at(day_1, 0), "After this one: 2 more this week.")
    lines = text.splitlines()
    assert lines[:2] == ["<b>Strengthening and Lengthening</b>", day_1.intent]
    assert "• Superset E: Copenhagen Progression + Glute Medius Stretch" in lines
    assert "About 15–20 minutes." in lines
    assert lines[-1] == f"<b>{card_render.BEFORE_QUESTION()}</b>"


def test_the_plan_shows_circuit_rounds(circuits: Workout) -> None:
    plan = card_render.overview(circuits)
    assert "• Circuit 1 (3 rounds): Side Lying Thoracic Sweep + Hip CARs" in plan


@pytest.mark.parametrize(
    ("index", "heading", "exercise", "amount"),
    [
        pytest.param(
            12, "Superset F · set 1 of 3", "F2) Standing Pancake", "This set: <b>45 s</b>", id="set"
        ),
        pytest.param(
            19,
            "Block H",
            "H) 90-90 Stretches",
            "Do: <b>1 min per leg, each side (or more)</b>",
            id="lone-set",
        ),
    ],
)
def test_a_step_shows_where_the_member_is_and_what_to_do(
    day_1: Workout, index: int, heading: str, exercise: str, amount: str
) -> None:
    lines = card_render.card_text(card_at(day_1, index), NOW).splitlines()
    assert lines[:3] == [f"<b>{heading}</b>", f"<b>{exercise}</b>", amount]


def test_a_circuit_step_speaks_of_the_round(circuits: Workout) -> None:
    lines = card_render.card_text(card_at(circuits, 1), NOW).splitlines()
    assert lines[:3] == [
        "<b>Circuit 1 · round 1 of 3</b>",
        "<b>1b) Hip CARs</b>",
        "This round: <b>3 reps each way</b>",
    ]


def test_a_step_carries_the_cue_in_italics_and_the_caution(day_1: Workout) -> None:
    card = card_at(day_1, 5)
    assert card.step.exercise.cue is not None
    lines = card_render.card_text(card, NOW).splitlines()
    assert f"<i>{card.step.exercise.cue}</i>" in lines
    assert any(line.startswith("⚠️ If this feels too hard") for line in lines)


def test_an_easier_version_says_so_and_leaves_the_caution_out(day_1: Workout) -> None:
    card = card_at(day_1, 5, level=-1)
    lines = card_render.card_text(card, NOW).splitlines()
    assert lines[1] == f"<b>E1) {card.variant.name}</b>"
    assert lines[2] == "<i>easier version of Copenhagen Progression</i>"
    assert not any(line.startswith("⚠️") for line in lines)


@pytest.mark.parametrize(
    ("done", "total", "bar"),
    [
        pytest.param(0, 20, "▱▱▱▱▱▱▱▱▱▱", id="start"),
        pytest.param(6, 20, "▰▰▰▱▱▱▱▱▱▱", id="a-third"),
        pytest.param(20, 20, "▰▰▰▰▰▰▰▰▰▰", id="end"),
    ],
)
def test_the_progress_bar(done: int, total: int, bar: str) -> None:
    assert card_render.progress_bar(done, total) == bar


def test_the_card_ends_with_the_progress_line(day_1: Workout) -> None:
    text = card_render.card_text(card_at(day_1, 6), NOW)
    assert text.splitlines()[-1] == "▰▰▰▱▱▱▱▱▱▱ 7/20"


def test_the_coachs_words_are_escaped(day_1: Workout) -> None:
    workout = day_1.model_copy(update={"title": "Day <1> & more"})
    assert "<b>Day &lt;1&gt; &amp; more</b>" in card_render.overview(workout)


SUMMARY = SessionSummary(
    "Strengthening and Lengthening",
    [
        BlockResult("A", "single", ["Crawling"], 3, 3, 0, 0, 0),
        BlockResult(
            "E", "superset", ["Short-Lever Copenhagen", "Glute Medius Stretch"], 6, 4, 1, 1, 0
        ),
        BlockResult("G", "single", ["Jefferson Curls"], 2, 0, 2, 0, 0),
        BlockResult("H", "single", ["90-90 Stretches"], 1, 0, 0, 0, 1),
    ],
    minutes=18,
    pain_before=3,
)


def test_the_summary_has_a_line_per_block_with_its_mark() -> None:
    lines = card_render.summary_text(SUMMARY).splitlines()
    assert lines[0] == "<b>Session complete: Strengthening and Lengthening!</b> 🎉"
    assert lines[2:6] == [
        "✅ A · Crawling (3/3 done)",
        "⚠️ E · Short-Lever Copenhagen + Glute Medius Stretch (4/6 done, 1 skipped, 1 too hard)",
        "⏭ G · Jefferson Curls (0/2 done, 2 skipped)",
        "🩹 H · 90-90 Stretches (0/1 done, 1 hurt)",
    ]


def test_the_summary_shows_the_time_and_the_pain_before() -> None:
    lines = card_render.summary_text(SUMMARY).splitlines()
    assert "⏱ 18 min" in lines
    assert "Back before: 3/10" in lines


def test_a_stopped_session_says_so_above_its_summary() -> None:
    stopped = SessionSummary(SUMMARY.title, SUMMARY.blocks, 4, stopped=True)
    lines = card_render.stopped_text(stopped).splitlines()
    assert lines[0] == card_render.STOPPED_ON_HOLD()
    assert lines[2] == "<b>Stopped: Strengthening and Lengthening</b>"


def test_a_stopped_session_whose_workout_is_gone_still_says_it_stopped() -> None:
    assert card_render.stopped_text(None) == card_render.STOPPED_ON_HOLD()
