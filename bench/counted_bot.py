"""``python -m bot`` that counts the SQL statements it sends, for the benchmarks.

Run as ``python -m bench.counted_bot run`` (the arguments go to ``python -m bot``). Every
statement a cursor executes is counted (SQLAlchemy's ``before_cursor_execute`` on every
engine; the driver's COMMIT is not a statement and is not counted). On SIGUSR1 the bot writes
the count so far to the file named by ``BENCH_STATEMENTS_FILE``; `statements_so_far` asks for
it from the benchmark's side.
"""

from __future__ import annotations

import asyncio
import os
import runpy
import signal
import sys
import time
from pathlib import Path
from types import FrameType
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine

STATEMENTS_FILE = "BENCH_STATEMENTS_FILE"
REPLY_TIMEOUT = 10.0


class _Counter:
    def __init__(self) -> None:
        self.statements = 0

    def count(self, *_args: Any) -> None:
        self.statements += 1

    def write(self, _signal: int, _frame: FrameType | None) -> None:
        target = Path(os.environ[STATEMENTS_FILE])
        partial = target.with_name(target.name + ".partial")
        partial.write_text(str(self.statements))
        partial.replace(target)


async def statements_so_far(pid: int, reply: Path) -> int:
    """Ask the counted bot (process `pid`, writing to `reply`) how many statements it has
    sent so far."""
    return await asyncio.to_thread(_ask, pid, reply)


def _ask(pid: int, reply: Path) -> int:
    reply.unlink(missing_ok=True)
    os.kill(pid, signal.SIGUSR1)
    deadline = time.monotonic() + REPLY_TIMEOUT
    while not reply.exists():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the bot did not write {reply}")
        time.sleep(0.01)
    return int(reply.read_text())


def main() -> None:
    counter = _Counter()
    event.listen(Engine, "before_cursor_execute", counter.count)
    signal.signal(signal.SIGUSR1, counter.write)
    sys.argv = ["bot", *sys.argv[1:]]
    runpy.run_module("bot", run_name="__main__", alter_sys=True)


if __name__ == "__main__":
    main()
