"""What the bot's memory is made of, read in a fresh process: the interpreter, the imports of
``python -m bot run`` and the red-flag reader it builds at start-up; what the first chart and
the first XLSX export add (matplotlib and openpyxl are imported on first use) and how much
longer they take than the next; what new words cost the reader's vocabulary, and what is left
once the reader is built afresh (as it is after ``RENEW_AFTER_NEW_STRINGS`` new strings).
Prints `Parts` as JSON; ``bench.memory`` runs it and prints the breakdown.

    .venv/bin/python -m bench.memory_probe
"""

from __future__ import annotations

import importlib
import json
import random
import string
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import UTC, datetime, timedelta

import psutil  # type: ignore[import-untyped]

BOT_RUN_IMPORTS = ("bot.cli", "bot.app")
"""What ``python -m bot run`` imports before it starts (`bot.cli` imports `bot.app` in `run`)."""
UNSEEN_MESSAGES = 2_000
"""Messages of five made-up words each, read to see what new strings cost the vocabulary."""


@dataclass(frozen=True)
class FirstUse:
    """Seconds of a first call and of the one after it, and the MB the first one added."""

    first_s: float
    next_s: float
    mb: float


@dataclass(frozen=True)
class Vocabulary:
    """New strings from `UNSEEN_MESSAGES` and the MB they added; the reader's renewal (after
    ``renew_after`` new strings): its seconds, and the MB left over the size before the new
    strings (freed memory stays in the process for reuse)."""

    new_strings: int
    grown_mb: float
    renew_after: int
    renewal_s: float
    renewed_mb: float

    @property
    def kb_per_string(self) -> float:
        return self.grown_mb * 1024 / self.new_strings


@dataclass(frozen=True)
class Parts:
    """RSS in MB after the interpreter's start, the bot's imports and the reader's build, the
    seconds of the build, and the rest measured after it."""

    python_mb: float
    imports_mb: float
    reader_mb: float
    reader_s: float
    chart: FirstUse
    xlsx: FirstUse
    vocabulary: Vocabulary

    def to_json(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def from_json(cls, text: str) -> Parts:
        fields = json.loads(text)
        chart, xlsx = FirstUse(**fields.pop("chart")), FirstUse(**fields.pop("xlsx"))
        vocabulary = Vocabulary(**fields.pop("vocabulary"))
        return cls(**fields, chart=chart, xlsx=xlsx, vocabulary=vocabulary)


def rss_mb() -> float:
    return float(psutil.Process().memory_info().rss) / 2**20


def first_use(use: Callable[[], object]) -> FirstUse:
    before = rss_mb()
    started = time.perf_counter()
    use()
    first = time.perf_counter() - started
    started = time.perf_counter()
    use()
    return FirstUse(first, time.perf_counter() - started, rss_mb() - before)


def probe() -> Parts:
    python_mb = rss_mb()
    for name in BOT_RUN_IMPORTS:
        importlib.import_module(name)
    imports_mb = rss_mb()

    from bot.render.charts import pain_trend_png
    from bot.render.csv_export import COLUMNS
    from bot.render.xlsx_export import export_xlsx
    from bot.rules import red_flags

    started = time.perf_counter()
    red_flags.load()
    reader_s = time.perf_counter() - started
    reader_mb = rss_mb()

    start = datetime(2026, 11, 2, 18, tzinfo=UTC)
    points = [(start + timedelta(days=2 * i), pain) for i, pain in enumerate([3, 4, 6, 5, 7, 6])]
    chart = first_use(lambda: pain_trend_png(points, "Pain after sessions", 5))
    rows = [{column: f"{column} {index}" for column in COLUMNS} for index in range(200)]
    xlsx = first_use(lambda: export_xlsx(rows))
    return Parts(python_mb, imports_mb, reader_mb, reader_s, chart, xlsx, vocabulary())


def vocabulary() -> Vocabulary:
    from bot.rules import red_flags
    from bot.rules.red_flags import pipeline

    letters = random.Random(3)
    strings_before, before = len(pipeline.load().vocab.strings), rss_mb()
    for _ in range(UNSEEN_MESSAGES):
        made_up = " ".join("".join(letters.choices(string.ascii_lowercase, k=7)) for _ in range(5))
        red_flags.triage(f"my back hurts, {made_up}")
    new_strings = len(pipeline.load().vocab.strings) - strings_before
    grown_mb = rss_mb() - before

    renew_after = pipeline.RENEW_AFTER_NEW_STRINGS
    pipeline.RENEW_AFTER_NEW_STRINGS = 0
    try:
        started = time.perf_counter()
        pipeline.load()
        renewal_s = time.perf_counter() - started
    finally:
        pipeline.RENEW_AFTER_NEW_STRINGS = renew_after
    return Vocabulary(new_strings, grown_mb, renew_after, renewal_s, rss_mb() - before)


if __name__ == "__main__":
    print(probe().to_json())
