"""The pain-trend chart is a real, small PNG, with or without check-ins."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

import pytest
from matplotlib.image import imread

from bot.render.charts import DPI, HEIGHT_INCHES, WIDTH_INCHES, pain_trend_png

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
EXPECTED_SHAPE = (round(HEIGHT_INCHES * DPI), round(WIDTH_INCHES * DPI))
START = datetime(2026, 3, 2, 18, 30, tzinfo=UTC)
WEEK_OF_PAIN = [(START + timedelta(days=day), pain) for day, pain in enumerate([3, 5, 6, 4, 7])]


def decoded_shape(png: bytes) -> tuple[int, int]:
    """Height and width in pixels, as matplotlib reads the PNG back."""
    pixels = imread(BytesIO(png), format="png")
    return pixels.shape[0], pixels.shape[1]


@pytest.mark.parametrize(
    "points",
    [[], WEEK_OF_PAIN[:1], WEEK_OF_PAIN],
    ids=["no check-ins", "one check-in", "five check-ins"],
)
def test_chart_is_a_png_of_the_expected_size(points: list[tuple[datetime, int]]) -> None:
    png = pain_trend_png(points, "Pain after sessions", threshold=5)

    assert png.startswith(PNG_SIGNATURE)
    assert decoded_shape(png) == EXPECTED_SHAPE


def test_no_check_ins_draw_a_different_image_from_some() -> None:
    assert pain_trend_png([], "Anna") != pain_trend_png(WEEK_OF_PAIN, "Anna")


def test_chart_without_a_threshold_is_a_png() -> None:
    assert decoded_shape(pain_trend_png(WEEK_OF_PAIN, "Anna")) == EXPECTED_SHAPE


def test_points_in_any_order_draw_the_same_chart() -> None:
    shuffled = [WEEK_OF_PAIN[index] for index in (3, 0, 4, 1, 2)]

    assert pain_trend_png(shuffled, "Anna", 5) == pain_trend_png(WEEK_OF_PAIN, "Anna", 5)


def test_naive_times_and_other_time_zones_are_drawn() -> None:
    berlin = ZoneInfo("Europe/Berlin")
    naive = [(when.replace(tzinfo=None), pain) for when, pain in WEEK_OF_PAIN]
    local = [(when.astimezone(berlin), pain) for when, pain in WEEK_OF_PAIN]

    assert decoded_shape(pain_trend_png(naive, "Naive")) == EXPECTED_SHAPE
    assert decoded_shape(pain_trend_png(local, "Berlin")) == EXPECTED_SHAPE


def test_many_check_ins_at_the_extremes_of_the_scale_are_drawn() -> None:
    months = [(START + timedelta(hours=20 * index), (index % 2) * 10) for index in range(90)]

    assert decoded_shape(pain_trend_png(months, "Three months", 5)) == EXPECTED_SHAPE


def test_charts_drawn_on_several_threads_at_once_match_one_drawn_alone() -> None:
    alone = pain_trend_png(WEEK_OF_PAIN, "Anna", 5)

    with ThreadPoolExecutor(max_workers=4) as pool:
        together = list(pool.map(lambda _: pain_trend_png(WEEK_OF_PAIN, "Anna", 5), range(8)))

    assert all(png == alone for png in together)
