"""Names and notes are shown to the coach without tricks: no reordering, no invisible
characters, no fake lines."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.render.safe_text import MAX_COMBINING, NAME_MAX, NO_NAME, one_line, shown_name

BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"


@pytest.mark.parametrize(
    ("name", "shown"),
    [
        ("Maya", "Maya"),
        ("Maya\u202e9 niap", "Maya9 niap"),
        ("\u2067Maya\u2069", "Maya"),
        ("Ma\u200bya", "Maya"),
        ("Ma\u200dya", "Maya"),
        ("\ufeffMaya\u2060", "Maya"),
        ("Maya\n🚨 URGENT: Sam", "Maya 🚨 URGENT: Sam"),
        ("Maya\u2028Sam", "Maya Sam"),
        ("  Maya \t Lopez  ", "Maya Lopez"),
        ("Zoë Ångström", "Zoë Ångström"),
        ("محمد", "محمد"),
        ("Maya 👩‍💻", "Maya 👩‍💻"),
        ("👨‍👩‍👧", "👨‍👩‍👧"),
        ("🏳️‍🌈", "🏳️‍🌈"),
        ("\u202e\u200b", NO_NAME()),
        ("", NO_NAME()),
        (None, NO_NAME()),
    ],
    ids=[
        "plain",
        "right-to-left-override",
        "isolates",
        "zero-width-space",
        "joiner-between-letters",
        "byte-order-mark-and-word-joiner",
        "newline-posing-as-a-list-line",
        "line-separator",
        "whitespace-runs",
        "accents",
        "arabic-script",
        "emoji-joined-with-zwj",
        "family-emoji",
        "flag-emoji-with-variation-selector",
        "nothing-visible",
        "empty",
        "none",
    ],
)
def test_shown_name(name: str | None, shown: str) -> None:
    assert shown_name(name) == shown


def test_a_long_name_is_cut_with_an_ellipsis() -> None:
    shown = shown_name("A" * 500)
    assert len(shown) == NAME_MAX
    assert shown.endswith("…")


def test_stacked_combining_marks_are_capped() -> None:
    zalgo = "Z" + "\u0336" * 200 + "a"
    assert one_line(zalgo) == "Z" + "\u0336" * MAX_COMBINING + "a"


@given(st.text())
def test_no_shown_name_holds_a_control_format_or_line_breaking_character(name: str) -> None:
    shown = shown_name(name)
    categories = {unicodedata.category(char) for char in shown}
    assert not categories & {"Cc", "Co", "Cs", "Zl", "Zp"}
    assert all(char == "\u200d" for char in shown if unicodedata.category(char) == "Cf")
    assert 0 < len(shown) <= NAME_MAX


@given(st.text())
def test_one_line_is_idempotent(text: str) -> None:
    assert one_line(one_line(text)) == one_line(text)
