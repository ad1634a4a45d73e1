"""The pain-monitoring rules: replaying a member's check-ins through `assess`.

Check-ins are written as a member gives them: "before" a session, "session" (right after it)
and "morning" (the next morning). Day 0 is Monday 2 March 2026, in London.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import NamedTuple
from zoneinfo import ZoneInfo

import pytest
from zones import LONDON, NEW_YORK

from bot.config import DEFAULT_PAIN_THRESHOLDS
from bot.rules.symptoms import CheckIn, CheckInKind, PainFlag, assess

DAY_0 = datetime(2026, 3, 2, tzinfo=LONDON)


def on(day: int, kind: CheckInKind, pain: int | None, hour: int = 18) -> CheckIn:
    """A check-in on day `day` (0 is Monday 2 March) at `hour`:00 London time."""
    return CheckIn(DAY_0 + timedelta(days=day, hours=hour), pain, kind)


def sessions(*pains: int | None, every: int = 2, first_day: int = 0) -> list[CheckIn]:
    """After-session scores, one every `every` days from `first_day`."""
    return [on(first_day + every * index, "session", pain) for index, pain in enumerate(pains)]


def cycle(day: int, before: int | None, after: int | None, morning: int | None) -> list[CheckIn]:
    """A session day: the score before it, after it, and the next morning."""
    return [
        on(day, "before", before, hour=17),
        on(day, "session", after, hour=18),
        on(day + 1, "morning", morning, hour=8),
    ]


class First(NamedTuple):
    """The first flag expected: which check-in raised it, its level and its rule."""

    index: int
    level: str
    rule: str


def scenario(name: str, check_ins: list[CheckIn], first: First | None) -> object:
    """One row: the check-ins and the first flag they should raise (None: no flag at all)."""
    return pytest.param(check_ins, first, id=name)


SCENARIOS = [
    scenario(
        "7 then 8 in the first two sessions: critical at the first",
        sessions(7, 8),
        First(0, "critical", "high_pain"),
    ),
    scenario(
        "7s from day one: critical at session 1",
        sessions(7, 7, 7, 7, 7),
        First(0, "critical", "high_pain"),
    ),
    scenario(
        "4, 5, 6 in the first week: the 6 is up 2 and above 5",
        sessions(4, 5, 6),
        First(2, "high", "above_acceptable"),
    ),
    scenario(
        "6, 4, 6, 4 yo-yo: flagged at the first 6",
        sessions(6, 4, 6, 4),
        First(0, "low", "above_acceptable"),
    ),
    scenario(
        "a steady 5 for four weeks: none",
        sessions(*[5] * 14),
        None,
    ),
    scenario(
        "a 3-4 wobble for three weeks: none",
        sessions(3, 4, 3, 4, 3, 4, 3, 4, 3, 4),
        None,
    ),
    scenario(
        "1 then 3: a 2-point rise inside the safe zone, none",
        sessions(1, 3),
        None,
    ),
    scenario(
        "weekly mean 1 then 3: none",
        sessions(1, 1, 1, 1, 3, 3, 3, 3),
        None,
    ),
    scenario(
        "pain 9 after a session: urgent",
        sessions(3, 9),
        First(1, "urgent", "severe_pain"),
    ),
    scenario(
        "pain 10 at the first check-in: urgent",
        sessions(10),
        First(0, "urgent", "severe_pain"),
    ),
    scenario(
        "pain 9 before a session: urgent",
        [on(0, "before", 9)],
        First(0, "urgent", "severe_pain"),
    ),
    scenario(
        "pain 7 the next morning: critical",
        cycle(0, 3, 5, 7),
        First(2, "critical", "high_pain"),
    ),
    scenario(
        "next morning 2 above the before score twice in a row: not settling",
        [*cycle(0, 3, 5, 5), *cycle(2, 3, 5, 5)],
        First(5, "high", "not_settling"),
    ),
    scenario(
        "before 2, next morning 4, twice: not settling",
        [*cycle(0, 2, 4, 4), *cycle(2, 2, 4, 4)],
        First(5, "high", "not_settling"),
    ),
    scenario(
        "next morning up once, then settled: none",
        [*cycle(0, 3, 5, 5), *cycle(2, 3, 5, 3)],
        None,
    ),
    scenario(
        "next morning up, settled, up again: not in a row, none",
        [*cycle(0, 3, 5, 5), *cycle(2, 3, 5, 3), *cycle(4, 3, 5, 5)],
        None,
    ),
    scenario(
        "next morning 1 above the before score twice: under the MIC, none",
        [*cycle(0, 3, 5, 4), *cycle(2, 3, 5, 4)],
        None,
    ),
    scenario(
        "before 1, next morning 3, twice: inside the safe zone, none",
        [*cycle(0, 1, 3, 3), *cycle(2, 1, 3, 3)],
        None,
    ),
    scenario(
        "5 before, after and the next morning: none",
        [*cycle(0, 5, 5, 5), *cycle(2, 5, 5, 5), *cycle(4, 5, 5, 5)],
        None,
    ),
    scenario(
        "a missing before score: the last one given is the usual level",
        [*cycle(0, 2, 4, 4), *cycle(2, None, 4, 4)],
        First(5, "high", "not_settling"),
    ),
    scenario(
        "only morning scores: compared with the first week's mornings",
        [on(d, "morning", p, hour=8) for d, p in [(0, 2), (2, 2), (4, 3), (7, 5), (9, 5)]],
        First(4, "high", "not_settling"),
    ),
    scenario(
        "only morning scores, 3s then 4s: none",
        [on(d, "morning", p, hour=8) for d, p in [(0, 3), (2, 3), (4, 3), (7, 4), (9, 4)]],
        None,
    ),
    scenario(
        "weekly mean 3 then 5: rising",
        sessions(3, 3, 3, 5, 5, every=3),
        First(4, "low", "rising"),
    ),
    scenario(
        "one higher score in a new week is not a weekly mean: none",
        sessions(3, 3, 3, 5, every=3),
        None,
    ),
    scenario(
        "weekly mean 3.5 then 5: up 43 %, rising",
        sessions(3, 4, 5, 5, every=4),
        First(3, "low", "rising"),
    ),
    scenario(
        "weekly mean 3 then 4.5: from 3 it takes 2 points, none",
        sessions(3, 3, 4, 5, every=4),
        None,
    ),
    scenario(
        "a 6 eight days after a 4 is past the lookback: low",
        sessions(4, 6, every=8),
        First(1, "low", "above_acceptable"),
    ),
    scenario(
        "6 after a session that began at 3: exercise may raise pain, low",
        [on(0, "before", 3, hour=17), on(0, "session", 6)],
        First(1, "low", "above_acceptable"),
    ),
    scenario(
        "not settling comes before the 6's own flag at the same level",
        [*cycle(0, 3, 5, 5), *cycle(2, 3, 5, 6)],
        First(5, "high", "not_settling"),
    ),
]


@pytest.mark.parametrize(("check_ins", "first"), SCENARIOS)
def test_scenario(check_ins: list[CheckIn], first: First | None) -> None:
    flags = assess(check_ins)

    if first is None:
        assert flags == []
    else:
        assert flags, "expected a flag"
        assert (flags[0].check_in, flags[0].level, flags[0].rule) == (
            check_ins[first.index],
            first.level,
            first.rule,
        )


def rules_of(flags: Sequence[PainFlag[CheckIn]]) -> list[tuple[int | None, str, str]]:
    return [(flag.check_in.pain, flag.level, flag.rule) for flag in flags]


# --- levels --------------------------------------------------------------------------------


def test_the_yo_yo_is_flagged_high_when_it_climbs_back_to_6() -> None:
    assert rules_of(assess(sessions(6, 4, 6, 4))) == [
        (6, "low", "above_acceptable"),
        (6, "high", "above_acceptable"),
    ]


def test_every_check_in_at_7_or_more_is_flagged() -> None:
    flags = assess(sessions(7, 7, 8, 3, 7))

    assert [flag.check_in.pain for flag in flags] == [7, 7, 8, 7]


def test_rising_above_the_acceptable_level_is_high() -> None:
    history = [
        *sessions(4, 4, every=2),
        *sessions(6, 6, every=2, first_day=9),
    ]

    rising = [flag for flag in assess(history) if flag.rule == "rising"]

    assert [(flag.check_in, flag.level) for flag in rising] == [(history[3], "high")]


def test_a_critical_score_comes_before_not_settling_on_the_same_check_in() -> None:
    history = [*cycle(0, 3, 5, 5), *cycle(2, 3, 5, 7)]

    assert rules_of(assess(history)) == [(7, "critical", "high_pain"), (7, "high", "not_settling")]


def test_an_urgent_score_is_not_also_flagged_critical() -> None:
    assert rules_of(assess(sessions(9))) == [(9, "urgent", "severe_pain")]


def test_a_note_between_two_unsettled_mornings_does_not_break_the_run() -> None:
    history = [*cycle(0, 3, 5, 5), on(1, "morning", None, hour=12), *cycle(2, 3, 5, 5)]

    assert rules_of(assess(history)) == [(5, "high", "not_settling")]


def test_a_settled_morning_ends_a_run_of_unsettled_ones() -> None:
    history = [*cycle(0, 3, 5, 5), *cycle(2, 3, 5, 5), *cycle(4, 3, 5, 3), *cycle(6, 3, 5, 5)]

    flagged = [flag.check_in for flag in assess(history)]

    assert flagged == [history[5]]


# --- reasons -------------------------------------------------------------------------------


def reason(check_ins: Sequence[CheckIn], rule: str) -> str:
    return next(flag.reason.english() for flag in assess(check_ins) if flag.rule == rule)


def test_severe_pain_reason() -> None:
    assert reason(sessions(9), "severe_pain") == (
        "Severe pain: 9/10 after the session on Mon 2 Mar (urgent at 9 or more)."
    )


def test_high_pain_reason() -> None:
    assert reason([on(1, "before", 7)], "high_pain") == (
        "High pain: 7/10 before the session on Tue 3 Mar (critical at 7 or more)."
    )


def test_above_acceptable_reason_names_the_rise() -> None:
    assert reason(sessions(4, 5, 6), "above_acceptable") == (
        "Above the acceptable level: 6/10 after the session on Fri 6 Mar,"
        " up 2 from 4 on Mon 2 Mar (acceptable up to 5)."
    )


def test_above_acceptable_reason_for_a_morning_names_the_before_score() -> None:
    assert reason(cycle(0, 3, 5, 6), "above_acceptable") == (
        "Above the acceptable level: 6/10 on the morning of Tue 3 Mar,"
        " up 3 from 3 before the session on Mon 2 Mar (acceptable up to 5)."
    )


def test_not_settling_reason_names_the_mornings_the_sessions_and_the_before_level() -> None:
    history = [*cycle(0, 3, 5, 6), *cycle(2, 3, 5, 6)]

    assert reason(history, "not_settling") == (
        "Not settling by the next morning: next-morning pain 6 on Tue 3 Mar and 6 on Thu 5 Mar"
        " after sessions on Mon 2 Mar and Wed 4 Mar; before the sessions it was 3."
    )


def test_not_settling_reason_without_before_scores_names_the_first_week() -> None:
    history = [on(d, "morning", p, hour=8) for d, p in [(0, 2), (2, 2), (4, 3), (7, 5), (9, 5)]]

    assert reason(history, "not_settling") == (
        "Not settling by the next morning: next-morning pain 5 on Mon 9 Mar and 5 on Wed 11 Mar;"
        " their usual morning pain, from their first week, is 2.3."
    )


def test_rising_reason_names_both_weeks() -> None:
    assert reason(sessions(3, 3, 3, 5, 5, every=3), "rising") == (
        "Rising week to week: after-session pain averages 5 in the week from Mon 9 Mar"
        " (2 scores so far), up from 3 in the week from Mon 2 Mar."
    )


def test_programme_weeks_start_on_the_members_first_day() -> None:
    history = sessions(3, 3, 3, 5, 5, every=3, first_day=2)

    assert "in the week from Wed 11 Mar" in reason(history, "rising")


def test_reasons_use_the_members_own_dates() -> None:
    sunday_night_utc = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)

    flags = assess([CheckIn(sunday_night_utc, 9)], zone=ZoneInfo("Asia/Tokyo"))

    assert "on Mon 2 Mar" in flags[0].reason.english()


# --- weeks across daylight saving ------------------------------------------------------------


def test_scores_just_after_midnight_when_the_clocks_went_forward_count_in_the_new_week() -> None:
    # London, Sunday 29 March 2026: the week from Monday 23 March lasts 167 hours, so
    # Monday 30 March 00:30 local is only 167.5 hours after the week began.
    history = [
        CheckIn(datetime(2026, 3, 23, 18, 0, tzinfo=UTC), 3),
        CheckIn(datetime(2026, 3, 25, 18, 0, tzinfo=UTC), 3),
        CheckIn(datetime(2026, 3, 29, 23, 10, tzinfo=UTC), 5),
        CheckIn(datetime(2026, 3, 29, 23, 30, tzinfo=UTC), 5),
    ]

    flags = assess(history, zone=LONDON)

    assert rules_of(flags) == [(5, "low", "rising")]
    assert "in the week from Mon 30 Mar" in flags[0].reason.english()


def test_scores_late_on_the_sunday_the_clocks_went_back_stay_in_that_week() -> None:
    # New York, Sunday 1 November 2026: the week from Monday 26 October lasts 169 hours;
    # Sunday 20:00 EST is already Monday in UTC.
    history = [
        CheckIn(datetime(2026, 10, 26, 22, 0, tzinfo=UTC), 3),
        CheckIn(datetime(2026, 10, 28, 22, 0, tzinfo=UTC), 3),
        CheckIn(datetime(2026, 11, 2, 1, 0, tzinfo=UTC), 5),
        CheckIn(datetime(2026, 11, 2, 1, 30, tzinfo=UTC), 5),
    ]

    assert assess(history, zone=NEW_YORK) == []


# --- input -----------------------------------------------------------------------------------


class Reading(NamedTuple):
    """A check-in from elsewhere: anything with `at`, `pain` and `kind` will do."""

    at: datetime
    pain: int | None
    kind: str


def test_any_object_with_at_pain_and_kind_is_read() -> None:
    reading = Reading(DAY_0, 8, "session")

    [flag] = assess([reading])

    assert flag.check_in is reading
    assert flag.level == "critical"


def test_check_ins_are_read_in_time_order_whatever_order_they_come_in() -> None:
    history = [*cycle(0, 3, 5, 5), *cycle(2, 3, 5, 6), *sessions(6, 4, 6, first_day=5)]

    assert assess(list(reversed(history))) == assess(history)


def test_thresholds_come_from_the_caller() -> None:
    lenient = DEFAULT_PAIN_THRESHOLDS.model_copy(update={"critical_pain": 8, "urgent_pain": 10})

    assert rules_of(assess(sessions(7, 9), lenient)) == [
        (7, "low", "above_acceptable"),
        (9, "critical", "high_pain"),
    ]


def test_no_check_ins_raise_no_flags() -> None:
    assert assess([]) == []


def test_note_only_check_ins_raise_no_flags() -> None:
    assert assess(sessions(None, None)) == []


@pytest.mark.parametrize(
    "reading",
    [
        pytest.param(Reading(datetime(2026, 3, 2, 18, 0), 5, "session"), id="naive time"),
        pytest.param(Reading(DAY_0, 11, "session"), id="pain above 10"),
        pytest.param(Reading(DAY_0, -1, "session"), id="pain below 0"),
        pytest.param(Reading(DAY_0, 5, "evening"), id="unknown kind"),
    ],
)
def test_a_check_in_that_cannot_be_read_is_refused(reading: Reading) -> None:
    with pytest.raises(ValueError, match=r"^(check-in time|pain must|kind must)"):
        assess([reading])


def test_a_check_in_is_refused_when_built_wrong() -> None:
    with pytest.raises(ValueError, match="pain must be 0-10"):
        CheckIn(DAY_0, 12)


def test_a_check_in_is_a_session_score_unless_told_otherwise() -> None:
    assert CheckIn(DAY_0, 4).kind == "session"
