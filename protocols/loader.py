"""Load protocol files into `Protocol` models, refusing any file that does not validate."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from protocols.schema import Protocol
from protocols.validate import ProtocolProblem, check_protocol_file


class ProtocolFileError(Exception):
    """One or more protocol files are invalid; `problems` lists every one of them."""

    def __init__(self, problems: Sequence[ProtocolProblem]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


def bundled_protocols_dir() -> Path:
    """The folder of protocol files shipped with the bot."""
    return Path(__file__).parent / "data"


def load_protocol_file(path: Path) -> Protocol:
    """The protocol in `path`; ProtocolFileError if the file has any problem."""
    protocol, problems = check_protocol_file(path)
    if protocol is None:
        raise ProtocolFileError(problems)
    return protocol


def load_protocol_library(directory: Path | None = None) -> dict[str, Protocol]:
    """Every protocol in `directory` (default: the bundled ones), by name.

    All files are checked before anything is returned, so one bad file is reported together
    with every other problem instead of one at a time.
    """
    folder = bundled_protocols_dir() if directory is None else directory
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise ProtocolFileError(
            [ProtocolProblem(folder, 0, "no protocol files (*.yaml) in this folder")]
        )
    library: dict[str, Protocol] = {}
    problems: list[ProtocolProblem] = []
    for path in files:
        protocol, found = check_protocol_file(path)
        problems.extend(found)
        if protocol is not None:
            library[protocol.name] = protocol
    if problems:
        raise ProtocolFileError(problems)
    return library
