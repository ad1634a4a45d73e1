"""Building the red-flag reader afresh (its vocabulary grew too big) frees the old pipeline
first, so the new one reuses that memory instead of adding its own next to it.

The check runs in a fresh interpreter: whether an old pipeline is still referenced is a fact
about the whole process, and a test process that has run other tests (a bot's threads, pytest's
own bookkeeping) may hold references this rule is not about."""

from __future__ import annotations

import subprocess
import sys
import textwrap

RENEW_TWICE = textwrap.dedent(
    """
    import weakref

    from bot.rules.red_flags import load, pipeline, triage

    built = [weakref.ref(load())]
    old_alive_at_each_build = []
    build = pipeline._build

    def watched_build():
        old_alive_at_each_build.append(any(old() is not None for old in built))
        nlp = build()
        built.append(weakref.ref(nlp))
        return nlp

    pipeline._build = watched_build
    pipeline.RENEW_AFTER_NEW_STRINGS = 5
    triage("zqxv wvqz numb bum qqzx vvqx xzqq")  # new strings: the next use renews
    load()
    print(old_alive_at_each_build)
    """
)


def test_the_old_pipeline_is_freed_before_the_new_one_is_built() -> None:
    run = subprocess.run(
        [sys.executable, "-c", RENEW_TWICE], capture_output=True, text=True, timeout=180
    )

    assert run.returncode == 0, run.stderr
    old_alive_at_each_build = run.stdout.strip().splitlines()[-1]
    assert old_alive_at_each_build.startswith("[False")
    assert "True" not in old_alive_at_each_build
