"""Red-flag triage: classification time per message, load time, memory, and corpus scores.

Times `triage` over every message of the labelled corpora (tests/rules/red_flag_corpus*.yaml)
and over long messages up to the 4,096-character cap, after one warm-up pass; reports the
one-off pipeline build time and the resident memory it adds (RSS before importing the detector
and after building it), and the memory added by 5,000 messages of never-seen words (spaCy's
vocabulary grows with new strings). For the learned classifier (`learned`): its size on disk,
the memory a second copy of it takes, and the corpus timings with it switched off.

Run: .venv/bin/python bench/red_flags.py
"""

from __future__ import annotations

import random
import string
import time
from collections.abc import Callable
from pathlib import Path

import psutil  # type: ignore[import-untyped]

P99_TARGET_MS = 20.0
ROUNDS = 5
LONG_LENGTHS = (512, 1024, 2048, 4096, 8192)
NEW_WORD_MESSAGES = 5_000
TESTS = Path(__file__).resolve().parent.parent / "tests" / "rules"
CORPORA = sorted(TESTS.glob("red_flag_corpus*.yaml"))


def rss_mb() -> float:
    return float(psutil.Process().memory_info().rss) / 2**20


def percentile(values: list[float], fraction: float) -> float:
    """The nearest-rank percentile of ``values`` (which must not be empty)."""
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, round(fraction * len(ordered)) - 1))
    return ordered[rank]


def timings_ms(
    classify: Callable[[str], object], texts: list[str], rounds: int
) -> tuple[list[float], list[float]]:
    """Wall-clock and CPU milliseconds per call (the CPU figure is what the call costs; the wall
    figure adds waiting for a core on a busy machine)."""
    for text in texts:
        classify(text)
    wall, cpu = [], []
    for _ in range(rounds):
        for text in texts:
            began, began_cpu = time.perf_counter(), time.thread_time()
            classify(text)
            wall.append((time.perf_counter() - began) * 1000)
            cpu.append((time.thread_time() - began_cpu) * 1000)
    return wall, cpu


def verdict(p99: float) -> str:
    return "PASS" if p99 < P99_TARGET_MS else "MISS"


def learned_figures(classify: Callable[[str], object], texts: list[str]) -> None:
    """What the learned classifier costs: disk, memory (a second copy loaded), time."""
    import spacy

    from bot.rules.red_flags import load
    from bot.rules.red_flags.learned import MODEL_DIR, TEXTCAT, add_to

    disk = sum(path.stat().st_size for path in MODEL_DIR.rglob("*") if path.is_file())
    before = rss_mb()
    add_to(spacy.blank("en"))
    print(
        f"learned classifier: {disk / 2**20:.1f} MB on disk, about {rss_mb() - before:.0f} MB "
        "in memory (RSS taken by loading a second copy)"
    )
    with load().select_pipes(disable=[TEXTCAT]):
        wall, cpu = timings_ms(classify, texts, ROUNDS)
    print(
        f"corpus messages without the classifier: wall p50 {percentile(wall, 0.5):.2f} ms, p99 "
        f"{percentile(wall, 0.99):.2f} ms; CPU p50 {percentile(cpu, 0.5):.2f} ms, p99 "
        f"{percentile(cpu, 0.99):.2f} ms"
    )


def main() -> None:
    before = rss_mb()
    began = time.perf_counter()
    from bot.rules.red_flags import load, triage
    from bot.rules.red_flags.scoring import load_corpus, score

    load()
    load_s = time.perf_counter() - began
    loaded = rss_mb()
    print(
        f"load: import and build {load_s:.2f} s; RSS {before:.0f} -> {loaded:.0f} MB "
        f"(+{loaded - before:.0f} MB)"
    )

    examples = [example for path in CORPORA for example in load_corpus(path)]
    texts = [example.text for example in examples]
    wall, cpu = timings_ms(triage, texts, ROUNDS)
    print(
        f"corpus messages: wall p50 {percentile(wall, 0.5):.2f} ms, p99 "
        f"{percentile(wall, 0.99):.2f} ms; CPU p50 {percentile(cpu, 0.5):.2f} ms, p99 "
        f"{percentile(cpu, 0.99):.2f} ms over {len(wall)} classifications of {len(texts)} "
        f"messages (target p99 < {P99_TARGET_MS:.0f} ms) {verdict(percentile(wall, 0.99))}"
    )

    learned_figures(triage, texts)

    rng = random.Random(7)
    for length in LONG_LENGTHS:
        long_texts = []
        for _ in range(20):
            parts: list[str] = []
            while sum(len(part) + 1 for part in parts) < length:
                parts.append(rng.choice(texts))
            long_texts.append(" ".join(parts)[:length])
        wall, cpu = timings_ms(triage, long_texts, 2)
        note = " (read up to the 4,096-character cap)" if length > 4096 else ""
        print(
            f"long messages {length:>5} chars: wall p50 {percentile(wall, 0.5):.1f} ms, p99 "
            f"{percentile(wall, 0.99):.1f} ms; CPU p50 {percentile(cpu, 0.5):.1f} ms, p99 "
            f"{percentile(cpu, 0.99):.1f} ms{note}"
        )

    before_words = rss_mb()
    for _ in range(NEW_WORD_MESSAGES):
        triage(" ".join("".join(rng.choices(string.ascii_lowercase, k=8)) for _ in range(12)))
    print(
        f"memory: {NEW_WORD_MESSAGES} messages of new words add "
        f"{rss_mb() - before_words:.1f} MB (spaCy's vocabulary keeps every string it sees)"
    )

    print(score(examples).report().split("\nMISSED")[0].split("\nALARM")[0])


if __name__ == "__main__":
    main()
