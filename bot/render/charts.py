"""Pain-trend chart for the coach: a small PNG of a member's pain scores over time.

Drawn with matplotlib's object API on the headless Agg canvas: every call builds its own
`Figure`, nothing touches pyplot or its global figure list, so it is safe from any thread and
needs no display.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from io import BytesIO

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
from matplotlib.figure import Figure

WIDTH_INCHES = 6.0
HEIGHT_INCHES = 3.0
DPI = 100
"""6 x 3 inches at 100 dpi: a 600 x 300 pixel image, readable in a chat on a phone."""

TITLE_MAX = 80
"""Characters of the title that fit across the chart at its font size."""

_LINE_COLOUR = "#1f6feb"
_THRESHOLD_COLOUR = "#d1242f"
_SINGLE_POINT_MARGIN = 3.0  # days, the unit of matplotlib's date numbers
# Tick labels such as "05 Mar" and "18:00", and the note under the axis ("Mar 2026"), for ticks
# that are years, months, days, hours, minutes and seconds apart; the first-tick formats are
# for a tick on the first of a month or at midnight, which would otherwise read "Mar" or "00:00".
_TICK_FORMATS = ["%Y", "%b", "%d %b", "%H:%M", "%H:%M", "%H:%M:%S"]
_FIRST_TICK_FORMATS = ["", "%Y", "%d %b", "%d %b", "%H:%M", "%H:%M"]
_OFFSET_FORMATS = ["", "%Y", "%b %Y", "%d %b %Y", "%d %b %Y", "%d %b %Y"]


def pain_trend_png(
    points: Sequence[tuple[datetime, int]], title: str, threshold: int | None = None
) -> bytes:
    """A PNG of pain (0-10) against time, one marker per check-in.

    Points are drawn in time order whatever order they come in. `threshold`, when given, is a
    dashed line the coach can read against (e.g. the persistent-pain level). With no points
    the image says "No check-ins yet"; with one point the date axis spans three days either side.
    Dates are shown in the time zone of the first point (UTC for naive datetimes).
    `title` may hold anything a member typed: it is drawn as plain text, cut to
    `TITLE_MAX` characters.
    """
    figure = Figure(figsize=(WIDTH_INCHES, HEIGHT_INCHES), dpi=DPI)
    FigureCanvasAgg(figure)
    # Fixed margins, measured for this size: an automatic layout engine doubles the render time.
    figure.subplots_adjust(left=0.1, right=0.94, top=0.9, bottom=0.17)
    axes = figure.add_subplot()
    # A member's name is in the title: drawn literally, never parsed as mathtext ("$\\foo$").
    axes.set_title(_shown(title), fontsize=11, parse_math=False, usetex=False)
    axes.set_ylim(-0.5, 10.5)
    axes.set_yticks(range(0, 11, 2))
    axes.set_ylabel("Pain (0-10)")
    axes.grid(axis="y", alpha=0.3)

    if threshold is not None:
        axes.axhline(threshold, color=_THRESHOLD_COLOUR, linestyle="--", linewidth=1)
        axes.text(
            1.0,
            threshold,
            f" {threshold}",
            color=_THRESHOLD_COLOUR,
            va="center",
            ha="left",
            transform=axes.get_yaxis_transform(),
        )

    ordered = sorted(points, key=lambda point: point[0])
    if not ordered:
        axes.set_xticks([])
        axes.text(
            0.5,
            0.5,
            "No check-ins yet",
            ha="center",
            va="center",
            fontsize=13,
            bbox={"facecolor": "white", "edgecolor": "none"},
            transform=axes.transAxes,
        )
    else:
        zone = ordered[0][0].tzinfo
        times = _plot_dates([when for when, _ in ordered])
        pains = [pain for _, pain in ordered]
        locator = AutoDateLocator(tz=zone, minticks=3, maxticks=8)  # type: ignore[no-untyped-call]
        axes.xaxis.set_major_locator(locator)
        formatter = ConciseDateFormatter(  # type: ignore[no-untyped-call]
            locator,
            tz=zone,
            formats=_TICK_FORMATS,
            zero_formats=_FIRST_TICK_FORMATS,
            offset_formats=_OFFSET_FORMATS,
        )
        axes.xaxis.set_major_formatter(formatter)
        axes.plot(times, pains, color=_LINE_COLOUR, marker="o", markersize=5, linewidth=1.5)
        axes.annotate(
            str(pains[-1]),
            (times[-1], pains[-1]),
            textcoords="offset points",
            xytext=(0, 7),
            ha="center",
            fontsize=9,
        )
        if len(ordered) == 1:
            axes.set_xlim(times[0] - _SINGLE_POINT_MARGIN, times[0] + _SINGLE_POINT_MARGIN)

    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()


def _shown(title: str) -> str:
    """The title as drawn: one line, at most `TITLE_MAX` characters."""
    line = " ".join(title.split())
    return line if len(line) <= TITLE_MAX else line[: TITLE_MAX - 1] + "…"


def _plot_dates(times: Sequence[datetime]) -> list[float]:
    """Datetimes as matplotlib date numbers (days since the epoch, aware times in UTC)."""
    return [float(number) for number in date2num(times)]  # type: ignore[no-untyped-call]
