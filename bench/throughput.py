"""Presses on the workout card: N members pressing through a workout, the real bot vs a bare
echo bot making the same Bot API calls.

Every member sends /today, presses Skip on the card's first screen (the pain question before
the session) and Done each time the card has been edited into the next step, all members at
once. Two runs per bot:

- *flat out*: each member presses again the moment the card changes. Presses handled per
  second (over the whole run) and the bot's CPU time per update (psutil) come from this run;
  the bot's rate is given as a ratio of the bare echo bot's (target >= 0.5), its CPU as a
  multiple of the echo bot's (target <= 1.5). An echo bot's flat-out run comes right before
  each of the bot's (the load of a shared machine drifts, and CPU per update with it), in
  ``--pairs`` pairs per database (3): CPU per update moves by 15 % from one run to the next
  with how the two processes keep pace, so the verdict takes the median multiple.
- *paced*: the same members at once, each pausing ``--think`` seconds on average (uniformly
  0.5-1.5 times it) between presses, as people doing a set do (far quicker than a set takes).
  Latency runs from the press (the update queued in the emulator) to the edited card reaching
  the emulator: p50 and p99 (target p99 < 100 ms).

New messages per finished session (``sendMessage``/``sendVideo`` calls, the card included),
the SQL statements the bot sends per press (``bench.counted_bot``; /today and the summary's
statements included) and the Bot API calls per update (getUpdates apart) are counted over the
flat-out run. How many updates one getUpdates brings back depends on how the two processes
keep pace with each other (flat out, the echo bot's polls bring about five, the bot's one or
two), and each poll is an HTTP call, so the paced run's CPU per update is printed too: there
every bot polls about once per update, as it does at an ordinary pace.

The bot's CPU is counted from when it has finished starting (`BotProcess.settled`: the
red-flag reader builds in a worker thread for a few seconds after the bot starts polling).
The bot's inbound limit is raised to `INBOUND_LIMIT` (it is still checked on every update):
flat out, a member's updates come quicker than the default 20 in 10 s.

    .venv/bin/python -m bench.throughput --members 50 --database both --think 5
    .venv/bin/python -m bench.throughput --members 200 --database sqlite --bot-only
    .venv/bin/python -m bench.throughput --database sqlite --flat-only   # CPU only, ~1 min
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from bench.counted_bot import STATEMENTS_FILE, statements_so_far
from bench.harness import (
    add_emulator_users,
    bot_environment,
    bot_process,
    fresh_database,
    mark,
    percentile,
    seed_members,
)
from bot.render import texts
from emulator import BotApiEmulator, ChatMessage, SimulatedUser

NEW_MESSAGE_METHODS = frozenset({"sendMessage", "sendVideo", "sendPhoto", "copyMessage"})
TARGET_RATIO = 0.5
TARGET_CPU_MULTIPLE = 1.5
TARGET_P99_MS = 100.0
STEP_TIMEOUT = 120.0
SETTLE_TIMEOUT = 120.0
THINK_SECONDS = 1.0
PAIRS = 3
"""Echo-then-bot flat-out runs per database; the verdict takes the median multiple."""
INBOUND_LIMIT = 100
"""Updates a member may send in 10 s: flat out, on a quiet machine, a member's 22 updates
(/today and 21 presses) can take less than 10 s, which the default 20 would stop as a flood.
The limit is still checked on every update."""
SORRY = texts.SOMETHING_WENT_WRONG()
"""What the bot says when handling an update failed (the members speak English)."""


@dataclass
class Run:
    """What one run of all members measured."""

    presses: int = 0
    latencies: list[float] = field(default_factory=list)
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    updates: int = 0
    new_messages: int = 0
    calls: int = 0
    """Bot API calls the bot made, getUpdates included."""
    polls: int = 0
    """Of which getUpdates."""
    sessions: int = 0
    errors: int = 0
    statements: int | None = None
    """SQL statements the bot sent (None for a bot that is not counted)."""

    @property
    def rate(self) -> float:
        return self.presses / self.seconds

    @property
    def cpu_ms_per_update(self) -> float:
        return self.cpu_seconds / self.updates * 1000

    @property
    def statements_per_press(self) -> float | None:
        return None if self.statements is None else self.statements / self.presses

    @property
    def p50_ms(self) -> float:
        return percentile(self.latencies, 0.5) * 1000

    @property
    def p99_ms(self) -> float:
        return percentile(self.latencies, 0.99) * 1000


def _to_press(message: ChatMessage) -> str | None:
    """Done on a step; Skip on the card's first screen (how the back feels before)."""
    labels = {button.text for button in message.buttons}
    return next((label for label in ("Done", "Skip") if label in labels), None)


def _is_card(message: ChatMessage) -> bool:
    return _to_press(message) is not None


def _finished(message: ChatMessage) -> bool:
    return "Session complete" in (message.text or "")


def _progress(card: ChatMessage) -> str:
    """The card's last line: the progress bar on a step ("▰▰▱▱▱▱▱▱▱▱ 3/20"), the question on
    the first screen and the summary. It changes when a press moves the card on; a countdown
    redraw (rest between rounds) changes another line."""
    return (card.text or "").rsplit("\n", 1)[-1]


