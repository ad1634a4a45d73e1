"""Red-flag triage, rules alone against rules plus the learned classifier, by cross-validation.

Each JSON-lines file named on the command line (by default the labelled sets under tests/rules)
is one fold: the classifier is trained (as `python -m bot.rules.red_flags.train` does) on the
YAML corpora, the training half of the everyday chat and every other file, then scores the
fold's messages, which it has not seen; as in triage, it is silent where `combine.speaks` says
so (under `combine.MIN_WORDS` words, or no word the reader knows). The rules read every message
as they are. Prints recall, false alarms and per-family precision and recall for the rules alone
and for the combination (`combine.added_families`) at several thresholds, over all folds and
fold by fold. A fold takes one to three minutes.

Run: .venv/bin/python bench/red_flags_cv.py [/path/to/set1.jsonl /path/to/set2.jsonl ...]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Mapping
from pathlib import Path

from bot.rules.red_flags.combine import (
    THRESHOLD,
    Reading,
    added_families,
    read_both,
    speaks,
)
from bot.rules.red_flags.families import FAMILIES, KIND_BY_ID, LEVEL_ORDER, Level
from bot.rules.red_flags.pipeline import read
from bot.rules.red_flags.reading import candidates
from bot.rules.red_flags.scoring import Example, Score, score
from bot.rules.red_flags.text import clean, ended
from bot.rules.red_flags.train import each_once, everyday_half, load_messages, train
from bot.rules.red_flags.triage import TriageResult

TESTS = Path(__file__).resolve().parent.parent / "tests" / "rules"
CORPORA = sorted(TESTS.glob("red_flag_corpus*.yaml"))
LABELLED_SETS = sorted(TESTS.glob("red_flags_*.jsonl"))
THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95)


def level_of(families: frozenset[str]) -> Level:
    level: Level = "none"
    for family in FAMILIES:
        if family.family in families and LEVEL_ORDER[family.level] > LEVEL_ORDER[level]:
            level = family.level
    return level


def result(families: frozenset[str]) -> TriageResult:
    ordered = tuple(family.family for family in FAMILIES if family.family in families)
    return TriageResult(level_of(families), ordered, ())


def by_rules(reading: Reading) -> frozenset[str]:
    return frozenset(KIND_BY_ID[hit.kind].family for hit in reading.hits)


def scored(examples: list[Example], decide: Callable[[Example], frozenset[str]]) -> Score:
    decided = {example.text: result(decide(example)) for example in examples}
    return score(examples, decided.__getitem__)


def summary(name: str, result: Score) -> str:
    families = "  ".join(
        f"{fam.family} P{fam.precision:.2f}/R{fam.recall:.2f}" for fam in result.families
    )
    return (
        f"{name:<22} recall {result.recall:.3f}  false alarms {result.false_alarm_rate:.3f}  "
        f"missed {sum(o.missed for o in result.outcomes):>3}  "
        f"alarms {sum(o.false_alarm for o in result.outcomes):>3}\n    {families}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folds", nargs="*", type=Path, help="JSONL files, one fold each")
    folds: list[Path] = parser.parse_args().folds or LABELLED_SETS
    held_out: dict[Path, list[Example]] = {}
    scores: dict[str, Mapping[str, float]] = {}
    for fold in folds:
        others = [path for path in folds if path != fold]
        model = train(
            each_once([*load_messages([*CORPORA, *others]), *everyday_half(training=True)])
        )
        examples = [
            Example(text, level_of(families), families) for text, families in load_messages([fold])
        ]
        held_out[fold] = examples
        for example, doc in zip(
            examples, model.pipe(ended(clean(example.text)) for example in examples), strict=True
        ):
            spoken = read(example.text, lambda docs: speaks(docs, candidates(docs)))
            scores[example.text] = doc.cats if spoken else {}
        print(f"fold {fold.name}: {len(examples)} messages scored", flush=True)
    readings = {
        example.text: read(example.text, read_both)
        for examples in held_out.values()
        for example in examples
    }

    def rules(example: Example) -> frozenset[str]:
        return by_rules(readings[example.text])

    def combined(threshold: float) -> Callable[[Example], frozenset[str]]:
        def decide(example: Example) -> frozenset[str]:
            reading = readings[example.text]
            found = by_rules(reading)
            extra = added_families(found, scores[example.text], reading.vetoed, threshold)
            return found | frozenset(extra)

        return decide

    everything = [example for examples in held_out.values() for example in examples]
    print(f"\nall folds ({len(everything)} messages); shipped threshold {THRESHOLD}")
    print(summary("rules alone", scored(everything, rules)))
    for threshold in THRESHOLDS:
        print(summary(f"combined at {threshold}", scored(everything, combined(threshold))))
    for fold, examples in held_out.items():
        print(f"\n{fold.name} ({len(examples)} messages)")
        print(summary("rules alone", scored(examples, rules)))
        print(summary(f"combined at {THRESHOLD}", scored(examples, combined(THRESHOLD))))


if __name__ == "__main__":
    main()
