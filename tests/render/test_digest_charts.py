"""The coach's pain charts: the digest's small multiples (one panel per member, one legend),
and the chart of one member sent with a flag (every kind of score apart, the flag marked)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from io import BytesIO

import pytest
from matplotlib.figure import Figure
from matplotlib.image import imread

from bot.render.charts import (
    MAX_PANELS,
    PainPanel,
    digest_figure,
    digest_png,
    pain_history_figure,
    pain_history_png,
)
from bot.rules.symptoms import CheckIn, CheckInKind

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
END = datetime(2026, 3, 10, 18, tzinfo=UTC)
START = END - timedelta(days=35)
EVERY_LEGEND_ENTRY = ["After session", "Before session", "Next morning", "Flag"]


def week_of_scores(
    kinds: tuple[CheckInKind, ...] = ("before", "session", "morning"),
) -> list[CheckIn]:
    """Three sessions in the last week, with a score of each kind asked for around each."""
    hours = {"before": -1, "session": 0, "morning": 15}
    return [
        CheckIn(END - timedelta(days=day) + timedelta(hours=hours[kind]), pain, kind)
        for day, pain in ((6, 3), (4, 5), (2, 4))
        for kind in kinds
    ]


def panel(title: str = "Maya #1") -> PainPanel:
    return PainPanel(title, week_of_scores(), flagged=[END - timedelta(days=2)], note="high")


def legend_entries(figure: Figure) -> list[str]:
    legends = [*figure.legends, *(axes.get_legend() for axes in figure.axes)]
    return [text.get_text() for legend in legends if legend is not None for text in legend.texts]


def shape(png: bytes) -> tuple[int, int]:
    pixels = imread(BytesIO(png), format="png")
    return pixels.shape[0], pixels.shape[1]


@pytest.mark.parametrize("count", [1, 2, 5, MAX_PANELS])
def test_the_digest_image_has_a_panel_per_member(count: int) -> None:
    figure = digest_figure([panel(f"Member #{n}") for n in range(count)], START, END, 5)
    assert [axes.get_title() for axes in figure.axes] == [f"Member #{n}" for n in range(count)]


def test_the_digest_image_has_one_legend_of_every_kind_of_score_and_the_flag() -> None:
    figure = digest_figure([panel(), panel("Ben #2")], START, END, 5)
    assert legend_entries(figure) == EVERY_LEGEND_ENTRY


def test_the_digest_image_is_a_png() -> None:
    assert digest_png([panel()], START, END, 5).startswith(PNG_SIGNATURE)


def test_twelve_panels_fit_what_telegram_shows_of_a_photo() -> None:
    height, width = shape(digest_png([panel()] * MAX_PANELS, START, END, 5))
    assert max(height, width) <= 1280


@pytest.mark.parametrize("count", [0, MAX_PANELS + 1])
def test_a_digest_image_takes_one_to_twelve_panels(count: int) -> None:
    with pytest.raises(ValueError, match="1 to 12 panels"):
        digest_figure([panel()] * count, START, END)


def test_a_member_without_scores_gets_a_panel_that_says_so() -> None:
    figure = digest_figure([PainPanel("Ben #2", [])], START, END)
    assert "No pain scores in this time" in [text.get_text() for text in figure.axes[0].texts]


def test_a_panel_title_is_the_name_as_typed() -> None:
    figure = digest_figure([panel("$x^2$ <b> #2")], START, END)
    assert figure.axes[0].get_title() == "$x^2$ <b> #2"


def test_a_panel_title_is_drawn_literally_not_as_mathtext() -> None:
    """Drawn as text, "$x$" differs from "x"; parsed as mathtext both would be an italic x."""
    assert digest_png([panel("$x$")], START, END) != digest_png([panel("x")], START, END)


def test_the_flag_chart_draws_each_kind_of_score_with_its_own_marker() -> None:
    figure = pain_history_figure(week_of_scores(), "Maya: pain scores", 5, [END])
    markers = {
        line.get_label(): line.get_marker() for line in figure.axes[0].get_legend().get_lines()
    }
    assert len(set(markers.values())) == len(markers)


def test_the_flag_chart_legend_names_the_kinds_it_shows_and_the_flag() -> None:
    figure = pain_history_figure(week_of_scores(("session", "morning")), "Maya", 5, [END])
    assert legend_entries(figure) == ["After session", "Next morning", "Flag"]


def test_the_flag_chart_is_a_png() -> None:
    assert pain_history_png(week_of_scores(), "Maya", 5, [END]).startswith(PNG_SIGNATURE)


def test_the_flag_chart_without_scores_says_so() -> None:
    figure = pain_history_figure([CheckIn(END, None, note="stiff")], "Maya")
    assert "No check-ins yet" in [text.get_text() for text in figure.axes[0].texts]
