"""Score `triage` against a labelled corpus: recall, false alarms, per-family precision/recall.

Used by tests/rules/test_red_flag_corpus.py and bench/red_flags.py. A corpus is a YAML list of
``{text, level, families, tags}`` records (see tests/rules/red_flag_corpus.yaml).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from bot.rules.red_flags.families import FAMILIES, LEVEL_ORDER, Level
from bot.rules.red_flags.triage import TriageResult, triage


@dataclass(frozen=True)
class Example:
    """One labelled message."""

    text: str
    level: Level
    families: frozenset[str]
    tags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """An example and what the detector said about it."""

    example: Example
    level: Level
    families: frozenset[str]

    @property
    def missed(self) -> bool:
        """A message that needs a clinician, read as harmless."""
        return self.example.level != "none" and self.level == "none"

    @property
    def false_alarm(self) -> bool:
        """A harmless message read as needing a clinician."""
        return self.example.level == "none" and self.level != "none"

    @property
    def downgraded(self) -> bool:
        """An emergency read as less than one."""
        return LEVEL_ORDER[self.level] < LEVEL_ORDER[self.example.level]


@dataclass(frozen=True)
class FamilyScore:
    family: str
    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0


@dataclass(frozen=True)
class Score:
    """How the detector did on a corpus."""

    outcomes: tuple[Outcome, ...]
    families: tuple[FamilyScore, ...] = field(default=())

    @property
    def flagged_total(self) -> int:
        return sum(1 for outcome in self.outcomes if outcome.example.level != "none")

    @property
    def harmless_total(self) -> int:
        return len(self.outcomes) - self.flagged_total

    @property
    def recall(self) -> float:
        """Share of messages needing a clinician that were flagged (emergency or urgent)."""
        missed = sum(1 for outcome in self.outcomes if outcome.missed)
        return 1 - missed / self.flagged_total if self.flagged_total else 1.0

    @property
    def false_alarm_rate(self) -> float:
        """Share of harmless messages that were flagged."""
        alarms = sum(1 for outcome in self.outcomes if outcome.false_alarm)
        return alarms / self.harmless_total if self.harmless_total else 0.0

    @property
    def emergencies_downgraded(self) -> tuple[Outcome, ...]:
        return tuple(
            outcome
            for outcome in self.outcomes
            if outcome.example.level == "emergency" and outcome.downgraded
        )

    def report(self) -> str:
        """The figures as text lines, misses and false alarms listed."""
        lines = [
            f"messages {len(self.outcomes)} (flagged {self.flagged_total}, harmless "
            f"{self.harmless_total})",
            f"recall of flagged messages {self.recall:.3f}",
            f"false-alarm rate on harmless messages {self.false_alarm_rate:.3f}",
            f"emergencies downgraded {len(self.emergencies_downgraded)}",
            "family          precision  recall   (tp/fp/fn)",
        ]
        lines += [
            f"{fam.family:<15} {fam.precision:9.3f} {fam.recall:7.3f}   "
            f"({fam.true_positives}/{fam.false_positives}/{fam.false_negatives})"
            for fam in self.families
        ]
        lines += [
            f"MISSED  {o.example.level:<9} {o.example.text!r}"
            for o in self.outcomes
            if o.missed or (o.example.level == "emergency" and o.downgraded)
        ]
        lines += [
            f"ALARM   {o.level:<9} {o.example.text!r} -> {sorted(o.families)}"
            for o in self.outcomes
            if o.false_alarm
        ]
        return "\n".join(lines)


def load_corpus(path: Path) -> list[Example]:
    """The examples of a corpus file."""
    records = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [
        Example(
            text=str(record["text"]),
            level=record["level"],
            families=frozenset(record.get("families") or ()),
            tags=tuple(record.get("tags") or ()),
        )
        for record in records
    ]


def score(examples: Iterable[Example], detector: Callable[[str], TriageResult] = triage) -> Score:
    """Run the detector over the examples and score it."""
    outcomes = []
    for example in examples:
        result = detector(example.text)
        outcomes.append(Outcome(example, result.level, frozenset(result.families)))
    families = tuple(
        FamilyScore(
            family.family,
            true_positives=sum(
                1 for o in outcomes if family.family in o.families & o.example.families
            ),
            false_positives=sum(
                1 for o in outcomes if family.family in o.families - o.example.families
            ),
            false_negatives=sum(
                1 for o in outcomes if family.family in o.example.families - o.families
            ),
        )
        for family in FAMILIES
    )
    return Score(tuple(outcomes), families)
