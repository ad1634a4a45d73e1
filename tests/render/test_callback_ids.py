"""Ids in callback data and coach commands stay inside the database's integer range."""

from __future__ import annotations

import pytest

from bot.handlers.coach_access import id_argument
from bot.render import callbacks as cb
from bot.rules.row_ids import MAX_ROW_ID, parse_row_id

TOO_BIG = str(MAX_ROW_ID + 1)

ID_CALLBACKS = [
    ("1:s:{id}:0:d", cb.StepAnswer),
    ("1:v:{id}:0", cb.StepVideo),
    ("1:tm:{id}:0", cb.StepTimer),
    ("1:pn:{id}:5", cb.PainScore),
    ("1:mp:{id}:5", cb.MorningPain),
    ("1:nn:{id}", cb.NoNote),
    ("1:ack:{id}", cb.AcknowledgeFlag),
    ("1:mem:{id}", cb.OpenMember),
]
KINDS = [kind.__name__ for _, kind in ID_CALLBACKS]


@pytest.mark.parametrize(("template", "kind"), ID_CALLBACKS, ids=KINDS)
def test_the_largest_row_id_is_decoded(template: str, kind: type) -> None:
    assert isinstance(cb.decode(template.format(id=MAX_ROW_ID)), kind)


@pytest.mark.parametrize(("template", "kind"), ID_CALLBACKS, ids=KINDS)
def test_an_id_past_the_integer_column_is_stale_data(template: str, kind: type) -> None:
    assert cb.decode(template.format(id=TOO_BIG)) is None


@pytest.mark.parametrize("index", ["0", str(MAX_ROW_ID)], ids=["first", "largest"])
def test_a_step_index_in_range_is_decoded(index: str) -> None:
    assert cb.decode(f"1:v:7:{index}") == cb.StepVideo(7, int(index))


def test_a_step_index_past_the_integer_column_is_stale_data() -> None:
    assert cb.decode(f"1:v:7:{TOO_BIG}") is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1", 1),
        (str(MAX_ROW_ID), MAX_ROW_ID),
        ("0", None),
        (TOO_BIG, None),
        ("99999999999999999999", None),
        ("+5", None),
        ("-5", None),
        ("٣", None),  # an Arabic-Indic digit: isdigit() but not ASCII
        ("", None),
        (" 5", None),
    ],
    ids=[
        "one",
        "largest",
        "zero",
        "past-int32",
        "huge",
        "plus",
        "minus",
        "non-ascii",
        "empty",
        "space",
    ],
)
def test_parse_row_id(text: str, expected: int | None) -> None:
    assert parse_row_id(text) == expected


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("12", 12),
        ("#12", 12),
        (f"#{MAX_ROW_ID}", MAX_ROW_ID),
        (TOO_BIG, None),
        (f"#{TOO_BIG}", None),
    ],
    ids=["plain", "hash", "largest", "past-int32", "hash-past-int32"],
)
def test_a_coach_command_id_is_checked_against_the_same_range(
    argument: str, expected: int | None
) -> None:
    assert id_argument(argument) == expected
