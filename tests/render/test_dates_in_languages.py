"""Month and weekday names come from Babel in the reader's language, even where the bot has
no catalogue for it (German here: the sentences stay English, the names do not): in texts,
in a rule's reason, and on the charts' date axes."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from matplotlib.figure import Figure

from bot.render.charts import PainPanel, digest_figure, pain_history_figure
from bot.render.dates import date_and_time, long_date, short_date, weekday_name
from bot.render.i18n import speaking
from bot.render.reasons import reason_text
from bot.rules.reasons import N_, Reason
from bot.rules.symptoms import CheckIn

TUESDAY = date(2026, 3, 3)
START = datetime(2026, 3, 2, 18, tzinfo=UTC)


@pytest.fixture
def german() -> Iterator[None]:
    with speaking("de"):
        yield


def tick_labels(figure: Figure) -> list[str]:
    figure.canvas.draw()
    return [label.get_text() for axes in figure.axes for label in axes.xaxis.get_ticklabels()]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        (None, "Tue 03 Mar"),
        ("de", "Di. 03 März"),
        ("pt-br", "ter. 03 mar."),
        ("en-XA", "Tue 03 Mar"),
    ],
    ids=["english", "german", "brazilian", "unknown-to-babel"],
)
def test_a_short_date_names_the_day_and_month_in_the_readers_language(
    language: str | None, said: str
) -> None:
    with speaking(language):
        assert short_date(TUESDAY) == said


@pytest.mark.usefixtures("german")
def test_a_long_date_and_a_time_name_the_month_in_the_readers_language() -> None:
    moment = datetime(2026, 5, 3, 18, 40, tzinfo=UTC)
    assert (long_date(moment.date()), date_and_time(moment)) == ("03 Mai 2026", "So. 03 Mai 18:40")


@pytest.mark.usefixtures("german")
def test_the_day_picker_names_the_weekdays_in_the_readers_language() -> None:
    assert [weekday_name(day) for day in range(7)] == [
        "Mo.", "Di.", "Mi.", "Do.", "Fr.", "Sa.", "So."
    ]  # fmt: skip


@pytest.mark.usefixtures("german")
def test_a_reasons_days_and_numbers_are_written_for_the_readers_locale() -> None:
    reason = Reason(N_("{pain} on {day}"), {"pain": 4.5, "day": date(2026, 3, 2)})
    assert reason_text(reason) == "4,5 on Mo. 2 März"


@pytest.mark.usefixtures("german")
def test_a_members_chart_names_the_months_on_its_axis_in_the_readers_language() -> None:
    check_ins = [CheckIn(START + timedelta(days=day), 4, "session") for day in range(0, 40, 3)]
    labels = tick_labels(pain_history_figure(check_ins, "Maya"))
    assert any("März" in label or "Apr." in label for label in labels), labels
    assert not any("Mar" in label.split() for label in labels), labels


@pytest.mark.usefixtures("german")
def test_the_digests_shared_axis_names_the_months_in_the_readers_language() -> None:
    end = START + timedelta(days=35)
    panel = PainPanel("Maya #1", [CheckIn(end - timedelta(days=2), 4, "session")])
    labels = tick_labels(digest_figure([panel], START, end))
    assert labels
    assert all(label.endswith(("März", "Apr.")) for label in labels), labels
