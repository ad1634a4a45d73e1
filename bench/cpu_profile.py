"""Run a module under cProfile counting the main thread's CPU time, not the wall clock.

``python -m bench.cpu_profile OUT MODULE ARGS...`` runs ``python -m MODULE ARGS...`` and writes
the profile to OUT when it returns (the bot returns after SIGTERM). The default timer of
``python -m cProfile`` is the wall clock, so an awaiting coroutine or a thread holding the GIL
shows up as time spent; `time.thread_time` shows where the event loop's thread burns CPU.
Worker threads (aiosqlite's) are not profiled.
"""

from __future__ import annotations

import cProfile
import runpy
import sys
import time


def main() -> None:
    out, module, *arguments = sys.argv[1:]
    sys.argv = [module, *arguments]
    profiler = cProfile.Profile(time.thread_time)
    profiler.enable()
    try:
        runpy.run_module(module, run_name="__main__", alter_sys=True)
    finally:
        profiler.disable()
        profiler.dump_stats(out)


if __name__ == "__main__":
    main()
