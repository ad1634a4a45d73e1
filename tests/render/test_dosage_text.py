# ruff: noqa: RUF001  (dosages are written with a multiplication sign, as members read them)
"""How a protocol's dosage reads, in English (the source language)."""

from __future__ import annotations

from bot.render.protocol_text import dosage_text, set_amount
from protocols.schema import Dosage


def test_dosage_describes_sets_reps_and_side() -> None:
    assert dosage_text(Dosage(sets=3, reps=10, per="side")) == "3 sets × 10 reps per side"


def test_dosage_describes_per_leg_each_side_or_more() -> None:
    dosage = Dosage(minutes=1, per="leg_and_side", or_more=True)
    assert dosage_text(dosage) == "1 min per leg, each side (or more)"


def test_dosage_describes_holds_in_seconds() -> None:
    assert dosage_text(Dosage(sets=3, hold_seconds=45)) == "3 sets × 45 s"


def test_dosage_mentions_the_hold_alternative() -> None:
    dosage = Dosage(sets=3, reps=10, alt_hold_seconds=30)
    assert dosage_text(dosage) == "3 sets × 10 reps (30 s for holds)"


def test_dosage_of_one_set_leaves_out_the_set_count() -> None:
    assert dosage_text(Dosage(reps=10)) == "10 reps"


def test_dosage_says_each_way() -> None:
    assert dosage_text(Dosage(reps=3, per="each_way")) == "3 reps each way"


def test_dosage_for_one_set_describes_just_that_set() -> None:
    assert set_amount(Dosage(sets=2, hold_seconds=60, per="leg")) == "60 s per leg"