def _answered(user: SimulatedUser, card: ChatMessage, before: str, seen: int) -> Callable[[], bool]:
    """The card moved on, or the bot said something went wrong, since the press."""

    def check() -> bool:
        return _progress(card) != before or any(m.text == SORRY for m in user.messages[seen:])

    return check


async def emulator_wait(user: SimulatedUser, predicate: Callable[[], bool]) -> None:
    """Wait on the emulator's change event until `predicate` holds."""
    await user.chat_state_wait(predicate, STEP_TIMEOUT)


async def work_out(user: SimulatedUser, run: Run, think: float, rng: random.Random) -> None:
    """/today, then Skip on the card's first screen and Done until it is the summary. When
    the bot says something went wrong the member sends /today again (it resumes on a new
    card)."""
    loop = asyncio.get_running_loop()
    await user.send_command("/today")
    card = await user.wait_for_message(
        lambda m: _is_card(m) or m.text == SORRY, timeout=STEP_TIMEOUT
    )
    while not _finished(card):
        if card.text == SORRY or not _is_card(card):
            run.errors += 1
            await user.send_command("/today")
            card = await user.wait_for_message(_is_card, timeout=STEP_TIMEOUT)
            continue
        if think:
            await asyncio.sleep(think * rng.uniform(0.5, 1.5))
        pressed_at = loop.time()
        before, seen = _progress(card), len(user.messages)
        await user.press(_to_press(card) or "Done", card)
        await emulator_wait(user, _answered(user, card, before, seen))
        if _progress(card) == before:  # something went wrong: resume on a new card
            run.errors += 1
            await user.send_command("/today")
            card = await user.wait_for_message(_is_card, timeout=STEP_TIMEOUT)
            continue
        run.latencies.append(loop.time() - pressed_at)
        run.presses += 1
    run.sessions += 1


async def run_members(
    emulator: BotApiEmulator, users: list[SimulatedUser], command: list[str], url: str, think: float
) -> Run:
    """All members through a workout at once against the bot that ``command`` starts (its
    statements counted when it is ``bench.counted_bot``)."""
    run = Run()
    rng = random.Random(7)
    loop = asyncio.get_running_loop()
    counted = "bench.counted_bot" in command
    with tempfile.TemporaryDirectory(prefix="coach-bench-") as directory:
        reply = Path(directory) / "statements"
        environment = {
            **bot_environment(emulator, url),
            STATEMENTS_FILE: str(reply),
            "INBOUND_LIMIT": str(INBOUND_LIMIT),
        }
        async with bot_process(emulator, command, environment) as bot:
            async with asyncio.timeout(SETTLE_TIMEOUT):
                await bot.settled()
            pid = bot.process.pid
            statements_at_start = await statements_so_far(pid, reply) if counted else 0
            requests_before = len(emulator.requests)
            cpu_at_start = bot.cpu_seconds()
            started = loop.time()
            await asyncio.gather(*(work_out(user, run, think, rng) for user in users))
            run.seconds = loop.time() - started
            run.cpu_seconds = bot.cpu_seconds() - cpu_at_start
            requests = emulator.requests[requests_before:]
            if counted:
                run.statements = await statements_so_far(pid, reply) - statements_at_start
    run.new_messages = sum(
        1 for r in requests if r.method in NEW_MESSAGE_METHODS and r.status == 200
    )
    run.calls = len(requests)
    run.polls = sum(1 for r in requests if r.method == "getUpdates")
    run.updates = run.presses + run.sessions + run.errors
    return run


def line(name: str, flat: Run, paced: Run | None) -> str:
    per_press = flat.statements_per_press
    statements = "" if per_press is None else f"{per_press:.2f} SQL statements/press  "
    latency = ""
    if paced is not None:
        latency = (
            f"paced p50 {paced.p50_ms:5.1f} ms  p99 {paced.p99_ms:6.1f} ms  CPU "
            f"{paced.cpu_ms_per_update:4.1f} ms/update ({paced.polls / paced.updates:.2f} "
            "getUpdates)  |  "
        )
    return (
        f"throughput {name:<14} {flat.rate:6.1f} presses/s  bot CPU {flat.cpu_ms_per_update:4.1f}"
        f" ms/update  |  {latency}"
        f"{flat.new_messages / flat.sessions:.1f} new messages/session  {statements}"
        f"{flat.calls / flat.updates:.2f} Bot API calls/update ({flat.polls / flat.updates:.2f}"
        " getUpdates)  "
        f"({flat.presses} presses in {flat.seconds:.1f} s, {flat.errors} 'something went wrong')"
    )


