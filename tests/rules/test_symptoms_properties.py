"""Properties of `assess` over any history of check-ins, in any time zone."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta, tzinfo

from hypothesis import given
from hypothesis import strategies as st

from bot.config import DEFAULT_PAIN_THRESHOLDS
from bot.rules.symptoms import CHECK_IN_KINDS, FLAG_LEVELS, CheckIn, CheckInKind, assess

START = datetime(2026, 1, 5, 18, 0, tzinfo=UTC)
SAFE_MAX = DEFAULT_PAIN_THRESHOLDS.safe_max
ANY_PAIN = st.integers(0, 10) | st.none()


@st.composite
def histories(draw: st.DrawFn, pains: st.SearchStrategy[int | None] = ANY_PAIN) -> list[CheckIn]:
    """Check-ins of any kind, each 1 to 72 hours after the one before (distinct times)."""
    gaps = draw(st.lists(st.integers(1, 72), max_size=30))
    history, at = [], START
    for gap in gaps:
        at += timedelta(hours=gap)
        history.append(CheckIn(at, draw(pains), draw(st.sampled_from(CHECK_IN_KINDS))))
    return history


zones = st.timezones()


@given(histories(pains=st.integers(0, SAFE_MAX)), zones)
def test_a_history_entirely_within_0_to_3_never_flags(history: list[CheckIn], zone: tzinfo) -> None:
    assert assess(history, zone=zone) == []


@given(histories(), zones)
def test_a_score_within_0_to_3_never_raises_a_flag(history: list[CheckIn], zone: tzinfo) -> None:
    flagged = [flag.check_in.pain for flag in assess(history, zone=zone)]

    assert all(pain is not None and pain > SAFE_MAX for pain in flagged)


@given(histories(), st.integers(0, 30), zones)
def test_later_check_ins_never_change_the_flags_of_earlier_ones(
    history: list[CheckIn], cut: int, zone: tzinfo
) -> None:
    earlier = history[:cut]

    flags_then = assess(earlier, zone=zone)
    flags_now = assess(history, zone=zone)

    assert flags_then == [flag for flag in flags_now if flag.check_in in earlier]


@given(histories(), st.integers(0, SAFE_MAX), st.sampled_from(CHECK_IN_KINDS))
def test_adding_a_later_harmless_check_in_keeps_every_urgent_flag(
    history: list[CheckIn], pain: int, kind: CheckInKind
) -> None:
    later = CheckIn((history[-1].at if history else START) + timedelta(hours=1), pain, kind)
    urgent = [flag for flag in assess(history) if flag.level == "urgent"]

    assert all(flag in assess([*history, later]) for flag in urgent)


@given(histories(), zones)
def test_every_score_of_7_or_more_is_flagged_critical_or_urgent_from_the_first_on(
    history: list[CheckIn], zone: tzinfo
) -> None:
    flags = assess(history, zone=zone)
    flagged = {id(flag.check_in) for flag in flags if flag.level in ("critical", "urgent")}

    high = [c for c in history if c.pain is not None and c.pain >= 7]
    assert all(id(check_in) in flagged for check_in in high)


@given(histories(), zones)
def test_a_score_of_9_or_more_is_urgent_and_nothing_else_is(
    history: list[CheckIn], zone: tzinfo
) -> None:
    urgent = {id(flag.check_in) for flag in assess(history, zone=zone) if flag.level == "urgent"}

    assert urgent == {id(c) for c in history if c.pain is not None and c.pain >= 9}


@given(histories(), st.randoms(use_true_random=False), zones)
def test_the_order_check_ins_come_in_does_not_matter(
    history: list[CheckIn], shuffler: random.Random, zone: tzinfo
) -> None:
    shuffled = list(history)
    shuffler.shuffle(shuffled)

    assert assess(shuffled, zone=zone) == assess(history, zone=zone)


@given(histories(), zones)
def test_flags_come_in_time_order_the_most_severe_first_within_a_check_in(
    history: list[CheckIn], zone: tzinfo
) -> None:
    keys = [
        (flag.check_in.at, -FLAG_LEVELS.index(flag.level)) for flag in assess(history, zone=zone)
    ]

    assert keys == sorted(keys)
