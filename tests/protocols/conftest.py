"""Shared fixtures for the protocol tests: the bundled library, loaded once per session."""

from __future__ import annotations

import pytest

from protocols.loader import load_protocol_library
from protocols.schema import Protocol


@pytest.fixture(scope="session")
def library() -> dict[str, Protocol]:
    return load_protocol_library()


@pytest.fixture(scope="session")
def back_pain(library: dict[str, Protocol]) -> Protocol:
    return library["lower-back-pain-relief-lvl1"]


@pytest.fixture(scope="session")
def seven(library: dict[str, Protocol]) -> Protocol:
    return library["7-exercise-protocol-lower-back-relief"]
