"""Red flags: messages that need a clinician now, not a coach later.

`triage(text)` reads a member's message with a medspaCy pipeline (target rules and ConText
modifiers, see the modules of this package) and returns a `TriageResult`: the level
("emergency", "urgent" or "none"), the red-flag families found and the findings behind them.
`load()` builds the pipeline ahead of the first message.
"""

from __future__ import annotations

# First: it imports medspaCy without NLTK, before any module of the package imports medspaCy.
from bot.rules.red_flags import medspacy_parts  # noqa: F401  # isort: skip
from bot.rules.red_flags.families import FAMILIES, Family, Level
from bot.rules.red_flags.pipeline import load
from bot.rules.red_flags.text import MAX_CHARS
from bot.rules.red_flags.triage import Finding, TriageResult, triage

__all__ = [
    "FAMILIES",
    "MAX_CHARS",
    "Family",
    "Finding",
    "Level",
    "TriageResult",
    "load",
    "triage",
]
