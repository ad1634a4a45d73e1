"""Pain charts: a member's pain scores over time, as PNG images.

- `pain_trend_png`: the member's own /progress chart, their after-session scores.
- `pain_history_png`: the coach's chart of one member (sent with a flag): after-session,
  before-session and next-morning scores drawn apart, with a legend and the flag marked.
- `digest_png`: the coach's daily digest, small multiples of the same chart, one panel per
  member (at most `MAX_PANELS`), on one shared time axis and one legend.

Drawn with matplotlib's object API on the headless Agg canvas: every call builds its own
`Figure`, nothing touches pyplot or its global figure list, so it is safe from any thread and
needs no display. Callers on the event loop draw in a worker thread (`asyncio.to_thread`).
Titles hold what members typed (their names): they are drawn literally, never parsed as
mathtext, whatever "$" or "\\" they hold.

matplotlib is imported when the first chart is drawn, not with the bot: about 30 MB resident
that a bot which has drawn no chart yet does without; the first chart takes a second or so
longer (see bench/memory.py).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, tzinfo
from io import BytesIO
from typing import TYPE_CHECKING, Literal, NamedTuple

from bot.render.dates import day_and_month, long_date, month_name
from bot.render.i18n import N_, Text
from bot.rules.symptoms import CheckIn, CheckInKind

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.lines import Line2D

WIDTH_INCHES = 6.0
HEIGHT_INCHES = 3.0
DPI = 100
"""6 x 3 inches at 100 dpi: a 600 x 300 pixel image, readable in a chat on a phone."""

TITLE_MAX = 80
"""Characters of the title that fit across the chart at its font size."""

MAX_PANELS = 12
"""Panels in one digest image: 3 columns of 4 rows, 1200 x 1270 pixels. Telegram shows a photo
at up to 1280 pixels on its long side, so each 400 x 300 panel reaches the coach at full size;
more panels would be scaled down below legible."""
PANEL_WIDTH_INCHES = 4.0
PANEL_HEIGHT_INCHES = 3.0
PANEL_COLUMNS = 3
PANEL_TITLE_MAX = 40
"""Characters of a panel's title that fit across a panel at its font size."""
_LEGEND_INCHES = 0.7  # the band at the top of a digest image that holds the legend

SCORE_LABELS: dict[CheckInKind, Text] = {
    "session": N_("After session"),
    "before": N_("Before session"),
    "morning": N_("Next morning"),
}
"""The legend's words for each kind of score, in the order the legend lists them."""
FLAG_LABEL = N_("Flag")
PAIN_AXIS_LABEL = N_("Pain (0-10)")
NO_CHECK_INS = N_("No check-ins yet")
NO_SCORES_IN_DIGEST = N_("No pain scores in this time")

_LINE_COLOUR = "#1f6feb"
_THRESHOLD_COLOUR = "#d1242f"
_FLAG_COLOUR = "#d1242f"
# The dashboard's colours for the same kinds (bot/web/static/app.js), and a marker shape and
# line style each, so the kinds stay apart in grey and for colour-blind eyes.
_SCORE_STYLES: dict[CheckInKind, tuple[str, str, Literal["-", ":", "--"]]] = {
    "session": ("#1f6fb2", "o", "-"),
    "before": ("#6b4fbb", "s", ":"),
    "morning": ("#b35c00", "^", "--"),
}
_SINGLE_POINT_MARGIN = 3.0  # days, the unit of matplotlib's date numbers
# Tick labels such as "05 Mar" and "18:00", and the note under the axis ("Mar 2026"), for ticks
# that are years, months, days, hours, minutes and seconds apart; the first-tick formats are
# for a tick on the first of a month or at midnight, which would otherwise read "Mar" or "00:00".
# A date is written as numbers between «marks» («%d.%m» is day and month), which `_named` turns
# into words in the reader's language (`bot.render.dates`): strftime's %b is always English.
_TICK_FORMATS = ["%Y", "«%m»", "«%d.%m»", "%H:%M", "%H:%M", "%H:%M:%S"]
_FIRST_TICK_FORMATS = ["", "%Y", "«%d.%m»", "«%d.%m»", "%H:%M", "%H:%M"]
_OFFSET_FORMATS = ["", "%Y", "«%m» %Y", "«%d.%m.%Y»", "«%d.%m.%Y»", "«%d.%m.%Y»"]
_DATE_MARK = re.compile(r"«(\d+)(?:\.(\d+))?(?:\.(\d+))?»")


