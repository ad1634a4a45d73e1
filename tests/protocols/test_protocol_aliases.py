"""YAML anchors and aliases are refused in protocol files, so a tiny file cannot expand into
a huge document (a "billion laughs") and hang `protocols check` or the bot's start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli import main
from protocols.loader import ProtocolFileError, load_protocol_library
from protocols.validate import validate_paths

LEVELS = 30
"""Each level doubles the one before: 2**31 "lol"s once expanded, from a 1 kB file."""


def billion_laughs() -> str:
    lines = ["name: bomb", 'a0: &a0 ["lol", "lol"]']
    lines += [f"a{level}: &a{level} [*a{level - 1}, *a{level - 1}]" for level in range(1, LEVELS)]
    lines.append(f"workouts: [*a{LEVELS - 1}, *a{LEVELS - 1}]")
    return "\n".join(lines) + "\n"


@pytest.fixture
def bomb(tmp_path: Path) -> Path:
    path = tmp_path / "bomb.yaml"
    path.write_text(billion_laughs(), encoding="utf-8")
    return path


@pytest.mark.timeout(10)
def test_protocols_check_refuses_a_billion_laughs_file_at_once(
    bomb: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["protocols", "check", str(bomb)]) == 1
    first = capsys.readouterr().err.splitlines()[0]
    assert first == f"{bomb}:2: anchor &a0 is not allowed: protocol files use no anchors"


@pytest.mark.timeout(10)
def test_start_up_refuses_a_billion_laughs_file_at_once(bomb: Path) -> None:
    with pytest.raises(ProtocolFileError, match="is not allowed"):
        load_protocol_library(bomb.parent)


def test_an_alias_is_named_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text("name: demo\ntitle: Demo\nsummary: *missing\n", encoding="utf-8")
    problems, _ = validate_paths([path])
    assert [(problem.line, problem.message) for problem in problems] == [
        (3, "alias *missing is not allowed: write the value out in full")
    ]


def test_a_merge_key_alias_is_refused_too(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text("base: &base {sets: 3}\ndosage:\n  <<: *base\n", encoding="utf-8")
    problems, _ = validate_paths([path])
    assert [problem.line for problem in problems] == [1, 3]
