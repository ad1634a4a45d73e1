"""How long the coach's charts take to render: one pain-trend chart (the coach gets one with
every flag) and a 12-panel digest image (the coach's daily digest, and each page of it).

Both are drawn in a worker thread (`asyncio.to_thread`), so the time is the wait for the image,
not time the event loop is blocked.

Run: .venv/bin/python bench/chart_render.py
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from bot.render.charts import MAX_PANELS, PainPanel, digest_png, pain_trend_png
from bot.rules.symptoms import CheckIn, CheckInKind

TARGET_MS = 150
DIGEST_TARGET_MS = 1500
ROUNDS = 20
DIGEST_ROUNDS = 5
_SCORE_HOURS: dict[CheckInKind, int] = {"before": -1, "session": 0, "morning": 15}


def median_ms(draw: Callable[[], bytes], rounds: int) -> float:
    draw()  # warm-up: fonts and caches
    timings = []
    for _ in range(rounds):
        began = time.perf_counter()
        draw()
        timings.append((time.perf_counter() - began) * 1000)
    return statistics.median(timings)


def digest_panels(end: datetime) -> list[PainPanel]:
    """Twelve members, each with five weeks of sessions every other day, scored before, after
    and the next morning, and a flag two days ago."""
    panels = []
    for number in range(1, MAX_PANELS + 1):
        check_ins = [
            CheckIn(
                end - timedelta(days=day) + timedelta(hours=hour),
                (day + number + hour) % 8,
                kind,
            )
            for day in range(34, 0, -2)
            for kind, hour in _SCORE_HOURS.items()
        ]
        flagged = [end - timedelta(days=2)]
        panels.append(PainPanel(f"Member {number} #{number}", check_ins, flagged, "high"))
    return panels


def report(name: str, median: float, rounds: int, target: int) -> None:
    verdict = "PASS" if median < target else "MISS"
    print(f"{name}: median {median:.1f} ms over {rounds} (target < {target} ms) {verdict}")


def main() -> None:
    start = datetime(2026, 11, 2, 18, tzinfo=UTC)
    points = [(start + timedelta(days=2 * i), pain) for i, pain in enumerate([3, 4, 6, 5, 7, 7])]
    chart = median_ms(lambda: pain_trend_png(points, "Anna", 5), ROUNDS)
    report("chart render", chart, ROUNDS, TARGET_MS)
    end = datetime(2026, 12, 8, 18, tzinfo=UTC)
    panels = digest_panels(end)
    digest = median_ms(lambda: digest_png(panels, end - timedelta(days=35), end, 5), DIGEST_ROUNDS)
    report(f"digest render ({MAX_PANELS} panels)", digest, DIGEST_ROUNDS, DIGEST_TARGET_MS)


if __name__ == "__main__":
    main()
