"""Broken protocol files: each problem is named specifically, at the YAML line it comes from."""

from __future__ import annotations

from pathlib import Path

import pytest

from protocols.loader import ProtocolFileError, load_protocol_file, load_protocol_library
from protocols.validate import ProtocolProblem, validate_paths

VALID = """\
name: demo
title: Demo protocol
summary: A tiny protocol for tests.
workouts:
  - key: day-1
    title: Day one
    intent: Move a little.
    weekly_cap: 3
    blocks:
      - label: A
        exercises:
          - label: A
            name: Crawling
            dosage: {sets: 3, minutes: 1}
      - label: E
        kind: superset
        exercises:
          - label: E1
            name: Side Kick
            dosage: {sets: 3, reps: 10, per: side}
          - label: E2
            name: Standing Pancake
            dosage: {sets: 3, hold_seconds: 45}
"""


def line_of(text: str, marker: str, occurrence: int = 1) -> int:
    """1-based line of the `occurrence`-th line containing `marker`."""
    lines = [number for number, line in enumerate(text.splitlines(), 1) if marker in line]
    return lines[occurrence - 1]


def check(tmp_path: Path, text: str, filename: str = "demo.yaml") -> list[ProtocolProblem]:
    path = tmp_path / filename
    path.write_text(text, encoding="utf-8")
    problems, checked = validate_paths([path])
    assert checked == 1
    return problems


def only_problem(tmp_path: Path, text: str, filename: str = "demo.yaml") -> tuple[int, str]:
    [problem] = check(tmp_path, text, filename)
    return problem.line, problem.message


def test_the_valid_template_has_no_problems(tmp_path: Path) -> None:
    assert check(tmp_path, VALID) == []


def test_bundled_protocols_have_no_problems() -> None:
    from protocols.loader import bundled_protocols_dir

    assert validate_paths([bundled_protocols_dir()]) == ([], 2)


def test_unknown_exercise_field_is_named_at_its_line(tmp_path: Path) -> None:
    text = VALID.replace("name: Side Kick\n", "name: Side Kick\n            colour: red\n")
    assert only_problem(tmp_path, text) == (
        line_of(text, "colour:"),
        "unknown field 'colour' in exercise",
    )


def test_unknown_top_level_field_is_named_at_its_line(tmp_path: Path) -> None:
    text = VALID.replace("summary:", "author: me\nsummary:")
    assert only_problem(tmp_path, text) == (
        line_of(text, "author:"),
        "unknown field 'author' in protocol",
    )


def test_unknown_dosage_field_is_named_at_its_line(tmp_path: Path) -> None:
    text = VALID.replace("{sets: 3, hold_seconds: 45}", "{sets: 3, hold_secs: 45}")
    assert only_problem(tmp_path, text) == (
        line_of(text, "hold_secs"),
        "unknown field 'hold_secs' in dosage",
    )


def test_dosage_without_reps_hold_or_minutes_is_missing_dosage(tmp_path: Path) -> None:
    text = VALID.replace("{sets: 3, minutes: 1}", "{sets: 3}")
    assert only_problem(tmp_path, text) == (
        line_of(text, "{sets: 3}"),
        "missing dosage: give reps, hold_seconds or minutes",
    )


def test_exercise_without_dosage_is_missing_dosage_at_the_exercise(tmp_path: Path) -> None:
    text = VALID.replace("            dosage: {sets: 3, minutes: 1}\n", "")
    assert only_problem(tmp_path, text) == (
        line_of(text, "- label: A", occurrence=2),
        "missing dosage: give reps, hold_seconds or minutes",
    )


def test_dosage_with_two_amounts_is_refused_at_the_dosage(tmp_path: Path) -> None:
    text = VALID.replace("{sets: 3, reps: 10, per: side}", "{sets: 3, reps: 10, hold_seconds: 5}")
    assert only_problem(tmp_path, text) == (
        line_of(text, "hold_seconds: 5"),
        "give only one of reps, hold_seconds or minutes, not reps and hold_seconds",
    )


def test_duplicate_exercise_label_points_at_the_second_one(tmp_path: Path) -> None:
    text = VALID.replace("label: E2", "label: E1")
    assert only_problem(tmp_path, text) == (
        line_of(text, "label: E1", occurrence=2),
        "duplicate exercise label 'E1' (already used in block E)",
    )


def test_duplicate_exercise_label_across_blocks_is_refused(tmp_path: Path) -> None:
    text = VALID.replace("label: E1", "label: A")
    assert only_problem(tmp_path, text) == (
        line_of(text, "label: A", occurrence=3),
        "duplicate exercise label 'A' (already used in block A)",
    )


def test_duplicate_block_label_points_at_the_second_block(tmp_path: Path) -> None:
    text = VALID.replace("- label: E\n", "- label: A\n")
    assert only_problem(tmp_path, text) == (
        line_of(text, "- label: A", occurrence=3),
        "duplicate block label 'A'",
    )


