"""Local time: wall clocks across daylight-saving changes, and ISO weeks in a member's zone."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from zones import (
    CHATHAM,
    KATHMANDU,
    KIRITIMATI,
    LONDON,
    LORD_HOWE,
    NEW_YORK,
    PAGO_PAGO,
    SAO_PAULO,
    TEHRAN,
    at_local,
)

from bot.rules.local_time import local_instant, week_bounds


def hours(span: timedelta) -> float:
    return span / timedelta(hours=1)


# --- local_instant -------------------------------------------------------------------------


def test_local_instant_in_spring_forward_gap_is_first_instant_after_gap() -> None:
    assert local_instant(date(2026, 3, 8), time(2, 30), NEW_YORK) == datetime(
        2026, 3, 8, 7, 0, tzinfo=UTC
    )


def test_local_instant_in_thirty_minute_gap_on_lord_howe_is_end_of_gap() -> None:
    instant = local_instant(date(2026, 10, 4), time(2, 15), LORD_HOWE)
    assert instant.astimezone(LORD_HOWE).replace(tzinfo=None) == datetime(2026, 10, 4, 2, 30)


def test_local_instant_in_fall_back_overlap_is_first_occurrence() -> None:
    assert local_instant(date(2026, 11, 1), time(1, 30), NEW_YORK) == datetime(
        2026, 11, 1, 5, 30, tzinfo=UTC
    )


def test_local_instant_at_midnight_gap_is_one_oclock() -> None:
    # Sao Paulo still had daylight saving in 2018; its clocks jumped from 00:00 to 01:00.
    assert local_instant(date(2018, 11, 4), time(0, 30), SAO_PAULO) == datetime(
        2018, 11, 4, 3, 0, tzinfo=UTC
    )


# --- week_bounds ---------------------------------------------------------------------------


def test_week_bounds_are_monday_midnights_local() -> None:
    start, end = week_bounds(at_local(KATHMANDU, 2026, 6, 10, 12, 0), KATHMANDU)
    assert start.astimezone(KATHMANDU).replace(tzinfo=None) == datetime(2026, 6, 8)
    assert end.astimezone(KATHMANDU).replace(tzinfo=None) == datetime(2026, 6, 15)


def test_week_bounds_are_utc() -> None:
    start, end = week_bounds(at_local(KATHMANDU, 2026, 6, 10, 12, 0), KATHMANDU)
    assert start.utcoffset() == timedelta(0)
    assert end.utcoffset() == timedelta(0)


def test_ordinary_week_lasts_168_hours() -> None:
    start, end = week_bounds(datetime(2026, 1, 14, tzinfo=UTC), LONDON)
    assert hours(end - start) == 168


def test_london_week_with_spring_forward_lasts_167_hours() -> None:
    start, end = week_bounds(datetime(2026, 3, 29, 12, tzinfo=UTC), LONDON)
    assert hours(end - start) == 167


def test_new_york_week_with_fall_back_lasts_169_hours() -> None:
    start, end = week_bounds(datetime(2026, 11, 1, 12, tzinfo=UTC), NEW_YORK)
    assert hours(end - start) == 169


def test_new_york_week_with_spring_forward_lasts_167_hours() -> None:
    start, end = week_bounds(datetime(2026, 3, 8, 12, tzinfo=UTC), NEW_YORK)
    assert hours(end - start) == 167


def test_lord_howe_april_week_gains_half_an_hour() -> None:
    start, end = week_bounds(at_local(LORD_HOWE, 2026, 4, 5, 12, 0), LORD_HOWE)
    assert hours(end - start) == 168.5


def test_lord_howe_october_week_loses_half_an_hour() -> None:
    start, end = week_bounds(at_local(LORD_HOWE, 2026, 10, 4, 12, 0), LORD_HOWE)
    assert hours(end - start) == 167.5


def test_chatham_april_week_gains_an_hour() -> None:
    start, end = week_bounds(at_local(CHATHAM, 2026, 4, 5, 12, 0), CHATHAM)
    assert hours(end - start) == 169


def test_week_whose_monday_midnight_does_not_exist_starts_when_clocks_jump() -> None:
    # Tehran's clocks went from 00:00 to 01:00 on Monday 2021-03-22.
    start, _ = week_bounds(at_local(TEHRAN, 2021, 3, 24, 12, 0), TEHRAN)
    assert start.astimezone(TEHRAN).replace(tzinfo=None) == datetime(2021, 3, 22, 1, 0)


def test_sunday_2330_and_monday_0030_local_are_in_different_weeks() -> None:
    sunday = at_local(NEW_YORK, 2026, 6, 14, 23, 30)
    monday = at_local(NEW_YORK, 2026, 6, 15, 0, 30)
    assert week_bounds(sunday, NEW_YORK)[1] == week_bounds(monday, NEW_YORK)[0]


def test_utc_sunday_is_already_next_week_in_kiritimati() -> None:
    sunday_utc = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # Monday 13:30 in Kiritimati
    start, _ = week_bounds(sunday_utc, KIRITIMATI)
    assert start.astimezone(KIRITIMATI).date() == date(2026, 3, 2)


def test_utc_monday_is_still_last_week_in_pago_pago() -> None:
    monday_utc = datetime(2026, 3, 2, 5, 0, tzinfo=UTC)  # Sunday 18:00 in Pago Pago
    start, _ = week_bounds(monday_utc, PAGO_PAGO)
    assert start.astimezone(PAGO_PAGO).date() == date(2026, 2, 23)


def test_iso_week_53_spans_the_new_year() -> None:
    start, end = week_bounds(at_local(LONDON, 2026, 12, 31, 9, 0), LONDON)
    assert start == datetime(2026, 12, 28, tzinfo=UTC)
    assert end == datetime(2027, 1, 4, tzinfo=UTC)


def test_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        week_bounds(datetime(2026, 1, 1), LONDON)
