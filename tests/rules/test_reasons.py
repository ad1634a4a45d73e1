"""A rule's reason is a message still to be said: written out in English beside it, and kept
as JSON that reads back as the same reason."""

from __future__ import annotations

from datetime import date

import pytest

from bot.rules.reasons import N_, N_plural, Reason, from_json, listing, to_json

MONDAY = date(2026, 3, 2)
SEVERE = Reason(
    N_("Severe pain: {pain}/10 {where} (urgent at {threshold} or more)."),
    {
        "pain": 9,
        "where": Reason(N_("after the session on {day}"), {"day": MONDAY}),
        "threshold": 9,
    },
)
RISING = Reason(
    N_plural("{count} score, mean {mean}", "{count} scores, mean {mean}"),
    {"count": 2, "mean": 10 / 3},
)


@pytest.mark.parametrize(
    ("reason", "english"),
    [
        (SEVERE, "Severe pain: 9/10 after the session on Mon 2 Mar (urgent at 9 or more)."),
        (RISING, "2 scores, mean 3.3"),
        (Reason(RISING.message, {"count": 1, "mean": 4.0}), "1 score, mean 4"),
        (listing([Reason(N_("fever")), Reason(N_("chills"))]), "fever and chills"),
        (
            listing([MONDAY, date(2026, 3, 4), date(2026, 3, 6)]),
            "Mon 2 Mar, Wed 4 Mar and Fri 6 Mar",
        ),
    ],
    ids=["phrase-within", "plural", "singular", "listed-phrases", "listed-days"],
)
def test_a_reason_is_written_out_in_english(reason: Reason, english: str) -> None:
    assert reason.english() == english


@pytest.mark.parametrize(
    "reason",
    [SEVERE, RISING, listing([MONDAY, 2.5, "data"])],
    ids=["phrases", "plural", "days-numbers-data"],
)
def test_a_reason_kept_as_json_reads_back_as_itself(reason: Reason) -> None:
    assert from_json(to_json(reason)) == reason


@pytest.mark.parametrize(
    "stored",
    [
        "Pain 8 after the last session.",
        {"message": "Hi {name}"},
        {"message": 3, "params": {}},
        {"message": "{x}", "params": {"x": True}},
        {"message": "{x}", "params": {"x": {"neither": "day nor reason"}}},
    ],
    ids=["text", "no-params", "message-not-text", "yes-no-value", "unknown-object"],
)
def test_anything_else_is_not_read_as_a_reason(stored: object) -> None:
    with pytest.raises(ValueError, match="not a stored reason"):
        from_json(stored)


def test_a_stored_reason_its_values_no_longer_fill_is_not_read() -> None:
    stored = {"message": "Pain {score} after {when}.", "params": {"score": 8}}

    with pytest.raises(ValueError, match="do not fill"):
        from_json(stored)
