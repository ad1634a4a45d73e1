"""The README's two first commands, CI, the lock files and pyproject.toml stay in step."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def readme_command(opening: str) -> str:
    """The code span of the README paragraph that begins with these words."""
    for paragraph in README.split("\n\n"):
        if paragraph.startswith(opening):
            spans: list[str] = re.findall(r"`([^`]+)`", paragraph)
            return spans[-1]
    raise AssertionError(f"no README paragraph begins with {opening!r}")


def pinned(lock: str) -> dict[str, str]:
    """Package name → the version a lock file pins."""
    text = (ROOT / lock).read_text(encoding="utf-8")
    pins = re.findall(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==(\S+)", text, flags=re.MULTILINE)
    return {canonicalize_name(name): version for name, version in pins}


def test_ci_runs_the_readme_test_command_as_written() -> None:
    command = readme_command("Run the tests")
    ci_lines = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert command in ci_lines


def test_the_readme_test_command_installs_the_dev_lock_before_running_pytest() -> None:
    command = readme_command("Run the tests")
    assert command.index("-r requirements-dev.lock") < command.index("-m pytest")


def test_the_demo_command_installs_the_project_without_the_dev_extras() -> None:
    command = readme_command("Try the demo")
    assert "pip install -e . " in command
    assert "[dev]" not in command
    assert "requirements-dev" not in command
    assert command.endswith("-m bot demo")


RUN_REQUIREMENTS = PYPROJECT["project"]["dependencies"]
DEV_REQUIREMENTS = RUN_REQUIREMENTS + PYPROJECT["project"]["optional-dependencies"]["dev"]


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [("requirements.lock", RUN_REQUIREMENTS), ("requirements-dev.lock", DEV_REQUIREMENTS)],
    ids=["run lock", "dev lock"],
)
def test_a_lock_pins_every_direct_dependency_within_its_range(
    lock: str, requirements: list[str]
) -> None:
    pins = pinned(lock)
    outside = {}
    for line in requirements:
        requirement = Requirement(line)
        version = pins.get(canonicalize_name(requirement.name))
        if version is None or version not in requirement.specifier:
            outside[line] = version
    assert outside == {}


def test_the_two_locks_agree_on_every_package_they_share() -> None:
    run, dev = pinned("requirements.lock"), pinned("requirements-dev.lock")
    assert {name: (run[name], dev.get(name)) for name in run if dev.get(name) != run[name]} == {}
