"""Check protocol files and report each problem with the YAML line it comes from.

A file is parsed once into PyYAML's node tree, which keeps the line of every key and value,
and then into the `Protocol` model. Each pydantic error location (e.g. `workouts.0.blocks.2`)
is walked down the node tree to the line of the offending node, and the error is reworded
into a message a coach can act on ("unknown field 'colour' in exercise").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError
from pydantic_core import ErrorDetails

from protocols.schema import Protocol, RuleError

_MAX_ALIAS_PROBLEMS = 10
"""Anchors and aliases reported per file; the first few say what to fix."""

_CONTAINERS = {
    "workouts": "workout",
    "blocks": "block",
    "exercises": "exercise",
    "dosage": "dosage",
    "easier": "variant",
    "harder": "variant",
}


@dataclass
class ProtocolProblem:
    """One problem in a protocol file, at a 1-based line (0 when it concerns the whole file)."""

    file: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message}"


def validate_paths(paths: Sequence[Path]) -> tuple[list[ProtocolProblem], int]:
    """Check files (a folder means every *.yaml in it); return the problems and files checked."""
    problems: list[ProtocolProblem] = []
    checked = 0
    for path in paths:
        if path.is_dir():
            files = sorted(path.glob("*.yaml"))
            if not files:
                problems.append(
                    ProtocolProblem(path, 0, "no protocol files (*.yaml) in this folder")
                )
        else:
            files = [path]
        for file in files:
            checked += 1
            problems.extend(check_protocol_file(file)[1])
    return problems, checked


def check_protocol_file(path: Path) -> tuple[Protocol | None, list[ProtocolProblem]]:
    """Parse and validate one file: the protocol when it is sound, and every problem found."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        return None, [ProtocolProblem(path, 0, f"cannot read the file: {error}")]
    refused = _anchors_and_aliases(path, text)
    if refused:
        return None, refused
    loader = yaml.SafeLoader(text)
    try:
        root = loader.get_single_node()
        data = None if root is None else loader.construct_document(root)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 0
        return None, [ProtocolProblem(path, line, f"YAML syntax error: {error.problem}")]
    except yaml.YAMLError as error:
        return None, [ProtocolProblem(path, 0, f"YAML syntax error: {error}")]
    finally:
        loader.dispose()
    if root is None:
        return None, [ProtocolProblem(path, 0, "the file is empty")]
    problems = [
        ProtocolProblem(path, _line(key), f"duplicate key {key.value!r}")
        for key in _duplicate_keys(root)
    ]
    if not isinstance(data, dict):
        problems.append(
            ProtocolProblem(path, _line(root), "a protocol file must be a mapping of fields")
        )
        return None, problems
    try:
        protocol = Protocol.model_validate(data)
    except ValidationError as error:
        problems.extend(_problem(path, root, detail) for detail in error.errors())
        return None, problems
    if protocol.name != path.stem:
        line = _locate(root, ("name",), at_key=False)
        problems.append(
            ProtocolProblem(
                path, line, f"name {protocol.name!r} does not match the file name {path.name!r}"
            )
        )
    problems.extend(_missing_media(path, root, protocol))
    return (None if problems else protocol), problems


def _anchors_and_aliases(path: Path, text: str) -> list[ProtocolProblem]:
    """Every anchor (&name) and alias (*name) in the file, each a problem.

    A protocol is short and written by hand; aliases would let a small file expand into a
    huge document (a "billion laughs"), which the checks below would walk node by node. The
    scan reads parser events only, so it takes time in proportion to the file's length.
    Syntax errors are left to the full parse that follows.
    """
    problems: list[ProtocolProblem] = []
    try:
        for event in yaml.parse(text, Loader=yaml.SafeLoader):
            anchor = event.anchor if isinstance(event, yaml.NodeEvent) else None
            if anchor is None:
                continue
            line = event.start_mark.line + 1 if event.start_mark is not None else 0
            if isinstance(event, yaml.AliasEvent):
                message = f"alias *{anchor} is not allowed: write the value out in full"
            else:
                message = f"anchor &{anchor} is not allowed: protocol files use no anchors"
            problems.append(ProtocolProblem(path, line, message))
            if len(problems) >= _MAX_ALIAS_PROBLEMS:
                break
    except yaml.YAMLError:
        return []
    return problems


def media_path(protocols_dir: Path, media: str) -> Path | None:
    """The file a `media:` value names in the protocols folder; None for an https URL."""
    return None if media.startswith("https://") else protocols_dir / media


