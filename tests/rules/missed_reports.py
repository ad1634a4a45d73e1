"""Genuine reports a review found missed, grouped by the cause that swallowed them, as
parametrize rows with readable ids (the review tests' shared table shape)."""

from __future__ import annotations

import pytest

Groups = dict[str, list[tuple[str, str]]]
"""Cause → (message, family it must raise)."""

EMERGENCY_LEVEL = {"cauda_equina": "emergency", "vascular": "emergency"}
"""The families whose report must come out as an emergency."""


def rows(groups: Groups) -> list[pytest.ParameterSet]:
    """One (text, family) row per report, its id the cause and the message's start."""
    return [
        pytest.param(text, family, id=f"{group}: {text[:50]}")
        for group, reports in groups.items()
        for text, family in reports
    ]