def test_duplicate_workout_key_points_at_the_second_workout(tmp_path: Path) -> None:
    second = VALID[VALID.index("  - key: day-1") :]
    text = VALID + second
    assert only_problem(tmp_path, text) == (
        line_of(text, "key: day-1", occurrence=2),
        "duplicate workout key 'day-1'",
    )


def test_workout_without_blocks_is_an_empty_workout(tmp_path: Path) -> None:
    text = VALID[: VALID.index("    blocks:")] + "    blocks: []\n"
    assert only_problem(tmp_path, text) == (line_of(text, "blocks: []"), "empty workout: no blocks")


def test_block_without_exercises_is_an_empty_block(tmp_path: Path) -> None:
    text = VALID.replace(
        "      - label: E\n        kind: superset\n        exercises:\n",
        "      - label: B\n        exercises: []\n      - label: E\n"
        "        kind: superset\n        exercises:\n",
    )
    assert only_problem(tmp_path, text) == (
        line_of(text, "exercises: []"),
        "empty block: no exercises",
    )


def test_zero_weekly_cap_is_not_a_positive_integer(tmp_path: Path) -> None:
    text = VALID.replace("weekly_cap: 3", "weekly_cap: 0")
    assert only_problem(tmp_path, text) == (
        line_of(text, "weekly_cap"),
        "weekly_cap must be a positive integer (sessions per week), got 0",
    )


def test_weekly_cap_in_words_is_not_a_positive_integer(tmp_path: Path) -> None:
    text = VALID.replace("weekly_cap: 3", "weekly_cap: three")
    assert only_problem(tmp_path, text) == (
        line_of(text, "weekly_cap"),
        "weekly_cap must be a positive integer (sessions per week), got 'three'",
    )


def test_missing_weekly_cap_is_named_at_the_workout(tmp_path: Path) -> None:
    text = VALID.replace("    weekly_cap: 3\n", "")
    assert only_problem(tmp_path, text) == (
        line_of(text, "key: day-1"),
        "missing field 'weekly_cap' in workout",
    )


def test_superset_with_one_exercise_is_refused(tmp_path: Path) -> None:
    text = VALID[: VALID.index("          - label: E2")]
    assert only_problem(tmp_path, text) == (
        line_of(text, "label: E1"),
        "superset with fewer than 2 exercises",
    )


def test_single_block_with_two_exercises_asks_for_a_superset_or_circuit(tmp_path: Path) -> None:
    text = VALID.replace("        kind: superset\n", "")
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "label: E1")
    assert message.startswith("a single block holds exactly one exercise, this one has 2")


def test_rounds_on_a_superset_are_refused(tmp_path: Path) -> None:
    text = VALID.replace("kind: superset\n", "kind: superset\n        rounds: 3\n")
    assert only_problem(tmp_path, text) == (
        line_of(text, "rounds: 3"),
        "rounds is only for circuits: put the sets in each exercise's dosage",
    )


def test_sets_inside_a_circuit_are_refused_at_the_sets(tmp_path: Path) -> None:
    text = VALID.replace("kind: superset\n", "kind: circuit\n        rounds: 3\n")
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "name: Side Kick") + 1
    assert message.startswith("in a circuit each exercise does one set per round")


def test_unknown_block_kind_lists_the_kinds(tmp_path: Path) -> None:
    text = VALID.replace("kind: superset", "kind: giant-set")
    assert only_problem(tmp_path, text) == (
        line_of(text, "giant-set"),
        "kind must be 'single', 'superset' or 'circuit', got 'giant-set'",
    )


def test_unknown_per_value_lists_the_choices(tmp_path: Path) -> None:
    text = VALID.replace("per: side", "per: arm")
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "per: arm")
    assert message.startswith("per must be 'side', 'leg'")


def test_alt_hold_without_reps_is_refused(tmp_path: Path) -> None:
    text = VALID.replace("{sets: 3, hold_seconds: 45}", "{hold_seconds: 45, alt_hold_seconds: 30}")
    assert only_problem(tmp_path, text) == (
        line_of(text, "alt_hold_seconds"),
        "alt_hold_seconds only goes with reps",
    )


def test_backwards_expected_minutes_range_is_refused(tmp_path: Path) -> None:
    text = VALID.replace("weekly_cap: 3\n", "weekly_cap: 3\n    expected_minutes: [20, 15]\n")
    assert only_problem(tmp_path, text) == (
        line_of(text, "expected_minutes"),
        "expected_minutes must be minutes (like 20) or a range (like [15, 20]), got [20, 15]",
    )


def test_bad_yaml_syntax_reports_its_line(tmp_path: Path) -> None:
    text = VALID.replace("{sets: 3, minutes: 1}", "{sets: 3, minutes: 1")
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "- label: E")
    assert message.startswith("YAML syntax error: ")