class _Score(NamedTuple):
    at: datetime
    pain: int
    kind: CheckInKind


@dataclass(frozen=True)
class PainPanel:
    """One member's chart: a title (their name), their check-ins, the times of the flags to
    mark, and a short note for what has no time of its own (e.g. "no session for a week")."""

    title: str
    check_ins: Sequence[CheckIn]
    flagged: Sequence[datetime] = ()
    note: str = ""


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
    figure = _new_figure(WIDTH_INCHES, HEIGHT_INCHES)
    # Fixed margins, measured for this size: an automatic layout engine doubles the render time.
    figure.subplots_adjust(left=0.1, right=0.94, top=0.9, bottom=0.17)
    axes = figure.add_subplot()
    _pain_axes(axes, title, TITLE_MAX, threshold, fontsize=11)

    ordered = sorted(points, key=lambda point: point[0])
    if not ordered:
        axes.set_xticks([])
        _centred_note(axes, NO_CHECK_INS(), fontsize=13)
    else:
        zone = ordered[0][0].tzinfo
        times = _plot_dates([when for when, _ in ordered])
        pains = [pain for _, pain in ordered]
        _date_axis(axes, zone, maxticks=8)
        axes.plot(times, pains, color=_LINE_COLOUR, marker="o", markersize=5, linewidth=1.5)
        _label_last(axes, times[-1], pains[-1], fontsize=9)
        if len(ordered) == 1:
            axes.set_xlim(times[0] - _SINGLE_POINT_MARGIN, times[0] + _SINGLE_POINT_MARGIN)
    return _png(figure)


def pain_history_figure(
    check_ins: Sequence[CheckIn],
    title: str,
    threshold: int | None = None,
    flagged: Sequence[datetime] = (),
) -> Figure:
    """The coach's chart of one member: each kind of score its own line and marker, the
    flags as red vertical lines, and a legend of what is drawn. Dates are shown in the time
    zone of the first check-in."""
    figure = _new_figure(WIDTH_INCHES, HEIGHT_INCHES)
    figure.subplots_adjust(left=0.1, right=0.94, top=0.9, bottom=0.17)
    axes = figure.add_subplot()
    _pain_axes(axes, title, TITLE_MAX, threshold, fontsize=11)
    scored = _scored(check_ins)
    if not scored:
        axes.set_xticks([])
        _centred_note(axes, NO_CHECK_INS(), fontsize=13)
        return figure
    _date_axis(axes, scored[0].at.tzinfo, maxticks=8)
    drawn = _draw_scores(axes, scored, markersize=5)
    _mark_flags(axes, flagged)
    times = _plot_dates([check_in.at for check_in in scored])
    if len(set(times)) == 1:
        axes.set_xlim(times[0] - _SINGLE_POINT_MARGIN, times[0] + _SINGLE_POINT_MARGIN)
    axes.legend(
        handles=_legend_handles(drawn, flags=bool(flagged)),
        loc="upper left",
        fontsize=7,
        framealpha=0.8,
        ncols=4,
    )
    return figure


def pain_history_png(
    check_ins: Sequence[CheckIn],
    title: str,
    threshold: int | None = None,
    flagged: Sequence[datetime] = (),
) -> bytes:
    """`pain_history_figure` as a PNG."""
    return _png(pain_history_figure(check_ins, title, threshold, flagged))


