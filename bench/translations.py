"""What translation costs: compiling a catalogue of every message in memory (done once, at
start), and rendering texts through the catalogues (English, and a full pseudo-translation).

Run: .venv/bin/python bench/translations.py
"""

from __future__ import annotations

import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from datetime import time as clock_time
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.messages.pofile import read_po, write_po

from bot.render import i18n, texts
from bot.rules.weekly_cap import WorkoutChoice
from bot.views import MemberSettings, Schedule

ROUNDS = 2_000
NOW = datetime(2026, 11, 27, 12, tzinfo=UTC)
SETTINGS = MemberSettings(
    "Lower Back Pain Relief, Level 1",
    Schedule(frozenset({0, 2, 4}), clock_time(18), ZoneInfo("America/Los_Angeles")),
)


def full_catalogue(directory: Path) -> Path:
    """Every message of the template 'translated' (marked with a leading "» ")."""
    with i18n.LOCALES.joinpath("messages.pot").open("rb") as pot:
        catalog = read_po(pot)
    catalog.locale = "en"
    for message in catalog:
        if message.id:
            ids = message.id if isinstance(message.id, tuple) else (message.id,)
            forms = tuple(f"» {text}" for text in ids)
            message.string = forms if isinstance(message.id, tuple) else forms[0]
    path = directory / "xx" / "LC_MESSAGES" / "messages.po"
    path.parent.mkdir(parents=True)
    with path.open("wb") as po:
        write_po(po, catalog)
    return path


def render() -> None:
    texts.all_set(SETTINGS, NOW)
    texts.reminder("Strengthening and Lengthening", WorkoutChoice("day-1", 1, 3, 2))
    texts.help_text()


def microseconds_per_round(work: Callable[[], None]) -> float:
    began = time.perf_counter()
    for _ in range(ROUNDS):
        work()
    return (time.perf_counter() - began) * 1e6 / ROUNDS


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = full_catalogue(Path(folder))
        loads = []
        for _ in range(5):
            began = time.perf_counter()
            i18n.compile_po(path)
            loads.append((time.perf_counter() - began) * 1000)
        with path.open("rb") as po:
            count = sum(1 for message in read_po(po) if message.id)
        print(f"compile a catalogue of {count} messages: median {statistics.median(loads):.1f} ms")
        i18n.install(i18n.Catalogues.from_directory(Path(folder)))
        english = microseconds_per_round(render)
        with i18n.speaking("xx"):
            translated = microseconds_per_round(render)
        i18n.install(None)
    print(f"render 3 member texts: English {english:.1f} µs, translated {translated:.1f} µs")


if __name__ == "__main__":
    main()
