"""A stored reason read back for showing: its message when it can be said, else its words."""

from __future__ import annotations

from bot.rules.reasons import N_, Reason, to_json
from bot.services.views import said

WORDS = "Pain 8 after the last session."


def test_a_stored_reason_is_read_back_as_its_message() -> None:
    reason = Reason(N_("Pain {score} after the last session."), {"score": 8})

    assert said(WORDS, to_json(reason)) == reason


def test_a_row_without_a_message_is_shown_as_its_words() -> None:
    assert said(WORDS, None) == WORDS


def test_a_stored_message_its_values_no_longer_fill_is_shown_as_its_words() -> None:
    stale = {"message": "Pain {score} after {when}.", "params": {"score": 8}}

    assert said(WORDS, stale) == WORDS