def verdict(database: str, compared: list[tuple[Run, Run]], paced: Run | None) -> str:
    """The bot's figures against the targets, as multiples of the echo bot's run just before
    each: the median over the pairs (each pair's multiple in brackets)."""
    ratios = [flat.rate / echo.rate for echo, flat in compared]
    multiples = [flat.cpu_ms_per_update / echo.cpu_ms_per_update for echo, flat in compared]
    ratio, cpu = statistics.median(ratios), statistics.median(multiples)
    cpu_mark = mark(cpu, TARGET_CPU_MULTIPLE + 1e-9, at_least=False)
    latency = (
        ""
        if paced is None
        else f"; p99 {paced.p99_ms:.1f} ms (target < {TARGET_P99_MS:g}) "
        f"{mark(paced.p99_ms, TARGET_P99_MS, at_least=False)}"
    )
    each = ", ".join(f"{multiple:.2f}" for multiple in multiples)
    return (
        f"throughput {database:<8} rate {ratio:4.2f} of the echo bot's (target >= "
        f"{TARGET_RATIO}) {mark(ratio, TARGET_RATIO)}; CPU {cpu:4.2f} x the echo bot's "
        f"[{each}] (target <= {TARGET_CPU_MULTIPLE}) {cpu_mark}{latency}"
    )


async def both_runs(
    members: int, command: list[str], database: str | None, think: float, *, paced: bool = True
) -> tuple[Run, Run | None]:
    """The flat-out run, then (when `paced`) the paced one."""
    runs = []
    for pause in (0.0, think) if paced else (0.0,):
        async with BotApiEmulator(seed=1) as emulator:
            users = add_emulator_users(emulator, members)
            if database is None:
                runs.append(await run_members(emulator, users, command, "", pause))
                continue
            async with fresh_database(database) as url:
                await seed_members(url, members)
                runs.append(await run_members(emulator, users, command, url, pause))
    return runs[0], runs[1] if paced else None


def profiled(command: list[str], profile: str | None, name: str) -> list[str]:
    """``command`` (``-m MODULE ARGS...``) under `bench.cpu_profile`, writing
    PROFILE.NAME.prof, when `profile` is given."""
    if not profile:
        return command
    return ["-m", "bench.cpu_profile", f"{profile}.{name}.prof", *command[1:]]


async def main(
    members: int,
    databases: list[str],
    profile: str | None,
    think: float,
    *,
    pairs: int = PAIRS,
    echo_aiohttp: bool = False,
    baselines: bool = True,
    paced: bool = True,
) -> None:
    print(
        "throughput load average at start (1/5/15 min): "
        + " ".join(f"{load:.2f}" for load in os.getloadavg()),
        flush=True,
    )
    echo_command = profiled(
        ["-m", "bench.echo_bot", *(["--aiohttp"] if echo_aiohttp else [])], profile, "echo"
    )
    for number, database in enumerate(databases):
        command = profiled(["-m", "bench.counted_bot", "run"], profile, database)
        compared: list[tuple[Run, Run]] = []
        paced_run: Run | None = None
        for pair in range(pairs if baselines else 1):
            # Each bot run comes right after an echo run: on a shared machine the load
            # drifts within minutes, and CPU per update with it.
            if baselines:
                echo, echo_paced = await both_runs(
                    members, echo_command, None, think, paced=paced and number == pair == 0
                )
                print(line("echo bot", echo, echo_paced), flush=True)
            flat, paced_now = await both_runs(
                members, command, database, think, paced=paced and pair == 0
            )
            paced_run = paced_run or paced_now
            print(line(f"bot ({database})", flat, paced_now), flush=True)
            if baselines:
                compared.append((echo, flat))
        if compared:
            print(verdict(database, compared, paced_run), flush=True)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=50, help="simulated members (50)")
    parser.add_argument(
        "--database", choices=["sqlite", "postgres", "both"], default="both", help="(both)"
    )
    parser.add_argument(
        "--bot-only",
        action="store_true",
        help="skip the echo-bot baselines (the bot's own figures: errors, p50, p99)",
    )
    parser.add_argument(
        "--profile",
        metavar="PREFIX",
        help="profile the bots' CPU (bench.cpu_profile): PREFIX.<db>.prof, PREFIX.echo.prof",
    )
    parser.add_argument(
        "--think",
        type=float,
        default=THINK_SECONDS,
        help=f"mean pause between presses in the paced run, seconds ({THINK_SECONDS:g})",
    )
    parser.add_argument(
        "--pairs",
        type=int,
        default=PAIRS,
        help=f"echo-then-bot flat-out run pairs per database, median taken ({PAIRS})",
    )
    parser.add_argument(
        "--echo-aiohttp",
        action="store_true",
        help="the echo bot calls the Bot API through the bot's client (aiohttp), not httpx",
    )
    parser.add_argument(
        "--flat-only",
        action="store_true",
        help="skip the paced runs (rate and CPU per update only, no latencies)",
    )
    return parser.parse_args()


if __name__ == "__main__":
    args = parse_args()
    chosen = ["sqlite", "postgres"] if args.database == "both" else [args.database]
    asyncio.run(
        main(
            args.members,
            chosen,
            args.profile,
            args.think,
            pairs=args.pairs,
            echo_aiohttp=args.echo_aiohttp,
            baselines=not args.bot_only,
            paced=not args.flat_only,
        )
    )
