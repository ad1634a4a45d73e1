"""`triage(text)`: how urgently a member's message needs a clinician, and why."""

from __future__ import annotations

from dataclasses import dataclass

from bot.rules.red_flags.combine import added_families, read_both
from bot.rules.red_flags.families import FAMILIES, FAMILY_BY_ID, KIND_BY_ID, LEVEL_ORDER, Level
from bot.rules.red_flags.pipeline import read


@dataclass(frozen=True)
class Finding:
    """One red flag found in a message: its family, the kind of finding, a short label for
    people, and the member's own words that showed it (kind `LEARNED` and no words when the
    learned classifier found it in the message as a whole)."""

    family: str
    kind: str
    label: str
    matched: str


@dataclass(frozen=True)
class TriageResult:
    """How urgent a message is: "emergency" (emergency department now), "urgent" (a doctor
    today) or "none"; the families found, in `FAMILIES` order; and the findings behind them."""

    level: Level
    families: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def flagged(self) -> bool:
        """True when the message needs a clinician (emergency or urgent)."""
        return self.level != "none"

    @property
    def labels(self) -> tuple[str, ...]:
        """The findings' labels, each once, in order: what to tell the member and the coach."""
        return tuple(dict.fromkeys(finding.label for finding in self.findings))


NOTHING = TriageResult("none", (), ())
LEARNED = "learned"
"""The kind of a finding the learned classifier added (see `combine`)."""


def triage(text: str) -> TriageResult:
    """Read a member's message and say whether it holds red flags, and how urgent they are.

    Pure apart from the shared pipeline it loads on first use; only the first 4,096 characters
    are read. Safe to call from any thread.
    """
    if not text or not text.strip():
        return NOTHING
    reading = read(text, read_both)
    findings = tuple(
        Finding(KIND_BY_ID[hit.kind].family, hit.kind, KIND_BY_ID[hit.kind].label, hit.matched)
        for hit in reading.hits
    )
    by_rules = frozenset(finding.family for finding in findings)
    findings += tuple(
        Finding(family, LEARNED, FAMILY_BY_ID[family].label, "")
        for family in added_families(by_rules, reading.scores, reading.vetoed)
    )
    found = {finding.family for finding in findings}
    families = tuple(family.family for family in FAMILIES if family.family in found)
    level: Level = "none"
    for family in FAMILIES:
        if family.family in found and LEVEL_ORDER[family.level] > LEVEL_ORDER[level]:
            level = family.level
    return TriageResult(level, families, findings)