def _missing_media(path: Path, root: yaml.Node, protocol: Protocol) -> Iterator[ProtocolProblem]:
    """A demo clip named as a file must be next to the protocol file."""
    for w, workout in enumerate(protocol.workouts):
        for b, block in enumerate(workout.blocks):
            for e, exercise in enumerate(block.exercises):
                where: tuple[str | int, ...] = ("workouts", w, "blocks", b, "exercises", e)
                named = [(where, exercise.media)]
                for direction in ("easier", "harder"):
                    for v, variant in enumerate(getattr(exercise, direction)):
                        named.append(((*where, direction, v), variant.media))
                for loc, media in named:
                    file = media_path(path.parent, media) if media else None
                    if file is not None and not file.is_file():
                        line = _locate(root, (*loc, "media"), at_key=False)
                        yield ProtocolProblem(
                            path, line, f"media file {media!r} not found next to {path.name}"
                        )


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _duplicate_keys(node: yaml.Node) -> Iterator[yaml.Node]:
    """Key nodes repeated within one mapping (PyYAML would silently keep the last)."""
    if isinstance(node, yaml.MappingNode):
        seen: set[object] = set()
        for key, value in node.value:
            if isinstance(key, yaml.ScalarNode):
                if key.value in seen:
                    yield key
                seen.add(key.value)
            yield from _duplicate_keys(value)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _duplicate_keys(item)


def _locate(root: yaml.Node, loc: Sequence[str | int], *, at_key: bool) -> int:
    """Line of the node at `loc`, or of its nearest existing ancestor.

    With `at_key`, the last step of `loc` resolves to the key's line rather than its value's
    (an unknown field is best shown where its name is written).
    """
    node = root
    line = _line(root)
    for depth, part in enumerate(loc):
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == part:
                    child = key if at_key and depth == len(loc) - 1 else value
        elif (
            isinstance(node, yaml.SequenceNode)
            and isinstance(part, int)
            and 0 <= part < len(node.value)
        ):
            child = node.value[part]
        if child is None:
            break
        node = child
        line = _line(node)
    return line


def _problem(path: Path, root: yaml.Node, detail: ErrorDetails) -> ProtocolProblem:
    loc = list(detail["loc"])
    ctx = detail.get("ctx", {})
    error = ctx.get("error")
    if isinstance(error, RuleError):
        loc.extend(error.path)
        return ProtocolProblem(path, _locate(root, loc, at_key=False), str(error))
    at_key = detail["type"] == "extra_forbidden"
    return ProtocolProblem(path, _locate(root, loc, at_key=at_key), _message(detail))


def _message(detail: ErrorDetails) -> str:
    """A coach-readable wording of one pydantic error."""
    loc = detail["loc"]
    kind = detail["type"]
    given: Any = detail["input"]
    field = next((str(part) for part in reversed(loc) if isinstance(part, str)), "protocol")
    where = next(
        (
            _CONTAINERS[part]
            for part in reversed(loc[:-1])
            if isinstance(part, str) and part in _CONTAINERS
        ),
        "protocol",
    )
    if kind == "extra_forbidden":
        return f"unknown field {field!r} in {where}"
    if kind == "missing":
        if field == "dosage":
            return "missing dosage: give reps, hold_seconds or minutes"
        return f"missing field {field!r} in {where}"
    if kind == "too_short":
        empty = {
            "workouts": "the protocol has no workouts",
            "blocks": "empty workout: no blocks",
            "exercises": "empty block: no exercises",
        }
        return empty.get(field, f"{field} must not be empty")
    if field == "weekly_cap":
        return f"weekly_cap must be a positive integer (sessions per week), got {given!r}"
    if kind in ("int_type", "int_parsing", "int_from_float", "greater_than"):
        return f"{field} must be a positive whole number, got {given!r}"
    if kind in ("float_type", "float_parsing"):
        return f"{field} must be a positive number, got {given!r}"
    if kind == "literal_error":
        expected = detail.get("ctx", {}).get("expected", "")
        return f"{field} must be {expected}, got {given!r}"
    if kind == "string_pattern_mismatch":
        if field == "label":
            return f"label must be 1 to 8 letters or digits, got {given!r}"
        if field == "media":
            return (
                "media must be an https URL or a video file in the protocols folder "
                f"(.mp4, .mov, .webm or .gif), got {given!r}"
            )
        return f"{field} must be lowercase letters, digits and dashes (like 'day-1'), got {given!r}"
    if kind in ("string_type", "string_too_short"):
        return f"{field} must be non-empty text, got {given!r}"
    if kind in ("bool_type", "bool_parsing"):
        return f"{field} must be true or false, got {given!r}"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{field} must be a mapping of fields, got {given!r}"
    if kind == "list_type":
        return f"{field} must be a list, got {given!r}"
    return f"{field}: {detail['msg']}"
