"""What a fresh bot process holds once it has read a message: not the libraries it uses rarely
(charts, spreadsheets) or never (NLTK, which medspaCy imports for QuickUMLS), which keeps it
within its memory budget (bench/memory.py); and Python's warnings still on after medspaCy's
import, which switches them all off."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

PROBE = """
import json, sys, warnings
import bot.app
from bot.rules import red_flags
red_flags.triage("both my legs have gone numb")
loaded = [name for name, module in sys.modules.items()
          if type(module).__name__ != "ImportedOnFirstUse"]
ignore_all = [f for f in warnings.filters
              if f[0] == "ignore" and f[1] is None and f[2] is Warning and f[3] is None]
print(json.dumps({"loaded": loaded, "ignore_all": len(ignore_all)}))
"""


@pytest.fixture(scope="module")
def probe() -> dict[str, object]:
    """What a new process that imported the bot and triaged a message reports."""
    done = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, timeout=100, check=True
    )
    result: dict[str, object] = json.loads(done.stdout.splitlines()[-1])
    return result


@pytest.mark.parametrize("library", ["matplotlib", "openpyxl", "nltk"])
def test_the_bot_runs_without_importing(probe: dict[str, object], library: str) -> None:
    loaded = probe["loaded"]
    assert isinstance(loaded, list)

    assert [name for name in loaded if name.split(".")[0] == library] == []


def test_medspacys_import_leaves_warnings_on(probe: dict[str, object]) -> None:
    assert probe["ignore_all"] == 0
