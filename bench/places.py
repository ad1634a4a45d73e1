"""What reading typed places, times and pain costs: memory, load and lookup times, and how
long each text reader takes on the oversized input of issue 22.

Memory is measured in a fresh process per item, after importing the bot (``bot.app``: numpy
and friends are already there, as in the running bot): the RSS the places index adds once
loaded and once it has guessed a misspelt name, and what timezonefinder adds after 1,000
lookups. Disk: the data file and the installed packages these features need.

    .venv/bin/python -m bench.places
"""

from __future__ import annotations

import gc
import multiprocessing
import random
import statistics
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from functools import partial
from importlib import metadata
from pathlib import Path

import psutil  # type: ignore[import-untyped]

from bench.harness import mark

ROUNDS = 200
LOOKUPS = {
    "one city": "Porto",
    "city and state": "Portland, Oregon",
    "shared name": "Springfield",
    "country": "United States",
    "zone id": "Europe/Lisbon",
    "misspelt (guess)": "Seatle",
    "no such place": "Atlantis/Underwater",
}
READERS = {"read_time_of_day": "7 ", "parse_pain": "7 ", "parse_time_zone": "us "}
"""Each reader, and a pattern that makes the most work for it when repeated up to its cap."""
BOUND_TARGET_MS = 1.0
"""Issue 22: 16 KB took 2.2 s in the time and pain readers."""
PACKAGES = ("rapidfuzz", "timezonefinder", "timezonefinder-data", "h3", "flatbuffers", "cffi")


def _rss_mb() -> float:
    gc.collect()
    return float(psutil.Process().memory_info().rss) / 2**20


def index_memory() -> tuple[float, float, float]:
    """(ms to load the index, MB it adds once loaded, MB added once a guess was made)."""
    import bot.app  # noqa: F401 - the bot's own imports come first, as in production
    from bot.rules.places import find_time_zone  # imported with the bot already

    before = _rss_mb()
    started = time.perf_counter()
    find_time_zone("Porto")
    loaded_ms = (time.perf_counter() - started) * 1000
    loaded = _rss_mb()
    find_time_zone("Seatle")
    return loaded_ms, loaded - before, _rss_mb() - before


def finder_memory() -> tuple[float, float]:
    """(MB timezonefinder adds after 1,000 lookups, µs per lookup after the first)."""
    import bot.app  # noqa: F401
    from bot.rules.places import time_zone_at

    before = _rss_mb()
    time_zone_at(0.0, 0.0)
    points = random.Random(1)
    coordinates = [(points.uniform(-60, 70), points.uniform(-180, 180)) for _ in range(1000)]
    started = time.perf_counter()
    for latitude, longitude in coordinates:
        time_zone_at(latitude, longitude)
    per_lookup_us = (time.perf_counter() - started) / len(coordinates) * 1e6
    return _rss_mb() - before, per_lookup_us


def in_fresh_process(work: Callable[[], tuple[float, ...]]) -> tuple[float, ...]:
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as pool:
        return pool.submit(work).result()


def timed_us(call: Callable[[], object], rounds: int = ROUNDS) -> tuple[float, float]:
    """Median and slowest µs of ``rounds`` calls."""
    timings = []
    for _ in range(rounds):
        started = time.perf_counter()
        call()
        timings.append((time.perf_counter() - started) * 1e6)
    return statistics.median(timings), max(timings)


def installed_mb(name: str) -> float:
    files = (Path(file.locate()) for file in metadata.distribution(name).files or [])
    return sum(path.stat().st_size for path in files if path.exists()) / 2**20


def main() -> None:
    from bot.rules import typed_input
    from bot.rules.gazetteer import DATA_FILE
    from bot.rules.places import MAX_PLACE_TEXT, find_time_zone

    load_ms, loaded_mb, guessed_mb = in_fresh_process(index_memory)
    print(
        f"places  index loaded in {load_ms:.0f} ms: RSS +{loaded_mb:.1f} MB, "
        f"+{guessed_mb:.1f} MB once a misspelt name was guessed",
        flush=True,
    )
    find_time_zone("Porto")  # load the index here too
    for what, text in LOOKUPS.items():
        median, slowest = timed_us(partial(find_time_zone, text))
        print(f"places  {what:<17} {text!r:<22} median {median:8.1f} µs, max {slowest:8.1f} µs")
    finder_mb, lookup_us = in_fresh_process(finder_memory)
    print(f"coords  timezonefinder: RSS +{finder_mb:.1f} MB; {lookup_us:.1f} µs per lookup")
    caps = {
        "read_time_of_day": typed_input.MAX_TIME_TEXT,
        "parse_pain": typed_input.MAX_PAIN_TEXT,
        "parse_time_zone": MAX_PLACE_TEXT,
    }
    for name, pattern in READERS.items():
        reader: Callable[[str], object] = getattr(typed_input, name)
        texts = {
            f"{caps[name]} chars": (pattern * caps[name])[: caps[name]],
            "16 KB": pattern * (2**14 // len(pattern)),
            "1 MB": pattern * (2**20 // len(pattern)),
        }
        for size, text in texts.items():
            median, slowest = timed_us(partial(reader, text), rounds=20)
            verdict = mark(slowest / 1000, BOUND_TARGET_MS, at_least=False)
            print(
                f"bounds  {name:<16} {size:>9} of {pattern!r}: median {median:7.1f} µs, "
                f"max {slowest:7.1f} µs (target < {BOUND_TARGET_MS:.0f} ms) {verdict}"
            )
    packages = ", ".join(f"{name} {installed_mb(name):.1f} MB" for name in PACKAGES)
    print(f"disk    {DATA_FILE.name} {DATA_FILE.stat().st_size / 2**20:.1f} MB; {packages}")


if __name__ == "__main__":
    main()
