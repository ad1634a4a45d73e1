"""When the coach's daily digest is due: the coach's local time, once a day, across DST."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given
from hypothesis import strategies as st
from zones import LONDON, NEW_YORK

from bot.rules.digest_time import latest_digest_at, next_digest_at

SIX_PM = time(18, 0)


def test_later_today_when_the_time_has_not_come_yet() -> None:
    noon = datetime(2026, 6, 8, 12, 0, tzinfo=LONDON)

    assert next_digest_at(SIX_PM, LONDON, noon) == datetime(2026, 6, 8, 17, 0, tzinfo=UTC)


def test_tomorrow_when_it_is_due_right_now() -> None:
    six = datetime(2026, 6, 8, 18, 0, tzinfo=LONDON)

    assert next_digest_at(SIX_PM, LONDON, six) == datetime(2026, 6, 9, 18, 0, tzinfo=LONDON)


def test_tomorrow_when_the_time_has_passed() -> None:
    seven = datetime(2026, 6, 8, 19, 0, tzinfo=LONDON)

    assert next_digest_at(SIX_PM, LONDON, seven) == datetime(2026, 6, 9, 18, 0, tzinfo=LONDON)


def test_the_day_the_clocks_go_forward_it_is_still_six_local() -> None:
    saturday_evening = datetime(2026, 3, 28, 19, 0, tzinfo=LONDON)

    due = next_digest_at(SIX_PM, LONDON, saturday_evening)

    assert due == datetime(2026, 3, 29, 17, 0, tzinfo=UTC)


def test_a_time_in_the_daylight_saving_gap_moves_past_it() -> None:
    saturday_evening = datetime(2026, 3, 7, 19, 0, tzinfo=NEW_YORK)

    due = next_digest_at(time(2, 30), NEW_YORK, saturday_evening)

    assert due == datetime(2026, 3, 8, 3, 0, tzinfo=NEW_YORK)


def test_a_time_that_happens_twice_comes_once() -> None:
    saturday_evening = datetime(2026, 10, 31, 19, 0, tzinfo=NEW_YORK)
    first = next_digest_at(time(1, 30), NEW_YORK, saturday_evening)

    second = next_digest_at(time(1, 30), NEW_YORK, first)

    assert first == datetime(2026, 11, 1, 5, 30, tzinfo=UTC)
    assert second == datetime(2026, 11, 2, 6, 30, tzinfo=UTC)


def test_a_naive_instant_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        next_digest_at(SIX_PM, LONDON, datetime(2026, 6, 8, 12, 0))


def test_a_digest_time_with_a_zone_is_refused() -> None:
    with pytest.raises(ValueError, match="naive local time"):
        next_digest_at(time(18, 0, tzinfo=UTC), LONDON, datetime(2026, 6, 8, 12, 0, tzinfo=UTC))


instants = st.datetimes(
    min_value=datetime(2000, 1, 1), max_value=datetime(2037, 12, 31), timezones=st.just(UTC)
)
minute_times = st.builds(time, st.integers(0, 23), st.integers(0, 59))


@given(minute_times, st.timezones(), instants)
def test_the_digest_is_due_within_a_day_at_the_coachs_time(
    digest_time: time, zone: ZoneInfo, after: datetime
) -> None:
    due = next_digest_at(digest_time, zone, after)

    assert after < due <= after + timedelta(hours=26)
    if due.astimezone(zone).time().replace(tzinfo=None) != digest_time:
        # Only where the time did not exist that day: the clock just jumped forward over it.
        second_before = due - timedelta(seconds=1)
        assert wall_clock(due, zone) - wall_clock(second_before, zone) > timedelta(seconds=1)


def wall_clock(moment: datetime, zone: ZoneInfo) -> datetime:
    return moment.astimezone(zone).replace(tzinfo=None)


@pytest.mark.parametrize(
    ("now", "due"),
    [
        (datetime(2026, 6, 8, 18, 0, tzinfo=LONDON), datetime(2026, 6, 8, 18, 0, tzinfo=LONDON)),
        (datetime(2026, 6, 8, 23, 0, tzinfo=LONDON), datetime(2026, 6, 8, 18, 0, tzinfo=LONDON)),
        (datetime(2026, 6, 8, 17, 59, tzinfo=LONDON), datetime(2026, 6, 7, 18, 0, tzinfo=LONDON)),
    ],
    ids=["right-now", "earlier-today", "yesterday"],
)
def test_the_latest_digest_is_the_last_one_the_clock_has_reached(
    now: datetime, due: datetime
) -> None:
    assert latest_digest_at(SIX_PM, LONDON, now) == due


@given(st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 1, 1)))
def test_the_latest_digest_is_a_day_before_the_next(naive: datetime) -> None:
    now = naive.replace(tzinfo=UTC)
    latest = latest_digest_at(SIX_PM, NEW_YORK, now)
    following = next_digest_at(SIX_PM, NEW_YORK, latest)

    assert latest <= now < following
    assert following.astimezone(NEW_YORK).date() - latest.astimezone(NEW_YORK).date() == (
        timedelta(days=1)
    )