def digest_figure(
    panels: Sequence[PainPanel],
    start: datetime,
    end: datetime,
    threshold: int | None = None,
) -> Figure:
    """Small multiples for the coach's digest: one panel per member, in order, three to a row,
    every panel on the same pain scale and the same time axis (`start` to `end`, shown in
    `end`'s time zone), one legend for all at the top.

    Raises ValueError for no panels or more than `MAX_PANELS` (page them: one image each).
    """
    if not 1 <= len(panels) <= MAX_PANELS:
        raise ValueError(f"a digest image holds 1 to {MAX_PANELS} panels, not {len(panels)}")
    columns = min(len(panels), PANEL_COLUMNS)
    rows = math.ceil(len(panels) / columns)
    height = rows * PANEL_HEIGHT_INCHES + _LEGEND_INCHES
    figure = _new_figure(columns * PANEL_WIDTH_INCHES, height)
    legend_band = _LEGEND_INCHES / height
    figure.subplots_adjust(
        left=0.3 / columns,
        right=1 - 0.08 / columns,
        top=1 - legend_band,
        bottom=0.35 / height,
        hspace=0.3,
        wspace=0.12,
    )
    # One pain scale and one time axis for all: the panels compare at a glance, and the inner
    # tick labels are left out (fewer texts to draw, the slowest part of a many-panel image).
    grid = figure.subplots(rows, columns, sharex=True, sharey=True, squeeze=False)
    places = list(grid.flat)
    for axes in places[len(panels) :]:
        figure.delaxes(axes)
    for index, (axes, panel) in enumerate(zip(places, panels, strict=False)):
        if index + columns >= len(panels):  # nothing below it: it shows the dates
            axes.xaxis.set_tick_params(labelbottom=True)
        _digest_panel(axes, panel, start, end, threshold)
    _week_axis(places[0], start, end)
    figure.legend(
        handles=_legend_handles(list(SCORE_LABELS), flags=True),
        loc="upper center",
        bbox_to_anchor=(0.5, 1 - 0.1 / height),
        ncols=len(SCORE_LABELS) + 1,
        fontsize=10,
        frameon=False,
    )
    return figure


def digest_png(
    panels: Sequence[PainPanel],
    start: datetime,
    end: datetime,
    threshold: int | None = None,
) -> bytes:
    """`digest_figure` as a PNG."""
    return _png(digest_figure(panels, start, end, threshold))


def _digest_panel(
    axes: Axes,
    panel: PainPanel,
    start: datetime,
    end: datetime,
    threshold: int | None,
) -> None:
    _pain_axes(axes, panel.title, PANEL_TITLE_MAX, threshold, fontsize=10, ylabel=False)
    axes.tick_params(labelsize=8)
    scored = [c for c in _scored(panel.check_ins) if start <= c.at <= end]
    if scored:
        _draw_scores(axes, scored, markersize=4)
    else:
        _centred_note(axes, NO_SCORES_IN_DIGEST(), fontsize=9)
    _mark_flags(axes, [when for when in panel.flagged if start <= when <= end])
    if panel.note:
        axes.text(
            0.02,
            0.96,
            _one_line(panel.note, PANEL_TITLE_MAX + 10),
            transform=axes.transAxes,
            ha="left",
            va="top",
            fontsize=8,
            color=_FLAG_COLOUR,
            parse_math=False,
            bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
        )


def _pain_axes(
    axes: Axes,
    title: str,
    title_max: int,
    threshold: int | None,
    *,
    fontsize: int,
    ylabel: bool = True,
) -> None:
    """The pain scale (0-10), its grid, the title drawn literally, and the threshold line."""
    # A member's name is in the title: drawn literally, never parsed as mathtext ("$\\foo$").
    axes.set_title(_one_line(title, title_max), fontsize=fontsize, parse_math=False, usetex=False)
    axes.set_ylim(-0.5, 10.5)
    axes.set_yticks(range(0, 11, 2))
    if ylabel:
        axes.set_ylabel(PAIN_AXIS_LABEL())
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


def _named(label: str) -> str:
    """A tick label with its «marked» date in the reader's language: «03» is "Mar", «05.03»
    "05 Mar", «05.03.2026» "05 Mar 2026"."""

    def said(found: re.Match[str]) -> str:
        first, second, third = found.groups()
        if second is None:
            return month_name(int(first))
        if third is None:
            return day_and_month(date(2000, int(second), int(first)))  # 2000 has 29 Feb
        return long_date(date(int(third), int(second), int(first)))

    return _DATE_MARK.sub(said, label)


def _date_axis(axes: Axes, zone: tzinfo | None, *, maxticks: int) -> None:
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter

    class NamedDates(ConciseDateFormatter):
        """Concise dates with month names in the reader's language."""

        def format_ticks(self, values: Sequence[float]) -> list[str]:
            labels = super().format_ticks(values)  # type: ignore[no-untyped-call]
            return [_named(label) for label in labels]

        def get_offset(self) -> str:
            return _named(super().get_offset())  # type: ignore[no-untyped-call]

    locator = AutoDateLocator(tz=zone, minticks=3, maxticks=maxticks)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(locator)
    formatter = NamedDates(  # type: ignore[no-untyped-call]
        locator,
        tz=zone,
        formats=_TICK_FORMATS,
        zero_formats=_FIRST_TICK_FORMATS,
        offset_formats=_OFFSET_FORMATS,
    )
    axes.xaxis.set_major_formatter(formatter)


