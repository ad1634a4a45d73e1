"""How long `assess` takes over a member's whole history (the check-in service runs it on each
check-in, inside its transaction).

Run: .venv/bin/python bench/pain_rules.py
"""

from __future__ import annotations

import random
import statistics
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from bot.rules.symptoms import CheckIn, assess

TARGET_MS = 20
"""For three years of check-ins: well under the time a Telegram round trip takes."""
ROUNDS = 20
ZONE = ZoneInfo("Europe/London")


def history(weeks: int) -> list[CheckIn]:
    """Three sessions a week, each with a before, an after and a next-morning score."""
    scores = random.Random(1)
    start = datetime(2025, 1, 6, 17, 0, tzinfo=ZONE)
    check_ins = []
    for week in range(weeks):
        for weekday in (0, 2, 4):
            day = start + timedelta(days=7 * week + weekday)
            check_ins += [
                CheckIn(day, scores.randint(0, 6), "before"),
                CheckIn(day + timedelta(hours=1), scores.randint(0, 8), "session"),
                CheckIn(day + timedelta(hours=15), scores.randint(0, 7), "morning"),
            ]
    return check_ins


def main() -> None:
    for weeks in (4, 52, 156):
        check_ins = history(weeks)
        timings = []
        for _ in range(ROUNDS):
            began = time.perf_counter()
            assess(check_ins, zone=ZONE)
            timings.append((time.perf_counter() - began) * 1000)
        median = statistics.median(timings)
        line = f"assess: {weeks} weeks, {len(check_ins)} check-ins: median {median:.1f} ms"
        if weeks == 156:
            verdict = "PASS" if median < TARGET_MS else "MISS"
            line += f" (target < {TARGET_MS} ms) {verdict}"
        print(line)


if __name__ == "__main__":
    main()