def test_bad_indentation_reports_its_line(tmp_path: Path) -> None:
    text = VALID.replace("    title: Day one", "   title: Day one")
    line, message = only_problem(tmp_path, text)
    assert line == line_of(text, "title: Day one")
    assert message.startswith("YAML syntax error: ")


def test_repeated_yaml_key_is_reported_instead_of_silently_overwritten(tmp_path: Path) -> None:
    text = VALID.replace("title: Demo protocol\n", "title: Demo protocol\ntitle: Other\n")
    assert only_problem(tmp_path, text) == (line_of(text, "title: Other"), "duplicate key 'title'")


def test_name_must_match_the_file_name(tmp_path: Path) -> None:
    assert only_problem(tmp_path, VALID, filename="other.yaml") == (
        line_of(VALID, "name: demo"),
        "name 'demo' does not match the file name 'other.yaml'",
    )


def test_name_must_be_a_slug(tmp_path: Path) -> None:
    text = VALID.replace("name: demo", "name: Demo Protocol")
    line, message = only_problem(tmp_path, text)
    assert (line, message.split(",")[0]) == (1, "name must be lowercase letters")


def test_empty_file_is_reported(tmp_path: Path) -> None:
    assert only_problem(tmp_path, "# nothing yet\n") == (0, "the file is empty")


def test_file_that_is_a_list_is_reported(tmp_path: Path) -> None:
    assert only_problem(tmp_path, "- name: demo\n") == (
        1,
        "a protocol file must be a mapping of fields",
    )


def test_every_problem_in_a_file_is_reported_at_once(tmp_path: Path) -> None:
    text = VALID.replace("name: Crawling\n", "name: Crawling\n            colour: red\n").replace(
        "weekly_cap: 3", "weekly_cap: 0"
    )
    problems = check(tmp_path, text)
    assert [(problem.line, problem.message.split(" ")[0]) for problem in problems] == [
        (line_of(text, "weekly_cap"), "weekly_cap"),
        (line_of(text, "colour"), "unknown"),
    ]


def test_problem_prints_as_file_line_message(tmp_path: Path) -> None:
    problem = ProtocolProblem(tmp_path / "demo.yaml", 12, "empty block: no exercises")
    assert str(problem) == f"{tmp_path}/demo.yaml:12: empty block: no exercises"


def test_folder_means_every_yaml_file_in_it(tmp_path: Path) -> None:
    (tmp_path / "demo.yaml").write_text(VALID, encoding="utf-8")
    (tmp_path / "broken.yaml").write_text("name: broken\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("not a protocol", encoding="utf-8")
    problems, checked = validate_paths([tmp_path])
    assert checked == 2
    assert {problem.file.name for problem in problems} == {"broken.yaml"}


def test_empty_folder_is_a_problem(tmp_path: Path) -> None:
    problems, checked = validate_paths([tmp_path])
    assert checked == 0
    assert [problem.message for problem in problems] == [
        "no protocol files (*.yaml) in this folder"
    ]


def test_missing_file_is_reported(tmp_path: Path) -> None:
    problems, _ = validate_paths([tmp_path / "nope.yaml"])
    assert [problem.message.split(":")[0] for problem in problems] == ["cannot read the file"]


def test_loader_returns_a_valid_file_as_a_protocol(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text(VALID, encoding="utf-8")
    assert load_protocol_file(path).workout("day-1").blocks[1].label == "E"


def test_loader_refuses_a_broken_file_with_its_problems(tmp_path: Path) -> None:
    path = tmp_path / "demo.yaml"
    path.write_text(VALID.replace("weekly_cap: 3", "weekly_cap: 0"), encoding="utf-8")
    with pytest.raises(ProtocolFileError) as raised:
        load_protocol_file(path)
    assert [problem.line for problem in raised.value.problems] == [line_of(VALID, "weekly_cap")]


def test_library_lists_problems_of_every_broken_file(tmp_path: Path) -> None:
    (tmp_path / "demo.yaml").write_text(VALID.replace("title: Day one", "title: ''"), "utf-8")
    (tmp_path / "other.yaml").write_text(VALID, encoding="utf-8")
    with pytest.raises(ProtocolFileError) as raised:
        load_protocol_library(tmp_path)
    assert sorted(problem.file.name for problem in raised.value.problems) == [
        "demo.yaml",
        "other.yaml",
    ]


def test_library_loads_protocols_by_name(tmp_path: Path) -> None:
    (tmp_path / "demo.yaml").write_text(VALID, encoding="utf-8")
    assert list(load_protocol_library(tmp_path)) == ["demo"]


def test_bundled_library_holds_both_coach_protocols() -> None:
    assert sorted(load_protocol_library()) == [
        "7-exercise-protocol-lower-back-relief",
        "lower-back-pain-relief-lvl1",
    ]