def _week_axis(axes: Axes, start: datetime, end: datetime) -> None:
    from matplotlib.dates import WeekdayLocator, num2date
    from matplotlib.ticker import FuncFormatter

    """The shared time axis of the digest's panels, `start` to `end`: a tick on the digest's
    weekday each week ("03 Mar"), in `end`'s time zone."""
    zone = end.tzinfo
    axes.set_xlim(*_plot_dates([start, end]))
    weekly = WeekdayLocator(byweekday=end.weekday(), tz=zone)  # type: ignore[no-untyped-call]
    axes.xaxis.set_major_locator(weekly)

    def tick(value: float, _position: int | None) -> str:
        return day_and_month(num2date(value, tz=zone).date())  # type: ignore[no-untyped-call]

    axes.xaxis.set_major_formatter(FuncFormatter(tick))


def _scored(check_ins: Sequence[CheckIn]) -> list[_Score]:
    """The pain scores of the check-ins (notes without a score left out), in time order."""
    scores = [_Score(c.at, c.pain, c.kind) for c in check_ins if c.pain is not None]
    return sorted(scores, key=lambda score: score.at)


def _draw_scores(axes: Axes, scored: Sequence[_Score], *, markersize: int) -> list[CheckInKind]:
    """One line per kind of score; the kinds drawn, in legend order. The latest score is
    labelled with its value."""
    drawn: list[CheckInKind] = []
    for kind in SCORE_LABELS:
        ofkind = [c for c in scored if c.kind == kind]
        if not ofkind:
            continue
        colour, marker, style = _SCORE_STYLES[kind]
        axes.plot(
            _plot_dates([c.at for c in ofkind]),
            [c.pain for c in ofkind],
            color=colour,
            marker=marker,
            linestyle=style,
            markersize=markersize,
            linewidth=1.3,
        )
        drawn.append(kind)
    latest = scored[-1]
    _label_last(axes, _plot_dates([latest.at])[0], latest.pain, fontsize=8)
    return drawn


def _mark_flags(axes: Axes, flagged: Sequence[datetime]) -> None:
    for when in flagged:
        axes.axvline(_plot_dates([when])[0], color=_FLAG_COLOUR, linewidth=1.2, alpha=0.7)


def _legend_handles(kinds: Sequence[CheckInKind], *, flags: bool) -> list[Line2D]:
    from matplotlib.lines import Line2D

    handles = []
    for kind in kinds:
        colour, marker, style = _SCORE_STYLES[kind]
        handles.append(
            Line2D([], [], color=colour, marker=marker, linestyle=style, label=SCORE_LABELS[kind]())
        )
    if flags:
        handles.append(Line2D([], [], color=_FLAG_COLOUR, linewidth=1.2, label=FLAG_LABEL()))
    return handles


def _label_last(axes: Axes, when: float, pain: int, *, fontsize: int) -> None:
    axes.annotate(
        str(pain),
        (when, pain),
        textcoords="offset points",
        xytext=(0, 7),
        ha="center",
        fontsize=fontsize,
    )


def _centred_note(axes: Axes, text: str, *, fontsize: int) -> None:
    axes.text(
        0.5,
        0.5,
        text,
        ha="center",
        va="center",
        fontsize=fontsize,
        bbox={"facecolor": "white", "edgecolor": "none"},
        transform=axes.transAxes,
    )


def _one_line(title: str, limit: int) -> str:
    """A title as drawn: one line, at most `limit` characters."""
    line = " ".join(title.split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _plot_dates(times: Sequence[datetime]) -> list[float]:
    """Datetimes as matplotlib date numbers (days since the epoch, aware times in UTC)."""
    from matplotlib.dates import date2num

    return [float(number) for number in date2num(times)]  # type: ignore[no-untyped-call]


def _new_figure(width: float, height: float) -> Figure:
    """A figure of that many inches on its own Agg canvas (no pyplot)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height), dpi=DPI)
    FigureCanvasAgg(figure)
    return figure


def _png(figure: Figure) -> bytes:
    buffer = BytesIO()
    figure.savefig(buffer, format="png")
    return buffer.getvalue()
