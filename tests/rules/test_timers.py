"""The card's timer rules: when a hold or a rest starts and ends, its phase at an instant, and
the instants its countdown is redrawn."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bot.rules.timers import (
    FINAL_SECONDS,
    GET_READY,
    TICK_EVERY,
    Phase,
    hold_timer,
    next_tick,
    phase,
    rest_timer,
    tick_times,
)

NOW = datetime(2026, 3, 3, 10, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return NOW + timedelta(seconds=seconds)


def seconds_after_now(moments: list[datetime]) -> list[float]:
    return [(moment - NOW).total_seconds() for moment in moments]


def test_a_hold_starts_after_three_seconds_to_get_ready() -> None:
    timer = hold_timer(4, 20, NOW)
    assert (timer.kind, timer.step_index) == ("hold", 4)
    assert timer.starts_at == NOW + GET_READY == at(3)
    assert timer.ends_at == at(23)


def test_rest_starts_at_once() -> None:
    timer = rest_timer(7, 30, NOW)
    assert (timer.kind, timer.step_index) == ("rest", 7)
    assert (timer.starts_at, timer.ends_at) == (NOW, at(30))


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        pytest.param(0, Phase("ready", 3), id="pressed"),
        pytest.param(0.2, Phase("ready", 3), id="a-little-late-still-3"),
        pytest.param(1, Phase("ready", 2), id="ready-2"),
        pytest.param(2.5, Phase("ready", 1), id="ready-1"),
        pytest.param(3, Phase("running", 20), id="hold-starts"),
        pytest.param(17.9, Phase("running", 6), id="rounded-up"),
        pytest.param(22.99, Phase("running", 1), id="last-second"),
        pytest.param(23, Phase("over", 0), id="at-the-end"),
        pytest.param(100, Phase("over", 0), id="long-after"),
    ],
)
def test_the_phase_of_a_20_second_hold(seconds: float, expected: Phase) -> None:
    assert phase(hold_timer(0, 20, NOW), at(seconds)) == expected


def test_rest_has_no_get_ready_phase() -> None:
    assert phase(rest_timer(0, 30, NOW), NOW) == Phase("running", 30)


def test_a_20_second_hold_is_redrawn_on_get_ready_every_5_seconds_and_the_last_3() -> None:
    ticks = seconds_after_now(tick_times(hold_timer(0, 20, NOW)))
    assert ticks == [0, 1, 2, 3, 8, 13, 18, 20, 21, 22]


def test_rest_is_redrawn_every_5_seconds_and_the_last_3() -> None:
    ticks = seconds_after_now(tick_times(rest_timer(0, 30, NOW)))
    assert ticks == [0, 5, 10, 15, 20, 25, 27, 28, 29]


def test_a_45_second_hold_takes_15_redraws_in_48_seconds() -> None:
    timer = hold_timer(0, 45, NOW)
    assert len(tick_times(timer)) == 15
    assert timer.ends_at - NOW == timedelta(seconds=48)


@pytest.mark.parametrize(
    ("seconds", "expected"),
    [
        pytest.param(1, [0, 1, 2, 3], id="1s"),
        pytest.param(2, [0, 1, 2, 3, 4], id="2s"),
        pytest.param(4, [0, 1, 2, 3, 4, 5, 6], id="4s"),
    ],
)
def test_very_short_holds_are_redrawn_every_second(seconds: int, expected: list[int]) -> None:
    assert seconds_after_now(tick_times(hold_timer(0, seconds, NOW))) == expected


@given(
    seconds=st.integers(min_value=1, max_value=900),
    kind=st.sampled_from(["hold", "rest"]),
)
def test_redraws_are_in_order_before_the_end_and_never_far_apart(seconds: int, kind: str) -> None:
    timer = hold_timer(0, seconds, NOW) if kind == "hold" else rest_timer(0, seconds, NOW)
    ticks = tick_times(timer)
    assert ticks == sorted(set(ticks))
    assert ticks[0] == NOW
    assert ticks[-1] < timer.ends_at
    gaps = [later - earlier for earlier, later in pairwise([*ticks, timer.ends_at])]
    assert max(gaps) <= timedelta(seconds=TICK_EVERY)
    timed = [tick for tick in ticks if tick >= timer.starts_at]
    final = [tick for tick in timed if timer.ends_at - tick <= timedelta(seconds=FINAL_SECONDS)]
    assert len(final) == min(FINAL_SECONDS, seconds)  # each of the last seconds is shown


def test_next_tick_is_the_first_redraw_strictly_after_an_instant() -> None:
    timer = hold_timer(0, 20, NOW)
    assert next_tick(timer, NOW) == at(1)
    assert next_tick(timer, at(3.5)) == at(8)
    assert next_tick(timer, at(8)) == at(13)


def test_after_the_last_redraw_only_the_end_is_left() -> None:
    assert next_tick(hold_timer(0, 20, NOW), at(22)) is None
