"""How long one pain-trend chart takes to render (the coach gets one with every flag).

Run: .venv/bin/python bench/chart_render.py
"""

from __future__ import annotations

import statistics
import time
from datetime import UTC, datetime, timedelta

from bot.render.charts import pain_trend_png

TARGET_MS = 150
ROUNDS = 20


def main() -> None:
    start = datetime(2026, 11, 2, 18, tzinfo=UTC)
    points = [(start + timedelta(days=2 * i), pain) for i, pain in enumerate([3, 4, 6, 5, 7, 7])]
    pain_trend_png(points, "warm-up", 5)
    timings = []
    for _ in range(ROUNDS):
        began = time.perf_counter()
        pain_trend_png(points, "Anna", 5)
        timings.append((time.perf_counter() - began) * 1000)
    median = statistics.median(timings)
    verdict = "PASS" if median < TARGET_MS else "MISS"
    print(f"chart render: median {median:.1f} ms over {ROUNDS} (target < {TARGET_MS} ms) {verdict}")


if __name__ == "__main__":
    main()
