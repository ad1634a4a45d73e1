# ruff: noqa: RUF001  (times and ranges are written with typographic dashes, as members read them)
"""What members read: the whole protocol (the card's texts: tests/render/test_card.py)."""

from __future__ import annotations

from bot.render.protocol_text import protocol_as_text
from protocols.schema import Protocol


def test_protocol_text_has_title_and_each_workout_with_its_intent(back_pain: Protocol) -> None:
    text = protocol_as_text(back_pain)
    assert text.startswith("Lower Back Pain Relief")
    for workout in back_pain.workouts:
        assert workout.title in text
        assert workout.intent in text


def test_protocol_text_explains_how_a_superset_alternates(back_pain: Protocol) -> None:
    text = protocol_as_text(back_pain)
    assert "Superset E: alternate E1 and E2, one set of each in turn." in text


def test_protocol_text_explains_circuit_rounds(seven: Protocol) -> None:
    text = protocol_as_text(seven)
    assert "Circuit 3: 3 rounds of 3a, 3b and 3c, one set of each per round." in text


def test_protocol_text_shows_weekly_cap_and_time(back_pain: Protocol) -> None:
    assert "Up to 3 times a week, about 15–20 minutes." in protocol_as_text(back_pain)


def test_protocol_text_is_plain_without_markup(library: dict[str, Protocol]) -> None:
    for protocol in library.values():
        text = protocol_as_text(protocol)
        assert not any(mark in text for mark in ("<b>", "**", "__", "`"))
