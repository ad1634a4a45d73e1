"""The entry points the check-in service used before `triage`, kept as thin adapters."""

from __future__ import annotations

from dataclasses import dataclass

from bot.config import SymptomThresholds
from bot.rules.red_flags.triage import triage
from bot.rules.symptoms import FlagDecision


@dataclass(frozen=True)
class RedFlag:
    """One red flag found in a note: its family id, a label for people, and the words matched."""

    family: str
    label: str
    matched: str


def find_red_flags(text: str) -> list[RedFlag]:
    """The findings of `triage(text)`, one per kind of finding, in the order they were read."""
    return [
        RedFlag(finding.family, finding.label, finding.matched) for finding in triage(text).findings
    ]


def urgent_flag(
    pain: int | None, note: str | None, thresholds: SymptomThresholds
) -> FlagDecision | None:
    """An urgent flag when the pain is at or above `urgent_pain` or the note has a red flag.

    Both reasons are given when both apply. None when neither does. (The flag kind stays
    "urgent" for emergency findings too; the reason names them.)
    """
    reasons: list[str] = []
    if pain is not None and pain >= thresholds.urgent_pain:
        reasons.append(f"Pain {pain}/10, at or above the urgent level of {thresholds.urgent_pain}.")
    result = triage(note) if note else None
    if result is not None and result.flagged:
        mentions = "; ".join(f'{f.label} ("{f.matched}")' for f in result.findings)
        what = "an emergency" if result.level == "emergency" else "urgent"
        reasons.append(f"Their note mentions {mentions} ({what}).")
    return FlagDecision("urgent", " ".join(reasons)) if reasons else None
