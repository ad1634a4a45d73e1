"""When the bot asks its one red-flag screening question: the newest score rose by the MIC."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.rules.symptoms import CheckIn, CheckInKind, needs_screening_follow_up

DAY_0 = datetime(2026, 3, 2, 18, 0, tzinfo=ZoneInfo("Europe/London"))


def on(day: int, kind: CheckInKind, pain: int | None, hour: int = 0) -> CheckIn:
    return CheckIn(DAY_0 + timedelta(days=day, hours=hour), pain, kind)


def case(name: str, check_ins: list[CheckIn], ask: bool) -> object:
    return pytest.param(check_ins, ask, id=name)


CASES = [
    case(
        "3 then 5 after sessions",
        [on(0, "session", 3), on(2, "session", 5)],
        True,
    ),
    case(
        "4, 5, 6: up 2 from 4",
        [on(0, "session", 4), on(2, "session", 5), on(4, "session", 6)],
        True,
    ),
    case(
        "morning 2 above the before score",
        [on(0, "before", 3), on(1, "morning", 5)],
        True,
    ),
    case(
        "before score up 2",
        [on(0, "before", 2), on(2, "before", 4)],
        True,
    ),
    case(
        "3 then 4: under the MIC",
        [on(0, "session", 3), on(2, "session", 4)],
        False,
    ),
    case(
        "1 then 3: inside the safe zone",
        [on(0, "session", 1), on(2, "session", 3)],
        False,
    ),
    case(
        "a steady 5",
        [on(0, "session", 5), on(2, "session", 5)],
        False,
    ),
    case(
        "after a session that began at 3: exercise may raise pain",
        [on(0, "before", 3), on(0, "session", 5, hour=1)],
        False,
    ),
    case(
        "the lower score is past the lookback",
        [on(0, "session", 3), on(8, "session", 5)],
        False,
    ),
    case(
        "a first score has nothing to rise from",
        [on(0, "session", 8)],
        False,
    ),
    case(
        "the newest check-in is a note only",
        [on(0, "session", 3), on(2, "session", 5), on(3, "session", None)],
        False,
    ),
    case(
        "read in time order",
        [on(2, "session", 5), on(0, "session", 3)],
        True,
    ),
    case(
        "no check-ins",
        [],
        False,
    ),
]


@pytest.mark.parametrize(("check_ins", "ask"), CASES)
def test_needs_screening_follow_up(check_ins: list[CheckIn], ask: bool) -> None:
    assert needs_screening_follow_up(check_ins) is ask
