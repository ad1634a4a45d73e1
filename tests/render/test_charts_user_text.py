"""Whatever a member calls themselves, the chart is drawn: their name is plain text to it.

The name is the only text a member controls that reaches the chart (as its title); notes
never do.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.render.charts import pain_trend_png

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
START = datetime(2026, 3, 2, 18, 30, tzinfo=UTC)
POINTS = [(START + timedelta(days=day), pain) for day, pain in enumerate([4, 6, 9])]

# Names in any script: a character the chart's font lacks is drawn as a box, with a warning.
pytestmark = pytest.mark.filterwarnings("ignore:Glyph .* missing from font")

MATHTEXT_NAMES = [
    r"$\foo$",
    "$x^2$",
    r"$\frac{1}{2}$ Anna",
    "$" + r"\sqrt{" * 600 + "x" + "}" * 600 + "$",
    "$" + "{" * 5000 + "$",
    r"\$ escaped $ dollars $$",
    "$" * 101,
]


@pytest.mark.parametrize("name", MATHTEXT_NAMES, ids=range(len(MATHTEXT_NAMES)))
def test_a_name_that_looks_like_mathtext_is_drawn_literally(name: str) -> None:
    assert pain_trend_png(POINTS, f"{name}: pain after sessions", 5).startswith(PNG_SIGNATURE)


def test_a_literal_title_draws_its_dollar_signs() -> None:
    """Drawn as text, "$x$" differs from "x"; parsed as mathtext both would be an italic x."""
    assert pain_trend_png(POINTS, "$x$") != pain_trend_png(POINTS, "x")


names = st.one_of(
    st.text(max_size=300),
    st.lists(st.sampled_from(["$", "\\", "{", "}", "^", "_", "\\frac", "\\sqrt", "x", " "])).map(
        "".join
    ),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(name=names)
def test_any_name_gives_a_chart(name: str) -> None:
    assert pain_trend_png(POINTS, f"{name}: pain after sessions", 5).startswith(PNG_SIGNATURE)
