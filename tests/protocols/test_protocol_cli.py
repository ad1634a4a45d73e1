"""`python -m bot protocols check|show` on the bundled files and on a broken one."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from bot.render.protocol_text import dosage_text
from protocols.loader import load_protocol_library


def test_check_passes_on_the_bundled_protocols(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["protocols", "check"]) == 0
    assert capsys.readouterr().out == "2 file(s) checked, 0 problem(s)\n"


def test_check_fails_on_a_broken_file_with_file_line_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        "name: broken\ntitle: Broken\nsummary: S\nworkouts:\n"
        "  - key: day-1\n    title: T\n    intent: I\n    weekly_cap: -1\n    blocks: []\n",
        encoding="utf-8",
    )
    assert main(["protocols", "check", str(broken)]) == 1
    errors = capsys.readouterr().err.splitlines()
    assert errors == [
        f"{broken}:8: weekly_cap must be a positive integer (sessions per week), got -1",
        f"{broken}:9: empty workout: no blocks",
    ]


@pytest.mark.parametrize(
    "name", ["lower-back-pain-relief-lvl1", "7-exercise-protocol-lower-back-relief"]
)
def test_show_prints_every_exercise_with_its_dosage(
    name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["protocols", "show", name]) == 0
    printed = capsys.readouterr().out
    protocol = load_protocol_library()[name]
    for workout in protocol.workouts:
        for block in workout.blocks:
            for exercise in block.exercises:
                assert (
                    f"{exercise.label}) {exercise.name}: {dosage_text(exercise.dosage)}" in printed
                )
